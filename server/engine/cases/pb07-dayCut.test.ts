import { describe, expect, it } from 'vitest';
import { bucketIntervals } from '../buckets';
import type { Interval } from '../interval';
import { at, HOUR, runIntervalVolumes, SHANGHAI } from './support';

describe('PB-07 days follow the building zone and the end stamp', () => {
  const input: Array<[string, number]> = [
    ['2026-05-01T22:00:00+08:00', 40],
    ['2026-05-01T23:00:00+08:00', 5],
    ['2026-05-02T00:30:00+08:00', 3],
    ['2026-05-02T10:00:00+08:00', 7],
  ];
  const days = (intervals: Interval[], zone: string) =>
    bucketIntervals(intervals, {
      zone,
      size: 'day',
      fromMs: at('2026-05-01T00:00:00+08:00'),
      toMs: at('2026-05-03T00:00:00+08:00'),
    }).map((d) => [d.label, d.volumeL]);

  it('gives 2026-05-01 = 45 L and 2026-05-02 = 10 L, not 15', () => {
    expect(days(runIntervalVolumes(input), SHANGHAI)).toEqual([
      ['2026-05-01', 45],
      ['2026-05-02', 10],
    ]);
  });

  it('would be wrong cut in UTC (00:30+08:00 falls in 05-01), which is why the zone is given', () => {
    const utc = days(runIntervalVolumes(input), 'UTC');

    expect(utc.find(([label]) => label === '2026-05-01')).toEqual(['2026-05-01', 48]);
  });

  it('puts a reading stamped exactly at 00:00 into the day it ends: 05-01 = 47 L', () => {
    const withMidnight = runIntervalVolumes([
      ...input.slice(0, 2),
      ['2026-05-02T00:00:00+08:00', 2],
      ...input.slice(2),
    ]);

    expect(days(withMidnight, SHANGHAI)).toEqual([
      ['2026-05-01', 47],
      ['2026-05-02', 10],
    ]);
  });

  it('puts a reading at 23:00 into the hour 22:00–23:00 (variant: hours)', () => {
    const hours = bucketIntervals(runIntervalVolumes(input.slice(0, 2)), {
      zone: SHANGHAI,
      size: 'hour',
      fromMs: at('2026-05-01T21:00:00+08:00'),
      toMs: at('2026-05-02T00:00:00+08:00'),
    });

    expect(hours.map((h) => [h.label, h.volumeL])).toEqual([
      ['2026-05-01T21:00+08:00', 40],
      ['2026-05-01T22:00+08:00', 5],
      ['2026-05-01T23:00+08:00', null],
    ]);
  });

  it('cuts local days of 23 h across a DST change (variant)', () => {
    const berlin = bucketIntervals([], {
      zone: 'Europe/Berlin',
      size: 'day',
      fromMs: at('2026-03-29T00:00:00+01:00'),
      toMs: at('2026-03-30T00:00:00+02:00'),
    });

    expect(berlin.map((d) => [d.label, (d.endMs - d.startMs) / HOUR])).toEqual([
      ['2026-03-29', 23],
    ]);
  });
});
