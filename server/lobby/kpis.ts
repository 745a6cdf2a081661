import { DateTime } from 'luxon';
import { unmeteredM3PerDay } from '../../models/complianceDefaults';
import type { CompletedRetrofit, LobbyKpis } from '../../models/lobby';
import type { MeterTree } from '../../models/meterTree';
import { isPotable, type Site } from '../../models/site';

/**
 * The lobby's figures from the store's hourly volumes (domain.md §2–§3). Months, days and
 * years are cut in the building's zone. Formulas, per period:
 * - V(level-1) is the potable intake: meters of non-conventional water never count in it;
 * - metering rate K2 = Σ V(level-2 children of the level-1 meters) ÷ V(level-1);
 * - pipe leak rate L = (V(level-1) − Σ V(level-2 children) − V(known unmetered)) ÷ V(level-1);
 * - per-capita use = V(level-1) ÷ staff, against the general quota pro-rated to the date.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Below this share of hours with data a baseline is not trusted. */
const MIN_BASELINE_COVERAGE = 0.5;

/** Hourly volumes of a meter with hour start in [fromMs, toMs); what the store offers. */
export interface HourlySource {
  hourly(
    meterId: string,
    fromMs: number,
    toMs: number,
  ): ReadonlyArray<{ readonly hourMs: number; readonly volumeL: number }>;
}

export interface KpiInputs {
  readonly site: Site;
  readonly tree: Pick<MeterTree, 'childrenOf'>;
  readonly source: HourlySource;
  /** Twin time the figures are for, epoch ms. */
  readonly nowMs: number;
  readonly retrofits: readonly CompletedRetrofit[];
  /** Known unmetered use under the level-1 meters, m³ per average month (pro-rated by day). */
  readonly knownUnmeteredM3PerMonth: number;
  /** Dated known unmetered uses (compliance entries) this month up to today, m³. */
  readonly datedUnmeteredM3?: number;
}

/** A volume over a period with the share of its hours that had data. */
interface Measured {
  readonly m3: number;
  readonly coverage: number;
}

/** Sum of several meters' hourly volumes over [fromMs, toMs), m³; null when none has data. */
export function volumeM3(
  source: HourlySource,
  meterIds: readonly string[],
  fromMs: number,
  toMs: number,
): Measured | null {
  if (toMs <= fromMs || meterIds.length === 0) return null;
  let litres = 0;
  let hours = 0;
  for (const id of meterIds) {
    const rows = source.hourly(id, fromMs, toMs);
    hours += rows.length;
    for (const row of rows) litres += row.volumeL;
  }
  if (hours === 0) return null;
  const possibleHours = Math.ceil((toMs - fromMs) / HOUR_MS) * meterIds.length;
  return { m3: litres / 1000, coverage: Math.min(1, hours / possibleHours) };
}

/** Leak rate and metering rate of one period from its volumes, m³; null without intake. */
export function balanceRates(
  levelOneM3: number | null,
  levelTwoM3: number,
  unmeteredM3: number,
): { readonly leakRate: number | null; readonly meteringRate: number | null } {
  if (levelOneM3 === null || levelOneM3 <= 0) return { leakRate: null, meteringRate: null };
  return {
    leakRate: (levelOneM3 - levelTwoM3 - unmeteredM3) / levelOneM3,
    meteringRate: levelTwoM3 / levelOneM3,
  };
}

/** Water a retrofit saved up to `nowMs`, m³, measured on its meter; null without a baseline. */
export function savedSince(
  source: HourlySource,
  retrofit: CompletedRetrofit,
  zone: string,
  nowMs: number,
): number | null {
  const startMs = DateTime.fromISO(retrofit.completedOn, { zone }).startOf('day').toMillis();
  if (!Number.isFinite(startMs) || nowMs <= startMs) return 0;

  // The baseline: mean daily use over the days before the retrofit, with enough data.
  const baseline = volumeM3(
    source,
    [retrofit.meterId],
    startMs - retrofit.baselineDays * DAY_MS,
    startMs,
  );
  if (!baseline || baseline.coverage < MIN_BASELINE_COVERAGE) return null;
  const baselinePerDayM3 = baseline.m3 / (retrofit.baselineDays * baseline.coverage);

  // What the meter booked since, against what the baseline would have used over the same
  // hours with data (a silent meter saves nothing).
  const since = volumeM3(source, [retrofit.meterId], startMs, nowMs);
  if (!since || since.coverage < MIN_BASELINE_COVERAGE) return null;
  const elapsedDays = (nowMs - startMs) / DAY_MS;
  return baselinePerDayM3 * elapsedDays * since.coverage - since.m3;
}

export function lobbyKpis(inputs: KpiInputs): LobbyKpis {
  const { site, tree, source, nowMs } = inputs;
  const zone = site.timeZone;
  const now = DateTime.fromMillis(nowMs, { zone });
  // Potable intake only: greywater, condensate and rain meters are fed from their own tanks.
  const levelOne = site.meters.filter((m) => m.level === 1 && isPotable(m)).map((m) => m.id);
  const levelTwo = levelOne.flatMap((id) => tree.childrenOf.get(id) ?? []);
  const intake = (fromMs: number, toMs: number) => volumeM3(source, levelOne, fromMs, toMs);

  // Today and this month against the same days of the same month a year before.
  const dayStart = now.startOf('day');
  const monthStart = now.startOf('month');
  const yearAgo = now.minus({ years: 1 });
  const thisMonth = intake(monthStart.toMillis(), nowMs);
  const lastYear = intake(yearAgo.startOf('month').toMillis(), yearAgo.toMillis());

  // Per-capita use this year against the general quota pro-rated to the hours with data.
  const yearStart = now.startOf('year');
  const yearFraction =
    (nowMs - yearStart.toMillis()) / (now.endOf('year').toMillis() + 1 - yearStart.toMillis());
  const yearToDate = intake(yearStart.toMillis(), nowMs);
  const quotaYearM3 = site.quota.generalM3PerPersonYear;

  // This month's balance over the level-1 meters and their level-2 children.
  const childM3 = volumeM3(source, levelTwo, monthStart.toMillis(), nowMs)?.m3 ?? 0;
  const rates = balanceRates(
    thisMonth?.m3 ?? null,
    childM3,
    unmeteredM3PerDay(inputs.knownUnmeteredM3PerMonth) *
      ((nowMs - monthStart.toMillis()) / DAY_MS) +
      (inputs.datedUnmeteredM3 ?? 0),
  );

  return {
    todayM3: intake(dayStart.toMillis(), nowMs)?.m3 ?? null,
    month: { thisM3: thisMonth?.m3 ?? null, lastYearM3: lastYear?.m3 ?? null },
    perCapita: {
      yearToDateM3: yearToDate ? yearToDate.m3 / site.staff : null,
      // Like for like: the quota of the share of the year the stored data covers (a twin
      // started in December has a few weeks of use, not eleven months).
      quotaToDateM3: quotaYearM3 * yearFraction * (yearToDate?.coverage ?? 1),
      quotaYearM3,
      quotaStatus: site.quota.status,
    },
    leakRate: rates.leakRate,
    meteringRate: rates.meteringRate,
    saved: inputs.retrofits.map((r) => ({
      name: r.name,
      completedOn: r.completedOn,
      savedM3: savedSince(source, r, zone, nowMs),
    })),
  };
}
