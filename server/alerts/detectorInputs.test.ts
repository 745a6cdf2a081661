import { describe, expect, it } from 'vitest';
import { hourSeries, intervalSeries, JULY_1_SHANGHAI_MS as T0 } from '../detect/testSeries';
import { withoutChildLumps } from './detectionRunner';
import { markStillZeros } from './detectorInputs';

const rule = { stuckHours: 72, stillHours: 6, stillUseDays: 5 };
const stillHours = (hours: ReturnType<typeof markStillZeros>) =>
  hours.flatMap((h, i) => (h.stillZero ? [i] : []));

describe('untrusted zeros', () => {
  // Seven days of 10 L every hour from 08:00 to 18:00 and nothing at night, then day 8.
  const day = (i: number) => (i % 24 >= 8 && i % 24 < 18 ? 10 : 0);

  it('trusts a quiet night and a normal day', () => {
    const hours = hourSeries(
      T0,
      Array.from({ length: 8 * 24 }, (_, i) => day(i)),
    );
    expect(stillHours(markStillZeros(hours, rule))).toEqual([]);
  });

  it('distrusts the usual working hours of a register that stopped after day 7', () => {
    const volumes = Array.from({ length: 9 * 24 }, (_, i) => (i >= 7 * 24 ? 0 : day(i)));
    const hours = hourSeries(T0, volumes);
    // 08:00–18:00 of days 8 and 9 usually draw water (on 7 and 6 of the 7 days before); the
    // nights never do, so they stay evidence until the run reaches 72 hours.
    const workingHours = (d: number) => Array.from({ length: 10 }, (_, h) => d * 24 + 8 + h);
    expect(stillHours(markStillZeros(hours, rule))).toEqual([
      ...workingHours(7),
      ...workingHours(8),
    ]);
  });

  it('distrusts every hour of a zero run of 72 hours or more', () => {
    const volumes = Array.from({ length: 96 }, (_, i) => (i < 72 ? 0 : 5));
    expect(stillHours(markStillZeros(hourSeries(T0, volumes), rule))).toHaveLength(72);
  });
});

describe('lumps from recorded children of a simulated parent', () => {
  const MIN = 60_000;
  it('drops the parent intervals in which a child interval ended with use', () => {
    // Parent: 15-minute intervals over 2 h; child: hourly intervals, the second one empty.
    const parent = intervalSeries(T0, 15 * MIN, [5, 5, 5, 5, 5, 5, 5, 5]);
    const child = intervalSeries(T0, 60 * MIN, [40, 0]);
    const kept = withoutChildLumps(parent, [child]).map((i) => (i.startMs - T0) / MIN);
    expect(kept).toEqual([0, 15, 30, 60, 75, 90, 105]);
  });
});
