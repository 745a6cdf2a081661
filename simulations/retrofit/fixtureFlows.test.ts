import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { parseWeatherYearCsv } from '../../models/weatherYear';
import { fixtureDay } from './fixtureFlows';
import { projectScenario } from './projection';

const weather = parseWeatherYearCsv(
  readFileSync(new URL('../../samples/weather/shenyang-2013-daily.csv', import.meta.url), 'utf8'),
  'Shenyang 2013',
);
const site = buildSampleSite();

function run(input: unknown, month: number) {
  const parsed = parseScenario(input, site);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const inputs = { site, scenario: parsed.scenario, weather };
  return {
    days: fixtureDay(inputs, projectScenario(inputs), month, true),
    fixtures: site.fixtures,
  };
}

describe('fixture days', () => {
  it('leave every fixture as it was without measures', () => {
    const { days } = run({ name: 'none' }, 7);
    for (const d of days) expect(d.afterL).toBeCloseTo(d.beforeL, 9);
  });

  it('lower only the swapped toilets, by the ratio of their flush volumes', () => {
    const swap = { fixtureType: 'toilet', target: { kind: 'volume', volumePerUseL: 3 } };
    const { days, fixtures } = run({ name: 'toilets', fixtureSwaps: [swap] }, 3);
    const typeOf = new Map(fixtures.map((f) => [f.id, f]));
    for (const d of days) {
      const fixture = typeOf.get(d.fixtureId)!;
      if (fixture.type === 'toilet') {
        const ratio = 3 / fixture.spec.volumePerUseL!;
        expect(d.afterL).toBeCloseTo(d.beforeL * ratio, 9);
      } else expect(d.afterL).toBeCloseTo(d.beforeL, 9);
    }
  });

  it('take rain-tank water off the irrigation taps in a wet summer month', () => {
    const rain = { name: 'rain', rainwater: { tankM3: 50, uses: ['irrigation'] } };
    const { days, fixtures } = run(rain, 7);
    const outdoor = new Set(fixtures.filter((f) => f.areaId !== undefined).map((f) => f.id));
    const before = days.filter((d) => outdoor.has(d.fixtureId)).reduce((a, d) => a + d.beforeL, 0);
    const after = days.filter((d) => outdoor.has(d.fixtureId)).reduce((a, d) => a + d.afterL, 0);
    expect(before).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
  });
});
