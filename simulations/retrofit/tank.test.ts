import { describe, expect, it } from 'vitest';
import { greywaterInflowM3 } from './greywater';
import { rainInflowM3, roofInflowM3, tankSizeCurve } from './rainwater';
import { runTankYas, shareOfDemandMet } from './tank';

const harvest = {
  firstFlushMm: 2,
  filterEfficiency: 0.9,
  harvestMonths: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0],
};
const roof = { areaM2: 100, runoffCoefficient: 0.85 };

describe('rainwater tank (yield after spillage)', () => {
  it('runs three days and spills on the third', () => {
    // Inflow = (rain − 2 mm) / 1000 × 100 m² × 0.85 × 0.9:
    //   12 mm → 0.765 m³; 1 mm → 0 (all first flush); 22 mm → 1.53 m³.
    const inflow = [12, 1, 22].map((mm) => roofInflowM3(mm, roof, harvest));
    expect(inflow[0]).toBeCloseTo(0.765, 12);
    expect(inflow[1]).toBe(0);
    expect(inflow[2]).toBeCloseTo(1.53, 12);

    // Tank 1 m³, demand 0.5 m³/day, empty at the start:
    // t1: Y = min(0.5, 0) = 0;         V = min(0 + 0.765 − 0, 1 − 0) = 0.765;  O = 0
    // t2: Y = min(0.5, 0.765) = 0.5;   V = min(0.765 + 0 − 0.5, 1 − 0.5) = 0.265; O = 0
    // t3: Y = min(0.5, 0.265) = 0.265; V = min(0.265 + 1.53 − 0.265, 1 − 0.265) = 0.735;
    //     O = 0.265 + 1.53 − 0.265 − 0.735 = 0.795
    const run = runTankYas(inflow, [0.5, 0.5, 0.5], 1);

    expect([...run.yieldM3]).toEqual([0, 0.5, expect.closeTo(0.265, 12)]);
    expect(run.storedM3[0]).toBeCloseTo(0.765, 12);
    expect(run.storedM3[1]).toBeCloseTo(0.265, 12);
    expect(run.storedM3[2]).toBeCloseTo(0.735, 12);
    expect(run.spillM3[2]).toBeCloseTo(0.795, 12);
    expect(run.mainsM3[0]).toBeCloseTo(0.5, 12);
    expect(run.mainsM3[2]).toBeCloseTo(0.235, 12);
    // E_T = 0.765 / 1.5 = 0.51.
    expect(shareOfDemandMet(run)).toBeCloseTo(0.51, 12);
  });

  it('collects nothing in a frozen month', () => {
    // 20 mm on 15 January and on 15 July: only July reaches the tank, 18/1000 × 76.5 = 1.377.
    const days = Array.from({ length: 365 }, (_, i) => {
      const date = new Date(Date.UTC(2013, 0, 1 + i)).toISOString().slice(0, 10);
      const rainMm = date === '2013-01-15' || date === '2013-07-15' ? 20 : 0;
      return { date, rainMm, meanTempC: null, rainHoursMissing: 0 };
    });
    const inflow = rainInflowM3({ year: 2013, source: 'test', days }, [roof], harvest);

    expect(inflow[14]).toBe(0);
    expect(inflow[195]).toBeCloseTo(1.377, 12);
  });

  it('gives the share of demand met for each tank size', () => {
    // Same three days; a 2 m³ tank keeps day 3's water: t3 yield 0.265, no spill — the
    // share is still 0.51 because YAS only delivers yesterday's water. A 0.2 m³ tank:
    // t1 V = 0.2; t2 Y = 0.2, V = 0; t3 Y = 0 → 0.2 / 1.5.
    const inflow = [0.765, 0, 1.53];
    const curve = tankSizeCurve(inflow, [0.5, 0.5, 0.5], [0.2, 1, 2]);
    expect(curve.map((p) => p.shareOfDemandMet)).toEqual([
      expect.closeTo(0.2 / 1.5, 12),
      expect.closeTo(0.51, 12),
      expect.closeTo(0.51, 12),
    ]);
  });
});

describe('greywater tank', () => {
  it('fills, spills and empties', () => {
    // 2 m³ of basin water a day on two days, none on the next two (a weekend):
    // inflow = 2 × β 0.85 × (1 − 0.10) = 1.53 m³. Flushing demand 1 m³/day, tank 2 m³.
    // t1: Y = 0;  V = min(1.53, 2) = 1.53
    // t2: Y = 1;  V = min(1.53 + 1.53 − 1, 2 − 1) = 1; O = 2.06 − 1 = 1.06
    // t3: Y = 1;  V = min(1 + 0 − 1, 1) = 0 (empty)
    // t4: Y = 0;  mains 1
    const inflow = [2, 2, 0, 0].map((m3) => greywaterInflowM3(m3, 0.85, 0.1));
    const run = runTankYas(inflow, [1, 1, 1, 1], 2);

    expect(inflow[0]).toBeCloseTo(1.53, 12);
    expect([...run.yieldM3]).toEqual([0, 1, 1, 0]);
    expect(run.storedM3[1]).toBeCloseTo(1, 12);
    expect(run.storedM3[2]).toBeCloseTo(0, 12);
    expect(run.totalSpillM3).toBeCloseTo(1.06, 12);
    expect([...run.mainsM3]).toEqual([1, 0, 0, 1]);
  });
});
