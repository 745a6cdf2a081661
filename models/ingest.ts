import { z } from 'zod';

/**
 * The body of `POST /api/v1/readings` (JSON), and one row of its CSV form
 * (`meter,ts,value,unit,kind,seq,serial`). Timestamps carry an offset (ISO 8601) or are epoch ms.
 */
export const MAX_READINGS_PER_REQUEST = 10_000;

/** A time with an offset (ISO 8601) or epoch ms. */
export const IngestTimestamp = z.union([
  z.iso.datetime({ offset: true, message: 'an ISO 8601 time with an offset, or epoch ms' }),
  z.number().int().nonnegative(),
]);

export const IngestReading = z
  .object({
    meter: z.string().min(1).max(64),
    ts: IngestTimestamp,
    /** Register value in `unit`; null when the meter sent none. */
    value: z.number().finite().nullable(),
    unit: z.enum(['L', 'm3']),
    /** register | interval_volume | flow (L: L/s, m3: m³/h) | daily_total. */
    kind: z.enum(['register', 'interval_volume', 'flow', 'daily_total']),
    seq: z.number().int().nonnegative().optional(),
    /** Serial of the physical meter (registers: a new serial means the meter was exchanged). */
    serial: z.string().min(1).max(64).optional(),
  })
  .strict();
export type IngestReading = z.infer<typeof IngestReading>;

export const IngestBody = z
  .object({ readings: z.array(IngestReading).min(1).max(MAX_READINGS_PER_REQUEST) })
  .strict();

/** What happened to each reading, in request order. */
export type IngestStatus = 'accepted' | 'duplicate' | 'conflict' | 'quarantined' | 'rejected';

export interface IngestResult {
  readonly index: number;
  readonly meter: string;
  readonly status: IngestStatus;
  /** Why, when not plainly accepted (e.g. `unit_mismatch`, `suspect_jump`, `glitch_decrease`). */
  readonly reason?: string;
  /** The reason in words, where it depends on the reading (e.g. the times behind `future`). */
  readonly detail?: string;
}
