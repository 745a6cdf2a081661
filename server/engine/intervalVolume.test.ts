import { describe, expect, it } from 'vitest';
import type { Interval, Span } from './interval';
import {
  applyIntervalVolume,
  type IntervalVolumeProfile,
  type IntervalVolumeState,
} from './intervalVolume';

const MIN = 60_000;
const HOUR = 60 * MIN;

const profile: IntervalVolumeProfile = {
  maxFlowLps: 1,
  gapMs: 3 * HOUR,
  nominalIntervalMs: 15 * MIN,
};

function run(readings: Array<[number, number | null]>) {
  let state: IntervalVolumeState | null = null;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  const unmeasured: Span[] = [];
  for (const [tsMs, volumeL] of readings) {
    const step = applyIntervalVolume(state, tsMs, volumeL, profile);
    state = step.state;
    outcomes.push(step.outcome);
    if (step.interval) intervals.push(step.interval);
    if (step.unmeasured) unmeasured.push(step.unmeasured);
  }
  return { outcomes, intervals, unmeasured };
}

describe('interval-volume meters', () => {
  it('books each volume over the span since the previous reading', () => {
    const { intervals } = run([
      [HOUR, 30],
      [HOUR + 15 * MIN, 12],
    ]);

    expect(intervals).toEqual([
      { startMs: 45 * MIN, endMs: HOUR, volumeL: 30, flags: [] },
      { startMs: HOUR, endMs: HOUR + 15 * MIN, volumeL: 12, flags: [] },
    ]);
  });

  it('leaves the span of a missing or impossible reading unmeasured, never 0 or negative', () => {
    const { outcomes, intervals, unmeasured } = run([
      [0, 5],
      [15 * MIN, null],
      [30 * MIN, 7],
      [45 * MIN, -3],
      [60 * MIN, 5000],
      [75 * MIN, 4],
    ]);

    expect(outcomes).toEqual(['booked', 'missing', 'booked', 'negative', 'suspect_jump', 'booked']);
    expect(intervals.map((i) => [i.startMs, i.volumeL])).toEqual([
      [-15 * MIN, 5],
      [15 * MIN, 7],
      [60 * MIN, 4],
    ]);
    expect(unmeasured).toEqual([
      { startMs: 0, endMs: 15 * MIN },
      { startMs: 30 * MIN, endMs: 45 * MIN },
      { startMs: 45 * MIN, endMs: 60 * MIN },
    ]);
  });

  it('flags a volume reported after a long silence as an estimate over the silence', () => {
    const { intervals } = run([
      [0, 5],
      [5 * HOUR, 40],
    ]);

    expect(intervals[1]).toEqual({
      startMs: 0,
      endMs: 5 * HOUR,
      volumeL: 40,
      flags: ['estimated_gap'],
    });
  });

  it('ignores an exact repeat and keeps a same-time other value out of totals', () => {
    const { outcomes, intervals } = run([
      [0, 5],
      [15 * MIN, 6],
      [15 * MIN, 6],
      [15 * MIN, 9],
      [10 * MIN, 2],
    ]);

    expect(outcomes).toEqual(['booked', 'booked', 'duplicate', 'conflict', 'late']);
    expect(intervals.map((i) => i.volumeL)).toEqual([5, 6]);
  });
});
