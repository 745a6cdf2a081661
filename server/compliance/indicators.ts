import type {
  ComplianceIndicators,
  CompliancePeriod,
  Indicator,
  IndicatorId,
  MonthlyLeak,
  PerCapita,
} from '../../models/compliance';
import { type Bar, COMPLIANCE_BARS, DAYS_PER_YEAR } from '../../models/complianceDefaults';
import type { MeterTree } from '../../models/meterTree';
import type { FixtureType, Site } from '../../models/site';
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
}

export interface IndicatorSettings {
  /** Use known to the bureau but seen by no meter below level 1, m³ per day (§3.4). */
  readonly knownUnmeteredM3PerDay: number;
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

/** Leak rate per month: (V1 − Σ V2 − known unmetered) ÷ V1 (domain.md §3.4). */
export function monthlyLeaks(
  site: Site,
  volumes: PeriodVolumes,
  settings: IndicatorSettings,
): MonthlyLeak[] {
  const l1 = site.meters.filter((m) => m.level === 1).map((m) => m.id);
  const l2 = site.meters.filter((m) => m.level === 2).map((m) => m.id);
  return volumes.months.map(({ month, days, meterL }) => {
    const level1M3 = sumM3(meterL, l1) ?? 0;
    const level2M3 = sumM3(meterL, l2) ?? 0;
    const knownUnmeteredM3 = settings.knownUnmeteredM3PerDay * days;
    const rate = level1M3 > 0 ? (level1M3 - level2M3 - knownUnmeteredM3) / level1M3 : null;
    return { month, level1M3, level2M3, knownUnmeteredM3, rate };
  });
}

/** Per-capita use over the period, scaled to a year and to a day, against the quota. */
export function perCapita(site: Site, period: CompliancePeriod, totalM3: number | null): PerCapita {
  const { quota, staff } = site;
  const perYear =
    totalM3 === null || period.days === 0
      ? null
      : (totalM3 / staff / period.days) * DAYS_PER_YEAR.value;
  const perDayL =
    totalM3 === null || period.days === 0 ? null : (totalM3 * 1000) / staff / period.days;
  const perWorkingDayL =
    totalM3 === null || period.workingDays === 0
      ? null
      : (totalM3 * 1000) / staff / period.workingDays;
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
  const ids = (level: 1 | 2 | 3) => site.meters.filter((m) => m.level === level).map((m) => m.id);

  // Metering rates: level 1 by the sources it meters, levels 2 and 3 by volume.
  const sources = site.network.nodes.filter((n) => n.kind === 'source').map((n) => n.id);
  const meteredSources = sources.filter((s) =>
    site.network.pipes.some((p) => p.from === s && firstMeterLevel(site, p.id) === 1),
  );
  const level1 = ratio(
    'level1MeteringRate',
    meteredSources.length,
    sources.length,
    B.level1MeteringRate,
  );
  const v1 = sumM3(meterL, ids(1));
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
  const knownM3 = settings.knownUnmeteredM3PerDay * period.days;
  const lost = v1 === null ? null : v1 - (sumM3(meterL, ids(2)) ?? 0) - knownM3;
  const leakWhole = ratio('leakRate', lost, v1, B.leakRate);
  const monthsFail = leakByMonth.some((m) => m.rate !== null && !meets(m.rate, B.leakRate));
  const leak: Indicator = {
    ...leakWhole,
    pass: leakWhole.pass === null ? null : leakWhole.pass && !monthsFail,
  };

  // Per capita against the site's quota (general value is the bar).
  const capita = perCapita(site, period, v1);
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
  // TODO(#7): the site schema cannot yet mark a meter as measuring greywater, condensate or
  // rainwater; until it can, no non-conventional supply is metered and the share is 0.
  const nonConventional = ratio('nonConventionalShare', v1 === null ? null : 0, v1, null);
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
