/**
 * Air-conditioner condensate (domain.md §5.2): the twin's default yield is cooling energy ×
 * a monthly factor (0.085 L/kWh in June and September, 0.15 in July–August, D), to be
 * replaced by the psychrometric method when air-handler data exist.
 */

/** Condensate from `coolingKwh` of cooling in month 1–12, L. */
export function condensateYieldL(
  coolingKwh: number,
  month: number,
  litresPerKwhByMonth: readonly number[],
): number {
  return coolingKwh * (litresPerKwhByMonth[month - 1] ?? 0);
}

/**
 * Cooling load implied by a day's cooling-tower make-up, kWh: the tower evaporates
 * E = M (N − 1) / N of its make-up (see `coolingTower.ts`), and each kg evaporated carries
 * away `heatPerKgKwh` of heat (§5.3 handbook rule). One litre of make-up weighs one kg.
 */
export function coolingLoadFromMakeupKwh(
  makeupL: number,
  cycles: number,
  heatPerKgKwh: number,
): number {
  return ((makeupL * (cycles - 1)) / cycles) * heatPerKgKwh;
}
