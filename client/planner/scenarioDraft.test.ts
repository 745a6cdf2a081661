import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { draftToScenarioInput, emptyDraft, type PlannerDraft, withShownName } from './plannerDraft';
import { defaultNameReader, scenarioToDraft } from './scenarioDraft';

const site = buildSampleSite();
const reader = defaultNameReader(['方案 {n}', 'Scenario {n}']);

/** Draft → scenario (as the server stores it) → draft. */
function roundTrip(draft: PlannerDraft): PlannerDraft {
  const parsed = parseScenario(draftToScenarioInput(draft, site), site);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return scenarioToDraft(draft.id, parsed.scenario, reader);
}

describe('saved scenario back to a planner draft', () => {
  it('gives back every measure, choice, cost and replaced default the planner set', () => {
    const empty = withShownName(emptyDraft('', 2), (n) => `Scenario ${n}`);
    const draft: PlannerDraft = {
      ...empty,
      swaps: {
        ...empty.swaps,
        toilet: { grade: 1, room: 'all', roomId: 'ob-f1-accessible', costPerFixtureYuan: 1200 },
        basin_tap: { grade: 2, room: 'toilet', roomId: null, costPerFixtureYuan: null },
      },
      tapAutoOff: true,
      greywater: {
        on: true,
        tankM3: 8,
        sources: ['showers', 'floorDrains'],
        uses: ['irrigation'],
        costYuan: 90_000,
      },
      condensate: { on: true, use: 'irrigation', costYuan: null },
      rainwater: { on: true, tankM3: 40, uses: ['toiletFlushing'], costYuan: 50_000 },
      irrigation: { on: true, drip: true, weatherControl: false, costYuan: null },
      coolingTower: { on: true, cyclesAfter: 6, costYuan: 20_000 },
      waterYuanPerM3: 4.2,
      sewageYuanPerM3: null,
      overrides: { greywaterTreatmentLoss: 0.12, wcUsesMale: 1.5 },
    };

    expect(roundTrip(draft)).toEqual(draft);
  });

  it('gives back a scenario with no measure on', () => {
    const draft = emptyDraft('Nothing yet');
    expect(roundTrip(draft)).toEqual(draft);
  });

  it('reads a default name in either language as its number, so it follows the language', () => {
    expect(reader('方案 3')).toBe(3);
    expect(reader('Scenario 12')).toBe(12);
    expect(reader('Scenario 1 copy')).toBeNull();
    expect(reader('Toilets first')).toBeNull();
  });
});
