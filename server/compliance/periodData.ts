import { DateTime } from 'luxon';
import type { CompliancePeriod, FlagCounts } from '../../models/compliance';
import { isWorkingDay } from '../../simulations/calendar';
import type { DataDays, PeriodVolumes } from './indicators';

/**
 * Reading a period of whole local days out of the store: the days cut at local midnight in the
 * building's zone, each meter's volume per day (from the hourly rollup, so a day holds exactly
 * its own hours) and the interval flags behind each day.
 */

export interface PeriodDay {
  /** YYYY-MM-DD in the building's zone. */
  readonly dateIso: string;
  readonly startMs: number;
  /** Exclusive. */
  readonly endMs: number;
}

/** What the period needs of the store. */
export interface PeriodSource {
  hourly(
    meterId: string,
    fromMs: number,
    toMs: number,
  ): ReadonlyArray<{ readonly hourMs: number; readonly volumeL: number }>;
  intervals(
    meterId: string,
    fromMs: number,
    toMs: number,
  ): ReadonlyArray<{ readonly endMs: number; readonly flags: readonly string[] }>;
}

/** The local days from `fromIso` to `toIso`, both included. */
export function periodDays(
  fromIso: string,
  toIso: string,
  zone: string,
): { period: CompliancePeriod; days: PeriodDay[] } {
  const days: PeriodDay[] = [];
  let day = DateTime.fromISO(fromIso, { zone }).startOf('day');
  const last = DateTime.fromISO(toIso, { zone }).startOf('day');
  while (day <= last) {
    const next = day.plus({ days: 1 });
    days.push({ dateIso: day.toISODate() ?? '', startMs: day.toMillis(), endMs: next.toMillis() });
    day = next;
  }
  const workingDays = days.filter((d) => isWorkingDay(d.dateIso)).length;
  return { period: { fromIso, toIso, days: days.length, workingDays }, days };
}

/** Litres per day of each meter; null for a day without any stored hour (never 0). */
export function dailyLitres(
  source: PeriodSource,
  meterIds: readonly string[],
  days: readonly PeriodDay[],
): Map<string, Array<number | null>> {
  const out = new Map<string, Array<number | null>>();
  const first = days[0];
  const last = days[days.length - 1];
  for (const meterId of meterIds) {
    const perDay: Array<number | null> = days.map(() => null);
    if (first && last) {
      let d = 0;
      for (const row of source.hourly(meterId, first.startMs, last.endMs)) {
        while (d < days.length && row.hourMs >= days[d]!.endMs) d++;
        if (d < days.length) perDay[d] = (perDay[d] ?? 0) + row.volumeL;
      }
    }
    out.set(meterId, perDay);
  }
  return out;
}

/** Counts of each interval flag per day of each meter (an interval counts on its end day). */
export function dailyFlags(
  source: PeriodSource,
  meterIds: readonly string[],
  days: readonly PeriodDay[],
): Map<string, Array<Record<string, number>>> {
  const out = new Map<string, Array<Record<string, number>>>();
  const first = days[0];
  const last = days[days.length - 1];
  for (const meterId of meterIds) {
    const perDay: Array<Record<string, number>> = days.map(() => ({}));
    if (first && last) {
      let d = 0;
      for (const iv of source.intervals(meterId, first.startMs, last.endMs)) {
        // Intervals are stamped at their end: one ending at midnight closes the day before.
        while (d < days.length && iv.endMs > days[d]!.endMs) d++;
        const counts = perDay[d];
        if (!counts) continue;
        for (const flag of iv.flags) counts[flag] = (counts[flag] ?? 0) + 1;
      }
    }
    out.set(meterId, perDay);
  }
  return out;
}

/** The month (YYYY-MM) a day belongs to. */
export const monthOf = (dateIso: string) => dateIso.slice(0, 7);

/** Per-meter totals of the period and of each month it touches, from daily litres. */
export function periodVolumes(
  period: CompliancePeriod,
  days: readonly PeriodDay[],
  daily: ReadonlyMap<string, ReadonlyArray<number | null>>,
): PeriodVolumes {
  const meterL = new Map<string, number>();
  const months = new Map<string, { days: number; meterL: Map<string, number> }>();
  days.forEach((day, i) => {
    const month = monthOf(day.dateIso);
    let entry = months.get(month);
    if (!entry) {
      entry = { days: 0, meterL: new Map() };
      months.set(month, entry);
    }
    entry.days++;
    for (const [meterId, litres] of daily) {
      const value = litres[i];
      if (value === null || value === undefined) continue;
      meterL.set(meterId, (meterL.get(meterId) ?? 0) + value);
      entry.meterL.set(meterId, (entry.meterL.get(meterId) ?? 0) + value);
    }
  });
  const dataDays = new Map<string, DataDays>();
  for (const [meterId, litres] of daily) {
    const reported = days.filter((_, i) => litres[i] !== null && litres[i] !== undefined);
    dataDays.set(meterId, {
      days: reported.length,
      workingDays: reported.filter((d) => isWorkingDay(d.dateIso)).length,
    });
  }
  return {
    period,
    meterL,
    months: [...months].map(([month, m]) => ({ month, days: m.days, meterL: m.meterL })),
    dataDays,
  };
}

/** Sums flag counts. */
export function addFlags(into: Record<string, number>, from: FlagCounts): void {
  for (const [flag, n] of Object.entries(from)) into[flag] = (into[flag] ?? 0) + (n ?? 0);
}
