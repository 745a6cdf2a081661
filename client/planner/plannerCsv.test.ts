import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { parseWeatherYearCsv } from '../../models/weatherYear';
import { projectScenario } from '../../simulations/retrofit/projection';
import { type Lang, translate } from '../i18n/index';
import { plannerCsv } from './plannerCsv';

const weather = parseWeatherYearCsv(
  readFileSync(new URL('../../samples/weather/shenyang-2013-daily.csv', import.meta.url), 'utf8'),
  'Shenyang 2013',
);
const site = buildSampleSite();

function csvRows(lang: Lang, scenario: unknown): { rows: string[][]; total: number } {
  const parsed = parseScenario(scenario, site);
  if (!parsed.ok) throw new Error('refused');
  const projection = projectScenario({ site, scenario: parsed.scenario, weather });
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const text = plannerCsv([{ name: '方案 "A", 冷却塔', projection }], t);
  return { rows: parse(text, { bom: true }), total: projection.totalBeforeM3 };
}

describe('planner CSV', () => {
  it('writes one row per figure in Chinese that a CSV reader reads back', () => {
    const { rows, total } = csvRows('zh', {
      name: 'x',
      coolingTower: { capitalCostYuan: 8000 },
      condensate: { use: 'irrigation' },
    });

    expect(rows[0]).toEqual(['方案', '期间', '键', '项目', '现状', '改造后', '单位', '备注']);
    const byKey = new Map(rows.map((r) => [`${r[1]}|${r[2]}`, r]));
    expect(byKey.get('1|potable.toilets')?.slice(3, 4)).toEqual(['自来水 · 坐便器']);
    const potable = byKey.get('全年|potable.total');
    expect(potable?.[0]).toBe('方案 "A", 冷却塔');
    expect(potable?.[3]).toBe('自来水合计');
    expect(Number(potable?.[4])).toBeCloseTo(total, 3);
    expect(byKey.get('全年|saved')?.slice(3)).toEqual([
      '节约费用',
      '',
      '',
      '元',
      '未设水价或污水费',
    ]);
    expect(byKey.get('全年|capital')?.slice(3)).toEqual(['投资', '', '', '元', '部分措施未填投资']);
    expect(byKey.get('全年|measure.1.coolingTower.capital')?.slice(3)).toEqual([
      '1. 冷却塔 · 投资',
      '',
      '8000',
      '元',
      '估算',
    ]);
    // 12 months and the year of 9 end uses, the total, 3 sources, money (3), per capita, and
    // 3 rows for each of 2 measures.
    expect(rows).toHaveLength(1 + 13 * 9 + 1 + 3 + 3 + 1 + 3 * 2);
  });

  it('writes English labels and the same keys in the English interface', () => {
    const { rows } = csvRows('en', { name: 'x', coolingTower: { capitalCostYuan: 8000 } });

    expect(rows[0]).toEqual([
      'Scenario',
      'Period',
      'Key',
      'Quantity',
      'Before',
      'After',
      'Unit',
      'Note',
    ]);
    const byKey = new Map(rows.map((r) => [`${r[1]}|${r[2]}`, r]));
    expect(byKey.get('Year|saved')?.slice(3)).toEqual([
      'Money saved',
      '',
      '',
      'yuan',
      'water or sewage price not set',
    ]);
    expect(byKey.get('Year|measure.1.coolingTower.payback')?.[3]).toBe(
      '1. Cooling tower · Simple payback',
    );
  });
});
