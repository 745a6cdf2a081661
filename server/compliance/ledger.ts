import type { LedgerRow } from '../../models/compliance';
import type { EndUseCategory } from '../../models/complianceDefaults';
import type { MeterTree } from '../../models/meterTree';
import { depthFirst } from './balance';
import { monthOf, type PeriodDay } from './periodData';

/**
 * The usage ledgers (台账): each meter's volume per day or month, and each function's (the
 * end use of the metering areas: a meter's volume less its child meters'), with the count of
 * every interval flag behind the number. A day without stored data is null, never 0.
 */

type Daily = ReadonlyMap<string, ReadonlyArray<number | null>>;
type DailyFlags = ReadonlyMap<string, ReadonlyArray<Readonly<Record<string, number>>>>;

interface Bucket {
  litres: number | null;
  flags: Record<string, number>;
}

/** Folds day buckets into the step's dates (days, or months) in order. */
function fold(
  days: readonly PeriodDay[],
  step: 'day' | 'month',
  key: string,
  litres: ReadonlyArray<number | null>,
  flags: ReadonlyArray<Readonly<Record<string, number>>>,
): LedgerRow[] {
  const buckets = new Map<string, Bucket>();
  days.forEach((day, i) => {
    const date = step === 'day' ? day.dateIso : monthOf(day.dateIso);
    let bucket = buckets.get(date);
    if (!bucket) {
      bucket = { litres: null, flags: {} };
      buckets.set(date, bucket);
    }
    const value = litres[i];
    if (value !== null && value !== undefined) bucket.litres = (bucket.litres ?? 0) + value;
    for (const [flag, n] of Object.entries(flags[i] ?? {}))
      bucket.flags[flag] = (bucket.flags[flag] ?? 0) + n;
  });
  return [...buckets].map(([date, b]) => ({
    date,
    key,
    m3: b.litres === null ? null : roundM3(b.litres / 1000),
    flags: b.flags,
  }));
}

/** m³ to the litre's thousandth: sums of floats print without noise. */
const roundM3 = (m3: number) => Math.round(m3 * 1e6) / 1e6;

/** One row per meter and date, meters in tree order. */
export function meterLedger(
  tree: MeterTree,
  days: readonly PeriodDay[],
  daily: Daily,
  flags: DailyFlags,
  step: 'day' | 'month',
): LedgerRow[] {
  return depthFirst(tree).flatMap((meterId) =>
    fold(days, step, meterId, daily.get(meterId) ?? [], flags.get(meterId) ?? []),
  );
}

/**
 * One row per function and date: the areas' own use (meter less children) of every meter
 * below level 1 whose area has that end use; flags of all the meters involved.
 */
export function functionLedger(
  tree: MeterTree,
  levels: ReadonlyMap<string, number>,
  categories: ReadonlyMap<string, EndUseCategory | null>,
  days: readonly PeriodDay[],
  daily: Daily,
  flags: DailyFlags,
  step: 'day' | 'month',
): LedgerRow[] {
  const byCategory = new Map<
    EndUseCategory,
    { litres: Array<number | null>; meters: Set<string> }
  >();
  for (const meterId of tree.order) {
    const category = categories.get(meterId);
    if (category === null || category === undefined || (levels.get(meterId) ?? 1) < 2) continue;
    let entry = byCategory.get(category);
    if (!entry) {
      entry = { litres: days.map(() => null), meters: new Set() };
      byCategory.set(category, entry);
    }
    // The area's own use rests on the meter and its children: their flags stand behind it.
    const children = tree.childrenOf.get(meterId) ?? [];
    for (const id of [meterId, ...children]) entry.meters.add(id);
    for (let i = 0; i < days.length; i++) {
      const own = daily.get(meterId)?.[i];
      if (own === null || own === undefined) continue;
      const childL = children.reduce((s, c) => s + (daily.get(c)?.[i] ?? 0), 0);
      entry.litres[i] = (entry.litres[i] ?? 0) + Math.max(0, own - childL);
    }
  }
  // Each meter's flags count once per function, however many of its areas rest on it.
  const flagsOf = (meters: ReadonlySet<string>) =>
    days.map((_, i) => {
      const counts: Record<string, number> = {};
      for (const id of meters) {
        for (const [flag, n] of Object.entries(flags.get(id)?.[i] ?? {}))
          counts[flag] = (counts[flag] ?? 0) + n;
      }
      return counts;
    });
  return [...byCategory].flatMap(([category, e]) =>
    fold(days, step, category, e.litres, flagsOf(e.meters)),
  );
}
