import { useEffect, useRef } from 'react';
import { LOCALE, localName } from './i18n/index';
import { useT } from './i18n/useT';
import { LobbySettingsPanel } from './lobby/settings/LobbySettingsPanel';
import { AlertEvidencePanel } from './panels/AlertEvidencePanel';
import { AlertListPanel } from './panels/AlertListPanel';
import { ConnectionBadge } from './panels/ConnectionBadge';
import { DataQualityPanel } from './panels/DataQualityPanel';
import { EngineerControl } from './panels/EngineerControl';
import { ImportPanel } from './panels/ImportPanel';
import { KpiStrip } from './panels/KpiStrip';
import { LanguageSwitch } from './panels/LanguageSwitch';
import { MeterChartPanel } from './panels/MeterChartPanel';
import { MeterTreePanel } from './panels/MeterTreePanel';
import { RoomTooltip } from './panels/RoomTooltip';
import { useBelowTopbar } from './panels/useBelowTopbar';
import { ViewControls } from './panels/ViewControls';
import { PlannerPanel } from './planner/PlannerPanel';
import { PlannerToggle } from './planner/PlannerToggle';
import { ProjectionBanner } from './planner/ProjectionBanner';
import { usePlanner } from './planner/plannerStore';
import { TwinCanvas } from './scene/TwinCanvas';
import { coversEdge } from './scene/viewArea';
import { useUi } from './state/uiStore';
import { useLive } from './state/useLive';
import { testIds } from './testIds';

/** The twin's page: the 3D view under a dashboard overlay. */
export function App() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const siteName = useLive((s) => s.site?.name ?? null);
  // While the link is down the figures on screen are the last ones received: dim them.
  const stale = useLive((s) => s.connection !== 'live');
  // The planner takes the right of the screen; the alert and chart column makes room for it.
  const planning = usePlanner((s) => s.open);
  const app = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLElement>(null);
  useBelowTopbar(app, bar);

  // Keep the document language and title in step with the interface language.
  useEffect(() => {
    document.documentElement.lang = LOCALE[lang];
    document.title = t('app.title');
  }, [lang, t]);

  return (
    <div ref={app} className={stale ? 'app stale' : 'app'}>
      <TwinCanvas />
      <header ref={bar} className="topbar" data-testid={testIds.topbar} {...coversEdge('top')}>
        <div className="brand">
          <div className="brand-mark" aria-hidden="true" />
          <div className="brand-text">
            <h1 className="brand-title">{t('app.title')}</h1>
            <div className="brand-subtitle">
              {siteName ? localName(siteName, lang) : t('app.subtitle')}
            </div>
          </div>
        </div>
        <KpiStrip />
        <div className="topbar-actions">
          <ConnectionBadge />
          <PlannerToggle />
          <a
            className="chip"
            href="/compliance"
            title={t('cmp.openTitle')}
            data-testid={testIds.complianceLink}
          >
            {t('cmp.open')}
          </a>
          <EngineerControl />
          <LanguageSwitch />
        </div>
      </header>
      {siteName === null && <div className="loading">{t('app.loading')}</div>}
      <MeterTreePanel />
      <ViewControls />
      {/* Between the tree and the view controls: alerts and data quality on top, the meter
          chart or an alert's evidence at the bottom. */}
      {!planning && (
        <div className="center-column">
          <AlertListPanel />
          <DataQualityPanel />
          <MeterChartPanel />
          <AlertEvidencePanel />
        </div>
      )}
      <ImportPanel />
      <LobbySettingsPanel />
      <PlannerPanel />
      <ProjectionBanner />
      <RoomTooltip />
    </div>
  );
}
