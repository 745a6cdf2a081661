import { describe, expect, it } from 'vitest';
import { bucketIntervals, endOfLocalDayMs } from '../buckets';
import type { Interval } from '../interval';
import { splitByTariff } from '../tariff';
import { at, HOUR, m3, type Row, registerProfile, rows, runRegister, SHANGHAI } from './support';

describe('PB-14 a gap of several days is spread, and missing days stay null', () => {
  const daily = (date: string, totalM3: number | null): Row => [
    new Date(endOfLocalDayMs(date, SHANGHAI)).toISOString(),
    totalM3 === null ? null : m3(totalM3),
  ];
  const profile = registerProfile({ gapMs: 36 * HOUR, maxFlowLps: 5 });
  const input = rows(
    daily('2025-03-01', 1200),
    daily('2025-03-02', 1200.5),
    daily('2025-03-03', null),
    daily('2025-03-04', null),
    daily('2025-03-05', 1202),
  );
  const days = (intervals: Interval[]) =>
    bucketIntervals(intervals, {
      zone: SHANGHAI,
      size: 'day',
      fromMs: at('2025-03-01T00:00:00+08:00'),
      toMs: at('2025-03-06T00:00:00+08:00'),
    });

  it('gives 03-02 0.500 and 0.500 estimated for each of 03-03 to 03-05, sum 1.500 m³', () => {
    const { intervals, outcomes } = runRegister(input, profile);

    const result = days(intervals).map((d) => [d.label, d.volumeL, d.estimated]);

    expect(outcomes).toEqual(['first', 'booked', 'missing', 'missing', 'booked']);
    expect(result).toEqual([
      ['2025-03-01', null, false],
      ['2025-03-02', 500, false],
      ['2025-03-03', 500, true],
      ['2025-03-04', 500, true],
      ['2025-03-05', 500, true],
    ]);
    expect(intervals[1]!.flags).toEqual(['estimated_gap']);
    expect(result.slice(2).reduce((sum, d) => sum + (d[1] as number), 0) / 1000).toBeCloseTo(
      1.5,
      9,
    );
  });

  it('keeps days without any reading null, never 0', () => {
    const { intervals } = runRegister(input.slice(0, 2), profile);

    expect(days(intervals).map((d) => d.volumeL)).toEqual([null, 500, null, null, null]);
  });

  it('spreads an uneven gap over hours and preserves the sum exactly (variant)', () => {
    const { intervals } = runRegister(
      rows(
        ['2026-03-01T08:30:00+08:00', 10_000],
        ['2026-03-01T13:00:00+08:00', 10_100],
        ['2026-03-01T14:00:00+08:00', 10_110],
      ),
    );
    const hours = bucketIntervals(intervals, {
      zone: SHANGHAI,
      size: 'hour',
      fromMs: at('2026-03-01T07:00:00+08:00'),
      toMs: at('2026-03-01T14:00:00+08:00'),
    });

    // 4.5 h gap: 30 min in 08:00 (11.1 L), then four whole hours of 22.2 L.
    expect(hours.map((h) => h.volumeL === null)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(hours[1]!.volumeL).toBeCloseTo(100 / 9, 9);
    expect(hours[2]!.volumeL).toBeCloseTo(200 / 9, 9);
    expect(hours.slice(1, 6).reduce((sum, h) => sum + h.volumeL!, 0)).toBe(100);
    expect(hours.slice(1, 6).every((h) => h.estimated)).toBe(true);
    expect(hours[6]).toMatchObject({ volumeL: 10, estimated: false });
  });

  it('spreads an estimated interval over tariff periods by the hours it covers (variant)', () => {
    const interval: Interval = {
      startMs: at('2026-03-01T06:00:00+08:00'),
      endMs: at('2026-03-01T10:00:00+08:00'),
      volumeL: 40,
      flags: ['estimated_gap'],
    };

    const split = splitByTariff(
      [interval],
      [
        { name: 'valley', startHour: 23, endHour: 8 },
        { name: 'peak', startHour: 8, endHour: 23 },
      ],
      SHANGHAI,
    );

    expect(split).toEqual([
      { name: 'valley', volumeL: 20, estimated: true },
      { name: 'peak', volumeL: 20, estimated: true },
    ]);
  });
});
