/** One hour's share of an interval's volume. */
export interface HourShare {
  /** Start of the hour, epoch ms (hours are whole UTC hours, which are whole local hours in
   * every zone with whole-hour offsets, Asia/Shanghai included). */
  readonly hourMs: number;
  readonly volumeL: number;
}

export const HOUR_MS = 3_600_000;

/**
 * Spreads an interval's volume over the hours it covers, in proportion to the time spent in
 * each, so a reading at 01:19 after one at 00:28 puts 32/51 of the water into 00:00–01:00.
 * The shares add up to the volume exactly: the last share takes the rounding remainder.
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
