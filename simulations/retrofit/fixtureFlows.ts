import { deriveMeterTree } from '../../models/meterTree';
import { resolveDemandParameters } from '../demandParameters';
import { BUCKET_MS, BUCKETS_PER_DAY, buildFixtureRates, type FixtureRate } from '../demandRates';
import { AssumptionLog } from './assumptions';
import { buildBaseline } from './baseline';
import { applyCalibration } from './calibration';
import { applyCoolingTower, applyFixtureSwaps, applyIrrigation } from './demandMeasures';
import { cellOf } from './planningCalendar';
import type { Projection, ProjectionInputs } from './projection';

/** Potable litres one fixture draws on a typical day, before and after a scenario. */
export interface FixtureDay {
  readonly fixtureId: string;
  /** Expected potable draw on the day before any measure, L. */
  readonly beforeL: number;
  /** Expected potable draw on the day after every measure, L. */
  readonly afterL: number;
}

/**
 * Each fixture's expected potable draw on a typical working or rest day of one month, before
 * and after a scenario, for drawing a projection on the pipes. Demand measures act fixture by
 * fixture, as in `projectScenario`; alternative supplies (condensate, greywater, rain) are
 * spread over the fixtures of the end use they serve by that month's potable share, because
 * the tank model balances a whole end use per day, not one fixture.
 */
export function fixtureDay(
  inputs: ProjectionInputs,
  projection: Projection,
  month: number,
  working: boolean,
): FixtureDay[] {
  // Step 1: the same site, parameters and calibrated baseline as the projection.
  const { scenario } = inputs;
  const { site, p } = scenarioSite(inputs);
  const tree = deriveMeterTree(site);
  let baseline = buildBaseline(site, tree, p);
  if (projection.calibration) baseline = applyCalibration(baseline, tree, projection.calibration);

  // Step 2: the demand measures, in the projection's order.
  const log = new AssumptionLog();
  const swapped = applyFixtureSwaps(baseline, scenario, log).baseline;
  const irrigated = applyIrrigation(swapped, site, scenario, inputs.weather, p, log);
  const after = applyCoolingTower(irrigated, scenario, log);

  // Step 3: the month's potable share of each end use the supplies serve.
  const m = projection.monthly[month - 1];
  const share = (use: keyof NonNullable<typeof m>['demandAfterM3']) => {
    const demand = m?.demandAfterM3[use] ?? 0;
    return demand > 0 ? (m?.potableAfterM3[use] ?? demand) / demand : 1;
  };
  const cell = cellOf(month, working);
  const afterById = new Map(after.fixtures.map((f) => [f.fixtureId, f]));
  return baseline.fixtures.map((f) => {
    const demandAfterL = afterById.get(f.fixtureId)?.dailyL[cell] ?? 0;
    return {
      fixtureId: f.fixtureId,
      beforeL: f.dailyL[cell] ?? 0,
      afterL: demandAfterL * share(f.endUse),
    };
  });
}

/** The site and demand parameters as the scenario's usage changes them. */
function scenarioSite(inputs: ProjectionInputs) {
  const { staff, dailyVisitors, ...behaviour } = inputs.scenario.usage ?? {};
  const site = {
    ...inputs.site,
    staff: staff ?? inputs.site.staff,
    dailyVisitors: dailyVisitors ?? inputs.site.dailyVisitors,
  };
  const given = Object.entries(behaviour).filter(([, v]) => v !== undefined);
  const p = resolveDemandParameters({ ...inputs.parameters, ...Object.fromEntries(given) });
  return { site, p };
}

export const HOURS_PER_DAY = 24;
const HOUR_MS = 3_600_000;
const BUCKETS_PER_HOUR = HOUR_MS / BUCKET_MS;

/** One fixture's typical day hour by hour, before and after a scenario. */
export interface FixtureHours {
  readonly fixtureId: string;
  /** Expected potable litres in each hour from local midnight (24 values), before measures. */
  readonly beforeL: Float64Array;
  /** The same after every measure; sums to the fixture's `FixtureDay.afterL`. */
  readonly afterL: Float64Array;
}

/**
 * The hourly shape of one fixture's expected demand on a day of `month` (1–12): the
 * simulator's expected litres per bucket summed to hours (a cooling flow scaled by the
 * month's factor, an irrigation run by the hours it overlaps). Not normalised.
 */
export function hourShape(rate: FixtureRate, month: number, working: boolean): Float64Array {
  const hours = new Float64Array(HOURS_PER_DAY);
  if (rate.kind === 'run') {
    const startMs = rate.startMs[month] ?? 0;
    const endMs = startMs + (rate.durationMs[month] ?? 0);
    for (let h = 0; h < HOURS_PER_DAY; h++) {
      const overlapMs = Math.min(endMs, (h + 1) * HOUR_MS) - Math.max(startMs, h * HOUR_MS);
      if (overlapMs > 0) hours[h] = (rate.flowLps * overlapMs) / 1000;
    }
    return hours;
  }
  const factor = rate.kind === 'flow' ? (rate.monthFactor[month] ?? 0) : 1;
  const day = rate.bucketL[working ? 0 : 1];
  for (let b = 0; b < BUCKETS_PER_DAY; b++) {
    hours[Math.floor(b / BUCKETS_PER_HOUR)]! += (day[b] ?? 0) * factor;
  }
  return hours;
}

/**
 * Spreads each fixture's typical-day litres over the 24 hours by the shape of its expected
 * demand, so every fixture's hours sum to its day before and after the scenario. A fixture
 * whose rate has no shape that day (none in the tables) is spread evenly.
 */
export function typicalDayHours(
  rates: ReadonlyMap<string, FixtureRate>,
  days: readonly FixtureDay[],
  month: number,
  working: boolean,
): FixtureHours[] {
  return days.map((d) => {
    const rate = rates.get(d.fixtureId);
    const shape = rate ? hourShape(rate, month, working) : new Float64Array(HOURS_PER_DAY);
    const sum = shape.reduce((a, v) => a + v, 0);
    const weight = (h: number) => (sum > 0 ? shape[h]! / sum : 1 / HOURS_PER_DAY);
    const beforeL = new Float64Array(HOURS_PER_DAY);
    const afterL = new Float64Array(HOURS_PER_DAY);
    for (let h = 0; h < HOURS_PER_DAY; h++) {
      beforeL[h] = d.beforeL * weight(h);
      afterL[h] = d.afterL * weight(h);
    }
    return { fixtureId: d.fixtureId, beforeL, afterL };
  });
}

/** Each fixture's typical day of `month` hour by hour, with the scenario's measures applied. */
export function fixtureHours(
  inputs: ProjectionInputs,
  projection: Projection,
  month: number,
  working: boolean,
): FixtureHours[] {
  const { site, p } = scenarioSite(inputs);
  const days = fixtureDay(inputs, projection, month, working);
  return typicalDayHours(buildFixtureRates(site, p), days, month, working);
}
