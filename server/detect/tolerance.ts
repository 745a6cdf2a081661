/**
 * Balance tolerance from meter accuracy (domain.md §3.2, §7.3). A meter's maximum permissible
 * error e depends on its class and flow zone: class 2 is ±2 % in the upper zone (Q2 ≤ Q ≤ Q4)
 * and ±5 % in the lower zone (Q1 ≤ Q < Q2). The zone is judged from the hour's mean flow: a
 * fixture draws faster than its hour's mean, so this leans to the wider 5 % band (safe side).
 */

import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import type { Meter } from '../../models/site';

export type ToleranceRule = 'max' | 'statistical';

export interface ToleranceOptions {
  /**
   * 'max': τ = e_p V_p + Σ e_i V_i;
   * 'statistical': τ = k·sqrt((e_p V_p)² + Σ (e_i V_i)²).
   */
  readonly rule?: ToleranceRule;
  readonly sigmaK?: number;
  /** Range ratio R = Q3/Q1 of the meters (the site file does not give it). */
  readonly rangeRatio?: number;
}

/** Transitional flow Q2 of a meter, L/h: Q3 = Q4/1.25, Q1 = Q3/R, Q2 = 1.6·Q1. */
export function transitionalFlowLph(meter: Meter, rangeRatio: number): number {
  const q3M3h = meter.maxFlowM3h / DETECTION_DEFAULTS.q4OverQ3.value;
  return (q3M3h / rangeRatio) * DETECTION_DEFAULTS.q2OverQ1.value * 1000;
}

/** Max permissible error (fraction) of a meter at a mean flow, L/h. */
export function meterError(meter: Meter, flowLph: number, rangeRatio: number): number {
  const upper = flowLph >= transitionalFlowLph(meter, rangeRatio);
  const d = DETECTION_DEFAULTS;
  if (meter.accuracyClass === 1) return upper ? d.mpeClass1Upper.value : d.mpeClass1Lower.value;
  return upper ? d.mpeClass2Upper.value : d.mpeClass2Lower.value;
}

/** One register step, L: quantisation no tolerance band can go below. */
export function registerStepL(meter: Meter): number {
  const step = 10 ** -meter.register.decimals;
  return meter.register.unit === 'm3' ? step * 1000 : step;
}

export interface MeteredVolume {
  readonly meter: Meter;
  /** Volume over the window, L. */
  readonly volumeL: number;
}

/**
 * Tolerance, L, of parent − Σ children over a window of `hours` hours: the rule's combination
 * of each meter's e·V, plus one register step per meter (each volume is a difference of two
 * readings rounded to the register).
 */
export function balanceToleranceL(
  parent: MeteredVolume,
  children: readonly MeteredVolume[],
  hours: number,
  options: ToleranceOptions = {},
): number {
  const rule = options.rule ?? DETECTION_DEFAULTS.balanceTolerance.value;
  const k = options.sigmaK ?? DETECTION_DEFAULTS.balanceSigmaK.value;
  const range = options.rangeRatio ?? DETECTION_DEFAULTS.rangeRatio.value;
  const all = [parent, ...children];
  const errors = all.map(
    ({ meter, volumeL }) => meterError(meter, volumeL / hours, range) * volumeL,
  );
  const steps = all.reduce((sum, { meter }) => sum + registerStepL(meter), 0);
  const band =
    rule === 'max'
      ? errors.reduce((sum, e) => sum + e, 0)
      : k * Math.sqrt(errors.reduce((sum, e) => sum + e * e, 0));
  return band + steps;
}
