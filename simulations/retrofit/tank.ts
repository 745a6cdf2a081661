/**
 * A storage tank on a daily step, by the yield-after-spillage rule (domain.md §6.1, Jenkins
 * 1978; Fewkes & Butler 2000), used for rainwater and treated greywater alike:
 *
 *   Y_t = min(D_t, V_{t−1})                 yield: only what was stored the day before
 *   V_t = min(V_{t−1} + Q_t − Y_t, S − Y_t)  storage after inflow Q_t, capacity S
 *   O_t = V_{t−1} + Q_t − Y_t − V_t          overflow (spill)
 *   M_t = D_t − Y_t                          mains top-up
 *
 * YAS is the conservative rule and suits daily steps; the tank starts empty.
 */

export interface TankRun {
  /** Water delivered from the tank each day, m³. */
  readonly yieldM3: Float64Array;
  /** Stored at the end of each day, m³. */
  readonly storedM3: Float64Array;
  readonly spillM3: Float64Array;
  /** Demand the tank could not meet, left to potable water, m³. */
  readonly mainsM3: Float64Array;
  readonly totalYieldM3: number;
  readonly totalDemandM3: number;
  readonly totalSpillM3: number;
}

/** Runs a tank of `capacityM3` over equal-length daily inflows and demands, m³. */
export function runTankYas(
  inflowM3: ArrayLike<number>,
  demandM3: ArrayLike<number>,
  capacityM3: number,
): TankRun {
  const days = inflowM3.length;
  if (demandM3.length !== days) throw new Error('tank: inflow and demand differ in length');
  const yieldM3 = new Float64Array(days);
  const storedM3 = new Float64Array(days);
  const spillM3 = new Float64Array(days);
  const mainsM3 = new Float64Array(days);
  let stored = 0;
  let totalYieldM3 = 0;
  let totalDemandM3 = 0;
  let totalSpillM3 = 0;
  for (let t = 0; t < days; t++) {
    const demand = demandM3[t]!;
    const delivered = Math.min(demand, stored);
    const next = Math.min(stored + inflowM3[t]! - delivered, capacityM3 - delivered);
    const spill = stored + inflowM3[t]! - delivered - next;
    yieldM3[t] = delivered;
    storedM3[t] = next;
    spillM3[t] = spill;
    mainsM3[t] = demand - delivered;
    stored = next;
    totalYieldM3 += delivered;
    totalDemandM3 += demand;
    totalSpillM3 += spill;
  }
  return { yieldM3, storedM3, spillM3, mainsM3, totalYieldM3, totalDemandM3, totalSpillM3 };
}

/** Share of demand the tank met, E_T = ΣY / ΣD (§6.1); 0 when there was no demand. */
export function shareOfDemandMet(run: TankRun): number {
  return run.totalDemandM3 > 0 ? run.totalYieldM3 / run.totalDemandM3 : 0;
}
