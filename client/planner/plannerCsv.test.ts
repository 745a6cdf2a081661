import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { parseWeatherYearCsv } from '../../models/weatherYear';
import { projectScenario } from '../../simulations/retrofit/projection';
import { CSV_HEADER, plannerCsv } from './plannerCsv';

const weather = parseWeatherYearCsv(
  readFileSync(new URL('../../samples/weather/shenyang-2013-daily.csv', import.meta.url), 'utf8'),
  'Shenyang 2013',
);

describe('planner CSV', () => {
  it('writes one row per figure that a CSV reader reads back', () => {
    const site = buildSampleSite();
    const parsed = parseScenario({ name: 'x', coolingTower: { capitalCostYuan: 8000 } }, site);
    if (!parsed.ok) throw new Error('refused');
    const projection = projectScenario({ site, scenario: parsed.scenario, weather });

    const text = plannerCsv([{ name: '方案 "A", 冷却塔', projection }]);
    const rows: string[][] = parse(text, { bom: true });

    expect(rows[0]).toEqual(CSV_HEADER);
    const byQuantity = new Map(rows.map((r) => [`${r[1]}|${r[2]}`, r]));
    expect(byQuantity.get('year|potable.total')?.[0]).toBe('方案 "A", 冷却塔');
    expect(Number(byQuantity.get('year|potable.total')?.[3])).toBeCloseTo(
      projection.totalBeforeM3,
      3,
    );
    expect(byQuantity.get('year|saved')?.slice(3)).toEqual(['', '', 'yuan', 'tariff not set']);
    expect(byQuantity.get('year|measure.1.coolingTower.capital')?.slice(4)).toEqual([
      '8000',
      'yuan',
      'estimate',
    ]);
    // 12 months and the year of 9 end uses, the total, 3 sources, money, per capita, 3 rows.
    expect(rows).toHaveLength(1 + 13 * 9 + 1 + 3 + 1 + 1 + 3);
  });
});
