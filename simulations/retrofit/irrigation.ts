/**
 * Landscape irrigation (domain.md §6.4–6.5): the landscape coefficient method,
 * K_L = k_s × k_d × k_mc and ET_L = K_L × ET0. Plants take effective rain first; the rest is
 * applied through the method's efficiency IE:
 *
 *   gross depth = max(0, K_L × ET0 − effective rain) / IE
 *
 * Rain reaches the roots without the losses of an irrigation system, so it is subtracted
 * before dividing by IE.
 */

export function landscapeCoefficient(speciesFactor: number, densityFactor = 1, microclimate = 1) {
  return speciesFactor * densityFactor * microclimate;
}

/** Water to apply over a period, mm of depth. */
export function irrigationDepthMm(
  et0Mm: number,
  landscapeCoeff: number,
  efficiency: number,
  effectiveRainMm = 0,
): number {
  return Math.max(0, landscapeCoeff * et0Mm - effectiveRainMm) / efficiency;
}

/** Volume to apply on `areaM2` for a depth in mm, m³ (1 mm on 1 m² is 1 L). */
export function irrigationVolumeM3(areaM2: number, depthMm: number): number {
  return (areaM2 * depthMm) / 1000;
}
