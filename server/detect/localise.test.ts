import { describe, expect, it } from 'vitest';
import type { LeakCandidate } from '../../models/detection';
import { deriveMeterTree } from '../../models/meterTree';
import { tinySite } from '../../models/testing/siteBuilder';
import {
  confidenceOf,
  narrowToLowest,
  rankByFixtureBranches,
  withAreaSuspects,
  withUnreportedChildren,
} from './localise';

const tree = deriveMeterTree(
  tinySite(['src>M1', 'M1>j', 'j>M2', 'j>f1', 'M2>f2'], { M1: 1, M2: 2 }),
);

function candidate(meterId: string, lossLph: number): LeakCandidate {
  return {
    detector: 'night_flow',
    meterId,
    window: { startMs: 0, endMs: 10 },
    suspects: [],
    confidence: 0.5,
    lossLph,
    lossM3PerDay: 0,
    evidence: { unit: 'L/h', points: [] },
  };
}

describe('localise', () => {
  it('scores confidence from excess and persistence', () => {
    expect(confidenceOf(1, 1)).toBe(0.25);
    expect(confidenceOf(2, 2)).toBe(0.63);
    expect(confidenceOf(0.5, 0)).toBe(0);
  });

  it('suspects the meter own area', () => {
    const found = withAreaSuspects(candidate('M1', 10), tree);
    expect(found.suspects).toEqual([
      { pipeId: 'p-M1-j', confidence: 0.5 },
      { pipeId: 'p-j-M2', confidence: 0.5 },
      { pipeId: 'p-j-f1', confidence: 0.5 },
    ]);
  });

  it('moves the suspicion down when a child meter explains the loss', () => {
    const upper = candidate('M1', 10);
    const lower = candidate('M2', 9);
    expect(narrowToLowest([upper, lower], tree)).toEqual([lower]);
    expect(narrowToLowest([upper, candidate('M2', 5)], tree)).toHaveLength(2);
  });

  it("widens a parent's burst to a child's subtree until the child has reported", () => {
    const burst = withAreaSuspects(candidate('M1', 1000), tree);
    // M2 has reported up to 8 only: its pipes join at half the confidence.
    const widened = withUnreportedChildren(burst, tree, new Map([['M2', 8]]));
    expect(widened.suspects.slice(3)).toEqual([{ pipeId: 'p-M2-f2', confidence: 0.25 }]);
    // Once M2 reported through the window's end, the parent's own area stays.
    expect(withUnreportedChildren(burst, tree, new Map([['M2', 10]]))).toEqual(burst);
  });

  it('keeps the confidence on the branches of fixtures that could draw the loss', () => {
    // Tiny site: fixtures f1 (in M1's area) and f2 (M2's) are basins of 0.15 L/s = 540 L/h.
    const site = tinySite(['src>M1', 'M1>j', 'j>M2', 'j>f1', 'M2>f2'], { M1: 1, M2: 2 });
    const running = {
      ...withAreaSuspects(candidate('M1', 200), tree),
      detector: 'continuous_flow' as const,
    };
    expect(rankByFixtureBranches(running, site, tree).suspects).toEqual([
      { pipeId: 'p-M1-j', confidence: 0.25 },
      { pipeId: 'p-j-M2', confidence: 0.25 },
      { pipeId: 'p-j-f1', confidence: 0.5 },
    ]);
    // 600 L/h is more than a basin can draw: nothing to rank by.
    const big = { ...running, lossLph: 600 };
    expect(rankByFixtureBranches(big, site, tree)).toEqual(big);
  });
});
