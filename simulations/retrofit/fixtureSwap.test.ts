import { describe, expect, it } from 'vitest';
import { AssumptionLog } from './assumptions';
import type { FixtureDemand } from './baseline';
import { applyFixtureSwaps } from './demandMeasures';
import { dailyVolumeL, dualFlushAverageL, swapFactor, swapSpec } from './fixtureSwap';

/** A baseline fixture with only what a swap reads. */
const fixture = (over: Partial<FixtureDemand>): FixtureDemand => ({
  fixtureId: 'f',
  type: 'toilet',
  roomId: 'wc-1',
  roomFunction: 'toilet',
  areaId: null,
  meterId: null,
  demandEndUse: 'toilet',
  endUse: 'toilets',
  volumePerUseL: 9,
  durationS: 0,
  dailyL: new Float64Array(24),
  ...over,
});

describe('fixture swaps', () => {
  it('saves 80 L a day swapping 9 L toilets for grade 2 for 10 people', () => {
    // 10 staff, half women: 5 × 3 + 5 × 1 = 20 flushes a day (men also use urinals).
    // Before: 20 × 9 L = 180 L. Grade 2 average flush 5.0 L: 20 × 5 L = 100 L. Saving 80 L.
    const staff = { persons: 10, femaleShare: 0.5, usesFemale: 3, usesMale: 1 };
    const after = swapSpec('toilet', { kind: 'grade', grade: 2 });

    const beforeL = dailyVolumeL(staff, 9);
    const afterL = dailyVolumeL(staff, 'volumePerUseL' in after ? after.volumePerUseL : 0);

    expect(beforeL).toBeCloseTo(180, 10);
    expect(afterL).toBeCloseTo(100, 10);
    expect(beforeL - afterL).toBeCloseTo(80, 10);
  });

  it('scales a baseline toilet by new flush over old', () => {
    // 5 L / 9 L.
    const factor = swapFactor(
      { fixtureType: 'toilet', target: { kind: 'grade', grade: 2 } },
      fixture({}),
      12,
    );
    expect(factor).toBeCloseTo(5 / 9, 12);
  });

  it('shortens a hand wash to 12 s with automatic shut-off', () => {
    // Before 0.20 L/s × 30 s = 6 L; grade 1 tap 0.100 L/s × 12 s = 1.2 L; factor 0.2.
    const basin = fixture({ type: 'basin_tap', volumePerUseL: 6, durationS: 30 });
    const swap = {
      fixtureType: 'basin_tap' as const,
      target: { kind: 'grade' as const, grade: 1 as const },
      autoOff: true,
    };
    expect(swapFactor(swap, basin, 12)).toBeCloseTo(0.2, 12);
  });

  it('reads the GB/T 31436 tiers and averages a dual flush 1 full : 3 half', () => {
    expect(swapSpec('squat_toilet', { kind: 'tier', tier: 'water_saving' })).toEqual({
      volumePerUseL: 6,
    });
    expect(swapSpec('urinal', { kind: 'tier', tier: 'high_efficiency' })).toEqual({
      volumePerUseL: 1.9,
    });
    // (6 + 3 × 3) / 4 = 3.75 L.
    expect(dualFlushAverageL(6, 3, 0.75)).toBeCloseTo(3.75, 12);
  });

  it('refuses a grade for a squat pan, whose grade values are unconfirmed', () => {
    expect(() => swapSpec('squat_toilet', { kind: 'grade', grade: 1 })).toThrow(/squat_toilet/);
  });

  it('swaps only the toilet of the one room chosen, over a swap of every toilet', () => {
    // Two 9 L toilets flushed 20 times a day: 180 L each, 360 L together.
    // Every toilet to grade 2 (5.0 L), then the accessible toilet alone to grade 1 (4.0 L):
    // the later swap wins where both match. Men's room 20 × 5 = 100 L, accessible
    // 20 × 4 = 80 L; 180 L a day together, saving 180 L.
    const day = (litres: number) => Float64Array.from({ length: 24 }, () => litres);
    const men = fixture({ fixtureId: 'men', roomId: 'wc-men', dailyL: day(180) });
    const accessible = fixture({ fixtureId: 'acc', roomId: 'wc-acc', dailyL: day(180) });
    const scenario = {
      name: 'one room',
      fixtureSwaps: [
        { fixtureType: 'toilet' as const, target: { kind: 'grade' as const, grade: 2 as const } },
        {
          fixtureType: 'toilet' as const,
          roomId: 'wc-acc',
          target: { kind: 'grade' as const, grade: 1 as const },
        },
      ],
    };

    const { baseline, swapOf } = applyFixtureSwaps(
      { fixtures: [men, accessible], unmeteredM3PerDay: new Map() },
      scenario,
      new AssumptionLog(),
    );

    expect(swapOf).toEqual(
      new Map([
        ['men', 0],
        ['acc', 1],
      ]),
    );
    const [menAfter, accAfter] = baseline.fixtures;
    expect(menAfter!.dailyL[0]).toBeCloseTo(100, 10);
    expect(accAfter!.dailyL[0]).toBeCloseTo(80, 10);
    expect(menAfter!.dailyL[0]! + accAfter!.dailyL[0]!).toBeCloseTo(180, 10);
  });

  it('leaves the toilets of other rooms alone when one room is chosen', () => {
    // Only the accessible toilet, grade 1: 180 L → 80 L there; the men's stays at 180 L.
    const day = (litres: number) => Float64Array.from({ length: 24 }, () => litres);
    const men = fixture({ fixtureId: 'men', roomId: 'wc-men', dailyL: day(180) });
    const accessible = fixture({ fixtureId: 'acc', roomId: 'wc-acc', dailyL: day(180) });
    const swap = {
      fixtureType: 'toilet' as const,
      roomId: 'wc-acc',
      target: { kind: 'grade' as const, grade: 1 as const },
    };

    const { baseline } = applyFixtureSwaps(
      { fixtures: [men, accessible], unmeteredM3PerDay: new Map() },
      { name: 'one room', fixtureSwaps: [swap] },
      new AssumptionLog(),
    );

    expect(baseline.fixtures[0]!.dailyL[5]).toBe(180);
    expect(baseline.fixtures[1]!.dailyL[5]).toBeCloseTo(80, 10);
  });
});
