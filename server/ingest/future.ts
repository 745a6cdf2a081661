/**
 * How far a reading's time may lie ahead of twin time and still be booked: meter and gateway
 * clocks drift by minutes, and a reading sent at the turn of a tick may carry a time a little
 * past the twin's. Anything later cannot have been measured yet; booking it would put the
 * meter's last reading in the future and make every real reading after it look late.
 */
export const FUTURE_TOLERANCE_MS = 15 * 60_000;

/**
 * Why a reading at `tsMs` is refused as lying in the future of twin time `nowMs`, or null
 * when it is not (or the twin has no time yet).
 */
export function futureReading(tsMs: number, nowMs: number | null): string | null {
  if (nowMs === null || tsMs <= nowMs + FUTURE_TOLERANCE_MS) return null;
  const minutes = FUTURE_TOLERANCE_MS / 60_000;
  return (
    `reading time ${iso(tsMs)} is later than twin time ${iso(nowMs)} ` +
    `plus ${minutes} min of clock tolerance`
  );
}

/** A time as ISO 8601, or its epoch ms when it lies beyond what a date can show. */
function iso(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `${ms} ms` : date.toISOString();
}
