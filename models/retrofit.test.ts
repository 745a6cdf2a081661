import { describe, expect, it } from 'vitest';
import { parseScenario } from './retrofit';
import { buildSampleSite } from './sampleSite';

const site = buildSampleSite();

function issuesOf(input: unknown) {
  const result = parseScenario(input, site);
  if (result.ok) throw new Error('expected the scenario to be refused');
  return result.issues;
}

describe('retrofit scenario validation', () => {
  it('accepts a scenario that names real rooms, roofs and areas', () => {
    const result = parseScenario(
      {
        name: 'ok',
        fixtureSwaps: [
          { fixtureType: 'squat_toilet', target: { kind: 'tier', tier: 'water_saving' } },
        ],
        rainwater: { roofIds: ['roof-ob'], tankM3: 20, uses: ['irrigation'] },
        irrigation: { methods: { 'lawn-south': 'drip' } },
      },
      site,
    );
    expect(result.ok).toBe(true);
  });

  it('names field, value and rule for a negative tank', () => {
    expect(
      issuesOf({
        name: 's',
        greywater: { sources: ['basins'], uses: ['toiletFlushing'], tankM3: -5 },
      }),
    ).toEqual([
      { path: 'greywater.tankM3', value: -5, rule: 'a tank size must be greater than 0' },
    ]);
  });

  it('refuses a grade for a squat pan', () => {
    expect(
      issuesOf({
        name: 's',
        fixtureSwaps: [{ fixtureType: 'squat_toilet', target: { kind: 'grade', grade: 2 } }],
      }),
    ).toEqual([
      {
        path: 'fixtureSwaps[0].fixtureType',
        value: 'squat_toilet',
        rule: 'a "grade" target applies only to toilet, urinal, basin_tap, kitchen_sink, shower',
      },
    ]);
  });

  it('refuses one cycle of concentration and a share above 1', () => {
    expect(
      issuesOf({
        name: 's',
        coolingTower: { cyclesAfter: 1 },
        irrigation: { effectiveRainFraction: 1.5 },
      }),
    ).toEqual([
      {
        path: 'irrigation.effectiveRainFraction',
        value: 1.5,
        rule: 'a fraction must be between 0 and 1',
      },
      {
        path: 'coolingTower.cyclesAfter',
        value: 1,
        rule: 'cycles of concentration must be greater than 1',
      },
    ]);
  });

  it('refuses a price, tank and cost beyond their bounds, stating the bound', () => {
    expect(
      issuesOf({
        name: 'x',
        tariff: { waterYuanPerM3: 1e308 },
        rainwater: { tankM3: 1e300, uses: ['irrigation'], capitalCostYuan: 2e9 },
      }),
    ).toEqual([
      { path: 'tariff.waterYuanPerM3', value: 1e308, rule: 'a price must be at most 100 yuan/m³' },
      {
        path: 'rainwater.tankM3',
        value: 1e300,
        rule: 'a tank size must be at most 10,000 m³',
      },
      {
        path: 'rainwater.capitalCostYuan',
        value: 2e9,
        rule: 'a capital cost must be at most 1,000,000,000 yuan',
      },
    ]);
  });

  it('refuses usage and fixture figures beyond their bounds', () => {
    expect(
      issuesOf({
        name: 'x',
        usage: { staff: 2e6, lavatoryDurationS: 1e5 },
        fixtureSwaps: [{ fixtureType: 'basin_tap', target: { kind: 'flow', flowLps: 50 } }],
      }).map((i) => `${i.path}: ${i.rule}`),
    ).toEqual([
      'usage.staff: staff must be at most 1,000,000 people',
      'usage.lavatoryDurationS: a duration must be at most 3,600 s',
      'fixtureSwaps[0].target.flowLps: a flow must be at most 2 L/s',
    ]);
  });

  it('refuses a roof the site does not have', () => {
    expect(
      issuesOf({ name: 's', rainwater: { roofIds: ['roof-x'], tankM3: 5, uses: ['irrigation'] } }),
    ).toEqual([{ path: 'rainwater.roofIds[0]', value: 'roof-x', rule: 'no such roof' }]);
  });

  it('accepts a swap limited to one room that holds the fixture type', () => {
    const swap = { fixtureType: 'toilet', roomId: 'ob-f1-accessible', roomFunction: 'toilet' };
    const result = parseScenario(
      { name: 'one room', fixtureSwaps: [{ ...swap, target: { kind: 'grade', grade: 1 } }] },
      site,
    );
    expect(result.ok).toBe(true);
  });

  it('refuses a one-room swap that could match no fixture', () => {
    const target = { kind: 'grade', grade: 1 };
    expect(
      issuesOf({
        name: 'x',
        fixtureSwaps: [
          { fixtureType: 'shower', roomId: 'ob-f1-men', target },
          { fixtureType: 'toilet', roomId: 'ob-f1-men', roomFunction: 'tea_room', target },
        ],
      }),
    ).toEqual([
      { path: 'fixtureSwaps[0].roomId', value: 'ob-f1-men', rule: 'room ob-f1-men has no shower' },
      {
        path: 'fixtureSwaps[1].roomFunction',
        value: 'tea_room',
        rule: 'room ob-f1-men is a toilet room',
      },
    ]);
  });

  it('refuses an unknown field', () => {
    const [issue] = issuesOf({ name: 's', solarPanels: true });
    expect(issue?.path).toBe('(root)');
    expect(issue?.rule).toMatch(/solarPanels/);
  });
});
