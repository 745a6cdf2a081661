import type { GreywaterSource, Scenario } from '../../models/retrofit';
import type { Site } from '../../models/site';
import type { WeatherYear } from '../../models/weatherYear';
import type { DemandParameters } from '../demandParameters';
import type { EndUse } from '../fixtureActivity';
import type { AssumptionLog } from './assumptions';
import { condensateYieldL, coolingLoadFromMakeupKwh } from './condensate';
import { greywaterInflowM3 } from './greywater';
import type { PlanningDay } from './planningCalendar';
import { rainInflowM3 } from './rainwater';
import { runTankYas } from './tank';

/**
 * The measures that replace potable water, run day by day over the weather year in a fixed
 * order: condensate first (no storage: what is not used the same day drains away), then the
 * greywater tank, then the rainwater tank. Each serves what the ones before left of its uses;
 * a tank's daily yield is shared between its uses in proportion to their demand.
 */

/** Potable demand still open per use, m³ per day; the measures draw it down in place. */
export interface OpenDemand {
  toiletFlushing: Float64Array;
  irrigation: Float64Array;
  coolingMakeup: Float64Array;
}
export type SupplyUse = keyof OpenDemand;
export type SupplySource = 'condensate' | 'greywater' | 'rainwater';

export interface SupplyOutcome {
  readonly source: SupplySource;
  /** Water delivered each day, m³. */
  readonly suppliedM3: Float64Array;
  /** Rain tank only: daily inflow and the demand it faced, for the tank-size chart. */
  readonly inflowM3?: Float64Array;
  readonly demandM3?: Float64Array;
}

/** Takes `available[t]` from the open demand of `uses`, shared by demand; returns what went. */
function serve(open: OpenDemand, uses: readonly SupplyUse[], available: Float64Array) {
  const supplied = new Float64Array(available.length);
  for (let t = 0; t < available.length; t++) {
    const want = uses.reduce((sum, use) => sum + open[use][t]!, 0);
    const given = Math.min(want, available[t]!);
    if (!(given > 0)) continue;
    for (const use of uses) open[use][t]! -= (given * open[use][t]!) / want;
    supplied[t] = given;
  }
  return supplied;
}

/** Runs a tank against the open demand of its uses and draws the yield down. */
function serveFromTank(
  open: OpenDemand,
  uses: readonly SupplyUse[],
  inflow: Float64Array,
  S: number,
) {
  const demand = Float64Array.from(inflow, (_, t) => uses.reduce((s, u) => s + open[u][t]!, 0));
  const run = runTankYas(inflow, demand, S);
  return { supplied: serve(open, uses, run.yieldM3), demand };
}

const targetUse = (use: 'toiletFlushing' | 'irrigation'): SupplyUse => use;

export interface SupplyInputs {
  readonly site: Site;
  readonly scenario: Scenario;
  readonly weather: WeatherYear;
  readonly days: readonly PlanningDay[];
  /** Daily demand by the demand model's end use after the demand measures, m³. */
  readonly demandM3: ReadonlyMap<EndUse, Float64Array>;
  /** Daily cooling-tower make-up of the baseline (before any tower measure), m³. */
  readonly baselineCoolingM3: Float64Array;
  readonly p: DemandParameters;
  readonly log: AssumptionLog;
}

export function applySupplies(inputs: SupplyInputs, open: OpenDemand): SupplyOutcome[] {
  const { scenario, days, log } = inputs;
  const outcomes: SupplyOutcome[] = [];

  // Step 1: condensate from the cooling load, used the same day or lost.
  if (scenario.condensate) {
    const factors = log.pick('condensateLPerKwh', undefined);
    const coolingKwh = dailyCoolingKwh(inputs);
    const yieldM3 = Float64Array.from(days, (day, t) => {
      return condensateYieldL(coolingKwh[t]!, day.month, factors) / 1000;
    });
    outcomes.push({
      source: 'condensate',
      suppliedM3: serve(open, [scenario.condensate.use], yieldM3),
    });
  }

  // Step 2: treated greywater from the chosen sources through its tank.
  if (scenario.greywater) {
    const g = scenario.greywater;
    const beta = log.pick('greywaterDrainageFactor', g.drainageFactor);
    const loss = log.pick('greywaterTreatmentLoss', g.treatmentLoss);
    const sourceUses = g.sources.flatMap((s) => GREYWATER_END_USES[s]);
    const inflow = Float64Array.from(days, (_, t) => {
      const supply = sourceUses.reduce((s, u) => s + (inputs.demandM3.get(u)?.[t] ?? 0), 0);
      return greywaterInflowM3(supply, beta, loss);
    });
    const { supplied } = serveFromTank(open, g.uses.map(targetUse), inflow, g.tankM3);
    outcomes.push({ source: 'greywater', suppliedM3: supplied });
  }

  // Step 3: roof runoff through the first flush and filter into the rainwater tank.
  if (scenario.rainwater) {
    const r = scenario.rainwater;
    const psi = log.pick('runoffCoefficient', undefined);
    const chosen = inputs.site.outdoor.roofs.filter((roof) => r.roofIds?.includes(roof.id) ?? true);
    const roofs = chosen.map((roof) => ({
      areaM2: roof.areaM2,
      runoffCoefficient: r.runoffCoefficient ?? psi[roof.surface],
    }));
    const inflow = rainInflowM3(inputs.weather, roofs, {
      firstFlushMm: log.pick('firstFlushMm', r.firstFlushMm),
      filterEfficiency: log.pick('filterEfficiency', r.filterEfficiency),
      harvestMonths: log.pick('harvestMonths', r.harvestMonths),
    });
    const { supplied, demand } = serveFromTank(open, r.uses.map(targetUse), inflow, r.tankM3);
    outcomes.push({
      source: 'rainwater',
      suppliedM3: supplied,
      inflowM3: inflow,
      demandM3: demand,
    });
  }
  return outcomes;
}

/** Where each greywater source drains from: the demand model's end uses. */
const GREYWATER_END_USES: Readonly<Record<GreywaterSource, readonly EndUse[]>> = {
  basins: ['basin'],
  showers: ['shower'],
  laundry: ['laundry'],
  // Floor drains collect floor-wash and mop water.
  floorDrains: ['cleaning'],
};

/**
 * Cooling energy per day, kWh: the scenario's full-load day scaled by the demand model's
 * cooling season on working days, or else the load implied by the baseline tower make-up.
 */
function dailyCoolingKwh(inputs: SupplyInputs): Float64Array {
  const { scenario, days, p, log } = inputs;
  const fullDayKwh = scenario.condensate?.coolingKwhPerFullLoadDay;
  if (fullDayKwh !== undefined) {
    return Float64Array.from(days, (day) =>
      day.working ? fullDayKwh * p.coolingMonthFactor[day.month - 1]! : 0,
    );
  }
  const cycles = log.pick('coolingCyclesBefore', scenario.coolingTower?.cyclesBefore);
  const heatPerKg = log.pick('heatPerEvaporatedKgKwh', undefined);
  return inputs.baselineCoolingM3.map((m3) =>
    coolingLoadFromMakeupKwh(m3 * 1000, cycles, heatPerKg),
  );
}
