import type { Site } from '../../models/site';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { Check, Field } from './formParts';
import { NumberField } from './NumberField';
import { type MeasureDraft, type PlannerDraft, SWAP_TYPES } from './plannerDraft';
import { plannerStore } from './plannerStore';
import { SupplyFields } from './SupplyFields';
import { SwapRow } from './SwapRow';

const edit = (change: (d: PlannerDraft) => PlannerDraft) => plannerStore.getState().edit(change);

interface Props {
  /** The edited scenario, with its name as shown. */
  readonly draft: PlannerDraft;
  readonly site: Site;
  readonly editable: boolean;
}

/** The edited scenario's measures and parameters; every change re-projects at once. */
export function ScenarioForm({ draft, site, editable }: Props) {
  const t = useT();
  const off = !editable;
  const measure = <
    K extends 'greywater' | 'condensate' | 'rainwater' | 'irrigation' | 'coolingTower',
  >(
    key: K,
    change: Partial<PlannerDraft[K]>,
  ) => edit((d) => ({ ...d, [key]: { ...d[key], ...change } }));
  const costField = (key: Parameters<typeof measure>[0], m: MeasureDraft) => (
    <Field label={t('planner.cost')}>
      <NumberField
        label={t('planner.cost')}
        path={`${key}.capitalCostYuan`}
        value={m.costYuan}
        disabled={off || !m.on}
        onChange={(costYuan) => measure(key, { costYuan })}
      />
    </Field>
  );

  return (
    <div className="planner-form">
      <Field label={t('planner.name')}>
        <input
          className="planner-text"
          value={draft.name}
          disabled={off}
          data-testid={testIds.plannerName}
          onChange={(e) => edit((d) => ({ ...d, name: e.target.value, autoName: null }))}
        />
      </Field>

      <h3>{t('planner.section.fixtures')}</h3>
      {SWAP_TYPES.map((type) => (
        <SwapRow key={type} type={type} draft={draft} site={site} disabled={off} />
      ))}
      <Check
        label={t('planner.autoOff')}
        checked={draft.tapAutoOff}
        disabled={off || draft.swaps.basin_tap.grade === 0}
        onChange={(tapAutoOff) => edit((d) => ({ ...d, tapAutoOff }))}
      />

      <h3>{t('planner.section.supplies')}</h3>
      <SupplyFields draft={draft} off={off} costField={costField} />

      <h3>{t('planner.section.demand')}</h3>
      <Check
        label={t('planner.irrigation')}
        checked={draft.irrigation.on}
        disabled={off}
        onChange={(on) => measure('irrigation', { on })}
      />
      <div className="planner-pair">
        <Check
          label={t('planner.drip')}
          checked={draft.irrigation.drip}
          disabled={off || !draft.irrigation.on}
          onChange={(drip) => measure('irrigation', { drip })}
        />
        <Check
          label={t('planner.weatherControl')}
          checked={draft.irrigation.weatherControl}
          disabled={off || !draft.irrigation.on}
          onChange={(weatherControl) => measure('irrigation', { weatherControl })}
        />
      </div>
      <div className="planner-pair">{costField('irrigation', draft.irrigation)}</div>
      <Check
        label={t('planner.cooling')}
        checked={draft.coolingTower.on}
        disabled={off}
        onChange={(on) => measure('coolingTower', { on })}
      />
      <div className="planner-pair">
        <Field label={t('planner.cyclesAfter')}>
          <NumberField
            label={t('planner.cyclesAfter')}
            path="coolingTower.cyclesAfter"
            value={draft.coolingTower.cyclesAfter}
            disabled={off || !draft.coolingTower.on}
            onChange={(v) => measure('coolingTower', { cyclesAfter: v ?? 0 })}
          />
        </Field>
        {costField('coolingTower', draft.coolingTower)}
      </div>

      <h3>{t('planner.section.tariff')}</h3>
      <div className="planner-pair">
        <Field label={t('planner.water')}>
          <NumberField
            label={t('planner.water')}
            path="tariff.waterYuanPerM3"
            value={draft.waterYuanPerM3}
            disabled={off}
            placeholder={t('planner.tariffSite')}
            onChange={(waterYuanPerM3) => edit((d) => ({ ...d, waterYuanPerM3 }))}
          />
        </Field>
        <Field label={t('planner.sewage')}>
          <NumberField
            label={t('planner.sewage')}
            path="tariff.sewageYuanPerM3"
            value={draft.sewageYuanPerM3}
            disabled={off}
            placeholder={t('planner.tariffSite')}
            onChange={(sewageYuanPerM3) => edit((d) => ({ ...d, sewageYuanPerM3 }))}
          />
        </Field>
      </div>
    </div>
  );
}
