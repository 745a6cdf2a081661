import { describe, expect, it } from 'vitest';
import { deriveMeterTree } from '../../models/meterTree';
import { tinySite } from '../../models/testing/siteBuilder';
import { detectContinuousFlow, servesIntermittentFixtures } from './continuousFlow';
import { HOUR_MS, hourSeries, JULY_1_SHANGHAI_MS as T0 } from './testSeries';

const zone = 'Asia/Shanghai';
const nowMs = T0 + 48 * HOUR_MS;

describe('detectContinuousFlow', () => {
  it('raises a running toilet: 0.05 L/s for 12 h overnight', () => {
    // 0.05 L/s = 180 L/h from 20:00 on day 1 to 08:00 on day 2; dry otherwise.
    const volumes = Array.from({ length: 48 }, (_, h) => (h >= 20 && h < 32 ? 180 : 0));
    const hours = hourSeries(T0, volumes);

    const [candidate, ...rest] = detectContinuousFlow({ meterId: 'M2', hours, zone, nowMs });

    expect(rest).toEqual([]);
    expect(candidate?.window).toEqual({ startMs: T0 + 20 * HOUR_MS, endMs: T0 + 32 * HOUR_MS });
    expect(candidate?.lossLph).toBe(180);
    expect(candidate?.lossM3PerDay).toBeCloseTo(4.32, 10);
    expect(candidate?.evidence.points).toHaveLength(12);
  });

  it('ignores a busy working day that never crosses the night', () => {
    const volumes = Array.from({ length: 48 }, (_, h) => (h % 24 >= 7 && h % 24 < 21 ? 50 : 0));
    expect(
      detectContinuousFlow({ meterId: 'M2', hours: hourSeries(T0, volumes), zone, nowMs }),
    ).toEqual([]);
  });

  it('raises a fixture that began running at 04:00 once it has run 12 h', () => {
    // 150 L/h from 04:00 on day 2, over an office day of 50 L/h from 07:00 to 21:00.
    const volumes = Array.from({ length: 48 }, (_, h) =>
      h >= 28 ? 150 + (h % 24 >= 7 && h % 24 < 21 ? 50 : 0) : h % 24 >= 7 && h % 24 < 21 ? 50 : 0,
    );
    const hours = hourSeries(T0, volumes);
    const at = (h: number) =>
      detectContinuousFlow({ meterId: 'M2', hours, zone, nowMs: T0 + h * HOUR_MS });

    // Not at 15:00 (11 h), at 16:00 (12 h); the loss is the 04:00 hour's flow.
    expect(at(39)).toEqual([]);
    const [candidate] = at(40);
    expect(candidate?.window).toEqual({ startMs: T0 + 28 * HOUR_MS, endMs: T0 + 40 * HOUR_MS });
    expect(candidate?.lossLph).toBe(150);
  });

  it('ignores a late evening that runs into the first night hour only', () => {
    // 40 L/h from 14:00 to 02:00: 12 h, but only one hour of the 01:00–05:00 window.
    const volumes = Array.from({ length: 48 }, (_, h) => (h >= 14 && h < 26 ? 40 : 0));
    expect(
      detectContinuousFlow({ meterId: 'M2', hours: hourSeries(T0, volumes), zone, nowMs }),
    ).toEqual([]);
  });

  it('breaks a run at an hour without data', () => {
    const volumes = Array.from({ length: 48 }, (_, h) =>
      h === 26 ? null : h >= 20 && h < 32 ? 180 : 0,
    );
    expect(
      detectContinuousFlow({ meterId: 'M2', hours: hourSeries(T0, volumes), zone, nowMs }),
    ).toEqual([]);
  });
});

describe('servesIntermittentFixtures', () => {
  const base = tinySite(['src>M1', 'M1>j', 'j>M2', 'j>f1', 'M2>f2'], { M1: 1, M2: 2 });

  it('accepts a meter over taps and rejects one over an irrigation valve', () => {
    const site = {
      ...base,
      fixtures: base.fixtures.map((f) =>
        f.id === 'f2' ? { ...f, type: 'irrigation_valve' as const } : f,
      ),
    };
    const tree = deriveMeterTree(site);

    expect(servesIntermittentFixtures(base, deriveMeterTree(base), 'M1')).toBe(true);
    expect(servesIntermittentFixtures(site, tree, 'M2')).toBe(false);
    // M1 feeds M2's valve too.
    expect(servesIntermittentFixtures(site, tree, 'M1')).toBe(false);
  });
});
