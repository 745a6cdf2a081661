import { describe, expect, it } from 'vitest';
import type { DayStart } from '../dailyCounter';
import { splitByTariff, type TariffPeriod } from '../tariff';
import { at, runCounter, SHANGHAI, total, volumes } from './support';

describe('PB-01 a daily-resetting source never drives the total negative', () => {
  const midnight: DayStart = { zone: SHANGHAI, minuteOfDay: 0 };
  const input: Array<[string, number]> = [
    ['2026-01-14T22:00:00+08:00', 410],
    ['2026-01-14T23:00:00+08:00', 455],
    ['2026-01-15T00:00:00+08:00', 0],
    ['2026-01-15T01:00:00+08:00', 12],
    ['2026-01-15T02:00:00+08:00', 12],
  ];

  it('books 45, 0 (source_reset), 12, 0 L: 57 L from 22:00, nothing below 0', () => {
    const { intervals, outcomes, unmeasured } = runCounter(input, midnight);

    expect(outcomes).toEqual(['first', 'booked', 'booked', 'booked', 'booked']);
    expect(intervals.map((i) => [i.endMs, i.volumeL, i.flags])).toEqual([
      [at('2026-01-14T23:00:00+08:00'), 45, []],
      [at('2026-01-15T00:00:00+08:00'), 0, ['source_reset']],
      [at('2026-01-15T01:00:00+08:00'), 12, []],
      [at('2026-01-15T02:00:00+08:00'), 0, []],
    ]);
    expect(total(intervals)).toBe(57);
    expect(intervals.every((i) => i.volumeL >= 0)).toBe(true);
    expect(unmeasured).toEqual([
      { startMs: at('2026-01-14T23:00:00+08:00'), endMs: at('2026-01-15T00:00:00+08:00') },
    ]);
  });

  it('gives the same numbers when a tariff boundary also falls at 00:00', () => {
    const { intervals } = runCounter(input, midnight);
    const periods: TariffPeriod[] = [
      { name: 'valley', startHour: 0, endHour: 8 },
      { name: 'peak', startHour: 8, endHour: 24 },
    ];

    const split = splitByTariff(intervals, periods, SHANGHAI);

    expect(split).toEqual([
      { name: 'valley', volumeL: 12, estimated: false },
      { name: 'peak', volumeL: 45, estimated: false },
    ]);
    expect(split.reduce((sum, t) => sum + (t.volumeL ?? 0), 0)).toBe(57);
  });

  it('splits by a tariff that wraps past midnight the same way (variant)', () => {
    const { intervals } = runCounter(input, midnight);
    const periods: TariffPeriod[] = [
      { name: 'peak', startHour: 7, endHour: 23 },
      { name: 'night', startHour: 23, endHour: 7 },
    ];

    // 23:00 closes 22:00–23:00 (peak); 00:00, 01:00 and 02:00 close night hours.
    expect(splitByTariff(intervals, periods, SHANGHAI)).toEqual([
      { name: 'peak', volumeL: 45, estimated: false },
      { name: 'night', volumeL: 12, estimated: false },
    ]);
  });

  it('books the use since the reset when the first reading after it comes later (variant)', () => {
    const { intervals, unmeasured } = runCounter(
      [
        ['2026-01-14T23:00:00+08:00', 455],
        ['2026-01-15T00:10:00+08:00', 3],
        ['2026-01-15T00:20:00+08:00', 9],
      ],
      midnight,
    );

    expect(volumes(intervals)).toEqual([3, 6]);
    expect(intervals[0]!.flags).toEqual(['source_reset']);
    expect(unmeasured).toEqual([
      { startMs: at('2026-01-14T23:00:00+08:00'), endMs: at('2026-01-15T00:00:00+08:00') },
    ]);
  });

  it('reads a value stamped at the reset that did not fall as the old day final (variant)', () => {
    const { intervals, unmeasured } = runCounter(
      [
        ['2026-01-14T23:00:00+08:00', 455],
        ['2026-01-15T00:00:00+08:00', 470],
        ['2026-01-15T01:00:00+08:00', 12],
      ],
      midnight,
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([
      [15, []],
      [12, ['source_reset']],
    ]);
    expect(unmeasured).toEqual([]);
  });
});
