import { describe, expect, it } from 'vitest';
import { applyFlowReading, type FlowIntegration, type FlowProfile, type FlowState } from './flow';
import type { Interval } from './interval';

const MIN = 60_000;

const profile = (integration: FlowIntegration): FlowProfile => ({
  maxFlowLps: 2,
  gapMs: 10 * MIN,
  integration,
});

/** Feeds flow samples (time, L/s or null); returns outcomes, intervals and gaps. */
function run(samples: Array<[number, number | null]>, p: FlowProfile) {
  let state: FlowState | null = null;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  const gaps: Array<[number, number]> = [];
  for (const [tsMs, flowLps] of samples) {
    const step = applyFlowReading(state, tsMs, flowLps, p);
    state = step.state;
    outcomes.push(step.outcome);
    if (step.interval) intervals.push(step.interval);
    if (step.gap) gaps.push([step.gap.startMs, step.gap.endMs]);
  }
  return { outcomes, intervals, gaps };
}

describe('flow integration', () => {
  it('integrates a ramp exactly with the trapezoid rule', () => {
    // 0 → 0.2 L/s over 60 s, then steady for 60 s: 6 L + 12 L.
    const { intervals } = run(
      [
        [0, 0],
        [MIN, 0.2],
        [2 * MIN, 0.2],
      ],
      profile('trapezoid'),
    );

    expect(intervals.map((i) => i.volumeL)).toEqual([6, 12]);
    expect(intervals[0]).toMatchObject({ startMs: 0, endMs: MIN, flags: [] });
  });

  it('holds the earlier sample with the previous-value rule', () => {
    const { intervals } = run(
      [
        [0, 0],
        [MIN, 0.2],
        [2 * MIN, 0],
      ],
      profile('previous'),
    );

    expect(intervals.map((i) => i.volumeL)).toEqual([0, 12]);
  });

  it('invents no volume across a gap longer than the profile gap, and flags it', () => {
    const { outcomes, intervals, gaps } = run(
      [
        [0, 0.5],
        [30 * MIN, 0.5],
        [31 * MIN, 0.5],
      ],
      profile('trapezoid'),
    );

    expect(outcomes).toEqual(['first', 'gap', 'booked']);
    expect(gaps).toEqual([[0, 30 * MIN]]);
    expect(intervals.map((i) => [i.startMs, i.volumeL])).toEqual([[30 * MIN, 30]]);
  });

  it('counts reverse flow as 0 L/s and flags it, never negative', () => {
    const { intervals } = run(
      [
        [0, -0.1],
        [MIN, 0.1],
      ],
      profile('trapezoid'),
    );

    expect(intervals).toEqual([{ startMs: 0, endMs: MIN, volumeL: 3, flags: ['reverse_flow'] }]);
  });

  it('skips missing and over-range samples, and tells duplicates from conflicts', () => {
    const { outcomes, intervals } = run(
      [
        [0, 0.1],
        [MIN, null],
        [MIN, 9],
        [2 * MIN, 0.1],
        [2 * MIN, 0.1],
        [2 * MIN, 0.3],
        [MIN, 0.1],
      ],
      profile('trapezoid'),
    );

    expect(outcomes).toEqual([
      'first',
      'missing',
      'suspect_jump',
      'booked',
      'duplicate',
      'conflict',
      'late',
    ]);
    expect(intervals.map((i) => i.volumeL)).toEqual([12]);
  });
});
