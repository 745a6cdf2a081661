/**
 * Volume units at ingest (DESIGN §5, PB-11). Each meter declares the unit of its register; a
 * payload in another unit is quarantined with a reason, never silently converted, because a
 * wrong label (m³ numbers sent as litres) would change stored water by a factor of 1000.
 * Only an operator's confirmation of the payload's real unit releases it. Everything stored
 * is litres; display units are applied on the way out and never change stored data.
 */

export type VolumeUnit = 'L' | 'm3';

/** Litres per unit. */
export const LITRES_PER: Readonly<Record<VolumeUnit, number>> = { L: 1, m3: 1000 };

/** A meter's register as declared in its profile. */
export interface DeclaredRegister {
  readonly unit: VolumeUnit;
  /** Decimals the register shows: its resolution is 10^-decimals units. */
  readonly decimals: number;
}

/** A reading held back until an operator says which unit its numbers are in. */
export interface Quarantined<R> {
  readonly reading: R;
  readonly reason: 'unit_mismatch';
  readonly declaredUnit: VolumeUnit;
  readonly payloadUnit: VolumeUnit;
}

export type UnitCheck<R> =
  | { readonly ok: true; readonly valueL: number | null }
  | { readonly ok: false; readonly quarantined: Quarantined<R> };

/** Smallest step the register shows, L (1 L for a m³ register with 3 decimals). */
export function resolutionL(register: DeclaredRegister): number {
  return LITRES_PER[register.unit] / 10 ** register.decimals;
}

/**
 * Converts a value in `unit` to litres, rounded to the register's resolution: the register
 * cannot show finer steps, and the rounding removes binary noise such as
 * 1532.41 × 1000 = 1532409.9999999998, so stored values compare exactly.
 */
export function toLitres(value: number, unit: VolumeUnit, register: DeclaredRegister): number {
  const stepL = resolutionL(register);
  const steps = Math.round((value * LITRES_PER[unit]) / stepL);
  // Dividing by a whole number of steps per litre is exact where multiplying by 0.1 is not.
  return stepL >= 1 ? steps * stepL : steps / Math.round(1 / stepL);
}

/** A stored volume in a display unit; stored litres are never rewritten. */
export function fromLitres(valueL: number, unit: VolumeUnit): number {
  return valueL / LITRES_PER[unit];
}

/** Accepts a reading whose payload unit is the meter's declared unit; quarantines any other. */
export function checkUnit<R extends { readonly value: number | null; readonly unit: VolumeUnit }>(
  reading: R,
  register: DeclaredRegister,
): UnitCheck<R> {
  if (reading.unit !== register.unit) {
    const quarantined: Quarantined<R> = {
      reading,
      reason: 'unit_mismatch',
      declaredUnit: register.unit,
      payloadUnit: reading.unit,
    };
    return { ok: false, quarantined };
  }
  const valueL = reading.value === null ? null : toLitres(reading.value, register.unit, register);
  return { ok: true, valueL };
}

/**
 * Releases a quarantined reading once an operator confirms which unit its numbers are really
 * in; returns its value in litres, at the declared register's resolution.
 */
export function releaseQuarantined<
  R extends { readonly value: number | null; readonly unit: VolumeUnit },
>(
  quarantined: Quarantined<R>,
  confirmedUnit: VolumeUnit,
  register: DeclaredRegister,
): number | null {
  const { value } = quarantined.reading;
  return value === null ? null : toLitres(value, confirmedUnit, register);
}
