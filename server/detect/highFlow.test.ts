import { describe, expect, it } from 'vitest';
import { detectHighFlow } from './highFlow';
import { intervalSeries, JULY_1_SHANGHAI_MS as T0 } from './testSeries';

const zone = 'Asia/Shanghai';
const STEP_MS = 5 * 60_000;
const DAY_STEPS = 288;

/** Two days of 2 L per 5 min, then `burst` intervals of 100 L (1.2 m³/h) at noon of day 2. */
function series(burst: number) {
  const volumes = Array.from({ length: 2 * DAY_STEPS }, (_, i) =>
    i >= DAY_STEPS + 144 && i < DAY_STEPS + 144 + burst ? 100 : 2,
  );
  return intervalSeries(T0, STEP_MS, volumes);
}

describe('detectHighFlow', () => {
  it('raises a 1.2 m³/h burst lasting 20 min', () => {
    const nowMs = T0 + 2 * DAY_STEPS * STEP_MS;

    const [candidate, ...rest] = detectHighFlow({
      meterId: 'M2',
      intervals: series(4),
      zone,
      nowMs,
    });

    expect(rest).toEqual([]);
    const startMs = T0 + (DAY_STEPS + 144) * STEP_MS;
    expect(candidate?.window).toEqual({ startMs, endMs: startMs + 20 * 60_000 });
    // 20 L/min against the 15 L/min floor (history p99 × 2 = 0.8 L/min is lower).
    expect(candidate?.evidence.points[0]).toEqual({ tMs: startMs, value: 20, limit: 15 });
    // (20 − 0.4 typical) L/min × 60.
    expect(candidate?.lossLph).toBeCloseTo(1176, 10);
  });

  it('judges nothing on less than a whole day of history', () => {
    // History from 07:05 to 19:00 (2 L per 5 min); the next day 100 L runs at 06:00 and noon.
    const from = T0 + 85 * STEP_MS;
    const volumes = Array.from({ length: DAY_STEPS + 144 - 85 + 84 }, (_, i) => {
      const step = 85 + i;
      const morning = step >= DAY_STEPS + 72 && step < DAY_STEPS + 76;
      const noon = step >= DAY_STEPS + 144 && step < DAY_STEPS + 148;
      return morning || noon ? 100 : 2;
    });
    const intervals = intervalSeries(from, STEP_MS, volumes);
    const nowMs = from + volumes.length * STEP_MS;

    expect(detectHighFlow({ meterId: 'M2', intervals, zone, nowMs })).toEqual([]);
    // A day earlier start gives the history its whole day: both runs are raised.
    const longer = intervalSeries(from - DAY_STEPS * STEP_MS, STEP_MS, [
      ...Array.from({ length: DAY_STEPS }, () => 2),
      ...volumes,
    ]);
    const raised = detectHighFlow({ meterId: 'M2', intervals: longer, zone, nowMs });
    expect(raised.map((c) => c.window.startMs)).toEqual([
      T0 + (DAY_STEPS + 72) * STEP_MS,
      T0 + (DAY_STEPS + 144) * STEP_MS,
    ]);
  });

  it('ignores a 10 min burst', () => {
    const nowMs = T0 + 2 * DAY_STEPS * STEP_MS;
    expect(detectHighFlow({ meterId: 'M2', intervals: series(2), zone, nowMs })).toEqual([]);
  });

  it('ignores an estimated interval', () => {
    const nowMs = T0 + 2 * DAY_STEPS * STEP_MS;
    const intervals = series(4).map((i, n) =>
      n === DAY_STEPS + 145 ? { ...i, flags: ['estimated_gap' as const] } : i,
    );
    expect(detectHighFlow({ meterId: 'M2', intervals, zone, nowMs })).toEqual([]);
  });

  it('holds a scheduled use against its own history, not the night', () => {
    // Two days of 2 L per 5 min, except 05:00–09:00 (scheduled irrigation) at 150 L (30 L/min).
    const irrigating = (i: number) => i % DAY_STEPS >= 60 && i % DAY_STEPS < 108;
    const base = (burstAt: number | null) =>
      intervalSeries(
        T0,
        STEP_MS,
        Array.from({ length: 2 * DAY_STEPS }, (_, i) =>
          burstAt !== null && i >= burstAt && i < burstAt + 4 ? 100 : irrigating(i) ? 150 : 2,
        ),
      );
    const schedule = [{ meterId: 'M2', label: 'irrigation', hours: [5, 9] as [number, number] }];
    const nowMs = T0 + 2 * DAY_STEPS * STEP_MS;

    // A normal irrigation morning alarms nothing.
    expect(detectHighFlow({ meterId: 'M2', intervals: base(null), zone, nowMs, schedule })).toEqual(
      [],
    );
    // A 1.2 m³/h burst at 02:00 on day 2 stands out against the night's 0.4 L/min, although
    // the irrigation mornings in the history flow at 30 L/min.
    const [candidate, ...rest] = detectHighFlow({
      meterId: 'M2',
      intervals: base(DAY_STEPS + 24),
      zone,
      nowMs,
      schedule,
    });
    expect(rest).toEqual([]);
    expect(candidate?.window.startMs).toBe(T0 + (DAY_STEPS + 24) * STEP_MS);
    expect(candidate?.evidence.points[0]?.limit).toBe(15);
  });

  it('judges each time of day against its own peak once it was seen on three days', () => {
    // Four days of 2 L per 5 min, with a shower peak of 150 L (30 L/min) 07:00–08:00 local.
    const DAYS = 4;
    const peak = (i: number) => i % DAY_STEPS >= 84 && i % DAY_STEPS < 96;
    const volumes = (extra: (i: number) => number | null) =>
      Array.from({ length: DAYS * DAY_STEPS }, (_, i) => extra(i) ?? (peak(i) ? 150 : 2));
    const lastDay = (i: number) => i >= (DAYS - 1) * DAY_STEPS;
    const nowMs = T0 + DAYS * DAY_STEPS * STEP_MS;
    const run = (extra: (i: number) => number | null) =>
      detectHighFlow({
        meterId: 'M2',
        intervals: intervalSeries(T0, STEP_MS, volumes(extra)),
        zone,
        nowMs,
      });

    // 20 L/min at 03:00 on the last day: above the floor (the night's peak × 2 is 0.8).
    const night = run((i) =>
      lastDay(i) && i % DAY_STEPS >= 36 && i % DAY_STEPS < 40 ? 100 : null,
    );
    expect(night.map((c) => c.evidence.points[0])).toEqual([
      { tMs: T0 + ((DAYS - 1) * DAY_STEPS + 36) * STEP_MS, value: 20, limit: 15 },
    ]);
    // 40 L/min at 07:00 is within twice the morning's own peak (60): a busy morning.
    expect(run((i) => (lastDay(i) && peak(i) ? 200 : null))).toEqual([]);
  });
});
