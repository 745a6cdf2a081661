import type { Assumption } from '../../simulations/retrofit/assumptions';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { ASSUMPTION_UNIT_KEY, SURFACE_KEY, sourceSections } from './assumptionLabels';
import { NumberField } from './NumberField';
import { OVERRIDE_PATHS, type PlannerDraft } from './plannerDraft';
import { plannerStore } from './plannerStore';

/** A value as text: lists joined with slashes, tables as "key value" pairs. */
function shown(v: unknown, t: (key: MessageKey) => string): string {
  if (Array.isArray(v)) return v.join(' / ');
  if (v !== null && typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${SURFACE_KEY[k] ? t(SURFACE_KEY[k]!) : k} ${String(x)}`)
      .join(', ');
  }
  return String(v);
}

/**
 * Every default the projection leaned on, with its source and status. Unconfirmed values are
 * labelled 未核实 / unconfirmed and, where the scenario can carry its own value, editable.
 */
export function Assumptions({
  assumptions,
  draft,
  editable,
}: {
  assumptions: readonly Assumption[];
  draft: PlannerDraft;
  editable: boolean;
}) {
  const t = useT();
  const override = (key: string, value: number | null) =>
    plannerStore.getState().edit((d) => {
      const { [key]: _, ...rest } = d.overrides;
      return { ...d, overrides: value === null ? rest : { ...rest, [key]: value } };
    });
  return (
    <table className="planner-table planner-assumptions">
      <caption>{t('planner.section.assumptions')}</caption>
      <thead>
        <tr>
          <th>{t('planner.col.key')}</th>
          <th>{t('planner.col.value')}</th>
          <th>{t('planner.col.source')}</th>
          <th>{t('planner.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {assumptions.map((a) => (
          <tr key={a.key} className={a.unconfirmed ? 'unconfirmed' : undefined}>
            <th>{t(`assumption.${a.key}` as MessageKey)}</th>
            <td>
              {OVERRIDE_PATHS[a.key] && typeof a.value === 'number' ? (
                <NumberField
                  label={t(`assumption.${a.key}` as MessageKey)}
                  path={OVERRIDE_PATHS[a.key]?.join('.')}
                  value={draft.overrides[a.key] ?? a.value}
                  disabled={!editable}
                  onChange={(v) => override(a.key, v)}
                />
              ) : (
                shown(a.value, t)
              )}{' '}
              <small className="planner-muted">
                {ASSUMPTION_UNIT_KEY[a.unit] ? t(ASSUMPTION_UNIT_KEY[a.unit]!) : a.unit}
              </small>
            </td>
            <td className="planner-muted" title={a.source}>
              {sourceSections(a.source)}
            </td>
            <td>
              <span className={`planner-status status-${a.status}`}>
                {t(`planner.status.${a.status}` as MessageKey)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
