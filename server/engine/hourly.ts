import { type Interval, isEstimated } from './interval';

/** One hour's share of an interval's volume. */
export interface HourShare {
  /** Start of the hour, epoch ms (hours are whole UTC hours, which are whole local hours in
   * every zone with whole-hour offsets, Asia/Shanghai included). */
  readonly hourMs: number;
  readonly volumeL: number;
}

export const HOUR_MS = 3_600_000;

/**
 * The hours an interval's volume is booked to, by the rule of `buckets.ts`: a measured
 * interval belongs wholly to the hour its end stamp closes (a stamp exactly on the hour
 * closes the hour before, PB-07); an estimated one is spread over the hours it covers.
 */
export function hourShares(interval: Interval): HourShare[] {
  if (!isEstimated(interval)) {
    return [
      { hourMs: Math.floor((interval.endMs - 1) / HOUR_MS) * HOUR_MS, volumeL: interval.volumeL },
    ];
  }
  return spreadOverHours(interval.startMs, interval.endMs, interval.volumeL);
}

/**
 * Spreads a volume over the hours of [startMs, endMs) in proportion to the time spent in
 * each. The shares add up to the volume exactly: the last share takes the rounding remainder.
 */
export function spreadOverHours(startMs: number, endMs: number, volumeL: number): HourShare[] {
  if (endMs <= startMs) return [{ hourMs: Math.floor((endMs - 1) / HOUR_MS) * HOUR_MS, volumeL }];
  const shares: HourShare[] = [];
  const spanMs = endMs - startMs;
  let assignedL = 0;
  for (let hourMs = Math.floor(startMs / HOUR_MS) * HOUR_MS; hourMs < endMs; hourMs += HOUR_MS) {
    const overlapMs = Math.min(endMs, hourMs + HOUR_MS) - Math.max(startMs, hourMs);
    const isLast = hourMs + HOUR_MS >= endMs;
    const shareL = isLast ? volumeL - assignedL : (volumeL * overlapMs) / spanMs;
    assignedL += shareL;
    shares.push({ hourMs, volumeL: shareL });
  }
  return shares;
}
