import type { WeatherYear } from '../../models/weatherYear';
import { runTankYas, shareOfDemandMet } from './tank';

/**
 * Rainwater harvesting (domain.md §6.1–6.3): daily roof runoff Q = A × ψc × rain after the
 * first flush, through a pre-storage filter, into a tank run by the yield-after-spillage rule.
 * A surface tank collects nothing in the freezing months (Nov–Mar in Changchun, §6.3); what it
 * holds can still be drawn.
 */

export interface Catchment {
  readonly areaM2: number;
  /** Volumetric runoff coefficient ψc (§6.2). */
  readonly runoffCoefficient: number;
}

export interface HarvestOptions {
  /** Depth diverted at the start of each rain day, mm. */
  readonly firstFlushMm: number;
  /** Share of the runoff the pre-storage filter passes. */
  readonly filterEfficiency: number;
  /** One flag per month, January first: 1 = the tank collects. */
  readonly harvestMonths: readonly number[];
}

/** Water reaching the tank from one roof on a day with `rainMm` of rain, m³. */
export function roofInflowM3(rainMm: number, roof: Catchment, o: HarvestOptions): number {
  const effectiveMm = Math.max(0, rainMm - o.firstFlushMm);
  return (effectiveMm / 1000) * roof.areaM2 * roof.runoffCoefficient * o.filterEfficiency;
}

/** Daily inflow from all roofs over the weather year, m³ (0 outside the harvest months). */
export function rainInflowM3(
  weather: WeatherYear,
  roofs: readonly Catchment[],
  o: HarvestOptions,
): Float64Array {
  return Float64Array.from(weather.days, (day) => {
    const month = Number(day.date.slice(5, 7));
    if (!o.harvestMonths[month - 1]) return 0;
    return roofs.reduce((sum, roof) => sum + roofInflowM3(day.rainMm, roof, o), 0);
  });
}

export interface TankSizePoint {
  readonly tankM3: number;
  /** Share of the demand the tank met over the year, 0–1. */
  readonly shareOfDemandMet: number;
}

/** Share of demand met for each tank size, for a sizing chart. */
export function tankSizeCurve(
  inflowM3: ArrayLike<number>,
  demandM3: ArrayLike<number>,
  sizesM3: readonly number[],
): TankSizePoint[] {
  return sizesM3.map((tankM3) => ({
    tankM3,
    shareOfDemandMet: shareOfDemandMet(runTankYas(inflowM3, demandM3, tankM3)),
  }));
}
