import { deriveMeterTree } from '../../models/meterTree';
import type { Scenario } from '../../models/retrofit';
import type { Quota, Site } from '../../models/site';
import type { WeatherYear } from '../../models/weatherYear';
import { type DemandParameters, resolveDemandParameters } from '../demandParameters';
import type { EndUse } from '../fixtureActivity';
import { type Assumption, AssumptionLog } from './assumptions';
import { type Baseline, buildBaseline, type FixtureDemand } from './baseline';
import { applyCalibration, type Calibration, calibrate, type MeteredPeriod } from './calibration';
import { applyCoolingTower, applyFixtureSwaps, applyIrrigation } from './demandMeasures';
import { type MeasureResult, measureResults } from './economics';
import { type ByEndUse, END_USES, zeroByEndUse } from './endUses';
import { CELLS, cellCounts, cellOf, type PlanningDay, planningDays } from './planningCalendar';
import { applySupplies, type OpenDemand, type SupplySource } from './supplyMeasures';

/**
 * The savings projection (DESIGN §9): a scenario's measures over one weather year, day by day,
 * against the baseline end-use model (calibrated to the meters when metered totals are given).
 * Demand measures (fixture swaps, irrigation, cooling-tower cycles) lower the demand; supply
 * measures (condensate, greywater, rainwater) then replace potable water. Results are
 * estimates: every default used is listed in `assumptions` with its source and status.
 */

export interface MonthResult {
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** Demand before any measure (all of it potable), m³ by end use. */
  readonly beforeM3: ByEndUse;
  /** Demand after the demand measures, m³ by end use. */
  readonly demandAfterM3: ByEndUse;
  /** Potable water after every measure, m³ by end use. */
  readonly potableAfterM3: ByEndUse;
  /** Potable water replaced by each alternative source, m³. */
  readonly replacedM3: Record<SupplySource, number>;
}

export type QuotaStanding = 'advanced' | 'within_general' | 'over_general';

export interface PerCapita {
  /** Staff the per-capita figure divides by (§3.3: n = staff). */
  readonly persons: number;
  readonly beforeM3PerPersonYear: number;
  readonly afterM3PerPersonYear: number;
  readonly quota: Quota;
  readonly before: QuotaStanding;
  readonly after: QuotaStanding;
}

export interface Projection {
  readonly year: number;
  readonly weatherSource: string;
  readonly annual: Omit<MonthResult, 'month'>;
  readonly monthly: readonly MonthResult[];
  readonly totalBeforeM3: number;
  readonly totalAfterM3: number;
  /** Yuan per m³ of potable water (water + sewage); null when the tariff is not set. */
  readonly priceYuanPerM3: number | null;
  readonly savedYuanPerYear: number | null;
  readonly measures: readonly MeasureResult[];
  readonly perCapita: PerCapita;
  /** Rain tank inflow and the demand it faced, m³ per day, for `tankSizeCurve`. */
  readonly rainwater: { readonly inflowM3: Float64Array; readonly demandM3: Float64Array } | null;
  readonly calibration: Calibration | null;
  readonly assumptions: readonly Assumption[];
}

export interface ProjectionInputs {
  readonly site: Site;
  /** A scenario that `parseScenario` accepted for this site. */
  readonly scenario: Scenario;
  readonly weather: WeatherYear;
  readonly metered?: MeteredPeriod;
  /** Demand-model values to replace besides the scenario's `usage` block. */
  readonly parameters?: Partial<DemandParameters>;
}

export function projectScenario(inputs: ProjectionInputs): Projection {
  const { scenario, weather } = inputs;
  const log = new AssumptionLog();

  // Step 1: the site as the scenario sees it, and the demand parameters.
  const { staff, dailyVisitors, ...behaviour } = scenario.usage ?? {};
  const site: Site = {
    ...inputs.site,
    staff: staff ?? inputs.site.staff,
    dailyVisitors: dailyVisitors ?? inputs.site.dailyVisitors,
  };
  const given = Object.entries(behaviour).filter(([, v]) => v !== undefined);
  const p = resolveDemandParameters({ ...inputs.parameters, ...Object.fromEntries(given) });
  log.noteUsage(scenario.usage);

  // Step 2: the baseline, calibrated when metered totals are given.
  const tree = deriveMeterTree(site);
  let baseline = buildBaseline(site, tree, p);
  const calibration = inputs.metered ? calibrate(baseline, tree, inputs.metered) : null;
  if (calibration) baseline = applyCalibration(baseline, tree, calibration);
  const days = planningDays(`${weather.year}-01-01`, `${weather.year}-12-31`);
  const counts = cellCounts(days);

  // Step 3: demand measures, in order.
  const swapped = applyFixtureSwaps(baseline, scenario, log);
  const irrigated = applyIrrigation(swapped.baseline, site, scenario, weather, p, log);
  const cooled = applyCoolingTower(irrigated, scenario, log);

  // Step 4: daily demand after them, and the open potable demand the supplies draw down.
  const daily = dailyByEndUse(cooled, days);
  const zeros = () => new Float64Array(days.length);
  const sum = (...uses: EndUse[]) =>
    uses.reduce((acc, u) => acc.map((v, t) => v + (daily.get(u)?.[t] ?? 0)), zeros());
  const flushing = sum('toilet', 'urinal');
  const open: OpenDemand = {
    toiletFlushing: flushing.slice(),
    irrigation: sum('irrigation'),
    coolingMakeup: sum('cooling'),
  };
  const baselineCooling = dailyByEndUse(baseline, days).get('cooling') ?? zeros();
  const supplies = applySupplies(
    { site, scenario, weather, days, demandM3: daily, baselineCoolingM3: baselineCooling, p, log },
    open,
  );

  // Step 5: monthly and annual volumes by end use.
  const beforeCells = cellTotalsByEndUse(baseline);
  const afterCells = cellTotalsByEndUse(cooled);
  const unmeteredPerDay = [...baseline.unmeteredM3PerDay.values()].reduce((a, v) => a + v, 0);
  const monthly = Array.from({ length: 12 }, (_, m): MonthResult => {
    const beforeM3 = zeroByEndUse();
    const demandAfterM3 = zeroByEndUse();
    for (const working of [true, false]) {
      const cell = cellOf(m + 1, working);
      for (const use of END_USES) {
        beforeM3[use] += (beforeCells[use]?.[cell] ?? 0) * counts[cell]!;
        demandAfterM3[use] += (afterCells[use]?.[cell] ?? 0) * counts[cell]!;
      }
    }
    const daysInMonth = counts[cellOf(m + 1, true)]! + counts[cellOf(m + 1, false)]!;
    beforeM3.unmetered = unmeteredPerDay * daysInMonth;
    demandAfterM3.unmetered = beforeM3.unmetered;
    return {
      month: m + 1,
      beforeM3,
      demandAfterM3,
      potableAfterM3: { ...demandAfterM3 },
      replacedM3: { condensate: 0, greywater: 0, rainwater: 0 },
    };
  });
  days.forEach((day, t) => {
    const month = monthly[day.month - 1]!;
    const flushShare = flushing[t]! > 0 ? open.toiletFlushing[t]! / flushing[t]! : 1;
    const toilets = daily.get('toilet')?.[t] ?? 0;
    const urinals = daily.get('urinal')?.[t] ?? 0;
    month.potableAfterM3.toilets -= toilets * (1 - flushShare);
    month.potableAfterM3.urinals -= urinals * (1 - flushShare);
    month.potableAfterM3.irrigation -= (daily.get('irrigation')?.[t] ?? 0) - open.irrigation[t]!;
    month.potableAfterM3.cooling -= (daily.get('cooling')?.[t] ?? 0) - open.coolingMakeup[t]!;
    for (const s of supplies) month.replacedM3[s.source] += s.suppliedM3[t]!;
  });
  const annual = sumMonths(monthly);
  const totalBeforeM3 = total(annual.beforeM3);
  const totalAfterM3 = total(annual.potableAfterM3);

  // Step 6: money, per measure and in all, and per-capita use against the quota.
  const tariff = { ...inputs.site.tariff, ...scenario.tariff };
  const priceYuanPerM3 =
    tariff.waterYuanPerM3 !== undefined && tariff.sewageYuanPerM3 !== undefined
      ? tariff.waterYuanPerM3 + tariff.sewageYuanPerM3
      : null;
  const annualOf = (b: Baseline) => annualByFixture(b, counts);
  const measures = measureResults({
    scenario,
    priceYuanPerM3,
    swapOf: swapped.swapOf,
    stages: [annualOf(baseline), annualOf(swapped.baseline), annualOf(irrigated), annualOf(cooled)],
    supplies,
  });
  const persons = site.staff;
  const quota = site.quota;
  const standing = (m3: number): QuotaStanding =>
    m3 <= quota.advancedM3PerPersonYear
      ? 'advanced'
      : m3 <= quota.generalM3PerPersonYear
        ? 'within_general'
        : 'over_general';
  const perCapita: PerCapita = {
    persons,
    beforeM3PerPersonYear: totalBeforeM3 / persons,
    afterM3PerPersonYear: totalAfterM3 / persons,
    quota,
    before: standing(totalBeforeM3 / persons),
    after: standing(totalAfterM3 / persons),
  };

  const rain = supplies.find((s) => s.source === 'rainwater');
  return {
    year: weather.year,
    weatherSource: weather.source,
    annual,
    monthly,
    totalBeforeM3,
    totalAfterM3,
    priceYuanPerM3,
    savedYuanPerYear:
      priceYuanPerM3 === null ? null : (totalBeforeM3 - totalAfterM3) * priceYuanPerM3,
    measures,
    perCapita,
    rainwater:
      rain?.inflowM3 && rain.demandM3 ? { inflowM3: rain.inflowM3, demandM3: rain.demandM3 } : null,
    calibration,
    assumptions: log.list(),
  };
}

/** Daily volume of each of the demand model's end uses over the days, m³. */
function dailyByEndUse(
  baseline: Baseline,
  days: readonly PlanningDay[],
): Map<EndUse, Float64Array> {
  const cellsByUse = new Map<EndUse, Float64Array>();
  for (const f of baseline.fixtures) {
    const cells = cellsByUse.get(f.demandEndUse) ?? new Float64Array(CELLS);
    for (let c = 0; c < CELLS; c++) cells[c]! += f.dailyL[c]! / 1000;
    cellsByUse.set(f.demandEndUse, cells);
  }
  const daily = new Map<EndUse, Float64Array>();
  for (const [use, cells] of cellsByUse) {
    daily.set(
      use,
      Float64Array.from(days, (d) => cells[cellOf(d.month, d.working)]!),
    );
  }
  return daily;
}

/** m³ per day of each cell by planner end use. */
function cellTotalsByEndUse(baseline: Baseline): Partial<Record<keyof ByEndUse, Float64Array>> {
  const out: Partial<Record<keyof ByEndUse, Float64Array>> = {};
  for (const f of baseline.fixtures) {
    const cells = out[f.endUse] ?? new Float64Array(CELLS);
    for (let c = 0; c < CELLS; c++) cells[c]! += f.dailyL[c]! / 1000;
    out[f.endUse] = cells;
  }
  return out;
}

/** Annual m³ of each fixture. */
function annualByFixture(baseline: Baseline, counts: Float64Array): Map<string, number> {
  const annual = new Map<string, number>();
  for (const f of baseline.fixtures as FixtureDemand[]) {
    let litres = 0;
    for (let c = 0; c < CELLS; c++) litres += f.dailyL[c]! * counts[c]!;
    annual.set(f.fixtureId, litres / 1000);
  }
  return annual;
}

const total = (v: ByEndUse) => END_USES.reduce((a, u) => a + v[u], 0);

function sumMonths(months: readonly MonthResult[]): Omit<MonthResult, 'month'> {
  const acc = {
    beforeM3: zeroByEndUse(),
    demandAfterM3: zeroByEndUse(),
    potableAfterM3: zeroByEndUse(),
    replacedM3: { condensate: 0, greywater: 0, rainwater: 0 },
  };
  for (const m of months) {
    for (const use of END_USES) {
      acc.beforeM3[use] += m.beforeM3[use];
      acc.demandAfterM3[use] += m.demandAfterM3[use];
      acc.potableAfterM3[use] += m.potableAfterM3[use];
    }
    for (const s of ['condensate', 'greywater', 'rainwater'] as const)
      acc.replacedM3[s] += m.replacedM3[s];
  }
  return acc;
}
