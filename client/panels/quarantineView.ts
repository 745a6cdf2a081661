import type { QuarantinedReading } from '../../models/health';
import type { MessageKey } from '../i18n/index';

/**
 * How the data-quality panel words a quarantined reading: the reason in plain language, the
 * value as sent and the units an engineer may confirm. Pure, so it is tested without a DOM.
 */

type VolumeUnit = QuarantinedReading['unit'];

/** The message key of a unit's symbol. */
export const UNIT_KEY: Readonly<Record<VolumeUnit, MessageKey>> = { L: 'unit.L', m3: 'unit.m3' };

const REASON_KEY: Readonly<Record<string, MessageKey>> = {
  unit_mismatch: 'reason.unit_mismatch',
  suspect_jump: 'reason.suspect_jump',
  suspect_decrease: 'reason.suspect_decrease',
  conflict: 'reason.conflict',
  late: 'reason.late',
  out_of_range: 'reason.out_of_range',
  future: 'reason.future',
};

/** A message key with the values it needs; unit params are message keys themselves. */
export interface ReasonText {
  readonly key: MessageKey;
  readonly code: string;
  readonly sentUnit: MessageKey;
  readonly meterUnit: MessageKey;
}

/** Why the reading was held back; an unknown reason shows its code rather than nothing. */
export function reasonText(reading: QuarantinedReading): ReasonText {
  return {
    key: REASON_KEY[reading.reason] ?? 'reason.other',
    code: reading.reason,
    sentUnit: UNIT_KEY[reading.unit],
    meterUnit: UNIT_KEY[reading.meterUnit],
  };
}

/**
 * Units an engineer can confirm for the reading: the meter's own unit first (the usual fix: the
 * sender mislabelled register values), then the unit it was sent in. None unless the reading
 * was held for its unit.
 */
export function confirmableUnits(reading: QuarantinedReading): VolumeUnit[] {
  if (reading.reason !== 'unit_mismatch') return [];
  return reading.meterUnit === reading.unit
    ? [reading.meterUnit]
    : [reading.meterUnit, reading.unit];
}

/** The value as the sender wrote it (up to 6 decimals, no grouping), or '—' when none. */
export function formatSentValue(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', { maximumFractionDigits: 6, useGrouping: false });
}
