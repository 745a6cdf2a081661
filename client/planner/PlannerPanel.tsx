import '../styles/planner.css';
// After the screen rules, so the printed page's rules win.
import '../styles/planner.print.css';
import { useMemo } from 'react';
import { CALIBRATION_DAYS, type RetrofitContextResponse } from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import type { Calibration } from '../../simulations/retrofit/calibration';
import { formatFixed, monthName } from '../format/units';
import { useT } from '../i18n/useT';
import { useEngineer } from '../state/engineerStore';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { Assumptions } from './Assumptions';
import { issueText } from './issueText';
import { InvalidPaths } from './NumberField';
import { MonthlyChart, TankChart } from './PlannerCharts';
import { ComparisonTable, ScenarioDetail } from './PlannerResults';
import { downloadText, plannerCsv } from './plannerCsv';
import { withShownName } from './plannerDraft';
import { MAX_SCENARIOS, plannerStore, usePlanner } from './plannerStore';
import { runDraft } from './runPlanner';
import { ScenarioForm } from './ScenarioForm';
import { useRetrofitContext } from './useRetrofitContext';
import { useScenarioSync } from './useScenarioSync';
import { useTwinProjection } from './useTwinProjection';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;

/** 改造规划: what-if scenarios on the twin; anyone may view, engineers edit. */
export function PlannerPanel() {
  const open = usePlanner((s) => s.open);
  const site = useLive((s) => s.site);
  return open && site ? <PlannerBody site={site} /> : null;
}

function PlannerBody({ site }: { readonly site: Site }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const engineer = useEngineer((s) => s.session === 'engineer');
  // Edits wait for the saved scenarios, which replace the drafts on screen when they arrive.
  const loaded = usePlanner((s) => s.loaded);
  const editable = engineer && loaded;
  const { drafts: edited, active, onTwin, days, month } = usePlanner((s) => s);
  // Default names follow the interface language; typed names stay as typed.
  const drafts = useMemo(
    () => edited.map((d) => withShownName(d, (n) => t('planner.scenarioName', { n }))),
    [edited, t],
  );
  const answer = useRetrofitContext(days);
  useScenarioSync(site, engineer);
  const context = answer.state === 'ready' ? answer.context : null;

  // Every scenario is re-projected in the browser on each change (about 15 ms each).
  const runs = useMemo(
    () => (context ? drafts.map((d) => runDraft(d, site, context)) : null),
    [drafts, site, context],
  );
  const run = runs?.[active];
  const draft = drafts[active];
  useTwinProjection(site, context, run, draft?.name ?? '', onTwin, month);
  const invalidPaths = useMemo(
    () => new Set(run && !run.ok ? run.issues.map((i) => i.path) : []),
    [run],
  );

  const exportCsv = () => {
    if (!runs) return;
    const ok = drafts.flatMap((d, i) => {
      const r = runs[i];
      return r?.ok ? [{ name: d.name, projection: r.projection, draft: d }] : [];
    });
    downloadText('retrofit-scenarios.csv', plannerCsv(ok, t));
  };
  const store = plannerStore.getState();

  return (
    <section
      className="planner panel"
      data-testid={testIds.plannerPanel}
      data-state={answer.state}
      data-editable={editable}
      data-loaded={loaded}
    >
      <header className="planner-header">
        <div className="planner-titles">
          <h2>{t('planner.title')}</h2>
          <div className="planner-muted">{t('planner.subtitle')}</div>
          <h1 className="planner-print-title">{t('planner.printTitle')}</h1>
        </div>
        <div className="planner-actions">
          <label className="planner-inline">
            {t('planner.period')}
            <select value={days} onChange={(e) => store.setDays(Number(e.target.value))}>
              {CALIBRATION_DAYS.map((d) => (
                <option key={d} value={d}>
                  {t('planner.periodDays', { days: d })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="chip"
            data-testid={testIds.plannerCsv}
            onClick={exportCsv}
          >
            {t('planner.csv')}
          </button>
          <button
            type="button"
            className="chip"
            data-testid={testIds.plannerPrint}
            onClick={() => window.print()}
          >
            {t('planner.print')}
          </button>
          <button
            type="button"
            className="chip"
            data-testid={testIds.plannerClose}
            onClick={() => store.setOpen(false)}
          >
            {t('planner.close')}
          </button>
        </div>
      </header>

      <nav className="planner-tabs">
        {drafts.map((d, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tabs are scenario slots; names change
          <span key={i} className="planner-tab-wrap">
            <button
              type="button"
              className={i === active ? 'chip active' : 'chip'}
              data-testid={testIds.plannerTab(i)}
              data-selected={i === active}
              onClick={() => store.select(i)}
            >
              {d.name}
            </button>
            {editable && drafts.length > 1 && i === active && (
              <button type="button" className="chip" onClick={() => store.remove(i)}>
                {t('planner.remove')}
              </button>
            )}
          </span>
        ))}
        {editable && drafts.length < MAX_SCENARIOS && (
          <button
            type="button"
            className="chip"
            data-testid={testIds.plannerAdd}
            onClick={() => store.add(drafts.length + 1)}
          >
            {t('planner.add')}
          </button>
        )}
        {editable && drafts.length < MAX_SCENARIOS && (
          <button
            type="button"
            className="chip"
            title={t('planner.duplicateHint')}
            onClick={() => store.duplicate(drafts.length + 1)}
          >
            {t('planner.duplicate')}
          </button>
        )}
        {engineer && <SaveStateNote />}
        <label className="planner-inline planner-twin">
          <input
            type="checkbox"
            checked={onTwin}
            data-testid={testIds.plannerOnTwin}
            onChange={(e) => store.setOnTwin(e.target.checked)}
          />
          {t('planner.onTwin')}
        </label>
        <label className="planner-inline">
          {t('planner.month')}
          <select value={month} onChange={(e) => store.setMonth(Number(e.target.value))}>
            {MONTHS.map((m) => (
              <option key={m} value={m}>
                {t('planner.monthN', { monthName: monthName(lang, m) })}
              </option>
            ))}
          </select>
        </label>
      </nav>
      {!engineer && <div className="planner-note">{t('planner.viewOnly')}</div>}

      <div className="planner-body">
        {draft && (
          <InvalidPaths.Provider value={invalidPaths}>
            <ScenarioForm draft={draft} site={site} editable={editable} />
          </InvalidPaths.Provider>
        )}
        <div className="planner-results">
          {answer.state === 'loading' && (
            <div className="planner-muted">{t('planner.loading')}</div>
          )}
          {answer.state === 'error' && (
            <div className="planner-error">{t('planner.loadFailed')}</div>
          )}
          {run && !run.ok && (
            <div className="planner-error" data-testid={testIds.plannerIssues}>
              {t('planner.issues')}
              <ul>
                {draft &&
                  run.issues
                    .map((issue) => issueText(issue, draft, t))
                    .map((issue) => (
                      <li key={issue.path} title={issue.path}>
                        <strong>{issue.field}</strong> = <code>{issue.value}</code>: {issue.rule}
                      </li>
                    ))}
              </ul>
            </div>
          )}
          {context && runs && (
            <>
              <CalibrationLine
                context={context}
                calibration={run?.ok ? run.projection.calibration : null}
              />
              <ComparisonTable drafts={drafts} runs={runs} active={active} />
              <div className="planner-muted">
                {t('planner.quota', {
                  advanced: site.quota.advancedM3PerPersonYear,
                  general: site.quota.generalM3PerPersonYear,
                })}
              </div>
            </>
          )}
          {run?.ok && draft && (
            <>
              <ScenarioDetail projection={run.projection} draft={draft} />
              <div className="planner-charts">
                <figure>
                  <figcaption>{t('planner.section.monthly')}</figcaption>
                  <MonthlyChart projection={run.projection} />
                </figure>
                {run.tankCurve && (
                  <figure>
                    <figcaption>{t('planner.section.tank')}</figcaption>
                    <TankChart curve={run.tankCurve} tankM3={draft.rainwater.tankM3} />
                  </figure>
                )}
              </div>
              <Assumptions
                assumptions={run.projection.assumptions}
                draft={draft}
                editable={editable}
              />
            </>
          )}
        </div>
      </div>
    </section>
  );
}

/** Which meters the baseline is calibrated to, over which days, with the residual. */
function CalibrationLine({
  context,
  calibration,
}: {
  context: RetrofitContextResponse;
  calibration: Calibration | null;
}) {
  const t = useT();
  const metered = context.metered;
  // What scaling could not explain, all areas together, m³ over the period.
  const residual = calibration?.areas.reduce((a, area) => a + Math.abs(area.residualM3), 0) ?? 0;
  return (
    <div className="planner-muted planner-calibration">
      {metered?.period && calibration ? (
        <div>
          {t('planner.calibrated', {
            meters: calibration.areas.length,
            from: metered.fromIso,
            to: metered.toIso,
            residual: formatFixed(residual, 2),
          })}
        </div>
      ) : (
        <div>{t('planner.uncalibrated')}</div>
      )}
      <div>
        {t('planner.weather', {
          source: context.weatherSummary.source,
          rain: formatFixed(context.weatherSummary.rainMm, 1),
        })}
      </div>
    </div>
  );
}

/** Whether the scenarios are saved on the server. */
function SaveStateNote() {
  const t = useT();
  const save = usePlanner((s) => s.save);
  const text =
    save.state === 'saving'
      ? t('planner.saving')
      : save.state === 'saved'
        ? t('planner.saved')
        : save.state === 'failed'
          ? t(save.code === 'unauthorized' ? 'planner.saveSignIn' : 'planner.saveFailed')
          : '';
  return (
    <span
      className={
        save.state === 'failed' ? 'planner-error planner-save' : 'planner-muted planner-save'
      }
      data-testid={testIds.plannerSaveState}
      data-state={save.state}
      title={save.state === 'failed' ? save.message : undefined}
    >
      {text}
    </span>
  );
}
