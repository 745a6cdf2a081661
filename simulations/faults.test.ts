import { describe, expect, it } from 'vitest';
import { parseFaultScenario } from '../models/faults';
import { deriveMeterTree } from '../models/meterTree';
import { tinySite } from '../models/testing/siteBuilder';
import { placeFaults } from './faults';

const HOUR_MS = 3_600_000;
const T0 = Date.parse('2026-07-01T00:00:00+08:00');

// src → M1 → j → M2 → fB; j → fA (fA in M1's own area, fB in M2's).
const site = tinySite(['src>M1', 'M1>j', 'j>fA', 'j>M2', 'M2>fB'], { M1: 1, M2: 2 });
const tree = deriveMeterTree(site);

function place(faults: unknown[], recorded: string[] = []) {
  const parsed = parseFaultScenario({ faults });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return placeFaults(site, tree, parsed.scenario, {
    anchorMs: T0,
    recordedMeters: new Set(recorded),
  });
}

describe('fault scenarios', () => {
  it('books a seepage to the metering area that holds its pipe, from its start', () => {
    const placed = place([{ kind: 'seepage', pipeId: 'p-j-fA', rateLph: 60, startsAfterH: 2 }]);
    if (!placed.ok) throw new Error('not placed');
    const plan = placed.plan;
    expect(plan.faults[0]).toMatchObject({ meterId: 'M1', pipeId: 'p-j-fA', startMs: T0 + 7.2e6 });
    // 60 L/h over the half hour after its start; nothing before it; nothing in M2's area.
    expect(plan.extraAreaL('M1', T0, T0 + 2.5 * HOUR_MS)).toBe(30);
    expect(plan.extraAreaL('M1', T0, T0 + 2 * HOUR_MS)).toBe(0);
    expect(plan.extraAreaL('M2', T0, T0 + 10 * HOUR_MS)).toBe(0);
    expect(plan.extraUntilL('M1', T0 + 4 * HOUR_MS)).toBe(120);
  });

  it('adds over split ranges exactly as over the whole range', () => {
    const placed = place([
      {
        kind: 'burst',
        pipeId: 'p-M2-fB',
        rateLph: 1000,
        startsAt: '2026-07-01T01:10:00+08:00',
        durationH: 0.5,
      },
    ]);
    if (!placed.ok) throw new Error('not placed');
    const { extraAreaL } = placed.plan;
    const whole = extraAreaL('M2', T0, T0 + 3 * HOUR_MS);
    expect(whole).toBeCloseTo(500, 9);
    const cut = T0 + 1.3 * HOUR_MS;
    expect(extraAreaL('M2', T0, cut) + extraAreaL('M2', cut, T0 + 3 * HOUR_MS)).toBeCloseTo(
      whole,
      9,
    );
  });

  it("puts a running fixture on its meter's area with its branch as the true pipe", () => {
    const placed = place([
      { kind: 'running_fixture', fixtureId: 'fB', rateLph: 100, startsAfterH: 0 },
    ]);
    if (!placed.ok) throw new Error('not placed');
    expect(placed.plan.faults[0]).toMatchObject({
      meterId: 'M2',
      pipeId: 'p-M2-fB',
      endMs: Infinity,
    });
  });

  it('sticks a simulated meter over its window only', () => {
    const placed = place([{ kind: 'stuck_meter', meterId: 'M2', startsAfterH: 1, durationH: 2 }]);
    if (!placed.ok) throw new Error('not placed');
    const { stuckAt, extraAreaL } = placed.plan;
    expect([0, 1, 2.99, 3].map((h) => stuckAt('M2', T0 + h * HOUR_MS))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(stuckAt('M1', T0 + 2 * HOUR_MS)).toBe(false);
    expect(extraAreaL('M2', T0, T0 + 5 * HOUR_MS)).toBe(0);
  });

  it('names each reference that does not fit the site', () => {
    const placed = place(
      [
        { kind: 'seepage', pipeId: 'p-nowhere', rateLph: 1, startsAfterH: 0 },
        { kind: 'seepage', pipeId: 'p-src-M1', rateLph: 1, startsAfterH: 0 },
        { kind: 'running_fixture', fixtureId: 'fZ', rateLph: 1, startsAfterH: 0 },
        { kind: 'stuck_meter', meterId: 'M2', startsAfterH: 0 },
      ],
      ['M2'],
    );
    expect(placed.ok).toBe(false);
    if (placed.ok) return;
    expect(placed.issues).toEqual([
      { path: 'faults[0].pipeId', value: 'p-nowhere', rule: 'is not a pipe of the site' },
      { path: 'faults[1].pipeId', value: 'p-src-M1', rule: 'is upstream of every meter' },
      { path: 'faults[2].fixtureId', value: 'fZ', rule: 'is not a fixture of the site' },
      {
        path: 'faults[3].meterId',
        value: 'M2',
        rule: 'is fed by recorded data; only a simulated meter can be made to stick',
      },
    ]);
  });

  it('refuses a bad file with the path, the value and the rule', () => {
    const parsed = parseFaultScenario({
      faults: [
        { kind: 'seepage', pipeId: 'p', rateLph: -5, startsAfterH: 1 },
        { kind: 'flood', pipeId: 'p' },
        { kind: 'seepage', pipeId: 'p', rateLph: 5 },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = Object.fromEntries(parsed.issues.map((i) => [i.path, i]));
    expect(byPath['faults[0].rateLph']?.value).toBe(-5);
    expect(byPath['faults[0].rateLph']?.rule).toMatch(/>0/);
    expect(byPath['faults[1].kind']?.value).toBe('flood');
    expect(byPath['faults[2]']?.rule).toBe(
      'give exactly one of startsAt (an instant) and startsAfterH (hours after start)',
    );
  });
});
