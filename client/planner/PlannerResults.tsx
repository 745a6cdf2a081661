import { Fragment } from 'react';
import { scenarioEconomics } from '../../simulations/retrofit/economics';
import { END_USES } from '../../simulations/retrofit/endUses';
import type { Projection } from '../../simulations/retrofit/projection';
import { formatFixed } from '../format/units';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { testIds } from '../testIds';
import { measureName } from './measureName';
import type { PlannerDraft } from './plannerDraft';
import { plannerStore } from './plannerStore';
import type { ScenarioRun } from './runPlanner';

const m3 = (v: number) => formatFixed(v, 0);
const economicsOf = (p: Projection) => scenarioEconomics(p.measures, p.savedYuanPerYear);

interface Props {
  readonly drafts: readonly PlannerDraft[];
  readonly runs: readonly ScenarioRun[];
  readonly active: number;
}

/** Up to three scenarios side by side: water, money, payback and the quota. */
export function ComparisonTable({ drafts, runs, active }: Props) {
  const t = useT();
  const cell = (run: ScenarioRun, show: (p: Projection) => string) =>
    run.ok ? show(run.projection) : '—';
  const replaced = (source: 'greywater' | 'condensate' | 'rainwater') =>
    [
      `planner.row.${source}`,
      (p: Projection) => m3(p.annual.replacedM3[source]),
      source,
      (p: Projection) => p.annual.replacedM3[source],
    ] as const;
  const rows: ReadonlyArray<
    | readonly [MessageKey, (p: Projection) => string]
    | readonly [MessageKey, (p: Projection) => string, string, (p: Projection) => number]
  > = [
    ['planner.row.before', (p) => m3(p.totalBeforeM3)],
    ['planner.row.after', (p) => m3(p.totalAfterM3)],
    replaced('greywater'),
    replaced('condensate'),
    replaced('rainwater'),
    ['planner.row.capital', (p) => formatFixed(economicsOf(p).capitalCostYuan, 0)],
    ['planner.row.payback', (p) => formatFixed(economicsOf(p).paybackYears, 1)],
    [
      'planner.row.perCapita',
      (p) =>
        `${formatFixed(p.perCapita.beforeM3PerPersonYear, 1)} → ` +
        formatFixed(p.perCapita.afterM3PerPersonYear, 1),
    ],
    ['planner.row.quota', (p) => t(`planner.standing.${p.perCapita.after}` as MessageKey)],
  ];
  return (
    <table className="planner-table planner-compare">
      <thead>
        <tr>
          <th />
          {drafts.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: columns are scenario slots
            <th key={i} className={i === active ? 'active' : undefined}>
              <button type="button" onClick={() => plannerStore.getState().select(i)}>
                {d.name}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr className="planner-key-row">
          <th>{t('planner.row.saved')}</th>
          {runs.map((run, i) => {
            const saved = run.ok
              ? run.projection.totalBeforeM3 - run.projection.totalAfterM3
              : null;
            return (
              <td
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are scenario slots
                key={i}
                data-testid={testIds.plannerSaved(i)}
                data-value={saved ?? ''}
              >
                {saved === null ? '—' : m3(saved)}
                {run.ok && saved !== null && run.projection.totalBeforeM3 > 0 && (
                  <small> ({formatFixed((100 * saved) / run.projection.totalBeforeM3, 1)}%)</small>
                )}
              </td>
            );
          })}
        </tr>
        <tr>
          <th>{t('planner.row.yuan')}</th>
          {runs.map((run, i) => {
            const yuan = run.ok ? run.projection.savedYuanPerYear : null;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are scenario slots
              <td key={i} data-testid={testIds.plannerYuan(i)} data-value={yuan ?? ''}>
                {run.ok && yuan === null ? (
                  <span className="planner-muted">{t('planner.tariffNotSet')}</span>
                ) : (
                  formatFixed(yuan, 0)
                )}
              </td>
            );
          })}
        </tr>
        {rows.map(([key, show, source, value]) => (
          <tr key={key}>
            <th>{t(key)}</th>
            {runs.map((run, i) => (
              <td
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are scenario slots
                key={i}
                data-testid={source === undefined ? undefined : testIds.plannerReplaced(source, i)}
                data-value={value && run.ok ? value(run.projection) : undefined}
              >
                {cell(run, show)}
                {(key === 'planner.row.capital' || key === 'planner.row.payback') &&
                  run.ok &&
                  economicsOf(run.projection).capitalIncomplete && (
                    <small className="planner-muted"> {t('planner.capitalIncomplete')}</small>
                  )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The edited scenario's measures, and its water by end use before and after. */
export function ScenarioDetail({
  projection,
  draft,
}: {
  projection: Projection;
  draft?: PlannerDraft;
}) {
  const t = useT();
  return (
    <div className="planner-detail">
      <table className="planner-table">
        <caption>{t('planner.section.measures')}</caption>
        <thead>
          <tr>
            <th>{t('planner.col.measure')}</th>
            <th>{t('planner.col.savedM3')}</th>
            <th>{t('planner.col.savedYuan')}</th>
            <th>{t('planner.col.capital')}</th>
            <th>{t('planner.col.payback')}</th>
          </tr>
        </thead>
        <tbody>
          {projection.measures.length === 0 && (
            <tr>
              <td colSpan={5} className="planner-muted">
                {t('planner.noMeasures')}
              </td>
            </tr>
          )}
          {projection.measures.map((m, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: measures have no id of their own
            <tr key={i}>
              <th>{measureName(t, m, draft)}</th>
              <td>{m3(m.savedM3PerYear)}</td>
              <td>
                {m.savedYuanPerYear === null ? (
                  <span className="planner-muted">{t('planner.tariffNotSet')}</span>
                ) : (
                  formatFixed(m.savedYuanPerYear, 0)
                )}
              </td>
              <td>{formatFixed(m.capitalCostYuan, 0)}</td>
              <td>{formatFixed(m.paybackYears, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="planner-table">
        <caption>{t('planner.section.endUses')}</caption>
        <thead>
          <tr>
            <th>{t('planner.col.endUse')}</th>
            <th>{t('planner.col.before')}</th>
            <th>{t('planner.col.after')}</th>
          </tr>
        </thead>
        <tbody>
          {END_USES.map((use) => (
            <Fragment key={use}>
              <tr>
                <th>{t(`planner.endUse.${use}` as MessageKey)}</th>
                <td>{m3(projection.annual.beforeM3[use])}</td>
                <td>{m3(projection.annual.potableAfterM3[use])}</td>
              </tr>
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
