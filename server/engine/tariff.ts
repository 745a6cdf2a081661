/**
 * Interval consumption split into tariff periods (peak / off-peak by local hour). The split
 * works on intervals, after the engines have handled rollovers and source resets, so a reset
 * that falls on a tariff boundary is handled once, before any period sees it, and no period
 * can go negative (PB-01: the tariffed meter that subtracted a whole day's total).
 *
 * Attribution follows `buckets.ts`: a measured interval belongs to the period of the hour its
 * end stamp closes (as a utility meter switches registers at the boundary); an estimated one
 * is spread over the local hours it covers in proportion to time.
 */

import { DateTime } from 'luxon';
import { type Interval, isEstimated } from './interval';

/** A tariff period: local hours [startHour, endHour); wraps past midnight when end ≤ start. */
export interface TariffPeriod {
  readonly name: string;
  /** 0–23. */
  readonly startHour: number;
  /** 1–24. */
  readonly endHour: number;
}

export interface TariffTotal {
  readonly name: string;
  /** Volume, L; null when no interval fell in the period. */
  readonly volumeL: number | null;
  /** True when any of the volume comes from an estimated interval. */
  readonly estimated: boolean;
}

const HOURS_PER_DAY = 24;

/** Period index of each local hour; throws unless every hour lies in exactly one period. */
export function periodOfHour(periods: readonly TariffPeriod[]): number[] {
  const table: Array<number | null> = Array.from({ length: HOURS_PER_DAY }, () => null);
  periods.forEach((period, index) => {
    const length = (period.endHour - period.startHour + HOURS_PER_DAY) % HOURS_PER_DAY || 24;
    for (let k = 0; k < length; k++) {
      const hour = (period.startHour + k) % HOURS_PER_DAY;
      if (table[hour] !== null) throw new Error(`tariff: hour ${hour} is in two periods`);
      table[hour] = index;
    }
  });
  return table.map((index, hour) => {
    if (index === null) throw new Error(`tariff: hour ${hour} is in no period`);
    return index;
  });
}

/** Sums intervals per tariff period, in the order the periods are given. */
export function splitByTariff(
  intervals: readonly Interval[],
  periods: readonly TariffPeriod[],
  zone: string,
): TariffTotal[] {
  const table = periodOfHour(periods);
  const totals = periods.map((p) => ({
    name: p.name,
    volumeL: null as number | null,
    estimated: false,
  }));
  const localHour = (ms: number): number => {
    const local = DateTime.fromMillis(ms, { zone });
    if (!local.isValid) throw new Error(`tariff: unknown time zone '${zone}'`);
    return local.hour;
  };
  const add = (hour: number, volumeL: number, estimated: boolean): void => {
    const total = totals[table[hour]!]!;
    total.volumeL = (total.volumeL ?? 0) + volumeL;
    total.estimated ||= estimated;
  };

  for (const interval of intervals) {
    const spanMs = interval.endMs - interval.startMs;
    if (!isEstimated(interval) || spanMs <= 0) {
      // The hour that the end stamp closes: a stamp at 23:00 closes 22:00–23:00.
      add(localHour(interval.endMs - 1), interval.volumeL, isEstimated(interval));
      continue;
    }

    // Walk the local hours the estimate covers; the last piece takes the rounding remainder.
    let cursorMs = interval.startMs;
    let assignedL = 0;
    while (cursorMs < interval.endMs) {
      const hourStart = DateTime.fromMillis(cursorMs, { zone }).startOf('hour');
      const nextMs = Math.min(hourStart.plus({ hours: 1 }).toMillis(), interval.endMs);
      const shareL =
        nextMs === interval.endMs
          ? interval.volumeL - assignedL
          : (interval.volumeL * (nextMs - cursorMs)) / spanMs;
      add(hourStart.hour, shareL, true);
      assignedL += shareL;
      cursorMs = nextMs;
    }
  }
  return totals;
}
