import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { parseWeatherYearCsv } from '../../models/weatherYear';
import { BUCKETS_PER_DAY, type FixtureRate } from '../demandRates';
import { fixtureDay, fixtureHours, HOURS_PER_DAY, typicalDayHours } from './fixtureFlows';
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

describe('typical day hour by hour', () => {
  /** A tiny site: a WC used 09:00–10:00 only, and a cooling flow at 2 L per bucket all day. */
  const wcWorking = new Float64Array(BUCKETS_PER_DAY);
  for (let b = 36; b < 40; b++) wcWorking[b] = 6; // 4 buckets of 6 L: 24 L from 09:00 to 10:00
  const rates = new Map<string, FixtureRate>([
    [
      'wc',
      {
        kind: 'uses',
        fixtureId: 'wc',
        endUse: 'toilet',
        volumePerUseL: 6,
        slotMs: 60_000,
        bucketL: [wcWorking, new Float64Array(BUCKETS_PER_DAY)],
      },
    ],
    [
      'tower',
      {
        kind: 'flow',
        fixtureId: 'tower',
        endUse: 'cooling',
        slotMs: 300_000,
        bucketL: [new Float64Array(BUCKETS_PER_DAY).fill(2), new Float64Array(BUCKETS_PER_DAY)],
        monthFactor: new Float64Array(13).fill(0.5),
        dailySpread: 0,
        slotNoise: 0,
      },
    ],
  ]);

  it('sum to the day, follow the expected shape, and show nothing at night where none is used', () => {
    // Day totals as the projection gives them: a halved WC, an unchanged tower (96 × 2 × 0.5).
    const days = [
      { fixtureId: 'wc', beforeL: 24, afterL: 12 },
      { fixtureId: 'tower', beforeL: 96, afterL: 96 },
    ];

    const [wc, tower] = typicalDayHours(rates, days, 7, true);

    expect(wc!.beforeL.reduce((a, v) => a + v, 0)).toBeCloseTo(24, 12);
    expect(wc!.afterL.reduce((a, v) => a + v, 0)).toBeCloseTo(12, 12);
    expect(wc!.beforeL[9]).toBeCloseTo(24, 12);
    expect(wc!.afterL[9]).toBeCloseTo(12, 12);
    expect(wc!.afterL[3]).toBe(0);
    // 4 buckets × 2 L × 0.5 = 4 L every hour.
    for (let h = 0; h < HOURS_PER_DAY; h++) expect(tower!.afterL[h]).toBeCloseTo(4, 12);
  });

  it('sum to the typical day of every fixture of the sample site with a scenario', () => {
    const parsed = parseScenario(
      {
        name: 'toilets',
        fixtureSwaps: [{ fixtureType: 'toilet', target: { kind: 'volume', volumePerUseL: 3 } }],
      },
      site,
    );
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const inputs = { site, scenario: parsed.scenario, weather };
    const projection = projectScenario(inputs);
    const days = fixtureDay(inputs, projection, 7, true);

    const hours = fixtureHours(inputs, projection, 7, true);

    hours.forEach((h, i) => {
      expect(h.fixtureId).toBe(days[i]!.fixtureId);
      expect(h.afterL.reduce((a, v) => a + v, 0)).toBeCloseTo(days[i]!.afterL, 6);
      expect(h.beforeL.reduce((a, v) => a + v, 0)).toBeCloseTo(days[i]!.beforeL, 6);
    });
    // Offices are empty at 03:00 and busy at 10:00.
    const toilets = new Set(site.fixtures.filter((f) => f.type === 'toilet').map((f) => f.id));
    const at = (hour: number) =>
      hours.filter((h) => toilets.has(h.fixtureId)).reduce((a, h) => a + h.afterL[hour]!, 0);
    expect(at(10)).toBeGreaterThan(at(3));
  });
});
