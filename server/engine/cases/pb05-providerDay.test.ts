import { describe, expect, it } from 'vitest';
import { bucketIntervals } from '../buckets';
import type { DayStart } from '../dailyCounter';
import { at, m3, runCounter, SHANGHAI } from './support';

describe('PB-05 a provider day that is not the local day never gives a negative hour', () => {
  const utcDay: DayStart = { zone: 'UTC', minuteOfDay: 0 };
  const input: Array<[string, number]> = [
    ['2026-02-03T06:00:00+08:00', m3(0.905)],
    ['2026-02-03T07:00:00+08:00', m3(0.912)],
    ['2026-02-03T08:00:00+08:00', m3(0)],
    ['2026-02-03T09:00:00+08:00', m3(0.03)],
  ];

  it('books 0.007, 0 (source_reset), 0.030 m³ when the counter restarts at UTC midnight', () => {
    const { intervals, unmeasured } = runCounter(input, utcDay);

    expect(intervals.map((i) => [i.endMs, i.volumeL, i.flags])).toEqual([
      [at('2026-02-03T07:00:00+08:00'), 7, []],
      [at('2026-02-03T08:00:00+08:00'), 0, ['source_reset']],
      [at('2026-02-03T09:00:00+08:00'), 30, []],
    ]);
    expect(unmeasured).toEqual([
      { startMs: at('2026-02-03T07:00:00+08:00'), endMs: at('2026-02-03T08:00:00+08:00') },
    ]);
    expect(intervals.every((i) => i.volumeL >= 0)).toBe(true);
  });

  it('cuts daily totals at 00:00+08:00 whatever the source reset time', () => {
    const { intervals } = runCounter(input, utcDay);

    const days = bucketIntervals(intervals, {
      zone: SHANGHAI,
      size: 'day',
      fromMs: at('2026-02-02T00:00:00+08:00'),
      toMs: at('2026-02-04T00:00:00+08:00'),
    });

    expect(days.map((d) => [d.label, d.volumeL])).toEqual([
      ['2026-02-02', null],
      ['2026-02-03', 37],
    ]);
  });

  it('handles a provider day starting at 02:00 local (variant)', () => {
    const { intervals } = runCounter(
      [
        ['2026-02-03T00:00:00+08:00', 900],
        ['2026-02-03T01:00:00+08:00', 940],
        ['2026-02-03T02:00:00+08:00', 0],
        ['2026-02-03T03:00:00+08:00', 25],
      ],
      { zone: SHANGHAI, minuteOfDay: 120 },
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([
      [40, []],
      [0, ['source_reset']],
      [25, []],
    ]);
  });

  it('restarts at 03:00 when the provider day start falls in a DST gap (variant)', () => {
    // Europe/Berlin skips 02:00–03:00 on 2026-03-29; luxon moves 02:00 forward to 03:00.
    const { intervals } = runCounter(
      [
        ['2026-03-29T01:30:00+01:00', 800],
        ['2026-03-29T03:30:00+02:00', 12],
      ],
      { zone: 'Europe/Berlin', minuteOfDay: 120 },
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([[12, ['source_reset']]]);
  });
});
