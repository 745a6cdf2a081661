/**
 * Interval consumption into calendar buckets (DESIGN §5, PB-07, PB-14): local days or hours of
 * the building's zone, whatever zone the server or the source runs in.
 *
 * - A measured interval belongs wholly to the bucket its end stamp closes, as the source
 *   stamped it: a stamp exactly at 00:00 closes the previous day (PB-07).
 * - An estimated interval (`estimated_gap`) is spread over the buckets it covers in proportion
 *   to time, since when the water ran is unknown; the shares add up to its volume exactly, and
 *   each bucket it touches is marked estimated so flow alarms skip it (PB-14).
 * - A bucket no interval reaches has volume null, never 0: no data is not no use.
 */

import { DateTime } from 'luxon';
import { type Interval, isEstimated } from './interval';

export type BucketSize = 'day' | 'hour';

export interface Bucket {
  /** Local start, epoch ms. */
  readonly startMs: number;
  /** Local end (the next bucket's start), epoch ms. */
  readonly endMs: number;
  /** `2026-05-01` for a day, `2026-05-01T23:00+08:00` for an hour. */
  readonly label: string;
  /** Volume, L; null when no interval reached the bucket. */
  readonly volumeL: number | null;
  /** True when any of the volume comes from an estimated interval. */
  readonly estimated: boolean;
}

export interface BucketOptions {
  /** IANA zone the buckets are cut in (the building's). */
  readonly zone: string;
  readonly size: BucketSize;
  /** The buckets cover the local days or hours that meet [fromMs, toMs), epoch ms. */
  readonly fromMs: number;
  readonly toMs: number;
}

interface OpenBucket {
  startMs: number;
  endMs: number;
  label: string;
  volumeL: number | null;
  estimated: boolean;
}

/** The local days or hours meeting [fromMs, toMs), empty. */
function emptyBuckets(options: BucketOptions): OpenBucket[] {
  const { zone, size } = options;
  let start: DateTime = DateTime.fromMillis(options.fromMs, { zone }).startOf(size);
  if (!start.isValid) throw new Error(`buckets: unknown time zone '${zone}'`);
  const buckets: OpenBucket[] = [];
  while (start.toMillis() < options.toMs) {
    // Calendar days (23 or 25 h across DST); hours as elapsed time.
    const end: DateTime = size === 'day' ? start.plus({ days: 1 }) : start.plus({ hours: 1 });
    const label =
      size === 'day'
        ? start.toISODate()
        : start.toISO({ suppressSeconds: true, suppressMilliseconds: true });
    buckets.push({
      startMs: start.toMillis(),
      endMs: end.toMillis(),
      label: label ?? '',
      volumeL: null,
      estimated: false,
    });
    start = end;
  }
  return buckets;
}

/** Index of the bucket whose span (startMs, endMs] holds `stampMs`, or -1. */
function closingBucket(buckets: readonly OpenBucket[], stampMs: number): number {
  let lo = 0;
  let hi = buckets.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const b = buckets[mid]!;
    if (stampMs <= b.startMs) hi = mid - 1;
    else if (stampMs > b.endMs) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function add(bucket: OpenBucket, volumeL: number, estimated: boolean): void {
  bucket.volumeL = (bucket.volumeL ?? 0) + volumeL;
  bucket.estimated ||= estimated;
}

/** Spreads an estimated interval over the buckets it overlaps, in proportion to time. */
function spread(buckets: OpenBucket[], interval: Interval): void {
  const spanMs = interval.endMs - interval.startMs;
  const first = Math.max(closingBucket(buckets, interval.startMs + 1), 0);
  const inside: Array<{ bucket: OpenBucket; overlapMs: number }> = [];
  for (let i = first; i < buckets.length; i++) {
    const bucket = buckets[i]!;
    if (bucket.startMs >= interval.endMs) break;
    const overlapMs =
      Math.min(bucket.endMs, interval.endMs) - Math.max(bucket.startMs, interval.startMs);
    if (overlapMs > 0) inside.push({ bucket, overlapMs });
  }

  // When the whole interval lies inside the buckets, the last share takes the rounding
  // remainder so the shares add up to the volume exactly.
  const coveredMs = inside.reduce((sum, s) => sum + s.overlapMs, 0);
  let assignedL = 0;
  inside.forEach(({ bucket, overlapMs }, i) => {
    const isLast = i === inside.length - 1 && coveredMs === spanMs;
    const shareL = isLast ? interval.volumeL - assignedL : (interval.volumeL * overlapMs) / spanMs;
    assignedL += shareL;
    add(bucket, shareL, true);
  });
}

/** Sums intervals into the building's local days or hours; see the module comment for rules. */
export function bucketIntervals(intervals: readonly Interval[], options: BucketOptions): Bucket[] {
  const buckets = emptyBuckets(options);
  for (const interval of intervals) {
    if (isEstimated(interval) && interval.endMs > interval.startMs) {
      spread(buckets, interval);
      continue;
    }
    const bucket = buckets[closingBucket(buckets, interval.endMs)];
    if (bucket !== undefined) add(bucket, interval.volumeL, isEstimated(interval));
  }
  return buckets;
}

/**
 * Time of a daily reading dated `isoDate` (`2025-03-02`), epoch ms: the end of that local day,
 * since a day's register value is read when the day is over. Its interval then closes that day.
 */
export function endOfLocalDayMs(isoDate: string, zone: string): number {
  const day = DateTime.fromISO(isoDate, { zone });
  if (!day.isValid) throw new Error(`buckets: invalid date '${isoDate}' or zone '${zone}'`);
  return day.startOf('day').plus({ days: 1 }).toMillis();
}
