import { describe, expect, it } from 'vitest';
import type { IndicatorId } from '../../models/compliance';
import { meteringUnits } from './coverage';
import { complianceIndicators } from './indicators';
import { complianceSite, complianceTree, complianceVolumes } from './testSite';

const run = (knownUnmeteredM3PerDay: number) =>
  complianceIndicators(complianceSite(), complianceTree(), complianceVolumes(), {
    knownUnmeteredM3PerDay,
  });
const pick = (id: IndicatorId, knownUnmeteredM3PerDay = 0) => {
  const found = run(knownUnmeteredM3PerDay).indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
};

describe('compliance indicators on a constructed site', () => {
  it('meters every source at level 1', () => {
    expect(pick('level1MeteringRate')).toMatchObject({ value: 1, pass: true });
  });

  it('takes the level-2 rate as Σ level-2 ÷ level-1 volume: 137.5 ÷ 140 m³', () => {
    const k2 = pick('level2MeteringRate');
    expect(k2.numerator).toBeCloseTo(137.5, 9);
    expect(k2.denominator).toBeCloseTo(140, 9);
    expect(k2.value).toBeCloseTo(137.5 / 140, 12);
    expect(k2.pass).toBe(true);
  });

  it('takes the level-3 rate over the parents of level-3 meters only: 80 ÷ 110 m³', () => {
    const k3 = pick('level3MeteringRate');
    expect(k3.value).toBeCloseTo(80 / 110, 12);
    expect(k3.pass).toBe(false);
  });

  it('counts the building as unmetered while its guard-house basin sits on level 1', () => {
    const units = meteringUnits(complianceSite(), complianceTree());
    expect(units.map((u) => [u.id, u.meterIds])).toEqual([
      ['b', []],
      ['irrigation', ['M2b']],
    ]);
    expect(pick('meteringCoverage')).toMatchObject({ value: 0.5, pass: false });
  });

  it('fails the leak rate on a month above 2 % although the whole period is below', () => {
    // April (100 − 98.5) ÷ 100 = 1.5 %, May (40 − 39) ÷ 40 = 2.5 %, period 2.5 ÷ 140.
    const result = run(0);
    expect(result.leakByMonth.map((m) => m.rate)).toEqual([0.015, 0.025]);
    const leak = pick('leakRate');
    expect(leak.value).toBeCloseTo(2.5 / 140, 12);
    expect(leak.pass).toBe(false);
  });

  it('subtracts known unmetered use per day from the leak rate', () => {
    // 0.05 m³/d: April 1.5 m³ known → 0 %; May 0.5 m³ → 1.25 %; period (2.5 − 2) ÷ 140.
    const result = run(0.05);
    expect(result.leakByMonth[0]!.rate).toBeCloseTo(0, 12);
    expect(result.leakByMonth[1]!.rate).toBeCloseTo(0.0125, 12);
    expect(pick('leakRate', 0.05)).toMatchObject({ pass: true });
    expect(pick('leakRate', 0.05).value).toBeCloseTo(0.5 / 140, 12);
  });

  it('scales per-capita use to a year and to a (working) day', () => {
    const { perCapita } = run(0);
    // 140 m³ ÷ 4 staff ÷ 40 d × 365 d; 140 000 L ÷ 4 ÷ 40; ÷ 4 ÷ 28 working days.
    expect(perCapita.m3PerPersonYear).toBeCloseTo(319.375, 9);
    expect(perCapita.lPerPersonDay).toBeCloseTo(875, 9);
    expect(perCapita.lPerPersonWorkingDay).toBeCloseTo(1250, 9);
    expect(perCapita.grade).toBe('over');
    expect(pick('perCapita')).toMatchObject({ pass: false, bar: { op: '<=', value: 15 } });
  });

  it('scales per-capita use over the days the level-1 meter reported, not empty ones', () => {
    // Data on 20 of the 40 days (14 working): 140 m³ ÷ 4 ÷ 20 d × 365 d; ÷ 4 ÷ 14.
    const volumes = {
      ...complianceVolumes(),
      dataDays: new Map([['M1', { days: 20, workingDays: 14 }]]),
    };
    const { perCapita } = complianceIndicators(complianceSite(), complianceTree(), volumes, {
      knownUnmeteredM3PerDay: 0,
    });
    expect(perCapita.m3PerPersonYear).toBeCloseTo(638.75, 9);
    expect(perCapita.lPerPersonDay).toBeCloseTo(1750, 9);
    expect(perCapita.lPerPersonWorkingDay).toBeCloseTo(2500, 9);
    expect([perCapita.daysWithData, perCapita.workingDaysWithData]).toEqual([20, 14]);
  });

  it('judges nothing, level-1 metering included, on a period without level-1 data', () => {
    const empty = { ...complianceVolumes(), meterL: new Map(), dataDays: new Map() };
    const result = complianceIndicators(complianceSite(), complianceTree(), empty, {
      knownUnmeteredM3PerDay: 0,
    });
    const byId = new Map(result.indicators.map((i) => [i.id, i]));
    for (const id of ['level1MeteringRate', 'level2MeteringRate', 'leakRate', 'perCapita']) {
      expect(byId.get(id as IndicatorId), id).toMatchObject({ value: null, pass: null });
    }
  });

  it('counts graded fixtures at grade 2 or better, and drip or sprinkler area', () => {
    expect(pick('waterSavingFixtures')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(pick('efficientIrrigation')).toMatchObject({ value: 0.75, pass: false });
    expect(pick('nonConventionalShare')).toMatchObject({ value: 0, bar: null, pass: null });
  });

  it('takes the greywater meter as reused water, outside the potable figures', () => {
    const g = { greywater: true };
    const result = complianceIndicators(
      complianceSite(g),
      complianceTree(g),
      complianceVolumes(g),
      { knownUnmeteredM3PerDay: 0 },
    );
    const get = (id: IndicatorId) => result.indicators.find((i) => i.id === id)!;

    // R = V_r ÷ (V_f + V_r) = 15 ÷ (140 + 15) m³.
    expect(get('nonConventionalShare')).toMatchObject({ numerator: 15, denominator: 155 });
    expect(get('nonConventionalShare').value).toBeCloseTo(15 / 155, 12);
    // The reuse tank is no intake; MG is no level-2 share of the potable main.
    expect(get('level1MeteringRate')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(get('level2MeteringRate').value).toBeCloseTo(137.5 / 140, 12);
    expect(get('leakRate').value).toBeCloseTo(2.5 / 140, 12);
    expect(result.leakByMonth.map((m) => m.rate)).toEqual([0.015, 0.025]);
    expect(result.perCapita.m3PerPersonYear).toBeCloseTo(319.375, 9);
  });

  it('subtracts dated known unmetered uses in their month and period only', () => {
    // A 0.5 m³ fire-hydrant test on 3 May: May (40 − 39 − 0.5) ÷ 40 = 1.25 %.
    const result = complianceIndicators(complianceSite(), complianceTree(), complianceVolumes(), {
      knownUnmeteredM3PerDay: 0,
      knownUnmeteredUses: [
        { dateIso: '2026-05-03', m3: 0.5 },
        { dateIso: '2026-05-11', m3: 9 },
      ],
    });
    expect(result.leakByMonth.map((m) => m.knownUnmeteredM3)).toEqual([0, 0.5]);
    expect(result.leakByMonth[1]!.rate).toBeCloseTo(0.0125, 12);
    const leak = result.indicators.find((i) => i.id === 'leakRate')!;
    expect(leak.value).toBeCloseTo(2 / 140, 12);
    expect(leak.pass).toBe(true);
  });
});
