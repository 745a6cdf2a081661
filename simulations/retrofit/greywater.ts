/**
 * Greywater reuse (domain.md §5.1): the drained share of the chosen sources is treated and
 * stored, then supplies toilet flushing and irrigation. Raw greywater Q = β × source supply
 * (β 0.80–0.90, C); the treatment plant uses or loses a share of its throughput (5–15 %, U).
 * The tank balance itself is `runTankYas`.
 */

/** Treated greywater reaching the tank from a day's source supply, m³. */
export function greywaterInflowM3(
  sourceSupplyM3: number,
  drainageFactor: number,
  treatmentLoss: number,
): number {
  return sourceSupplyM3 * drainageFactor * (1 - treatmentLoss);
}
