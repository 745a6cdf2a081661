import express, { type RequestHandler, type Router } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../../models/errors';
import {
  AnswerQuestionBody,
  MeterEventBody,
  type MeterEventResponse,
} from '../../models/meterEvents';
import { ApiFailure } from '../apiFailure';
import type { Interval } from '../engine/interval';
import { firstIssue } from '../ingest/readingsRoute';
import { bearerMatches } from '../ingest/token';
import { storedAnswer, storedEvent } from '../registerEvents';
import type { StoredEvent } from '../store';
import { type EngineerSessions, requireEngineer } from './session';

/** What these routes need of the twin (the `Twin` class provides it). */
export interface RegisterDesk {
  readonly site: {
    readonly meters: ReadonlyArray<{ readonly id: string; readonly register: { unit: string } }>;
  };
  /** Throws `ApiFailure` 404 for an unknown meter, 409 when the values are refused. */
  registerEvent(event: StoredEvent): { rederived: boolean; interval: Interval | null };
}

export interface MeterEventsRoutesOptions {
  readonly twin: RegisterDesk;
  readonly sessions: EngineerSessions;
  /** The ingest bearer token: gateways may report resets and replacements too. */
  readonly ingestToken: string;
  readonly logger: Logger;
}

/**
 * `POST /api/v1/meters/:id/events` (engineer, or the ingest token): an explicit register reset
 * or meter replacement. `POST /api/v1/meters/:id/questions/answer` (engineer only): the old
 * final reading for a replacement seen in the data. Values are in the meter's unit.
 */
export function meterEventsRoutes({
  twin,
  sessions,
  ingestToken,
  logger,
}: MeterEventsRoutesOptions): Router {
  const log = logger.child({ area: 'engineer' });
  const router = express.Router();
  const units = new Map(twin.site.meters.map((m) => [m.id, m.register.unit]));

  const engineerOrGateway: RequestHandler = (req, _res, next) => {
    if (!sessions.isEngineer(req) && !bearerMatches(req.headers.authorization, ingestToken)) {
      throw new ApiFailure(
        401,
        ErrorCode.unauthorized,
        'engineer sign-in or "Authorization: Bearer <ingest token>" required',
      );
    }
    next();
  };

  /** The meter of the path, and a body in its unit, or the error that says why not. */
  const meterOf = (id: string, unit: string): string => {
    const meterUnit = units.get(id);
    if (meterUnit === undefined) {
      throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter with id ${JSON.stringify(id)}`);
    }
    if (unit !== meterUnit) {
      const rule = `values must be in the meter's register unit "${meterUnit}"`;
      throw new ApiFailure(400, ErrorCode.badRequest, `body.unit: "${unit}" — ${rule}`);
    }
    return id;
  };

  /** Applies a stored event and answers with what it booked. */
  const apply = (event: StoredEvent, outcome: MeterEventResponse['outcome']) => {
    const { rederived, interval } = twin.registerEvent(event);
    log.info({ meter: event.meterId, kind: event.kind, rederived }, 'register event');
    const body: MeterEventResponse = { meterId: event.meterId, outcome, rederived, interval };
    return body;
  };

  router.post(
    '/api/v1/meters/:id/events',
    engineerOrGateway,
    express.json({ limit: '4kb' }),
    (req, res) => {
      const parsed = MeterEventBody.safeParse(req.body);
      if (!parsed.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, parsed.error));
      }
      const meterId = meterOf(String(req.params.id), parsed.data.unit);
      res.json(apply(storedEvent(meterId, parsed.data), parsed.data.kind));
    },
  );

  router.post(
    '/api/v1/meters/:id/questions/answer',
    requireEngineer(sessions),
    express.json({ limit: '4kb' }),
    (req, res) => {
      const parsed = AnswerQuestionBody.safeParse(req.body);
      if (!parsed.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, parsed.error));
      }
      const meterId = meterOf(String(req.params.id), parsed.data.unit);
      res.json(apply(storedAnswer(meterId, parsed.data), 'replacement'));
    },
  );

  return router;
}
