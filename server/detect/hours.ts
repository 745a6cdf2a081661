/**
 * The hourly series detectors read, with the data-health guard (DESIGN §8): an hour counts as
 * evidence only when it has a measured volume. Estimated (`estimated_gap`), missing (null),
 * stuck, rebased, reset or rolled-over data never raises a leak candidate.
 */

import type { HourVolume } from '../../models/detection';
import { bucketIntervals } from '../engine/buckets';
import type { Interval, IntervalFlag, Span } from '../engine/interval';

/** Interval flags whose volume cannot be trusted hour by hour. `reverse_flow` only clips. */
export const SUSPECT_FLAGS: ReadonlySet<IntervalFlag> = new Set<IntervalFlag>([
  'glitch_decrease',
  'rollover',
  'after_rebase',
  'source_reset',
  'register_reset',
  'meter_replacement',
]);

/** The hour's volume, L, when it may serve as evidence; null otherwise. */
export function evidenceL(hour: HourVolume): number | null {
  if (hour.volumeL === null || hour.estimated || hour.suspect === true) return null;
  return hour.volumeL;
}

/** The hour's volume as balance evidence: `evidenceL`, and not a zero that may be stuck. */
export function balanceEvidenceL(hour: HourVolume): number | null {
  return hour.stillZero === true ? null : evidenceL(hour);
}

export interface DetectorHoursOptions {
  /** IANA zone of the building. */
  readonly zone: string;
  /** The hours meeting [fromMs, toMs), epoch ms. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Spans the health checks judged bad (stuck or silent meter), epoch ms. */
  readonly unhealthy?: readonly Span[];
}

/**
 * A meter's intervals as local hours (by `bucketIntervals`), each marked suspect when a
 * flagged interval or an unhealthy span touches it.
 */
export function detectorHours(
  intervals: readonly Interval[],
  options: DetectorHoursOptions,
): HourVolume[] {
  const bad: Span[] = [...(options.unhealthy ?? [])];
  for (const interval of intervals) {
    if (interval.flags.some((f) => SUSPECT_FLAGS.has(f))) {
      // A measured interval is booked to the hour its end closes: mark up to that instant.
      bad.push({ startMs: interval.startMs, endMs: interval.endMs });
    }
  }
  const buckets = bucketIntervals(intervals, { ...options, size: 'hour' });
  return buckets.map(({ startMs, endMs, volumeL, estimated }) => {
    const suspect = bad.some((s) => s.startMs < endMs && s.endMs > startMs);
    return suspect
      ? { startMs, endMs, volumeL, estimated, suspect }
      : { startMs, endMs, volumeL, estimated };
  });
}
