import { describe, expect, it } from 'vitest';
import { HOUR_MS, hourShares, spreadOverHours } from './hourly';

const MIN = 60_000;

describe('hourShares', () => {
  it('books a measured interval wholly to the hour its end closes', () => {
    // 00:28 → 01:19: the reading at 01:19 closes hour 01:00–02:00.
    const shares = hourShares({
      startMs: 28 * MIN,
      endMs: HOUR_MS + 19 * MIN,
      volumeL: 51,
      flags: [],
    });
    expect(shares).toEqual([{ hourMs: HOUR_MS, volumeL: 51 }]);
  });

  it('books a reading exactly on the hour to the hour before (PB-07)', () => {
    const shares = hourShares({
      startMs: 23 * HOUR_MS,
      endMs: 24 * HOUR_MS,
      volumeL: 2,
      flags: [],
    });
    expect(shares).toEqual([{ hourMs: 23 * HOUR_MS, volumeL: 2 }]);
  });

  it('spreads an estimated interval over the hours of its gap (PB-14)', () => {
    const shares = hourShares({
      startMs: 0,
      endMs: 4 * HOUR_MS,
      volumeL: 8,
      flags: ['estimated_gap'],
    });
    expect(shares.map((s) => s.volumeL)).toEqual([2, 2, 2, 2]);
  });
});

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
