import { useState } from 'react';
import type { QuarantinedReading } from '../../models/health';
import { formatWallMinute } from '../format/zonedTime';
import { apiErrorKey } from '../i18n/apiErrors';
import { localName, type MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { createLogger } from '../log';
import { ApiCallError } from '../net/api';
import { confirmUnit, dismissReading } from '../net/engineerApi';
import { coversEdge } from '../scene/viewArea';
import { engineerStore, useEngineer } from '../state/engineerStore';
import { siteIndex } from '../state/siteIndex';
import { useUi } from '../state/uiStore';
import { useLive } from '../state/useLive';
import { testIds } from '../testIds';
import { DetectionSettingsView } from './DetectionSettingsView';
import { confirmableUnits, formatSentValue, reasonText, UNIT_KEY } from './quarantineView';
import { useQuarantine } from './useQuarantine';

const log = createLogger('quality');

/** 数据质量: the quarantined readings for an engineer, each with its reason and a fix. */
export function DataQualityPanel() {
  const open = useEngineer((s) => s.qualityOpen);
  const site = useLive((s) => s.site);
  // Mounted only while open, so nothing is fetched for a closed panel.
  return open && site ? <QualityPanelBody timeZone={site.timeZone} /> : null;
}

function QualityPanelBody({ timeZone }: { readonly timeZone: string }) {
  const t = useT();
  const { status, readings } = useQuarantine();
  const [busyId, setBusyId] = useState<number | null>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [tab, setTab] = useState<'quarantine' | 'thresholds'>('quarantine');
  const state = status === 'ready' && readings.length === 0 ? 'empty' : status;

  // Confirming a unit and dismissing both derive the meter again, then reload the list.
  const act = (
    reading: QuarantinedReading,
    action: 'confirm-unit' | 'dismiss',
    call: Promise<unknown>,
  ) => {
    setBusyId(reading.id);
    setNotice(null);
    call
      .catch((err: unknown) => {
        const code = err instanceof ApiCallError ? err.code : 'network';
        log.warn(`${action} failed`, { reading: reading.id, code, message: String(err) });
        setNotice(apiErrorKey(code, 'action'));
        if (code === 'unauthorized') engineerStore.getState().setEngineer(false);
      })
      .finally(() => {
        setBusyId(null);
        engineerStore.getState().dataChanged();
      });
  };

  return (
    <section
      className="panel quality-panel"
      data-testid={testIds.qualityPanel}
      data-state={state}
      data-count={readings.length}
      {...coversEdge('top')}
    >
      <header className="quality-header">
        <div className="quality-titles">
          <h2 className="panel-title">
            {tab === 'quarantine' ? t('quality.title') : t('quality.open')}
            {tab === 'quarantine' && status === 'ready' && (
              <span className="quality-count">
                {t('quality.count', { count: readings.length })}
              </span>
            )}
          </h2>
          <div className="quality-tabs" role="tablist">
            {(['quarantine', 'thresholds'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                aria-selected={tab === name}
                className={tab === name ? 'chip active' : 'chip'}
                data-testid={testIds.qualityTab(name)}
                onClick={() => setTab(name)}
              >
                {t(`quality.tab.${name}`)}
              </button>
            ))}
          </div>
          {tab === 'quarantine' && <div className="muted">{t('quality.subtitle')}</div>}
        </div>
        <button
          type="button"
          className="icon-button"
          data-testid={testIds.qualityClose}
          aria-label={t('quality.close')}
          title={t('quality.close')}
          onClick={() => engineerStore.getState().setQualityOpen(false)}
        >
          ×
        </button>
      </header>
      {tab === 'quarantine' && notice && (
        <div className="form-error" role="alert">
          {t(notice)}
        </div>
      )}
      {tab === 'thresholds' ? (
        <DetectionSettingsView />
      ) : state === 'ready' ? (
        <div className="quality-scroll">
          <table className="quality-table">
            <thead>
              <tr>
                <th>{t('quality.meter')}</th>
                <th>{t('quality.time')}</th>
                <th>{t('quality.value')}</th>
                <th>{t('quality.reason')}</th>
                <th>{t('quality.action')}</th>
              </tr>
            </thead>
            <tbody>
              {readings.map((r) => (
                <QuarantineRow
                  key={r.id}
                  reading={r}
                  timeZone={timeZone}
                  busy={busyId === r.id}
                  onConfirm={(unit) => act(r, 'confirm-unit', confirmUnit(r.id, unit))}
                  onDismiss={() => act(r, 'dismiss', dismissReading(r.id))}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted quality-state">
          {state === 'error'
            ? t('quality.error')
            : state === 'empty'
              ? t('quality.empty')
              : t('quality.loading')}
        </p>
      )}
    </section>
  );
}

interface RowProps {
  readonly reading: QuarantinedReading;
  readonly timeZone: string;
  readonly busy: boolean;
  onConfirm(unit: 'L' | 'm3'): void;
  onDismiss(): void;
}

function QuarantineRow({ reading, timeZone, busy, onConfirm, onDismiss }: RowProps) {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const site = useLive((s) => s.site);
  const meter = site ? siteIndex(site).meters.get(reading.meterId)?.meter : undefined;
  const reason = reasonText(reading);
  const units = confirmableUnits(reading);

  return (
    <tr data-testid={testIds.quarantineRow(reading.id)} data-reason={reading.reason}>
      <td className="meter-cell">
        <div>{meter ? localName(meter.serves, lang) : reading.meterId}</div>
        <div className="muted">{meter?.serial ?? reading.meterId}</div>
      </td>
      <td className="num">{formatWallMinute(reading.tsMs, timeZone)}</td>
      <td className="num">
        {formatSentValue(reading.value)} {t(UNIT_KEY[reading.unit])}
      </td>
      <td className="quality-reason">
        {t(reason.key, { sent: t(reason.sentUnit), meter: t(reason.meterUnit), code: reason.code })}
      </td>
      <td className="quality-actions">
        {units.map((unit, i) => (
          <button
            key={unit}
            type="button"
            className={i === 0 ? 'chip active' : 'chip'}
            disabled={busy}
            data-testid={testIds.confirmUnit(reading.id, unit)}
            onClick={() => onConfirm(unit)}
          >
            {busy ? t('quality.confirming') : t('quality.confirm', { unit: t(UNIT_KEY[unit]) })}
          </button>
        ))}
        <button
          type="button"
          className="chip"
          disabled={busy}
          data-testid={testIds.dismissReading(reading.id)}
          onClick={onDismiss}
        >
          {busy ? t('quality.confirming') : t('quality.dismiss')}
        </button>
      </td>
    </tr>
  );
}
