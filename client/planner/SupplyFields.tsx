import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { Check, ChoiceGroup, Field } from './formParts';
import { NumberField } from './NumberField';
import {
  CONDENSATE_USES,
  GREYWATER_SOURCES,
  type MeasureDraft,
  type PlannerDraft,
  REUSE_TARGETS,
} from './plannerDraft';
import { plannerStore } from './plannerStore';

type SupplyKey = 'greywater' | 'condensate' | 'rainwater';
const measure = <K extends SupplyKey>(key: K, change: Partial<PlannerDraft[K]>) =>
  plannerStore.getState().edit((d) => ({ ...d, [key]: { ...d[key], ...change } }));

interface Props {
  readonly draft: PlannerDraft;
  readonly off: boolean;
  readonly costField: (key: SupplyKey, m: MeasureDraft) => ReactNode;
}

/** Greywater, condensate and rainwater: on or off, where the water comes from and goes to. */
export function SupplyFields({ draft, off, costField }: Props) {
  const t = useT();
  const { greywater: g, condensate: c, rainwater: r } = draft;
  const use = (u: string) => t(`planner.use.${u}` as MessageKey);
  return (
    <>
      <Check
        label={t('planner.greywater')}
        checked={g.on}
        disabled={off}
        onChange={(on) => measure('greywater', { on })}
      />
      <div className="planner-pair">
        <ChoiceGroup
          legend={t('planner.sources')}
          options={GREYWATER_SOURCES}
          chosen={g.sources}
          label={(s) => t(`planner.source.${s}` as MessageKey)}
          disabled={off || !g.on}
          mode="many"
          testId={(s) => testIds.plannerChoice('greywater-source', s)}
          onChange={(sources) => measure('greywater', { sources })}
        />
        <ChoiceGroup
          legend={t('planner.uses')}
          options={REUSE_TARGETS}
          chosen={g.uses}
          label={use}
          disabled={off || !g.on}
          mode="many"
          testId={(u) => testIds.plannerChoice('greywater-use', u)}
          onChange={(uses) => measure('greywater', { uses })}
        />
        <Field label={t('planner.tankM3')}>
          <NumberField
            label={t('planner.tankM3')}
            path="greywater.tankM3"
            value={g.tankM3}
            disabled={off || !g.on}
            onChange={(v) => measure('greywater', { tankM3: v ?? 0 })}
          />
        </Field>
        {costField('greywater', g)}
      </div>
      <Check
        label={t('planner.condensate')}
        checked={c.on}
        disabled={off}
        onChange={(on) => measure('condensate', { on })}
      />
      <div className="planner-pair">
        <ChoiceGroup
          legend={t('planner.uses')}
          options={CONDENSATE_USES}
          chosen={[c.use]}
          label={use}
          disabled={off || !c.on}
          mode="one"
          testId={(u) => testIds.plannerChoice('condensate-use', u)}
          onChange={([first]) => first && measure('condensate', { use: first })}
        />
        {costField('condensate', c)}
      </div>
      <Check
        label={t('planner.rainwater')}
        checked={r.on}
        disabled={off}
        testId={testIds.plannerRainOn}
        onChange={(on) => measure('rainwater', { on })}
      />
      <div className="planner-pair">
        <ChoiceGroup
          legend={t('planner.uses')}
          options={REUSE_TARGETS}
          chosen={r.uses}
          label={use}
          disabled={off || !r.on}
          mode="many"
          testId={(u) => testIds.plannerChoice('rain-use', u)}
          onChange={(uses) => measure('rainwater', { uses })}
        />
        <span />
        <Field label={t('planner.tankM3')}>
          <NumberField
            label={t('planner.tankM3')}
            path="rainwater.tankM3"
            value={r.tankM3}
            disabled={off || !r.on}
            testId={testIds.plannerRainTank}
            onChange={(v) => measure('rainwater', { tankM3: v ?? 0 })}
          />
        </Field>
        {costField('rainwater', r)}
      </div>
    </>
  );
}
