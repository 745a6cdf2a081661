/**
 * What every reading kind of the engine produces (DESIGN §5): consumption in litres between
 * two instants, stamped at the end, with a flag for every decision that shaped it. Kept in its
 * own module so each kind (register, interval volume, flow, daily counter) shares one shape.
 */

/**
 * Why an interval's volume is what it is.
 * - `estimated_gap`: the readings around it are further apart than the meter's gap; the volume
 *   is real but its timing is not, so it is spread over the gap and never raises flow alarms;
 * - `glitch_decrease`: the register fell a little; booked as 0 L;
 * - `rollover`: the register wrapped past its last digit;
 * - `after_rebase`: measured from a register value that replaced a suspect one;
 * - `source_reset`: a "since day start" counter restarted inside the interval; only the use since
 *   the restart is booked, the use just before it is unknown (never negative);
 * - `register_reset`: a register was reset by an explicit event;
 * - `meter_replacement`: part of the volume was measured on a meter since removed;
 * - `reverse_flow`: a flow sample below 0 was counted as 0 L/s.
 */
export type IntervalFlag =
  | 'estimated_gap'
  | 'glitch_decrease'
  | 'rollover'
  | 'after_rebase'
  | 'source_reset'
  | 'register_reset'
  | 'meter_replacement'
  | 'reverse_flow';

/** Consumption between two accepted readings, stamped at the end. */
export interface Interval {
  /** Start, epoch ms. */
  readonly startMs: number;
  /** End, epoch ms; the interval belongs to the period this instant closes. */
  readonly endMs: number;
  /** Volume used, L; never negative. */
  readonly volumeL: number;
  readonly flags: readonly IntervalFlag[];
}

/** A stretch of time, epoch ms, half-open [startMs, endMs). */
export interface Span {
  readonly startMs: number;
  readonly endMs: number;
}

/** True when an interval's timing is an estimate (alarms and flow rules must skip it). */
export function isEstimated(interval: Interval): boolean {
  return interval.flags.includes('estimated_gap');
}

/** Flags of both lists, each once, in first-seen order. */
export function mergeFlags(a: readonly IntervalFlag[], b: readonly IntervalFlag[]): IntervalFlag[] {
  return [...new Set([...a, ...b])];
}
