/**
 * Interval-volume meters (DESIGN §5): each reading is the volume used since the meter's
 * previous reading, so a reading books the span from the previous reading's time to its own.
 * A missing or rejected reading leaves its own span unmeasured (the next reading covers only
 * the time since it), and nothing is invented for it.
 */

import type { Interval, IntervalFlag, Span } from './interval';

/** What the engine needs to know about an interval-volume meter. */
export interface IntervalVolumeProfile {
  /** Overload flow: a volume implying more is suspect, L/s. */
  readonly maxFlowLps: number;
  /** Readings further apart than this make the interval an estimate, ms. */
  readonly gapMs: number;
  /** The meter's reporting period, ms: the span of the very first reading. */
  readonly nominalIntervalMs: number;
}

/** Persisted state of one interval-volume meter. */
export interface IntervalVolumeState {
  /** Time of the last reading received, booked or not, epoch ms. */
  readonly lastTsMs: number;
  /** Its volume, L, or null when it had none (to tell duplicates from conflicts). */
  readonly lastValueL: number | null;
}

/**
 * `booked`: an interval was produced; `missing`: no value; `duplicate` / `conflict`: the same
 * time again with the same / another value (conflicts stay out of totals); `late`: older than
 * the last reading; `negative` and `suspect_jump`: a volume below 0 or beyond the maximum
 * flow, not booked.
 */
export type IntervalVolumeOutcome =
  | 'booked'
  | 'missing'
  | 'duplicate'
  | 'conflict'
  | 'late'
  | 'negative'
  | 'suspect_jump';

export interface IntervalVolumeStep {
  readonly state: IntervalVolumeState | null;
  readonly outcome: IntervalVolumeOutcome;
  readonly interval: Interval | null;
  /** The reading's own span when its volume could not be booked, epoch ms. */
  readonly unmeasured: Span | null;
}

/** Applies one interval-volume reading (litres used since the previous reading, or null). */
export function applyIntervalVolume(
  state: IntervalVolumeState | null,
  tsMs: number,
  volumeL: number | null,
  profile: IntervalVolumeProfile,
): IntervalVolumeStep {
  const value = volumeL !== null && Number.isFinite(volumeL) ? volumeL : null;

  // Repeats and late arrivals are not consumption.
  if (state !== null && tsMs === state.lastTsMs) {
    const outcome = value === state.lastValueL ? 'duplicate' : 'conflict';
    return { state, outcome, interval: null, unmeasured: null };
  }
  if (state !== null && tsMs < state.lastTsMs) {
    return { state, outcome: 'late', interval: null, unmeasured: null };
  }

  // The span this reading covers: since the previous reading, or one reporting period.
  const span: Span = { startMs: state?.lastTsMs ?? tsMs - profile.nominalIntervalMs, endMs: tsMs };
  const next: IntervalVolumeState = { lastTsMs: tsMs, lastValueL: value };
  const unmeasured = state === null ? null : span;
  if (value === null) return { state: next, outcome: 'missing', interval: null, unmeasured };
  if (value < 0) return { state: next, outcome: 'negative', interval: null, unmeasured };
  const seconds = Math.max((span.endMs - span.startMs) / 1000, 1);
  if (value / seconds > profile.maxFlowLps) {
    return { state: next, outcome: 'suspect_jump', interval: null, unmeasured: span };
  }

  // Booked; a long span keeps its volume but its timing is an estimate.
  const flags: IntervalFlag[] = span.endMs - span.startMs > profile.gapMs ? ['estimated_gap'] : [];
  return {
    state: next,
    outcome: 'booked',
    interval: { ...span, volumeL: value, flags },
    unmeasured: null,
  };
}
