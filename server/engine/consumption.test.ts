import { describe, expect, it } from 'vitest';
import {
  applyReading,
  type Interval,
  type MeterEngineState,
  type MeterProfile,
} from './consumption';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** A DN20-like meter in litres: 1000 m³ register, 5 m³/h overload flow. */
const profile: MeterProfile = {
  capacityL: 1_000_000,
  maxFlowLps: 5000 / 3600,
  glitchToleranceL: 50,
  gapMs: 3 * HOUR,
  zeroAsMissingAboveL: 1000,
};

/** Feeds readings (time, litres or null) through the engine; returns outcomes and intervals. */
function run(readings: Array<[number, number | null]>, p: MeterProfile = profile) {
  let state: MeterEngineState | null = null;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  for (const [tsMs, valueL] of readings) {
    const step = applyReading(state, tsMs, valueL, p);
    state = step.state;
    outcomes.push(step.outcome);
    if (step.interval) intervals.push(step.interval);
  }
  return {
    outcomes,
    intervals,
    volumes: intervals.map((i) => Math.round(i.volumeL * 1000) / 1000),
    state,
  };
}

describe('consumption engine', () => {
  it('books rises as intervals stamped at the reading that ends them', () => {
    const { intervals, outcomes } = run([
      [0, 5000],
      [5 * MIN, 5012],
      [10 * MIN, 5020],
    ]);
    expect(outcomes).toEqual(['first', 'booked', 'booked']);
    expect(intervals).toEqual([
      { startMs: 0, endMs: 5 * MIN, volumeL: 12, flags: [] },
      { startMs: 5 * MIN, endMs: 10 * MIN, volumeL: 8, flags: [] },
    ]);
  });

  it('ignores an exact repeat and keeps a same-time different value out of totals (PB-09)', () => {
    const { outcomes, volumes } = run([
      [0, 5000],
      [5 * MIN, 5012],
      [5 * MIN, 5012],
      [10 * MIN, 5020],
      [10 * MIN, 5026],
    ]);
    expect(outcomes).toEqual(['first', 'booked', 'duplicate', 'booked', 'conflict']);
    expect(volumes).toEqual([12, 8]);
  });

  it('books a register wrap past its last digit as a rollover (PB-03)', () => {
    const m3 = (x: number): number => Math.round(x * 1000);
    const { outcomes, intervals, volumes } = run([
      [0, m3(999.91)],
      [5 * MIN, m3(999.93)],
      [10 * MIN, m3(0.02)],
      [15 * MIN, m3(0.05)],
    ]);
    expect(outcomes).toEqual(['first', 'booked', 'booked', 'booked']);
    expect(volumes).toEqual([20, 90, 30]);
    expect(intervals[1]!.flags).toEqual(['rollover']);
  });

  it('does not book a wrap beyond the maximum flow, and never freezes (PB-03 variant)', () => {
    const m3 = (x: number): number => Math.round(x * 1000);
    const { outcomes, volumes, intervals } = run([
      [0, m3(999.91)],
      [5 * MIN, m3(999.93)],
      [10 * MIN, m3(13.3)],
      [15 * MIN, m3(13.32)],
      [20 * MIN, m3(13.36)],
    ]);
    expect(outcomes).toEqual(['first', 'booked', 'suspect_jump', 'booked', 'booked']);
    expect(volumes).toEqual([20, 20, 40]);
    expect(intervals[1]).toMatchObject({
      startMs: 10 * MIN,
      endMs: 15 * MIN,
      flags: ['after_rebase'],
    });
  });

  it('books a small decrease as 0 and measures on from the highest value', () => {
    const { volumes, intervals } = run([
      [0, 307775],
      [20 * MIN, 307763],
      [60 * MIN, 307775],
      [120 * MIN, 307790],
    ]);
    expect(volumes).toEqual([0, 0, 15]);
    expect(intervals[0]!.flags).toEqual(['glitch_decrease']);
  });

  it('drops readings of a second register interleaved with the first', () => {
    // Meter 1de2cf65 on 30/09/2016: the :34 readings come from another register.
    const { outcomes, volumes } = run([
      [0, 307775],
      [20 * MIN, 295487],
      [60 * MIN, 307788],
      [80 * MIN, 304712],
      [120 * MIN, 307824],
    ]);
    expect(outcomes).toEqual(['first', 'suspect_decrease', 'booked', 'suspect_decrease', 'booked']);
    expect(volumes).toEqual([13, 36]);
  });

  it('treats a repeat of the suspect reading it holds as a duplicate or a conflict', () => {
    const { outcomes, volumes } = run([
      [0, 400_000],
      [HOUR, 25_000],
      [HOUR, 25_000],
      [HOUR, 26_000],
      [2 * HOUR, 25_400],
    ]);
    expect(outcomes).toEqual(['first', 'suspect_decrease', 'duplicate', 'conflict', 'booked']);
    expect(volumes).toEqual([400]);
  });

  it('follows a register that really restarted near zero once a second reading confirms it', () => {
    const { outcomes, volumes } = run([
      [0, 456017],
      [HOUR, 456030],
      [2 * HOUR, 25],
      [3 * HOUR, 40],
      [4 * HOUR, 52],
    ]);
    expect(outcomes).toEqual(['first', 'booked', 'suspect_decrease', 'booked', 'booked']);
    expect(volumes).toEqual([13, 15, 12]);
    expect(volumes.every((v) => v >= 0)).toBe(true);
  });

  it('stores a reading without a total, or an exact 0 after a large total, as missing (PB-08)', () => {
    const { outcomes, volumes } = run([
      [0, 7156],
      [26 * MIN, 0],
      [60 * MIN, 7161],
      [86 * MIN, null],
    ]);
    expect(outcomes).toEqual(['first', 'missing', 'booked', 'missing']);
    expect(volumes).toEqual([5]);
  });

  it('flags the interval after a long silence as an estimate over the whole gap (PB-14)', () => {
    const day = 24 * HOUR;
    const { intervals } = run([
      [0, 1_200_000],
      [day, 1_200_500],
      [4 * day, 1_202_000],
    ]);
    expect(intervals[1]).toEqual({
      startMs: day,
      endMs: 4 * day,
      volumeL: 1500,
      flags: ['estimated_gap'],
    });
  });

  it('does not book a late reading older than the last accepted one', () => {
    const { outcomes, volumes } = run([
      [HOUR, 100],
      [2 * HOUR, 110],
      [90 * MIN, 105],
    ]);
    expect(outcomes).toEqual(['first', 'booked', 'late']);
    expect(volumes).toEqual([10]);
  });
});
