import type { MeterTree } from '../../models/meterTree';
import { type Baseline, scaleFixtures, volumeOverDaysM3 } from './baseline';
import { planningDays } from './planningCalendar';

/**
 * Calibration: the twin's baseline is the building as metered, not a textbook office
 * (DESIGN §9). Given what each meter's register advanced over a period, every metering
 * area's modelled end uses are scaled by one factor so the area's modelled volume over the
 * period equals the metered one. What scaling cannot explain (an area metered but with no
 * modelled use in the period, or children reading more than their parent) is the residual,
 * booked as unmetered use spread evenly over the period's days.
 */

export interface MeteredPeriod {
  /** First and last local date of the period, YYYY-MM-DD, both included. */
  readonly fromIso: string;
  readonly toIso: string;
  /**
   * What each meter's register advanced over the period, m³ (its own area plus its child
   * meters'). Meters left out are merged into their nearest listed ancestor.
   */
  readonly meteredM3: Readonly<Record<string, number>>;
}

export interface AreaCalibration {
  readonly meterId: string;
  /** Metered volume of the area: the meter minus its nearest listed descendants, m³. */
  readonly meteredM3: number;
  /** The baseline's volume of the area over the period, m³. */
  readonly modelledM3: number;
  /** Factor applied to every end use of the area. */
  readonly scale: number;
  /** metered − scale × modelled, m³: 0 unless scaling could not explain the area. */
  readonly residualM3: number;
}

export interface Calibration {
  readonly period: MeteredPeriod;
  readonly days: number;
  readonly areas: readonly AreaCalibration[];
}

/** Computes the scale factor and residual of every metered area. */
export function calibrate(baseline: Baseline, tree: MeterTree, period: MeteredPeriod): Calibration {
  // Step 1: each meter's nearest listed ancestor-or-self: the area it is calibrated in.
  const listed = new Set(Object.keys(period.meteredM3));
  for (const meterId of listed) {
    if (!tree.parentOf.has(meterId)) throw new Error(`calibration: unknown meter "${meterId}"`);
  }
  const areaOf = (meterId: string | null): string | null => {
    let current = meterId;
    while (current !== null && !listed.has(current)) current = tree.parentOf.get(current) ?? null;
    return current;
  };

  // Step 2: an area's metered volume is its register less its nearest listed descendants'.
  const ownM3 = new Map<string, number>();
  for (const [meterId, m3] of Object.entries(period.meteredM3)) {
    ownM3.set(meterId, (ownM3.get(meterId) ?? 0) + m3);
    const parentArea = areaOf(tree.parentOf.get(meterId) ?? null);
    if (parentArea !== null) ownM3.set(parentArea, (ownM3.get(parentArea) ?? 0) - m3);
  }

  // Step 3: scale what the model explains, keep the rest as residual.
  const days = planningDays(period.fromIso, period.toIso);
  const areas = [...listed].map((meterId): AreaCalibration => {
    const meteredM3 = ownM3.get(meterId) ?? 0;
    const modelledM3 = volumeOverDaysM3(baseline, days, (f) => areaOf(f.meterId) === meterId);
    const scale = modelledM3 > 0 ? Math.max(0, meteredM3) / modelledM3 : 1;
    const residualM3 = meteredM3 - (modelledM3 > 0 ? scale * modelledM3 : 0);
    return { meterId, meteredM3, modelledM3, scale, residualM3 };
  });
  return { period, days: days.length, areas };
}

/**
 * The baseline scaled by a calibration. Fixtures above every listed meter keep their
 * modelled volume; residuals become unmetered use of their area, m³ per day.
 */
export function applyCalibration(
  baseline: Baseline,
  tree: MeterTree,
  calibration: Calibration,
): Baseline {
  const listed = new Map(calibration.areas.map((a) => [a.meterId, a]));
  const areaOf = (meterId: string | null): AreaCalibration | undefined => {
    let current = meterId;
    while (current !== null && !listed.has(current)) current = tree.parentOf.get(current) ?? null;
    return current === null ? undefined : listed.get(current);
  };
  const scaled = scaleFixtures(baseline, (f) => areaOf(f.meterId)?.scale ?? 1);
  const unmetered = new Map(baseline.unmeteredM3PerDay);
  for (const area of calibration.areas) {
    const perDay = area.residualM3 / calibration.days;
    unmetered.set(area.meterId, (unmetered.get(area.meterId) ?? 0) + perDay);
  }
  return { ...scaled, unmeteredM3PerDay: unmetered };
}
