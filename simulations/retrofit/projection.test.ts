import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, type Scenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import type { Site } from '../../models/site';
import { parseWeatherYearCsv } from '../../models/weatherYear';
import { END_USES } from './endUses';
import { projectScenario } from './projection';
import { tankSizeCurve } from './rainwater';

const weather = parseWeatherYearCsv(
  readFileSync(new URL('../../samples/weather/shenyang-2013-daily.csv', import.meta.url), 'utf8'),
  'Shenyang 2013 (UCI PM2.5 five cities)',
);
const pricedSite: Site = {
  ...buildSampleSite(),
  tariff: { waterYuanPerM3: 3, sewageYuanPerM3: 1 },
};

function scenario(input: unknown, site: Site = pricedSite): Scenario {
  const parsed = parseScenario(input, site);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.scenario;
}

const everything = scenario({
  name: 'all measures',
  fixtureSwaps: [
    { fixtureType: 'toilet', target: { kind: 'grade', grade: 2 }, costPerFixtureYuan: 1500 },
    { fixtureType: 'basin_tap', roomFunction: 'toilet', target: { kind: 'grade', grade: 1 } },
  ],
  greywater: { sources: ['basins', 'showers'], uses: ['toiletFlushing'], tankM3: 10 },
  condensate: { use: 'irrigation' },
  rainwater: { tankM3: 30, uses: ['irrigation', 'toiletFlushing'] },
  irrigation: { methods: { 'lawn-south': 'drip' }, weatherBasedControl: true },
  coolingTower: { cyclesAfter: 5 },
});

describe('projection', () => {
  it('the weather sample is the whole of 2013, 752.1 mm', () => {
    expect(weather.days).toHaveLength(365);
    expect(weather.days.reduce((a, d) => a + d.rainMm, 0)).toBeCloseTo(752.1, 6);
  });

  it('changes nothing without measures', () => {
    const result = projectScenario({
      site: pricedSite,
      scenario: scenario({ name: 'none' }),
      weather,
    });
    expect(result.totalAfterM3).toBeCloseTo(result.totalBeforeM3, 9);
    expect(result.savedYuanPerYear).toBeCloseTo(0, 9);
    expect(result.measures).toEqual([]);
  });

  it('accounts for every m³ saved by one measure or another', () => {
    const result = projectScenario({ site: pricedSite, scenario: everything, weather });

    const byMeasure = result.measures.reduce((a, m) => a + m.savedM3PerYear, 0);
    expect(result.totalBeforeM3 - result.totalAfterM3).toBeCloseTo(byMeasure, 6);
    const replaced = result.annual.replacedM3;
    const supplied = result.measures.filter((m) => m.kind in replaced);
    for (const m of supplied)
      expect(m.savedM3PerYear).toBeCloseTo(replaced[m.kind as 'greywater'], 6);
    // Months add up to the year, end use by end use.
    for (const use of END_USES) {
      const months = result.monthly.reduce((a, m) => a + m.potableAfterM3[use], 0);
      expect(months).toBeCloseTo(result.annual.potableAfterM3[use], 6);
    }
    // Money at 3 + 1 yuan/m³; the toilet swap's 11 fixtures at 1,500 yuan each.
    expect(result.savedYuanPerYear).toBeCloseTo(
      (result.totalBeforeM3 - result.totalAfterM3) * 4,
      6,
    );
    const toilets = result.measures[0]!;
    expect(toilets.capitalCostYuan).toBe(11 * 1500);
    expect(toilets.paybackYears).toBeCloseTo(16_500 / toilets.savedYuanPerYear!, 9);
    expect(result.measures[1]!.paybackYears).toBeNull();
    // Per capita against the quota of the sample site (staff 120).
    expect(result.perCapita.afterM3PerPersonYear).toBeCloseTo(result.totalAfterM3 / 120, 9);
  });

  it('gives no money without a tariff', () => {
    const site = buildSampleSite();
    const result = projectScenario({
      site,
      scenario: scenario({ name: 'unpriced', coolingTower: {} }, site),
      weather,
    });
    expect(result.priceYuanPerM3).toBeNull();
    expect(result.savedYuanPerYear).toBeNull();
    expect(result.measures[0]!.savedYuanPerYear).toBeNull();
  });

  it('lists the defaults it used and flags the unconfirmed ones', () => {
    const result = projectScenario({ site: pricedSite, scenario: everything, weather });
    const keys = new Map(result.assumptions.map((a) => [a.key, a]));
    expect(keys.get('toiletGradeL')).toMatchObject({
      status: 'U',
      unconfirmed: true,
      source: '§1.2',
    });
    expect(keys.get('filterEfficiency')).toMatchObject({ status: 'C', unconfirmed: false });
    expect(keys.has('coolingCyclesAfter')).toBe(false);
  });

  it('feeds a tank-size chart whose share never falls as the tank grows', () => {
    const { rainwater } = projectScenario({ site: pricedSite, scenario: everything, weather });
    const curve = tankSizeCurve(rainwater!.inflowM3, rainwater!.demandM3, [1, 5, 10, 30, 100]);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.shareOfDemandMet).toBeGreaterThanOrEqual(curve[i - 1]!.shareOfDemandMet);
    }
  });
});
