import type { SiteIssue } from '../../models/siteValidation';
import type { MessageKey } from '../i18n/index';
import { OVERRIDE_PATHS, type PlannerDraft, SWAP_TYPES } from './plannerDraft';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A scenario issue as the form shows it: the field's own label and a translated rule. */
export interface IssueText {
  readonly path: string;
  readonly field: string;
  readonly value: string;
  readonly rule: string;
}

const MEASURES = ['greywater', 'condensate', 'rainwater', 'irrigation', 'coolingTower'] as const;
const FIELD_KEY: Readonly<Record<string, MessageKey>> = {
  name: 'planner.name',
  'tariff.waterYuanPerM3': 'planner.water',
  'tariff.sewageYuanPerM3': 'planner.sewage',
  capitalCostYuan: 'planner.cost',
  tankM3: 'planner.tankM3',
  cyclesAfter: 'planner.cyclesAfter',
};
const OVERRIDE_OF = new Map(
  Object.entries(OVERRIDE_PATHS).map(([key, [block, field]]) => [`${block}.${field}`, key]),
);

/** The label of the form field a scenario path comes from; the path itself if none. */
export function issueField(path: string, draft: PlannerDraft, t: Translate): string {
  const direct = FIELD_KEY[path];
  if (direct) return t(direct);
  const override = OVERRIDE_OF.get(path);
  if (override) return t(`assumption.${override}` as MessageKey);

  // A swap row's index counts only the fixture types given a grade, in the form's order.
  const swap = /^fixtureSwaps\[(\d+)\]\.costPerFixtureYuan$/.exec(path);
  if (swap) {
    const type = SWAP_TYPES.filter((x) => draft.swaps[x].grade !== 0)[Number(swap[1])];
    if (type)
      return `${t(`planner.fixture.${type}` as MessageKey)} · ${t('planner.costPerFixture')}`;
  }
  const [block, field] = path.split('.');
  const fieldKey = field === undefined ? undefined : FIELD_KEY[field];
  if (MEASURES.some((m) => m === block) && fieldKey) {
    return `${t(`planner.measure.${block}` as MessageKey)} · ${t(fieldKey)}`;
  }
  return path;
}

/** The schema's common rules in the interface language; any other rule as written. */
export function issueRule(rule: string, t: Translate): string {
  const max = /must be at most ([\d,.e+]+)/.exec(rule);
  if (max?.[1]) return t('planner.rule.max', { max: max[1] });
  if (/must be greater than 0$/.test(rule)) return t('planner.rule.positive');
  if (/must be greater than 1$/.test(rule)) return t('planner.rule.aboveOne');
  if (/must be 0 or more$/.test(rule)) return t('planner.rule.nonNegative');
  if (/between 0 and 1$/.test(rule)) return t('planner.rule.fraction');
  if (/expected number/.test(rule)) return t('planner.rule.notNumber');
  if (/needs a name$/.test(rule)) return t('planner.rule.name');
  return rule;
}

export function issueText(issue: SiteIssue, draft: PlannerDraft, t: Translate): IssueText {
  return {
    path: issue.path,
    field: issueField(issue.path, draft, t),
    value: JSON.stringify(issue.value) ?? '—',
    rule: issueRule(issue.rule, t),
  };
}
