import type { ReactNode } from 'react';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { NumberField } from './NumberField';
import {
  type GradeChoice,
  type MeasureDraft,
  type PlannerDraft,
  type RoomChoice,
  SWAP_TYPES,
  type SwapType,
} from './plannerDraft';
import { plannerStore } from './plannerStore';

const ROOMS: readonly RoomChoice[] = ['all', 'toilet', 'tea_room', 'canteen_kitchen', 'bathhouse'];
const edit = (change: (d: PlannerDraft) => PlannerDraft) => plannerStore.getState().edit(change);

interface Props {
  readonly draft: PlannerDraft;
  readonly editable: boolean;
}

/** The edited scenario's measures and parameters; every change re-projects at once. */
export function ScenarioForm({ draft, editable }: Props) {
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
          onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))}
        />
      </Field>

      <h3>{t('planner.section.fixtures')}</h3>
      {SWAP_TYPES.map((type) => (
        <SwapRow key={type} type={type} draft={draft} disabled={off} />
      ))}
      <Check
        label={t('planner.autoOff')}
        checked={draft.tapAutoOff}
        disabled={off || draft.swaps.basin_tap.grade === 0}
        onChange={(tapAutoOff) => edit((d) => ({ ...d, tapAutoOff }))}
      />

      <h3>{t('planner.section.supplies')}</h3>
      <Check
        label={t('planner.greywater')}
        checked={draft.greywater.on}
        disabled={off}
        onChange={(on) => measure('greywater', { on })}
      />
      <div className="planner-pair">
        <Field label={t('planner.tankM3')}>
          <NumberField
            label={t('planner.tankM3')}
            value={draft.greywater.tankM3}
            disabled={off || !draft.greywater.on}
            onChange={(v) => measure('greywater', { tankM3: v ?? 0 })}
          />
        </Field>
        {costField('greywater', draft.greywater)}
      </div>
      <Check
        label={t('planner.condensate')}
        checked={draft.condensate.on}
        disabled={off}
        onChange={(on) => measure('condensate', { on })}
      />
      <div className="planner-pair">{costField('condensate', draft.condensate)}</div>
      <Check
        label={t('planner.rainwater')}
        checked={draft.rainwater.on}
        disabled={off}
        testId={testIds.plannerRainOn}
        onChange={(on) => measure('rainwater', { on })}
      />
      <div className="planner-pair">
        <Field label={t('planner.tankM3')}>
          <NumberField
            label={t('planner.tankM3')}
            value={draft.rainwater.tankM3}
            disabled={off || !draft.rainwater.on}
            testId={testIds.plannerRainTank}
            onChange={(v) => measure('rainwater', { tankM3: v ?? 0 })}
          />
        </Field>
        {costField('rainwater', draft.rainwater)}
      </div>

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
            value={draft.waterYuanPerM3}
            disabled={off}
            placeholder={t('planner.tariffSite')}
            onChange={(waterYuanPerM3) => edit((d) => ({ ...d, waterYuanPerM3 }))}
          />
        </Field>
        <Field label={t('planner.sewage')}>
          <NumberField
            label={t('planner.sewage')}
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

function SwapRow({
  type,
  draft,
  disabled,
}: {
  type: SwapType;
  draft: PlannerDraft;
  disabled: boolean;
}) {
  const t = useT();
  const swap = draft.swaps[type];
  const set = (change: Partial<typeof swap>) =>
    edit((d) => ({ ...d, swaps: { ...d.swaps, [type]: { ...d.swaps[type], ...change } } }));
  return (
    <div className="planner-swap">
      <span className="planner-swap-type">{t(`planner.fixture.${type}` as MessageKey)}</span>
      <select
        aria-label={t(`planner.fixture.${type}` as MessageKey)}
        value={swap.grade}
        disabled={disabled}
        data-testid={testIds.plannerGrade(type)}
        onChange={(e) => set({ grade: Number(e.target.value) as GradeChoice })}
      >
        <option value={0}>{t('planner.grade.keep')}</option>
        {[1, 2, 3].map((g) => (
          <option key={g} value={g}>
            {t('planner.grade.n', { grade: g })}
          </option>
        ))}
      </select>
      <select
        aria-label={t('planner.room.all')}
        value={swap.room}
        disabled={disabled || swap.grade === 0}
        onChange={(e) => set({ room: e.target.value as RoomChoice })}
      >
        {ROOMS.map((room) => (
          <option key={room} value={room}>
            {t(`planner.room.${room}` as MessageKey)}
          </option>
        ))}
      </select>
      <NumberField
        label={t('planner.costPerFixture')}
        placeholder={t('planner.costShort')}
        value={swap.costPerFixtureYuan}
        disabled={disabled || swap.grade === 0}
        onChange={(costPerFixtureYuan) => set({ costPerFixtureYuan })}
      />
    </div>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child
    <label className="planner-field">
      <span>{label}</span>
      {children}
    </label>
  );
}

interface CheckProps {
  readonly label: string;
  readonly checked: boolean;
  readonly disabled: boolean;
  readonly testId?: string;
  readonly onChange: (checked: boolean) => void;
}

function Check({ label, checked, disabled, testId, onChange }: CheckProps) {
  return (
    <label className="planner-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}
