import type { MeasureResult } from '../../simulations/retrofit/economics';
import type { MessageKey } from '../i18n/index';
import type { PlannerDraft } from './plannerDraft';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A measure's name in the interface language; a swap names its fixture type and count. */
export function measureName(t: Translate, m: MeasureResult, draft?: PlannerDraft): string {
  if (m.kind !== 'fixtureSwap') return t(`planner.measure.${m.kind}` as MessageKey);
  const swapTypes = Object.entries(draft?.swaps ?? {}).filter(([, s]) => s.grade !== 0);
  const type = swapTypes[m.swapIndex ?? 0]?.[0] ?? 'toilet';
  return t('planner.measure.fixtureSwap', {
    type: t(`planner.fixture.${type}` as MessageKey),
    count: m.fixtures ?? 0,
  });
}
