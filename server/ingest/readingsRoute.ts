import { parse } from 'csv-parse/sync';
import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { ErrorCode } from '../../models/errors';
import { IngestBody, type IngestResult, type IngestStatus } from '../../models/ingest';
import type { Reading } from '../../models/reading';
import { ApiFailure } from '../apiFailure';
import type { Twin } from '../twin';
import { bearerMatches } from './token';

/** Largest request body accepted, bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ReadingsRouteOptions {
  readonly twin: Twin;
  readonly token: string;
  readonly logger: Logger;
  /** Requests per second one client may make. */
  readonly requestsPerSecond?: number;
}

/** Maps what ingest decided to the status a sender sees. */
function statusOf(
  outcome: string,
  flags: readonly string[],
): { status: IngestStatus; reason?: string } {
  switch (outcome) {
    case 'first':
    case 'booked':
      return flags.length > 0
        ? { status: 'accepted', reason: flags.join(',') }
        : { status: 'accepted' };
    case 'missing':
      return { status: 'accepted', reason: 'missing_value' };
    case 'duplicate':
    case 'duplicate_seq':
      return { status: 'duplicate' };
    case 'conflict':
      return { status: 'conflict', reason: 'same_time_other_value' };
    case 'unknown_meter':
      return { status: 'rejected', reason: 'unknown_meter' };
    default:
      // unit_mismatch, late, suspect_decrease, suspect_jump
      return { status: 'quarantined', reason: outcome };
  }
}

/** Parses the CSV form: a header `meter,ts,value,unit,kind[,seq]`, one reading per row. */
function fromCsv(text: string): unknown {
  const rows = parse(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  }) as Array<Record<string, string>>;
  return {
    readings: rows.map((r) => {
      const ts = /^\d+$/.test(r.ts ?? '') ? Number(r.ts) : r.ts;
      const value = r.value === undefined || r.value === '' ? null : Number(r.value);
      const out: Record<string, unknown> = {
        meter: r.meter,
        ts,
        value,
        unit: r.unit,
        kind: r.kind,
      };
      if (r.seq !== undefined && r.seq !== '') out.seq = Number(r.seq);
      return out;
    }),
  };
}

/**
 * `POST /api/v1/readings`: meters send readings as JSON or CSV with a bearer token. Each
 * reading gets its own status; the answer is sent only after the readings are committed.
 * A body that fails validation changes nothing stored.
 */
export function readingsRoute({
  twin,
  token,
  logger,
  requestsPerSecond = 50,
}: ReadingsRouteOptions): Router {
  const log = logger.child({ area: 'ingest' });
  const router = express.Router();
  const meterIds = new Set(twin.site.meters.map((m) => m.id));

  router.post(
    '/api/v1/readings',
    rateLimit({
      windowMs: 1000,
      limit: requestsPerSecond,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({
          code: ErrorCode.rateLimited,
          message: `more than ${requestsPerSecond} requests per second; send readings in batches`,
        });
      },
    }),
    (req, _res, next) => {
      if (!bearerMatches(req.headers.authorization, token)) {
        throw new ApiFailure(
          401,
          ErrorCode.unauthorized,
          'a valid "Authorization: Bearer <token>" header is required',
        );
      }
      next();
    },
    express.json({ limit: MAX_BODY_BYTES }),
    express.text({ type: ['text/csv', 'text/plain'], limit: MAX_BODY_BYTES }),
    (req, res) => {
      // Parse and validate the whole body before touching anything.
      let body: unknown = req.body;
      if (typeof body === 'string') {
        try {
          body = fromCsv(body);
        } catch (err) {
          throw new ApiFailure(400, ErrorCode.badRequest, `CSV body: ${(err as Error).message}`);
        }
      }
      const parsed = IngestBody.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        const where = issue.path
          .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
          .join('');
        let value: unknown = body;
        for (const p of issue.path)
          value = (value as Record<PropertyKey, unknown> | undefined)?.[p];
        throw new ApiFailure(
          400,
          ErrorCode.badRequest,
          `body${where}: ${JSON.stringify(value) ?? 'missing'} — ${issue.message}`,
        );
      }

      // Known meters go through the engine; the rest are refused one by one.
      const readings: Reading[] = [];
      const index: number[] = [];
      const results: IngestResult[] = parsed.data.readings.map((r, i) => ({
        index: i,
        meter: r.meter,
        status: 'rejected',
        reason: 'unknown_meter',
      }));
      parsed.data.readings.forEach((r, i) => {
        if (!meterIds.has(r.meter)) return;
        const source = twin.sourceOf.get(r.meter);
        if (source !== 'ingest') {
          results[i] = {
            index: i,
            meter: r.meter,
            status: 'rejected',
            reason: `meter_fed_by_${source}`,
          };
          return;
        }
        const reading: Reading = {
          meterId: r.meter,
          tsMs: typeof r.ts === 'number' ? r.ts : Date.parse(r.ts),
          value: r.value,
          unit: r.unit,
          kind: r.kind,
          source: 'ingest',
          ...(r.seq === undefined ? {} : { seq: r.seq }),
        };
        readings.push(reading);
        index.push(i);
      });
      const outcomes = twin.ingestReadings(readings);
      outcomes.forEach((o, k) => {
        const i = index[k]!;
        results[i] = { index: i, meter: readings[k]!.meterId, ...statusOf(o.outcome, o.flags) };
      });
      log.info(
        { count: results.length, accepted: results.filter((r) => r.status === 'accepted').length },
        'readings',
      );
      res.json({ results });
    },
  );
  return router;
}
