import { DateTime } from 'luxon';

/** Start of the local day (00:00 in `zone`) that contains `tsMs`, epoch ms. */
export function localDayStartMs(tsMs: number, zone: string): number {
  return DateTime.fromMillis(tsMs, { zone }).startOf('day').toMillis();
}

/** Start of the local hour that contains `tsMs`, epoch ms. */
export function localHourStartMs(tsMs: number, zone: string): number {
  return DateTime.fromMillis(tsMs, { zone }).startOf('hour').toMillis();
}
