import { describe, expect, it } from 'vitest';
import { detectNightFlow } from './nightFlow';
import { HOUR_MS, hourSeries, JULY_1_SHANGHAI_MS as T0 } from './testSeries';

const zone = 'Asia/Shanghai';

/** Days of an office: 120 L/h by day, `nightLph` from 00:00 to 06:00. */
function days(nightLph: readonly number[]): number[] {
  return nightLph.flatMap((n) => Array.from({ length: 24 }, (_, h) => (h < 6 ? n : 120)));
}

describe('detectNightFlow', () => {
  it('raises a rising floor from the first night it rose', () => {
    const hours = hourSeries(T0, days([0, 0, 0, 0, 0, 0, 30, 30, 30, 30]));

    const found = detectNightFlow({ meterId: 'M2', hours, zone, nowMs: T0 + 10 * 24 * HOUR_MS });

    expect(found).toHaveLength(1);
    const [candidate] = found;
    expect(candidate?.window).toEqual({
      startMs: T0 + (6 * 24 + 1) * HOUR_MS,
      endMs: T0 + (9 * 24 + 5) * HOUR_MS,
    });
    expect(candidate?.lossLph).toBe(30);
    expect(candidate?.evidence.points[0]).toEqual({
      tMs: T0 + (6 * 24 + 1) * HOUR_MS,
      value: 30,
      limit: 2,
    });
  });

  it('learns a steady legitimate night use (automatic urinal flushing)', () => {
    const hours = hourSeries(T0, days([12, 12, 13, 12, 12, 13, 12, 12, 13, 12]));
    expect(detectNightFlow({ meterId: 'M2', hours, zone, nowMs: T0 + 10 * 24 * HOUR_MS })).toEqual(
      [],
    );
  });

  it('needs 3 risen nights of 7', () => {
    const hours = hourSeries(T0, days([0, 0, 0, 0, 0, 0, 30, 0, 30, 0]));
    expect(detectNightFlow({ meterId: 'M2', hours, zone, nowMs: T0 + 10 * 24 * HOUR_MS })).toEqual(
      [],
    );
  });

  it('does not judge a night with an estimated hour', () => {
    const volumes = days([0, 0, 0, 0, 0, 0, 30, 30, 30, 30]);
    const estimated = [6 * 24 + 3, 7 * 24 + 3];
    const hours = hourSeries(T0, volumes, estimated);
    expect(detectNightFlow({ meterId: 'M2', hours, zone, nowMs: T0 + 10 * 24 * HOUR_MS })).toEqual(
      [],
    );
  });

  it('judges only hours that ended by now', () => {
    const hours = hourSeries(T0, days([0, 0, 0, 0, 0, 0, 30, 30, 30, 30]));
    expect(detectNightFlow({ meterId: 'M2', hours, zone, nowMs: T0 + 8 * 24 * HOUR_MS })).toEqual(
      [],
    );
  });
});
