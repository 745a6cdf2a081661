import { deriveMeterTree } from '../../models/meterTree';
import { resolveDemandParameters } from '../demandParameters';
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
  const { staff, dailyVisitors, ...behaviour } = scenario.usage ?? {};
  const site = {
    ...inputs.site,
    staff: staff ?? inputs.site.staff,
    dailyVisitors: dailyVisitors ?? inputs.site.dailyVisitors,
  };
  const given = Object.entries(behaviour).filter(([, v]) => v !== undefined);
  const p = resolveDemandParameters({ ...inputs.parameters, ...Object.fromEntries(given) });
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
