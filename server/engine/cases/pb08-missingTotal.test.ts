import { describe, expect, it } from 'vitest';
import { at, m3, rows, runCounter, runRegister, SHANGHAI, total, volumes } from './support';

describe('PB-08 a telegram without a total is missing, never 0', () => {
  it('stores rows 2 and 4 as no reading and books 0.005 m³ from 07:35 to 08:35', () => {
    const { intervals, outcomes, questions } = runRegister(
      rows(
        ['2021-12-02T07:35:00Z', m3(7.156)],
        ['2021-12-02T08:01:00Z', 0],
        ['2021-12-02T08:35:00Z', m3(7.161)],
        ['2021-12-02T09:01:00Z', null],
      ),
    );

    expect(outcomes).toEqual(['first', 'missing', 'booked', 'missing']);
    expect(intervals).toEqual([
      {
        startMs: at('2021-12-02T07:35:00Z'),
        endMs: at('2021-12-02T08:35:00Z'),
        volumeL: 5,
        flags: [],
      },
    ]);
    expect(total(intervals) / 1000).toBeCloseTo(0.005, 9);
    expect(questions).toEqual([]);
  });

  it('keeps a 0 from the same serial missing too (variant: serials reported)', () => {
    const { outcomes, intervals } = runRegister(
      rows(
        ['2021-12-02T07:35:00Z', m3(7.156), 'WM-0001'],
        ['2021-12-02T08:01:00Z', 0, 'WM-0001'],
        ['2021-12-02T08:35:00Z', m3(7.161), 'WM-0001'],
      ),
    );

    expect(outcomes).toEqual(['first', 'missing', 'booked']);
    expect(volumes(intervals)).toEqual([5]);
  });

  it('keeps a mid-day 0 of a daily counter missing (variant)', () => {
    const { outcomes, intervals } = runCounter(
      [
        ['2026-01-14T10:00:00+08:00', 4_000],
        ['2026-01-14T11:00:00+08:00', 0],
        ['2026-01-14T12:00:00+08:00', 4_030],
      ],
      { zone: SHANGHAI, minuteOfDay: 0 },
    );

    expect(outcomes).toEqual(['first', 'missing', 'booked']);
    expect(volumes(intervals)).toEqual([30]);
  });
});
