import { z } from 'zod';
import { IngestTimestamp } from './ingest';

/**
 * Register events and replacement questions (`POST /api/v1/meters/:id/events`,
 * `POST /api/v1/meters/:id/questions/answer`). Values are in the meter's register unit
 * (`unit` must say which, and must be the meter's); times carry an offset or are epoch ms.
 */

const Value = z.number().finite().nonnegative('a register value, not below 0');
const Unit = z.enum(['L', 'm3'], { message: 'the register unit: "L" or "m3"' });

/** The register restarted at `startValue`; `finalValue` is what it showed just before, if read. */
export const ResetEventBody = z
  .object({
    kind: z.literal('reset'),
    ts: IngestTimestamp,
    finalValue: Value.nullable(),
    startValue: Value,
    unit: Unit,
  })
  .strict();

/** The physical meter was exchanged: old meter's final reading, new meter's start and serial. */
export const ReplacementEventBody = z
  .object({
    kind: z.literal('replacement'),
    ts: IngestTimestamp,
    oldFinalValue: Value,
    newStartValue: Value,
    newSerial: z.string().min(1).max(64),
    unit: Unit,
  })
  .strict();

export const MeterEventBody = z.discriminatedUnion('kind', [ResetEventBody, ReplacementEventBody]);
export type MeterEventBody = z.infer<typeof MeterEventBody>;

/** An engineer's answer to the replacement question raised at the new meter's first reading. */
export const AnswerQuestionBody = z
  .object({
    /** The question's `firstNewTsMs`, as a time. */
    firstNewTs: IngestTimestamp,
    oldFinalValue: Value,
    newStartValue: Value,
    unit: Unit,
  })
  .strict();
export type AnswerQuestionBody = z.infer<typeof AnswerQuestionBody>;

/** A consumption interval as the API returns it: litres, stamped at `endMs` (epoch ms). */
export interface BookedInterval {
  readonly startMs: number;
  readonly endMs: number;
  /** L, never negative. */
  readonly volumeL: number;
  readonly flags: readonly string[];
}

/**
 * Answer to an event or an answered question. `rederived`: the event was older than the
 * meter's last reading, so the meter was derived again from its readings and events.
 */
export interface MeterEventResponse {
  readonly meterId: string;
  readonly outcome: 'reset' | 'replacement';
  readonly rederived: boolean;
  /** The interval the call booked, if it booked one directly. */
  readonly interval: BookedInterval | null;
}
