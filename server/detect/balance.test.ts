import { describe, expect, it } from 'vitest';
import { deriveMeterTree } from '../../models/meterTree';
import { tinySite } from '../../models/testing/siteBuilder';
import { detectBalance } from './balance';
import { HOUR_MS, hourSeries, JULY_1_SHANGHAI_MS as T0 } from './testSeries';

// M1 feeds M2 and M3 through junction j1; M1's own area is the three pipes between them.
const site = tinySite(['src>M1', 'M1>j1', 'j1>M2', 'j1>M3', 'M2>f1', 'M3>f2'], {
  M1: 1,
  M2: 2,
  M3: 2,
});
const tree = deriveMeterTree(site);
const nowMs = T0 + 24 * HOUR_MS;

function run(parentL: number[], childL: number[], childEstimated: number[] = []) {
  const hours = new Map([
    ['M1', hourSeries(T0, parentL)],
    ['M2', hourSeries(T0, childL, childEstimated)],
    ['M3', hourSeries(T0, childL)],
  ]);
  return detectBalance({ site, tree, hours, nowMs });
}

describe('detectBalance', () => {
  it('raises nothing within the class 2 tolerance (1 % imbalance)', () => {
    expect(run([1000, 1000, 1000, 1000], [495, 495, 495, 495])).toEqual([]);
  });

  it('names exactly the parent area pipes for a persistent 5 % excess', () => {
    // τ = 2 % × 1000 + 2 % × 475 × 2 + 3 register steps of 1 L = 42 L < Δ = 50 L.
    const [candidate, ...rest] = run([1000, 1000, 1000, 1000], [475, 475, 475, 475]);

    expect(rest).toEqual([]);
    expect(candidate?.meterId).toBe('M1');
    expect(candidate?.suspects.map((s) => s.pipeId)).toEqual(['p-M1-j1', 'p-j1-M2', 'p-j1-M3']);
    expect(candidate?.lossLph).toBe(50);
    expect(candidate?.lossM3PerDay).toBeCloseTo(1.2, 10);
    expect(candidate?.window).toEqual({ startMs: T0, endMs: T0 + 4 * HOUR_MS });
    expect(candidate?.evidence.points[0]).toEqual({ tMs: T0, value: 50, limit: 42 });
    // Strength 1 − 42/50 = 0.16, persistence 4/3 → 0.625: (0.16 + 0.625) / 2.
    expect(candidate?.confidence).toBe(0.39);
  });

  it('needs three consecutive hours', () => {
    expect(run([1000, 1000, 1000], [475, 475, 495])).toEqual([]);
  });

  it('raises nothing when an estimated child hour breaks the run', () => {
    expect(run([1000, 1000, 1000, 1000], [475, 475, 475, 475], [2])).toEqual([]);
  });

  it('raises nothing when a child hour is missing', () => {
    const hours = new Map([
      ['M1', hourSeries(T0, [1000, 1000, 1000, 1000])],
      ['M2', hourSeries(T0, [475, 475, null, 475])],
      ['M3', hourSeries(T0, [475, 475, 475, 475])],
    ]);
    expect(detectBalance({ site, tree, hours, nowMs })).toEqual([]);
  });

  it('counts known unmetered use', () => {
    const hours = new Map([
      ['M1', hourSeries(T0, [1000, 1000, 1000, 1000])],
      ['M2', hourSeries(T0, [475, 475, 475, 475])],
      ['M3', hourSeries(T0, [475, 475, 475, 475])],
    ]);
    const unmeteredL = () => 30;
    expect(detectBalance({ site, tree, hours, nowMs }, { unmeteredL })).toEqual([]);
  });

  it('flags 3 of 7 nights of low-flow loss with the 5 % band', () => {
    // Nights 01–05 only: parent 40 L/h, children 15 L/h each: Δ = 10 L/h, τ (5 % band,
    // lower zone) = 2 + 0.75 × 2 + 3 = 6.5 L/h. Daytime hours balance exactly.
    const day = (night: boolean) =>
      Array.from({ length: 24 }, (_, h) => (h >= 1 && h < 5 ? (night ? 40 : 30) : 300));
    const child = Array.from({ length: 24 }, (_, h) => (h >= 1 && h < 5 ? 15 : 150));
    const nights = [true, false, true, false, false, true];
    const hours = new Map([
      [
        'M1',
        hourSeries(
          T0,
          nights.flatMap((n) => day(n)),
        ),
      ],
      [
        'M2',
        hourSeries(
          T0,
          nights.flatMap(() => child),
        ),
      ],
      [
        'M3',
        hourSeries(
          T0,
          nights.flatMap(() => child),
        ),
      ],
    ]);

    const found = detectBalance({ site, tree, hours, nowMs: T0 + 7 * 24 * HOUR_MS });

    // The hourly rule catches each night's four hours; the night rule adds nothing new.
    expect(found.map((c) => [c.window.startMs - T0, c.lossLph])).toEqual([
      [1 * HOUR_MS, 10],
      [(48 + 1) * HOUR_MS, 10],
      [(120 + 1) * HOUR_MS, 10],
    ]);
  });
});
