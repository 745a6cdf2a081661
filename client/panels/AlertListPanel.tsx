import { useRef } from 'react';
import type { Alert } from '../../models/alert';
import { formatWallMinute } from '../format/zonedTime';
import { useT } from '../i18n/useT';
import { coversEdge } from '../scene/viewArea';
import { useAlerts } from '../state/alertStore';
import { uiStore, useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { alertStatusKey, alertText, suspectBox } from './alertView';
import { useWholeItems } from './useWholeItems';

/**
 * 告警: the unresolved leak alerts in plain language, newest first, at the top of the centre
 * column. Clicking one flies to its suspect pipes and opens its evidence at the bottom.
 */
export function AlertListPanel() {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const selectedId = useUi((s) => s.selectedAlertId);
  const site = useLive((s) => s.site);
  const alerts = useAlerts((s) => s.alerts);
  const list = useRef<HTMLUListElement>(null);
  useWholeItems(list, `${lang}|${alerts.map((a) => `${a.id}:${a.status}`).join(',')}`);
  if (!site || alerts.length === 0) return null;

  const open = (alert: Alert) => {
    if (selectedId === alert.id) uiStore.getState().selectAlert(null);
    else uiStore.getState().selectAlert(alert.id, suspectBox(alert, site));
  };

  return (
    <section
      className="panel alert-panel"
      data-testid={testIds.alertList}
      data-count={alerts.length}
      aria-label={t('alert.listLabel')}
      {...coversEdge('top')}
    >
      <h2 className="panel-title alert-heading">
        <span className="alert-icon" aria-hidden="true">
          !
        </span>
        {t('alert.title')}
        <span className="alert-count">{t('alert.count', { count: alerts.length })}</span>
      </h2>
      <ul className="alert-list" ref={list} data-testid={testIds.alertListItems}>
        {alerts.map((alert) => (
          <li key={alert.id}>
            <button
              type="button"
              className={selectedId === alert.id ? 'alert-item selected' : 'alert-item'}
              data-testid={testIds.alertItem(alert.id)}
              data-status={alert.status}
              data-selected={selectedId === alert.id}
              aria-pressed={selectedId === alert.id}
              onClick={() => open(alert)}
            >
              <span className={`alert-status ${alert.status}`}>{t(alertStatusKey(alert))}</span>
              <span className="alert-text">{alertText(alert, site, lang)}</span>
              <span className="alert-time muted">
                {t('alert.openedAt', { time: formatWallMinute(alert.openedMs, site.timeZone) })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
