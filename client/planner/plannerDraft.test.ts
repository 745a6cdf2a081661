import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { draftToScenarioInput, emptyDraft, type PlannerDraft, withShownName } from './plannerDraft';

const site = buildSampleSite();

describe('planner draft to scenario', () => {
  it('passes the chosen greywater sources and uses, in the planner order', () => {
    const empty = emptyDraft('A');
    const draft: PlannerDraft = {
      ...empty,
      greywater: {
        ...empty.greywater,
        on: true,
        sources: ['floorDrains', 'showers'],
        uses: ['irrigation', 'toiletFlushing'],
      },
    };

    const input = draftToScenarioInput(draft, site);

    expect(input.greywater).toEqual({
      sources: ['showers', 'floorDrains'],
      uses: ['toiletFlushing', 'irrigation'],
      tankM3: 10,
    });
    expect(parseScenario(input, site).ok).toBe(true);
  });

  it('passes the rain tank uses and the condensate use', () => {
    const empty = emptyDraft('A');
    const draft: PlannerDraft = {
      ...empty,
      rainwater: { ...empty.rainwater, on: true, uses: ['irrigation'] },
      condensate: { ...empty.condensate, on: true, use: 'irrigation' },
    };

    const input = draftToScenarioInput(draft, site);

    expect(input.rainwater).toEqual({ tankM3: 30, uses: ['irrigation'] });
    expect(input.condensate).toEqual({ use: 'irrigation' });
  });

  it('leaves an empty choice for the scenario schema to name', () => {
    const empty = emptyDraft('A');
    const draft: PlannerDraft = { ...empty, greywater: { ...empty.greywater, on: true, uses: [] } };

    const parsed = parseScenario(draftToScenarioInput(draft, site), site);

    expect(parsed).toEqual({
      ok: false,
      issues: [{ path: 'greywater.uses', value: [], rule: 'choose at least one use' }],
    });
  });

  it('limits a swap to one room by id, or to rooms of a function', () => {
    const empty = emptyDraft('A');
    const draft: PlannerDraft = {
      ...empty,
      swaps: {
        ...empty.swaps,
        toilet: { grade: 1, room: 'all', roomId: 'ob-f1-accessible', costPerFixtureYuan: null },
        urinal: { grade: 2, room: 'toilet', roomId: null, costPerFixtureYuan: 800 },
      },
    };

    const input = draftToScenarioInput(draft, site);

    expect(input.fixtureSwaps).toEqual([
      { fixtureType: 'toilet', roomId: 'ob-f1-accessible', target: { kind: 'grade', grade: 1 } },
      {
        fixtureType: 'urinal',
        roomFunction: 'toilet',
        target: { kind: 'grade', grade: 2 },
        costPerFixtureYuan: 800,
      },
    ]);
    expect(parseScenario(input, site).ok).toBe(true);
  });
});

describe('scenario names', () => {
  const english = (n: number) => `Scenario ${n}`;

  it('shows a default name in the interface language', () => {
    expect(withShownName(emptyDraft('', 2), english).name).toBe('Scenario 2');
  });

  it('keeps a name the planner typed', () => {
    expect(withShownName(emptyDraft('Toilets first'), english).name).toBe('Toilets first');
  });
});
