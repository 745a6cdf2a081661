import { describe, expect, it } from 'vitest';
import { HOUR_MS, spreadOverHours } from './hourly';

const MIN = 60_000;

describe('spreadOverHours', () => {
  it('splits an interval across hours in proportion to the time in each', () => {
    // 00:28 → 01:19 (51 minutes): 32 in the first hour, 19 in the second.
    const shares = spreadOverHours(28 * MIN, HOUR_MS + 19 * MIN, 51);
    expect(shares).toEqual([
      { hourMs: 0, volumeL: 32 },
      { hourMs: HOUR_MS, volumeL: 19 },
    ]);
  });

  it('keeps an interval inside one hour whole', () => {
    expect(spreadOverHours(5 * MIN, 50 * MIN, 7)).toEqual([{ hourMs: 0, volumeL: 7 }]);
  });

  it('puts a reading on the hour into the hour it ends', () => {
    expect(spreadOverHours(0, HOUR_MS, 9)).toEqual([{ hourMs: 0, volumeL: 9 }]);
  });

  it('spreads a gap evenly and preserves the total exactly', () => {
    const shares = spreadOverHours(0, 3 * HOUR_MS, 1);
    expect(shares.map((s) => s.hourMs)).toEqual([0, HOUR_MS, 2 * HOUR_MS]);
    expect(shares.reduce((a, s) => a + s.volumeL, 0)).toBe(1);
    expect(shares[0]!.volumeL).toBeCloseTo(1 / 3, 12);
  });
});
