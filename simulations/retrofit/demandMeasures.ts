import type { Scenario } from '../../models/retrofit';
import type { Site } from '../../models/site';
import type { WeatherYear } from '../../models/weatherYear';
import type { DemandParameters } from '../demandParameters';
import type { AssumptionLog } from './assumptions';
import { type Baseline, type FixtureDemand, scaleFixtures } from './baseline';
import { makeupFactor } from './coolingTower';
import { swapFactor, swapMatches } from './fixtureSwap';
import { irrigationDepthMm } from './irrigation';

/**
 * The measures that lower demand, applied to the baseline fixture table one after another:
 * fixture swaps, then irrigation, then cooling-tower cycles. Each returns the new table; a
 * measure's saving is the drop in annual volume it causes.
 */

/** Fixture swaps: the last swap matching a fixture sets its new volume per use. */
export function applyFixtureSwaps(
  baseline: Baseline,
  scenario: Scenario,
  log: AssumptionLog,
): { baseline: Baseline; swapOf: ReadonlyMap<string, number> } {
  const swaps = scenario.fixtureSwaps ?? [];
  const swapOf = new Map<string, number>();
  for (const fixture of baseline.fixtures) {
    swaps.forEach((swap, i) => {
      if (swapMatches(swap, fixture)) swapOf.set(fixture.fixtureId, i);
    });
  }
  const autoOffS = swaps.some((s) => s.autoOff)
    ? log.pick('autoOffTapDurationS', undefined)
    : Number.NaN;
  const factors = new Map<string, number>();
  for (const fixture of baseline.fixtures) {
    const index = swapOf.get(fixture.fixtureId);
    if (index !== undefined)
      factors.set(fixture.fixtureId, swapFactor(swaps[index]!, fixture, autoOffS));
  }
  for (const swap of swaps) noteStandards(swap.target, swap.fixtureType, log);
  return { baseline: scaleFixtures(baseline, (f) => factors.get(f.fixtureId) ?? 1), swapOf };
}

function noteStandards(
  target: NonNullable<Scenario['fixtureSwaps']>[number]['target'],
  type: string,
  log: AssumptionLog,
): void {
  if (target.kind === 'dualFlush') log.pick('dualFlushHalfWeight', undefined);
  if (target.kind === 'tier') {
    if (type === 'toilet') log.pick('toiletTiersL', undefined);
    if (type === 'squat_toilet') log.pick('squatTiersL', undefined);
    if (type === 'urinal') log.pick('urinalTiersL', undefined);
  }
  if (target.kind === 'grade') {
    if (type === 'toilet') log.pick('toiletGradeL', undefined);
    if (type === 'urinal') log.pick('urinalGradeL', undefined);
    if (type === 'basin_tap' || type === 'kitchen_sink') log.pick('faucetGradeLps', undefined);
    if (type === 'shower') log.pick('showerGradeLps', undefined);
  }
}

/** Monthly rainfall of the weather year, mm, January first. */
export function monthlyRainMm(weather: WeatherYear): number[] {
  const months = new Array<number>(12).fill(0);
  for (const day of weather.days) months[Number(day.date.slice(5, 7)) - 1]! += day.rainMm;
  return months;
}

/**
 * Irrigation: each area's baseline volume scaled by the ratio of the gross depths after and
 * before (§6.5): a new method changes IE, weather-based control subtracts effective rain.
 * The baseline waters on schedule, without regard to rain, as the demand model does.
 */
export function applyIrrigation(
  baseline: Baseline,
  site: Site,
  scenario: Scenario,
  weather: WeatherYear,
  p: DemandParameters,
  log: AssumptionLog,
): Baseline {
  const measure = scenario.irrigation;
  if (!measure) return baseline;
  const rainMm = monthlyRainMm(weather);
  const control = measure.weatherBasedControl ?? false;
  const rainShare = control ? log.pick('effectiveRainFraction', measure.effectiveRainFraction) : 0;

  const factorByArea = new Map<string, Float64Array>();
  for (const area of site.outdoor.irrigatedAreas) {
    const kL = p.landscapeCoefficient[area.plantType];
    const before = p.irrigationEfficiency[area.method];
    const after = p.irrigationEfficiency[measure.methods?.[area.id] ?? area.method];
    const factors = new Float64Array(12);
    for (let m = 0; m < 12; m++) {
      const et0 = p.et0MmPerMonth[m]!;
      const beforeMm = irrigationDepthMm(et0, kL, before);
      const afterMm = irrigationDepthMm(et0, kL, after, rainShare * rainMm[m]!);
      factors[m] = beforeMm > 0 ? afterMm / beforeMm : 0;
    }
    factorByArea.set(area.id, factors);
  }
  return scaleFixtures(baseline, (f: FixtureDemand, cell) => {
    if (f.endUse !== 'irrigation' || f.areaId === null) return 1;
    return factorByArea.get(f.areaId)?.[Math.floor(cell / 2)] ?? 1;
  });
}

/** Cooling tower: make-up × N′/(N′−1) ÷ N/(N−1) at the same heat load (§5.3). */
export function applyCoolingTower(
  baseline: Baseline,
  scenario: Scenario,
  log: AssumptionLog,
): Baseline {
  const measure = scenario.coolingTower;
  if (!measure) return baseline;
  const before = log.pick('coolingCyclesBefore', measure.cyclesBefore);
  const after = log.pick('coolingCyclesAfter', measure.cyclesAfter);
  const factor = makeupFactor(before, after);
  return scaleFixtures(baseline, (f) => (f.endUse === 'cooling' ? factor : 1));
}
