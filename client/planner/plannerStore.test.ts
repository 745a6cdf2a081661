import { describe, expect, it } from 'vitest';
import { buildSampleSite } from '../../models/sampleSite';
import { draftToScenarioInput } from './plannerDraft';
import { createPlannerStore } from './plannerStore';

const site = buildSampleSite();

describe('planner scenarios', () => {
  it('starts a new scenario from the defaults, with no measures', () => {
    // Arrange: the starter scenario has toilets to grade 2 and a rain tank.
    const store = createPlannerStore();

    // Act
    store.getState().add(2);

    // Assert: the new one is on screen, named "Scenario 2", and holds only its name.
    const { drafts, active } = store.getState();
    expect(active).toBe(1);
    expect(drafts[1]?.autoName).toBe(2);
    expect(draftToScenarioInput(drafts[1]!, site)).toEqual({ name: '' });
  });

  it('duplicates the scenario on screen under a new id and name', () => {
    const store = createPlannerStore();

    store.getState().duplicate(2);

    const [first, copy] = store.getState().drafts;
    expect(copy?.id).not.toBe(first?.id);
    expect(copy?.autoName).toBe(2);
    const { name: _a, ...measures } = draftToScenarioInput(first!, site);
    const { name: _b, ...copied } = draftToScenarioInput(copy!, site);
    expect(copied).toEqual(measures);
    expect(Object.keys(copied)).toEqual(['fixtureSwaps', 'rainwater']);
  });
});
