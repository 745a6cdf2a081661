import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  ConfirmUnitBody,
  type ConfirmUnitResponse,
  type DismissResponse,
  type MeterHealthResponse,
  type QuarantineResponse,
} from '../../models/engineer';
import { ErrorCode } from '../../models/errors';
import type { MeterHealth, QuarantinedReading } from '../../models/health';
import { ApiFailure } from '../apiFailure';
import { firstIssue, statusOf } from '../ingest/readingsRoute';
import type { ConfirmedUnit, DismissedReading } from '../twinRederive';
import { type EngineerSessions, requireEngineer, sessionRoutes } from './session';

/** What the engineer routes need of the twin (the `Twin` class provides it). */
export interface EngineerDesk {
  readonly site: { readonly meters: ReadonlyArray<{ readonly id: string }> };
  readonly timeMs: number | null;
  quarantine(meterId?: string): QuarantinedReading[];
  /** Throws `ApiFailure` 404 for an unknown reading, 409 for one not held for its unit. */
  confirmUnit(readingId: number, unit: 'L' | 'm3'): ConfirmedUnit;
  /** Throws `ApiFailure` 404 for an unknown reading, 409 for one not quarantined. */
  dismissReading(readingId: number): DismissedReading;
  health(): MeterHealth[];
}

export interface EngineerRoutesOptions {
  readonly twin: EngineerDesk;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
}

const QuarantineQuery = z.object({ meter: z.string().min(1).max(64).optional() });
const ReadingParams = z.object({
  id: z.coerce.number().int('a whole reading id').positive('a reading id above 0'),
});

/**
 * The engineer API: sign-in (see `session.ts`), the quarantine desk (engineers only: it shows
 * raw values) and meter health (readable by all: the main view shows it).
 */
export function engineerRoutes({ twin, sessions, logger }: EngineerRoutesOptions): Router {
  const log = logger.child({ area: 'engineer' });
  const router = express.Router();
  const engineerOnly = requireEngineer(sessions);
  const meterIds = new Set(twin.site.meters.map((m) => m.id));

  router.use(sessionRoutes(sessions, logger));

  router.get('/api/v1/health/meters', (_req, res) => {
    const body: MeterHealthResponse = { twinTimeMs: twin.timeMs, meters: twin.health() };
    res.json(body);
  });

  router.get('/api/v1/quarantine', engineerOnly, (req, res) => {
    const parsed = QuarantineQuery.safeParse(req.query);
    if (!parsed.success) {
      throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('query', req.query, parsed.error));
    }
    const { meter } = parsed.data;
    if (meter !== undefined && !meterIds.has(meter)) {
      throw new ApiFailure(
        404,
        ErrorCode.unknownMeter,
        `no meter with id ${JSON.stringify(meter)}`,
      );
    }
    res.setHeader('Cache-Control', 'no-store');
    const body: QuarantineResponse = { readings: twin.quarantine(meter) };
    res.json(body);
  });

  router.post(
    '/api/v1/quarantine/:id/confirm-unit',
    engineerOnly,
    express.json({ limit: '4kb' }),
    (req, res) => {
      // Validate the reading id and the body before touching anything.
      const params = ReadingParams.safeParse(req.params);
      if (!params.success) {
        throw new ApiFailure(
          400,
          ErrorCode.badRequest,
          firstIssue('path', req.params, params.error),
        );
      }
      const body = ConfirmUnitBody.safeParse(req.body);
      if (!body.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, body.error));
      }

      const readingId = params.data.id;
      const done = twin.confirmUnit(readingId, body.data.unit);
      log.info(
        { reading: readingId, meter: done.meterId, unit: body.data.unit, outcome: done.outcome },
        'unit confirmed',
      );
      const answer: ConfirmUnitResponse = {
        readingId,
        meterId: done.meterId,
        intervals: done.intervals,
        ...statusOf(done.outcome, []),
        changed: done.changed,
      };
      res.json(answer);
    },
  );

  router.post('/api/v1/quarantine/:id/dismiss', engineerOnly, (req, res) => {
    const params = ReadingParams.safeParse(req.params);
    if (!params.success) {
      throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('path', req.params, params.error));
    }

    const readingId = params.data.id;
    const done = twin.dismissReading(readingId);
    log.info({ reading: readingId, meter: done.meterId }, 'reading dismissed');
    const answer: DismissResponse = { readingId, ...done };
    res.json(answer);
  });

  return router;
}
