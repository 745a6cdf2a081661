import { describe, expect, it } from 'vitest';
import type { QuarantinedReading } from '../../models/health';
import { confirmableUnits, formatSentValue, reasonText } from './quarantineView';

/** A PB-11 reading: register values in m³ sent as litres. */
function held(overrides: Partial<QuarantinedReading> = {}): QuarantinedReading {
  return {
    id: 7,
    meterId: 'M3-office-f3',
    tsMs: Date.parse('2026-03-01T08:00:00+08:00'),
    value: 1532.41,
    unit: 'L',
    meterUnit: 'm3',
    source: 'ingest',
    reason: 'unit_mismatch',
    ...overrides,
  };
}

describe('quarantine view', () => {
  it('words a unit mismatch with both units', () => {
    expect(reasonText(held())).toEqual({
      key: 'reason.unit_mismatch',
      code: 'unit_mismatch',
      sentUnit: 'unit.L',
      meterUnit: 'unit.m3',
    });
  });

  it('falls back to the code for a reason it does not know', () => {
    expect(reasonText(held({ reason: 'cosmic_ray' })).key).toBe('reason.other');
    expect(reasonText(held({ reason: 'suspect_jump' })).key).toBe('reason.suspect_jump');
  });

  it('words values the register cannot show and times after twin time', () => {
    expect(reasonText(held({ reason: 'out_of_range' })).key).toBe('reason.out_of_range');
    expect(reasonText(held({ reason: 'future' })).key).toBe('reason.future');
  });

  it("offers the meter's unit first, and nothing for readings not held for their unit", () => {
    expect(confirmableUnits(held())).toEqual(['m3', 'L']);
    expect(confirmableUnits(held({ reason: 'suspect_decrease' }))).toEqual([]);
  });

  it('shows the value as sent', () => {
    expect(formatSentValue(1532.41)).toBe('1532.41');
    expect(formatSentValue(1_532_410)).toBe('1532410');
    expect(formatSentValue(null)).toBe('—');
  });
});
