import { z } from 'zod';
import type { MeterHealth, QuarantinedReading } from './health';
import type { IngestStatus } from './ingest';

/**
 * The engineer API: sign-in (`/api/v1/session`), the quarantine desk and meter health.
 * Bodies are validated with these schemas on the server; the client uses the response types.
 */

/** `POST /api/v1/session`: the engineer token, exchanged for an httpOnly session cookie. */
export const SignInBody = z.object({
  token: z.string().min(1, 'the engineer token, not empty').max(512, 'at most 512 characters'),
});

/** `POST /api/v1/quarantine/:id/confirm-unit`: the unit the reading's value is really in. */
export const ConfirmUnitBody = z.object({
  unit: z.enum(['L', 'm3'], { message: 'the unit the value is really in: "L" or "m3"' }),
});
export type ConfirmUnitBody = z.infer<typeof ConfirmUnitBody>;

/** `GET|POST|DELETE /api/v1/session`: whether this browser holds an engineer session. */
export interface SessionState {
  readonly engineer: boolean;
}

/** `GET /api/v1/quarantine[?meter=]`: held-back readings, oldest first. */
export interface QuarantineResponse {
  readonly readings: readonly QuarantinedReading[];
}

/** A reading of the meter whose outcome a re-derivation changed (e.g. `booked` → `conflict`). */
export interface OutcomeChange {
  readonly id: number;
  /** The reading's time, epoch ms. */
  readonly tsMs: number;
  readonly from: string;
  readonly to: string;
}

/**
 * `POST /api/v1/quarantine/:id/confirm-unit`: the meter derived again and its interval count;
 * what the reading became with its unit confirmed (`accepted`, or still `quarantined` with the
 * reason a fresh reading would get, e.g. `suspect_jump`); and other readings it changed.
 */
export interface ConfirmUnitResponse {
  readonly readingId: number;
  readonly meterId: string;
  readonly intervals: number;
  readonly status: IngestStatus;
  readonly reason?: string;
  readonly changed: readonly OutcomeChange[];
}

/** `POST /api/v1/quarantine/:id/dismiss`: the meter derived again without the reading. */
export interface DismissResponse {
  readonly readingId: number;
  readonly meterId: string;
  readonly intervals: number;
  readonly changed: readonly OutcomeChange[];
}

/**
 * `GET /api/v1/health/meters`: one health entry per meter of the site, at twin time `twinTimeMs`.
 */
export interface MeterHealthResponse {
  readonly twinTimeMs: number | null;
  readonly meters: readonly MeterHealth[];
}
