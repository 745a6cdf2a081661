import type {
  ComplianceIndicators,
  CompliancePeriod,
  Indicator,
  IndicatorId,
  MonthlyLeak,
  PerCapita,
} from '../../models/compliance';
import {
  type Bar,
  COMPLIANCE_BARS,
  DAYS_PER_YEAR,
  type EndUseCategory,
} from '../../models/complianceDefaults';
import type { KnownUnmeteredUse } from '../../models/complianceSettings';
import type { MeterTree } from '../../models/meterTree';
import { type FixtureType, isPotable, type Site } from '../../models/site';
import { meteringUnits } from './coverage';

/**
 * The compliance indicators of domain.md §2–§3 over one period, as pure functions of the site,
 * its meter tree and the volumes stored for the period.
 */

/** Volumes booked on each meter in a stretch of time, L; meters without data are absent. */
export type MeterLitres = ReadonlyMap<string, number>;

export interface PeriodVolumes {
  readonly period: CompliancePeriod;
  readonly meterL: MeterLitres;
  /** The local months the period touches, each cut to the period. */
  readonly months: ReadonlyArray<{ month: string; days: number; meterL: MeterLitres }>;
  /** Per meter, the days and working days with any stored hour; every day when absent. */
  readonly dataDays?: ReadonlyMap<string, DataDays>;
}

/** How many days of a period a meter reported on. */
export interface DataDays {
  readonly days: number;
  readonly workingDays: number;
}

export interface IndicatorSettings {
  /** Use known to the bureau but seen by no meter below level 1, m³ per day (§3.4). */
  readonly knownUnmeteredM3PerDay: number;
  /** Dated known unmetered uses (fire tests, construction), each counted on its day (§3.4). */
  readonly knownUnmeteredUses?: ReadonlyArray<Pick<KnownUnmeteredUse, 'dateIso' | 'm3'>>;
  /** Share of each end use's water discharged; the documented defaults where absent. */
  readonly dischargeShare?: Readonly<Partial<Record<EndUseCategory, number>>>;
}

/**
 * Fixture types the water-efficiency label covers (domain.md §1.1); the others (boilers,
 * cooling make-up, valves, hose bibs) have no grade and are not counted.
 */
export const GRADED_FIXTURES: ReadonlySet<FixtureType> = new Set<FixtureType>([
  'toilet',
  'squat_toilet',
  'urinal',
  'basin_tap',
  'mop_sink',
  'shower',
  'kitchen_sink',
  'hair_wash_basin',
  'washing_machine',
  'dishwasher',
]);

/** Sum of the meters' volumes, m³; null when none of them has data. */
function sumM3(meterL: MeterLitres, meterIds: readonly string[]): number | null {
  let total: number | null = null;
  for (const id of meterIds) {
    const litres = meterL.get(id);
    if (litres !== undefined) total = (total ?? 0) + litres / 1000;
  }
  return total;
}

/** An indicator from a ratio, judged against its bar. */
function ratio(
  id: IndicatorId,
  numerator: number | null,
  denominator: number | null,
  bar: Bar | null,
): Indicator {
  const value =
    numerator === null || denominator === null || denominator <= 0 ? null : numerator / denominator;
  return {
    id,
    value,
    unit: 'fraction',
    numerator,
    denominator,
    bar: bar && { op: bar.op, value: bar.value, source: bar.source, status: bar.status },
    pass: value === null || bar === null ? null : meets(value, bar),
  };
}

function meets(value: number, bar: Pick<Bar, 'op' | 'value'>): boolean {
  // Compare in parts per million, so 0.95 computed as 95/100 is not judged below 0.95.
  const v = Math.round(value * 1e6);
  const b = Math.round(bar.value * 1e6);
  return bar.op === '>=' ? v >= b : v <= b;
}

/**
 * Potable meters of a level. Non-conventional supplies (greywater, condensate, rain) are fed
 * from their own tanks, not through the potable main: they count in no intake, metering or
 * leak figure, only in the non-conventional share.
 */
export function potableMeterIds(site: Site, level: 1 | 2 | 3): string[] {
  return site.meters.filter((m) => m.level === level && isPotable(m)).map((m) => m.id);
}

/** Non-conventional meters with no meter upstream: each heads a reuse supply once. */
export function nonConventionalRootIds(site: Site, tree: MeterTree): string[] {
  return site.meters
    .filter((m) => !isPotable(m) && (tree.parentOf.get(m.id) ?? null) === null)
    .map((m) => m.id);
}

/** Known unmetered use inside a period, m³: the per-day figure and the dated entries. */
export function knownUnmeteredM3(
  settings: IndicatorSettings,
  period: { readonly fromIso: string; readonly toIso: string; readonly days: number },
): number {
  const entries = (settings.knownUnmeteredUses ?? []).filter(
    (u) => u.dateIso >= period.fromIso && u.dateIso <= period.toIso,
  );
  return settings.knownUnmeteredM3PerDay * period.days + entries.reduce((s, u) => s + u.m3, 0);
}

/** Leak rate per month: (V1 − Σ V2 − known unmetered) ÷ V1 (domain.md §3.4). */
export function monthlyLeaks(
  site: Site,
  volumes: PeriodVolumes,
  settings: IndicatorSettings,
): MonthlyLeak[] {
  const l1 = potableMeterIds(site, 1);
  const l2 = potableMeterIds(site, 2);
  return volumes.months.map(({ month, days, meterL }) => {
    const level1M3 = sumM3(meterL, l1) ?? 0;
    const level2M3 = sumM3(meterL, l2) ?? 0;
    const inMonth = (settings.knownUnmeteredUses ?? []).filter(
      (u) =>
        u.dateIso.startsWith(month) &&
        u.dateIso >= volumes.period.fromIso &&
        u.dateIso <= volumes.period.toIso,
    );
    const knownUnmeteredM3 =
      settings.knownUnmeteredM3PerDay * days + inMonth.reduce((s, u) => s + u.m3, 0);
    const rate = level1M3 > 0 ? (level1M3 - level2M3 - knownUnmeteredM3) / level1M3 : null;
    return { month, level1M3, level2M3, knownUnmeteredM3, rate };
  });
}

/**
 * Per-capita use over the days the level-1 meters reported on (all the period's days when
 * `covered` is not given), scaled to a year and to a day, against the quota.
 */
export function perCapita(
  site: Site,
  period: CompliancePeriod,
  totalM3: number | null,
  covered: DataDays = { days: period.days, workingDays: period.workingDays },
): PerCapita {
  const { quota, staff } = site;
  const days = covered.days;
  const workingDays = covered.workingDays;
  const perYear =
    totalM3 === null || days === 0 ? null : (totalM3 / staff / days) * DAYS_PER_YEAR.value;
  const perDayL = totalM3 === null || days === 0 ? null : (totalM3 * 1000) / staff / days;
  const perWorkingDayL =
    totalM3 === null || workingDays === 0 ? null : (totalM3 * 1000) / staff / workingDays;
  const grade =
    perYear === null
      ? null
      : perYear <= quota.advancedM3PerPersonYear
        ? 'advanced'
        : perYear <= quota.generalM3PerPersonYear
          ? 'general'
          : 'over';
  return {
    m3PerPersonYear: perYear,
    lPerPersonDay: perDayL,
    lPerPersonWorkingDay: perWorkingDayL,
    advancedM3PerPersonYear: quota.advancedM3PerPersonYear,
    generalM3PerPersonYear: quota.generalM3PerPersonYear,
    quotaSource: quota.source,
    quotaStatus: quota.status,
    grade,
    daysWithData: days,
    workingDaysWithData: workingDays,
  };
}

/** The days any of `meterIds` reported on; every day of the period without day counts. */
function daysOf(volumes: PeriodVolumes, meterIds: readonly string[]): DataDays {
  const { period, dataDays } = volumes;
  if (dataDays === undefined) return { days: period.days, workingDays: period.workingDays };
  const counts = meterIds.map((id) => dataDays.get(id) ?? { days: 0, workingDays: 0 });
  return {
    days: Math.max(0, ...counts.map((c) => c.days)),
    workingDays: Math.max(0, ...counts.map((c) => c.workingDays)),
  };
}

/** Every indicator of the period. */
export function complianceIndicators(
  site: Site,
  tree: MeterTree,
  volumes: PeriodVolumes,
  settings: IndicatorSettings,
): ComplianceIndicators {
  const { meterL, period } = volumes;
  const B = COMPLIANCE_BARS;
  const ids = (level: 1 | 2 | 3) => potableMeterIds(site, level);
  const reuseRoots = nonConventionalRootIds(site, tree);
  const reuseNodes = new Set(
    site.meters.filter((m) => reuseRoots.includes(m.id)).map((m) => m.nodeId),
  );

  // Metering rates: level 1 by the potable sources it meters, levels 2 and 3 by volume. A
  // source whose water reaches only non-conventional meters is a reuse tank, not an intake.
  const sources = site.network.nodes
    .filter((n) => n.kind === 'source' && !feedsOnly(site, n.id, reuseNodes))
    .map((n) => n.id);
  const meteredSources = sources.filter((s) =>
    site.network.pipes.some((p) => p.from === s && firstMeterLevel(site, p.id) === 1),
  );
  const v1 = sumM3(meterL, ids(1));
  // A period the level-1 meters have no data for judges nothing, this rate included.
  const level1 = ratio(
    'level1MeteringRate',
    v1 === null ? null : meteredSources.length,
    v1 === null ? null : sources.length,
    B.level1MeteringRate,
  );
  const level2 = ratio('level2MeteringRate', sumM3(meterL, ids(2)), v1, B.level2MeteringRate);
  const l3 = ids(3);
  const l3Parents = [...new Set(l3.map((m) => tree.parentOf.get(m)).filter(isString))];
  const level3 =
    l3.length === 0
      ? ratio('level3MeteringRate', null, null, B.level3MeteringRate)
      : ratio(
          'level3MeteringRate',
          sumM3(meterL, l3),
          sumM3(meterL, l3Parents),
          B.level3MeteringRate,
        );

  // Coverage: sub-units and major equipment with their own meter.
  const units = meteringUnits(site, tree);
  const coverage = ratio(
    'meteringCoverage',
    units.filter((u) => u.meterIds.length > 0).length,
    units.length,
    B.meteringCoverage,
  );

  // Leak rate: the worst month decides; the value shown is the whole period's.
  const leakByMonth = monthlyLeaks(site, volumes, settings);
  const knownM3 = knownUnmeteredM3(settings, period);
  const lost = v1 === null ? null : v1 - (sumM3(meterL, ids(2)) ?? 0) - knownM3;
  const leakWhole = ratio('leakRate', lost, v1, B.leakRate);
  const monthsFail = leakByMonth.some((m) => m.rate !== null && !meets(m.rate, B.leakRate));
  const leak: Indicator = {
    ...leakWhole,
    pass: leakWhole.pass === null ? null : leakWhole.pass && !monthsFail,
  };

  // Per capita against the site's quota (general value is the bar).
  const capita = perCapita(site, period, v1, daysOf(volumes, ids(1)));
  const perCapitaIndicator: Indicator = {
    id: 'perCapita',
    value: capita.m3PerPersonYear,
    unit: 'm3_per_person_year',
    numerator: v1,
    denominator: site.staff,
    bar: {
      op: '<=',
      value: site.quota.generalM3PerPersonYear,
      source: site.quota.source,
      status: site.quota.status,
    },
    pass: capita.grade === null ? null : capita.grade !== 'over',
  };

  // Fixtures, non-conventional water and irrigation from the site model.
  const graded = site.fixtures.filter((f) => GRADED_FIXTURES.has(f.type));
  const saving = graded.filter((f) => f.grade === 1 || f.grade === 2);
  const fixtures = ratio(
    'waterSavingFixtures',
    saving.length,
    graded.length,
    B.waterSavingFixtures,
  );
  // Non-conventional share: reused ÷ total use, R = V_r ÷ (V_f + V_r) (domain.md §3.3,
  // GB/T 12452 V_t = V_f + V_r; §5.1 η = greywater supplied ÷ total use).
  const reuseM3 = sumM3(meterL, reuseRoots);
  const nonConventional =
    v1 === null && reuseM3 === null
      ? ratio('nonConventionalShare', null, null, null)
      : ratio('nonConventionalShare', reuseM3 ?? 0, (v1 ?? 0) + (reuseM3 ?? 0), null);
  const areas = site.outdoor.irrigatedAreas;
  const efficientM2 = areas
    .filter((a) => a.method === 'drip' || a.method === 'sprinkler')
    .reduce((sum, a) => sum + a.areaM2, 0);
  const irrigation = ratio(
    'efficientIrrigation',
    areas.length === 0 ? null : efficientM2,
    areas.reduce((sum, a) => sum + a.areaM2, 0),
    B.efficientIrrigation,
  );

  return {
    indicators: [
      level1,
      level2,
      level3,
      coverage,
      leak,
      perCapitaIndicator,
      fixtures,
      nonConventional,
      irrigation,
    ],
    leakByMonth,
    perCapita: capita,
  };
}

/** True when every meter first met below `nodeId` sits on one of `meterNodes`. */
function feedsOnly(site: Site, nodeId: string, meterNodes: ReadonlySet<string>): boolean {
  if (meterNodes.size === 0) return false;
  const below = site.network.pipes.filter((p) => p.from === nodeId).map((p) => p.to);
  if (below.length === 0) return false;
  return below.every((to) => {
    if (meterNodes.has(to)) return true;
    if (site.meters.some((m) => m.nodeId === to)) return false;
    return feedsOnly(site, to, meterNodes);
  });
}

/** Level of the first meter met walking down from a pipe; null when none. */
function firstMeterLevel(site: Site, pipeId: string): number | null {
  const pipe = site.network.pipes.find((p) => p.id === pipeId);
  if (!pipe) return null;
  const meter = site.meters.find((m) => m.nodeId === pipe.to);
  if (meter) return meter.level;
  const next = site.network.pipes.filter((p) => p.from === pipe.to);
  const levels = next.map((p) => firstMeterLevel(site, p.id));
  return levels.every((l) => l === 1) && levels.length > 0 ? 1 : null;
}

function isString(value: string | null | undefined): value is string {
  return typeof value === 'string';
}
