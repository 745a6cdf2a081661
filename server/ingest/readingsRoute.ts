import { parse } from 'csv-parse/sync';
import express, { type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { ErrorCode } from '../../models/errors';
import {
  IngestBody,
  type IngestReading,
  type IngestResult,
  type IngestStatus,
} from '../../models/ingest';
import type { Reading } from '../../models/reading';
import { ApiFailure } from '../apiFailure';
import type { Twin } from '../twin';
import { futureReading } from './future';
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

/** Maps what ingest decided to the status a sender sees (HTTP and MQTT alike). */
export function statusOf(
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
    case 'possible_meter_replacement':
      // Accepted: stored, and the new meter is measured from this value on. Nothing waits in
      // the quarantine desk; the question for the old meter's final reading is listed in
      // meter health and answered at /api/v1/meters/:id/questions/answer.
      return { status: 'accepted', reason: 'possible_meter_replacement' };
    case 'retired_serial':
      // A reading from a meter already replaced on this point: stored, never booked.
      return { status: 'rejected', reason: 'retired_serial' };
    case 'duplicate':
    case 'duplicate_seq':
      return { status: 'duplicate' };
    case 'conflict':
      return { status: 'conflict', reason: 'same_time_other_value' };
    case 'unknown_meter':
      return { status: 'rejected', reason: 'unknown_meter' };
    case 'negative_flow':
      // Stored as sent, never booked: a flow below zero is no use of water.
      return { status: 'rejected', reason: 'negative_flow' };
    default:
      // unit_mismatch, late, suspect_decrease, suspect_jump
      return { status: 'quarantined', reason: outcome };
  }
}

/**
 * Runs validated readings through the twin and answers each, in input order. Unknown meters,
 * meters driven by the replay or the simulator and readings timed after twin time (see
 * `future.ts`) are refused one by one; the rest are
 * ingested and committed before this returns, so a result returned is a result stored.
 * Shared by the HTTP route and MQTT ingest so both answer the same way.
 */
export function ingestValidated(twin: Twin, readings: readonly IngestReading[]): IngestResult[] {
  // Meters fed by the twin's own sources refuse outside readings; the rest go to the engine.
  const accepted: Reading[] = [];
  const index: number[] = [];
  const nowMs = twin.nowMs();
  const results: IngestResult[] = readings.map((r, i) => {
    const source = twin.sourceOf.get(r.meter);
    if (source === undefined) {
      return { index: i, meter: r.meter, status: 'rejected', reason: 'unknown_meter' };
    }
    if (source !== 'ingest') {
      return { index: i, meter: r.meter, status: 'rejected', reason: `meter_fed_by_${source}` };
    }
    // A time the twin has not reached cannot have been measured: refused, not stored.
    const tsMs = typeof r.ts === 'number' ? r.ts : Date.parse(r.ts);
    const future = futureReading(tsMs, nowMs);
    if (future !== null) {
      return { index: i, meter: r.meter, status: 'rejected', reason: 'future', detail: future };
    }
    accepted.push({
      meterId: r.meter,
      tsMs,
      value: r.value,
      unit: r.unit,
      kind: r.kind,
      source: 'ingest',
      ...(r.seq === undefined ? {} : { seq: r.seq }),
      ...(r.serial === undefined ? {} : { serial: r.serial }),
    });
    index.push(i);
    return { index: i, meter: r.meter, status: 'accepted' };
  });

  const outcomes = twin.ingestReadings(accepted);
  outcomes.forEach((o, k) => {
    const i = index[k]!;
    results[i] = { index: i, meter: accepted[k]!.meterId, ...statusOf(o.outcome, o.flags) };
  });
  return results;
}

/**
 * Names the first validation problem with where it is and what was there, e.g.
 * `body.readings[2].ts: "yesterday" — an ISO 8601 time with an offset, or epoch ms`.
 */
export function firstIssue(root: string, value: unknown, error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('');
  let found: unknown = value;
  for (const p of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[p];
  return `${root}${where}: ${shortJson(found)} — ${issue.message}`;
}

/** A value as JSON for a message, cut short; one too deep to write is named as such. */
function shortJson(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return '(a value nested too deeply to show)';
  }
  if (text === undefined) return 'missing';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/** Columns of the CSV form; another name in the header is refused, never skipped. */
const CSV_COLUMNS = ['meter', 'ts', 'value', 'unit', 'kind', 'seq', 'serial'];

/** Parses the CSV form: a header `meter,ts,value,unit,kind[,seq][,serial]`, one reading per row. */
function fromCsv(text: string): unknown {
  const rows = parse(text, {
    columns: (header: string[]) => {
      const unknown = header.filter((name) => name !== '' && !CSV_COLUMNS.includes(name));
      if (unknown.length > 0) {
        throw new Error(
          `unknown column ${unknown.map((n) => `'${n}'`).join(', ')} in the header; ` +
            `columns are ${CSV_COLUMNS.join(',')}`,
        );
      }
      return header;
    },
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
      if (r.serial !== undefined && r.serial !== '') out.serial = r.serial;
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
    // Any JSON value is parsed, so a body such as `null` is named for what it is below.
    express.json({ limit: MAX_BODY_BYTES, strict: false }),
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
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new ApiFailure(
          400,
          ErrorCode.badRequest,
          `body: ${shortJson(body)} — must be an object with "readings": [ … ]`,
        );
      }
      const parsed = IngestBody.safeParse(body);
      if (!parsed.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', body, parsed.error));
      }

      const results = ingestValidated(twin, parsed.data.readings);
      log.info(
        { count: results.length, accepted: results.filter((r) => r.status === 'accepted').length },
        'readings',
      );
      res.json({ results });
    },
  );
  return router;
}
