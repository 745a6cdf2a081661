/**
 * Water cost of a volume. A missing tariff gives no cost (null), never a made-up price or 0.
 */

/** Cost in yuan of `volumeL` litres at `yuanPerM3`; null when either is unknown. */
export function costYuan(
  volumeL: number | null,
  yuanPerM3: number | null | undefined,
): number | null {
  if (volumeL === null || yuanPerM3 === null || yuanPerM3 === undefined) return null;
  return (volumeL / 1000) * yuanPerM3;
}
