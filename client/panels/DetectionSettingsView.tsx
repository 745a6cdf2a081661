import { useEffect, useState } from 'react';
import type { DetectionSettingView, SettingKey } from '../../models/detectionSettings';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { createLogger } from '../log';
import { ApiCallError, requestJson } from '../net/api';
import { engineerStore } from '../state/engineerStore';
import { testIds } from '../testIds';

const log = createLogger('thresholds');
const URL = '/api/v1/detection/settings';

/** The status letters of domain.md, as the planner shows them. */
const STATUS_KEY: Record<string, MessageKey> = {
  C: 'planner.status.C',
  P: 'planner.status.P',
  U: 'planner.status.U',
  D: 'planner.status.D',
};

/** The unit names of detectionDefaults.ts, translated. */
const UNIT_KEY: Record<string, MessageKey> = {
  h: 'thresholds.unit.h',
  nights: 'thresholds.unit.nights',
  ratio: 'thresholds.unit.ratio',
  fraction: 'thresholds.unit.fraction',
  quantile: 'thresholds.unit.quantile',
  'L/h': 'thresholds.unit.lph',
  'L/min': 'thresholds.unit.lpm',
  min: 'thresholds.unit.min',
  intervals: 'thresholds.unit.intervals',
  'days of 7': 'thresholds.unit.daysOf7',
  'h of day': 'thresholds.unit.hourOfDay',
};

/** The sections of domain.md a source names (`§7.2, §7.4`); its full text is the tooltip. */
const sectionsOf = (source: string) => source.match(/§[\d.]+/g)?.join(', ') ?? '—';

/** A setting's value as typed: numbers and the night window as text, the rule as is. */
const asText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

/** The typed text back to the value the API takes, or null when it is not a number. */
function parseValue(view: DetectionSettingView, text: string): unknown {
  if (view.key === 'balanceTolerance') return text;
  if (view.key === 'nightWindow') {
    const parts = text
      .split(/[,，\s]+/)
      .filter((p) => p !== '')
      .map(Number);
    return parts.length === 2 && parts.every(Number.isFinite) ? parts : null;
  }
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

/**
 * 检测阈值: every threshold of the leak detectors with its value, default, unit and basis
 * (source and status); an engineer edits values and saves the changed ones together.
 */
export function DetectionSettingsView() {
  const t = useT();
  const [views, setViews] = useState<readonly DetectionSettingView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState<Partial<Record<SettingKey, string>>>({});
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    requestJson<{ settings: DetectionSettingView[] }>(URL, { signal: controller.signal })
      .then((body) => setViews(body.settings))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('thresholds could not be read', { message: String(err) });
        setFailed(true);
      });
    return () => controller.abort();
  }, []);

  const send = (patch: Record<string, unknown>) => {
    setSaving(true);
    setNotice(null);
    requestJson<{ settings: DetectionSettingView[] }>(URL, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch),
    })
      .then((body) => {
        setViews(body.settings);
        setDraft({});
        setNotice({ kind: 'ok', text: t('thresholds.saved') });
      })
      .catch((err: unknown) => {
        const message = err instanceof ApiCallError ? err.message : String(err);
        if (err instanceof ApiCallError && err.code === 'unauthorized') {
          engineerStore.getState().setEngineer(false);
        }
        setNotice({ kind: 'error', text: t('thresholds.refused', { message }) });
      })
      .finally(() => setSaving(false));
  };

  const save = () => {
    if (!views) return;
    const patch: Record<string, unknown> = {};
    for (const view of views) {
      const text = draft[view.key];
      if (text === undefined || text === asText(view.value)) continue;
      const value = parseValue(view, text);
      if (value === null) {
        const name = t(`threshold.${view.key}` as MessageKey);
        setNotice({ kind: 'error', text: t('thresholds.notNumber', { name }) });
        return;
      }
      patch[view.key] = value;
    }
    if (Object.keys(patch).length > 0) send(patch);
  };

  const restoreDefaults = () => {
    if (views) send(Object.fromEntries(views.map((v) => [v.key, v.defaultValue])));
  };

  if (failed) return <p className="muted quality-state">{t('thresholds.error')}</p>;
  if (!views) return <p className="muted quality-state">{t('thresholds.loading')}</p>;
  const changed = views.some((v) => {
    const text = draft[v.key];
    return text !== undefined && text !== asText(v.value);
  });

  return (
    <div className="thresholds" data-testid={testIds.thresholds}>
      <div className="thresholds-bar">
        <span className="muted">{t('thresholds.subtitle')}</span>
        {notice && (
          <span
            className={notice.kind === 'ok' ? 'thresholds-ok' : 'form-error'}
            role={notice.kind === 'ok' ? 'status' : 'alert'}
            data-testid={testIds.thresholdsNotice}
          >
            {notice.text}
          </span>
        )}
        <button type="button" className="chip" disabled={saving} onClick={restoreDefaults}>
          {t('thresholds.reset')}
        </button>
        <button
          type="button"
          className="chip active"
          disabled={saving || !changed}
          data-testid={testIds.thresholdsSave}
          onClick={save}
        >
          {saving ? t('thresholds.saving') : t('thresholds.save')}
        </button>
      </div>
      <div className="quality-scroll">
        <table className="quality-table thresholds-table">
          <thead>
            <tr>
              <th>{t('thresholds.name')}</th>
              <th>{t('thresholds.value')}</th>
              <th>{t('thresholds.default')}</th>
              <th>{t('thresholds.status')}</th>
            </tr>
          </thead>
          <tbody>
            {views.map((view) => (
              <tr key={view.key} data-key={view.key}>
                <td>{t(`threshold.${view.key}` as MessageKey)}</td>
                <td className="num">
                  {view.key === 'balanceTolerance' ? (
                    <select
                      value={draft[view.key] ?? asText(view.value)}
                      onChange={(e) => setDraft({ ...draft, [view.key]: e.target.value })}
                    >
                      <option value="max">max</option>
                      <option value="statistical">statistical</option>
                    </select>
                  ) : (
                    <input
                      className="threshold-input"
                      inputMode="decimal"
                      data-testid={testIds.thresholdInput(view.key)}
                      value={draft[view.key] ?? asText(view.value)}
                      onChange={(e) => setDraft({ ...draft, [view.key]: e.target.value })}
                    />
                  )}{' '}
                  <span className="muted">
                    {UNIT_KEY[view.unit]
                      ? t(UNIT_KEY[view.unit]!)
                      : view.unit === '—'
                        ? ''
                        : view.unit}
                  </span>
                </td>
                <td className="num muted">{asText(view.defaultValue)}</td>
                <td className="muted" title={view.source}>
                  <span className={`planner-status status-${view.status}`}>
                    {t(STATUS_KEY[view.status] ?? 'planner.status.D')}
                  </span>{' '}
                  {sectionsOf(view.source)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
