import { describe, expect, it } from 'vitest';
import { balanceWeakPoints, waterBalance } from './balance';
import { complianceSite, complianceTree, complianceVolumes } from './testSite';

const balanceWith = (knownUnmeteredM3PerDay: number) =>
  waterBalance(complianceSite(), complianceTree(), complianceVolumes(), {
    knownUnmeteredM3PerDay,
  });

describe('water balance of a constructed site', () => {
  it('books each area: children, use split by discharge share, and the rest as loss', () => {
    const { rows } = balanceWith(0);
    const row = (id: string) => rows.find((r) => r.meterId === id)!;

    // The intake's 2.5 m³ not seen by level 2 is lost while no unmetered use is known.
    expect(row('M1')).toMatchObject({ intakeM3: 140, category: 'sanitary', consumedM3: 0 });
    expect(row('M1').toChildrenM3).toBeCloseTo(137.5, 9);
    expect(row('M1').lostM3).toBeCloseTo(2.5, 9);
    // Office: 110 in, 80 to the floor meter, 30 used: 10 % consumed, 90 % discharged.
    expect(row('M2a').consumedM3).toBeCloseTo(3, 9);
    expect(row('M2a').dischargedM3).toBeCloseTo(27, 9);
    expect(row('M2a').lostM3).toBeCloseTo(0, 9);
    // Irrigation is wholly consumed.
    expect(row('M2b')).toMatchObject({ category: 'irrigation', consumedM3: 27.5, dischargedM3: 0 });
  });

  it('balances the site: intake = consumed + discharged + lost', () => {
    const { total } = balanceWith(0);
    expect(total.intakeM3).toBe(140);
    expect(total.consumedM3).toBeCloseTo(38.5, 9);
    expect(total.dischargedM3).toBeCloseTo(99, 9);
    expect(total.lostM3).toBeCloseTo(2.5, 9);
  });

  it('books known unmetered use on the level-1 area as use, not loss', () => {
    // 0.05 m³/d over 40 days = 2 m³ of the 2.5 m³ remainder.
    const m1 = balanceWith(0.05).rows.find((r) => r.meterId === 'M1')!;
    expect(m1.consumedM3 + m1.dischargedM3).toBeCloseTo(2, 9);
    expect(m1.lostM3).toBeCloseTo(0.5, 9);
  });

  it('draws the diagram from the intake through the meters to end uses and losses', () => {
    const { links, nodes } = balanceWith(0);
    const flow = (s: string, t: string) => links.find((l) => l.source === s && l.target === t)?.m3;
    expect(flow('M1', 'M2a')).toBe(110);
    expect(flow('M2a', 'M3x')).toBe(80);
    expect(flow('M1', 'loss')).toBeCloseTo(2.5, 9);
    expect(flow('M3x', 'use:sanitary')).toBeCloseTo(80, 9);
    expect(flow('use:sanitary', 'discharged')).toBeCloseTo(99, 9);
    expect(flow('use:irrigation', 'consumed')).toBeCloseTo(27.5, 9);
    expect(nodes.map((n) => n.id)).toEqual([
      'M1',
      'M2a',
      'M3x',
      'M2b',
      'use:sanitary',
      'use:irrigation',
      'loss',
      'consumed',
      'discharged',
    ]);
  });

  it('names the loss and the use known only as a remainder as weak points', () => {
    const weak = balanceWeakPoints(balanceWith(0), complianceTree());
    expect(weak).toEqual([
      {
        kind: 'loss',
        meterId: 'M1',
        m3: expect.closeTo(2.5, 9),
        share: expect.closeTo(2.5 / 140, 9),
      },
      { kind: 'unmeteredUse', meterId: 'M1', fixtures: 1 },
      { kind: 'unmeteredUse', meterId: 'M2a', fixtures: 1 },
    ]);
  });

  it('feeds the greywater meter from a separate reused source into its end use', () => {
    const g = { greywater: true };
    const balance = waterBalance(complianceSite(g), complianceTree(g), complianceVolumes(g), {
      knownUnmeteredM3PerDay: 0,
    });
    const mg = balance.rows.find((r) => r.meterId === 'MG')!;

    // 15 m³ of greywater flush the toilet: 10 % consumed, 90 % discharged, nothing lost.
    expect(mg).toMatchObject({ supply: 'greywater', parentId: null, intakeM3: 15 });
    expect(mg.consumedM3).toBeCloseTo(1.5, 9);
    expect(mg.dischargedM3).toBeCloseTo(13.5, 9);
    expect(mg.lostM3).toBeCloseTo(0, 9);
    // V_t = V_f + V_r = 140 + 15 m³, and it balances.
    const t = balance.total;
    expect(t).toMatchObject({ intakeM3: 155, freshM3: 140, nonConventionalM3: 15 });
    expect(t.consumedM3 + t.dischargedM3 + t.lostM3).toBeCloseTo(155, 9);
    expect(balance.links.filter((l) => l.source === 'reused' || l.source === 'MG')).toEqual([
      { source: 'reused', target: 'MG', m3: 15 },
      { source: 'MG', target: 'use:sanitary', m3: 15 },
    ]);
    expect(balance.nodes[0]).toMatchObject({ id: 'reused', kind: 'reused' });
  });

  it('splits use by the discharge share an engineer set instead of the default', () => {
    const { rows } = waterBalance(complianceSite(), complianceTree(), complianceVolumes(), {
      knownUnmeteredM3PerDay: 0,
      dischargeShare: { sanitary: 0.5 },
    });
    const m2a = rows.find((r) => r.meterId === 'M2a')!;
    // Office: 30 m³ used, half discharged; irrigation keeps its default (0).
    expect(m2a.consumedM3).toBeCloseTo(15, 9);
    expect(m2a.dischargedM3).toBeCloseTo(15, 9);
    expect(rows.find((r) => r.meterId === 'M2b')).toMatchObject({ dischargedM3: 0 });
  });

  it('books a dated known unmetered use inside the period on the level-1 area', () => {
    const m1 = waterBalance(complianceSite(), complianceTree(), complianceVolumes(), {
      knownUnmeteredM3PerDay: 0,
      knownUnmeteredUses: [
        { dateIso: '2026-04-20', m3: 1.2 },
        { dateIso: '2026-06-01', m3: 5 },
      ],
    }).rows.find((r) => r.meterId === 'M1')!;
    expect(m1.consumedM3 + m1.dischargedM3).toBeCloseTo(1.2, 9);
    expect(m1.lostM3).toBeCloseTo(1.3, 9);
  });
});
