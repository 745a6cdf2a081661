import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import { buildSampleSite } from '../../models/sampleSite';
import { type Lang, translate } from '../i18n/index';
import { issueText } from './issueText';
import { draftToScenarioInput, emptyDraft, type PlannerDraft } from './plannerDraft';

const site = buildSampleSite();

/** The form's issues for a draft, in one language, as `field = value: rule`. */
function shown(draft: PlannerDraft, lang: Lang): string[] {
  const parsed = parseScenario(draftToScenarioInput(draft, site), site);
  if (parsed.ok) throw new Error('expected the draft to be refused');
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  return parsed.issues
    .map((i) => issueText(i, draft, t))
    .map((i) => `${i.field} = ${i.value}: ${i.rule}`);
}

describe('form issues in the interface language', () => {
  const empty = emptyDraft('x');
  const draft: PlannerDraft = {
    ...empty,
    waterYuanPerM3: -50.5,
    sewageYuanPerM3: 1e308,
    swaps: { ...empty.swaps, shower: { ...empty.swaps.shower, grade: 1, costPerFixtureYuan: -1 } },
    rainwater: { ...empty.rainwater, on: true, tankM3: 0 },
    coolingTower: { ...empty.coolingTower, on: true, cyclesAfter: 1 },
    overrides: { femaleShare: 2 },
  };

  it('names the field by its label and translates the rule in Chinese', () => {
    expect(shown(draft, 'zh')).toEqual([
      '女性比例 = 2: 须在 0 到 1 之间',
      '自来水价（元/m³） = -50.5: 须大于或等于 0',
      '污水处理费（元/m³） = 1e+308: 数值过大，最多 100',
      '淋浴器 · 单价（估算，元/个） = -1: 须大于或等于 0',
      '雨水收集 · 水池容积（m³） = 0: 须大于 0',
      '冷却塔 · 改造后浓缩倍数 = 1: 须大于 1',
    ]);
  });

  it('does the same in English', () => {
    expect(shown(draft, 'en')[1]).toBe('Water price (yuan/m³) = -50.5: must be 0 or more');
  });

  it('keeps a path and rule it has no label for as written', () => {
    const t = (key: string) => key;
    const text = issueText(
      { path: 'rainwater.roofIds[0]', value: 'r', rule: 'no such roof' },
      draft,
      t,
    );
    expect(text).toEqual({
      path: 'rainwater.roofIds[0]',
      field: 'rainwater.roofIds[0]',
      value: '"r"',
      rule: 'no such roof',
    });
  });
});
