/**
 * Cooling-tower water balance (domain.md §5.3): make-up M = E + B + D (evaporation,
 * blowdown, drift); cycles of concentration N = M / (B + D); blowdown B = E / (N − 1) − D.
 * Together these give M = E × N / (N − 1), so raising N shrinks the make-up for the same
 * heat load.
 */

/** Evaporation, m³/h, from circulation (m³/h) and range ΔT (K): E ≈ 0.00085 × 1.8 × C × ΔT. */
export function evaporationM3h(circulationM3h: number, rangeK: number): number {
  return 0.00085 * 1.8 * circulationM3h * rangeK;
}

/** Blowdown, m³, for evaporation and drift over the same period at `cycles`; never negative. */
export function blowdownM3(evaporationM3: number, cycles: number, driftM3 = 0): number {
  return Math.max(0, evaporationM3 / (cycles - 1) - driftM3);
}

/** Make-up, m³: evaporation + blowdown + drift. */
export function makeupM3(evaporationM3: number, cycles: number, driftM3 = 0): number {
  return evaporationM3 + blowdownM3(evaporationM3, cycles, driftM3) + driftM3;
}

/** Evaporation within a make-up volume at `cycles` (blowdown above drift): M (N − 1) / N. */
export function evaporationFromMakeupM3(makeup: number, cycles: number): number {
  return (makeup * (cycles - 1)) / cycles;
}

/** Factor on make-up when cycles go from `before` to `after` at the same heat load. */
export function makeupFactor(before: number, after: number): number {
  return (after / (after - 1)) * ((before - 1) / before);
}
