import { describe, expect, it } from 'vitest';
import { DEMAND_PARAMETERS, resolveDemandParameters } from './demandParameters';

describe('DEMAND_PARAMETERS', () => {
  it('names a source and a status for every value', () => {
    for (const [key, entry] of Object.entries(DEMAND_PARAMETERS)) {
      expect(entry.source.length, key).toBeGreaterThan(3);
      expect(['C', 'P', 'U', 'D'], key).toContain(entry.status);
      expect(entry.unit.length, key).toBeGreaterThan(0);
    }
  });

  it('keeps the LEED uses per person per day of domain.md §4.2', () => {
    expect(DEMAND_PARAMETERS.wcUsesFemale).toMatchObject({ value: 3, status: 'C' });
    expect(DEMAND_PARAMETERS.wcUsesMale).toMatchObject({ value: 1, status: 'C' });
    expect(DEMAND_PARAMETERS.urinalUsesMale).toMatchObject({ value: 2, status: 'C' });
    expect(DEMAND_PARAMETERS.lavatoryDurationS).toMatchObject({ value: 30, status: 'C' });
  });
});

describe('resolveDemandParameters', () => {
  it('returns the defaults with the given values replaced', () => {
    const p = resolveDemandParameters({ dutyPersons: 0, irrigationWindowH: [5, 7] });

    expect(p.dutyPersons).toBe(0);
    expect(p.irrigationWindowH).toEqual([5, 7]);
    expect(p.wcUsesFemale).toBe(3);
  });
});
