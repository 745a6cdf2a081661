import { useMemo, useState } from 'react';
import type { Alert } from '../../models/alert';
import type { Site } from '../../models/site';
import { formatFixed } from '../format/units';
import { formatWallMinute } from '../format/zonedTime';
import { apiErrorKey } from '../i18n/apiErrors';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { createLogger } from '../log';
import { acknowledgeAlert } from '../net/alertApi';
import { ApiCallError } from '../net/api';
import { coversEdge } from '../scene/viewArea';
import { alertStore, useAlerts } from '../state/alertStore';
import { engineerStore, useEngineer } from '../state/engineerStore';
import { uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import {
  ackByText,
  alertStatusKey,
  alertText,
  evidenceAxisUnit,
  evidenceChartData,
  evidenceSpan,
  evidenceValueKey,
} from './alertView';
import { EvidenceChart } from './EvidenceChart';

const log = createLogger('alerts');
const CHART_WIDTH_PX = 520;
const CHART_HEIGHT_PX = 130;

/** The selected alert's evidence at the bottom of the centre column, in the chart's place. */
export function AlertEvidencePanel() {
  const alertId = useUi((s) => s.selectedAlertId);
  const alert = useAlerts((s) => s.alerts.find((a) => a.id === alertId));
  const site = useLive((s) => s.site);
  return alert && site ? <EvidenceBody alert={alert} site={site} /> : null;
}

function EvidenceBody({ alert, site }: { readonly alert: Alert; readonly site: Site }) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const engineer = useEngineer((s) => s.session === 'engineer');
  const data = useMemo(() => evidenceChartData(alert), [alert]);
  const band = alert.detector === 'balance';
  const unit = evidenceAxisUnit(alert);
  const zone = site.timeZone;
  const span = evidenceSpan(alert);

  return (
    <section
      className="panel chart-panel evidence-panel"
      data-testid={testIds.alertEvidence}
      data-alert-id={alert.id}
      data-detector={alert.detector}
      data-points={alert.evidence.points.length}
      {...coversEdge('bottom')}
    >
      <header className="chart-header">
        <span className={`alert-status ${alert.status}`}>{t(alertStatusKey(alert))}</span>
        <div className="chart-titles">
          <h2 className="panel-title evidence-title">{alertText(alert, site, lang)}</h2>
          <div className="muted">
            {t('alert.loss', { m3: formatFixed(alert.lossM3PerDay, 2) })}
            {alert.lossYuanPerDay !== null &&
              ` · ${t('alert.lossYuan', { yuan: formatFixed(alert.lossYuanPerDay, 1) })}`}
            {' · '}
            {t('alert.suspects', { count: alert.suspects.length })}
            {' · '}
            {t('alert.window', {
              from: formatWallMinute(alert.window.startMs, zone),
              to: formatWallMinute(alert.window.endMs, zone),
            })}
          </div>
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid={testIds.alertClose}
          aria-label={t('alert.close')}
          title={t('alert.close')}
          onClick={() => uiStore.getState().selectAlert(null)}
        >
          ×
        </button>
      </header>
      <div className="muted evidence-caption">
        {t('alert.evidenceTitle')} · {t(`alert.evidence.${alert.detector}` as MessageKey)}
      </div>
      {span && (
        <div className="muted evidence-span" data-testid={testIds.alertEvidenceSpan}>
          {t('alert.chartSpan', {
            from: formatWallMinute(span.startMs, zone),
            to: formatWallMinute(span.endMs, zone),
            unit,
          })}
        </div>
      )}
      <div className="chart-body" style={{ minHeight: CHART_HEIGHT_PX + 30 }}>
        <EvidenceChart
          data={data}
          timeZone={zone}
          xLabel={t('chart.time')}
          yLabel={unit}
          seriesLabels={[
            t(evidenceValueKey(alert.detector)),
            t('alert.evidence.limit'),
            t('alert.evidence.lower'),
          ]}
          band={band}
          width={CHART_WIDTH_PX}
          height={CHART_HEIGHT_PX}
        />
      </div>
      {alert.status === 'acknowledged' && alert.ackNote !== null && (
        <div className="muted evidence-ack">
          {t('alert.ackedBy', { by: ackByText(alert.ackBy, t), note: alert.ackNote })}
        </div>
      )}
      {engineer && alert.status === 'open' && <AckForm alertId={alert.id} />}
    </section>
  );
}

/** 确认 / Acknowledge with a note, for a signed-in engineer. */
function AckForm({ alertId }: { readonly alertId: number }) {
  const t = useT();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const submit = () => {
    if (note.trim() === '') {
      setError('alert.ackNeedNote');
      return;
    }
    setBusy(true);
    setError(null);
    acknowledgeAlert(alertId, note.trim())
      .then(({ alert }) => alertStore.getState().applyEvent({ change: 'acknowledged', alert }))
      .catch((err: unknown) => {
        const code = err instanceof ApiCallError ? err.code : 'network';
        log.warn('acknowledge failed', { alert: alertId, code, message: String(err) });
        setError(code === 'conflict' ? 'alert.ackConflict' : apiErrorKey(code, 'action'));
        if (code === 'unauthorized') engineerStore.getState().setEngineer(false);
      })
      .finally(() => setBusy(false));
  };

  return (
    <form
      className="ack-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        className="signin-input ack-note"
        data-testid={testIds.alertAckNote}
        aria-label={t('alert.ackNote')}
        placeholder={t('alert.ackPlaceholder')}
        maxLength={1000}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <button type="submit" className="chip active" data-testid={testIds.alertAck} disabled={busy}>
        {busy ? t('alert.acking') : t('alert.ack')}
      </button>
      {error && (
        <div className="form-error" role="alert" data-testid={testIds.alertAckError}>
          {t(error)}
        </div>
      )}
    </form>
  );
}
