import { useEffect, useState } from 'react';
import {
  type DetectionSettingView,
  SETTING_KEYS,
  type SettingKey,
} from '../../models/detectionSettings';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/useT';
import { createLogger } from '../log';
import { ApiCallError, requestJson } from '../net/api';
import { engineerStore } from '../state/engineerStore';
import { testIds } from '../testIds';
import { asText, basisKeys, checkDraft, refusalText } from './thresholdView';

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
        const nameOf = (key: string) =>
          (SETTING_KEYS as readonly string[]).includes(key)
            ? t(`threshold.${key}` as MessageKey)
            : null;
        setNotice({
          kind: 'error',
          text: t('thresholds.refused', { message: refusalText(message, nameOf) }),
        });
      })
      .finally(() => setSaving(false));
  };

  const save = () => {
    if (!views) return;
    const { patch, invalid } = checkDraft(views, draft);
    if (invalid === null && Object.keys(patch).length > 0) send(patch);
  };

  // An edit makes the last answer stale: a refusal no longer describes what is typed.
  const edit = (key: SettingKey, text: string) => {
    setDraft({ ...draft, [key]: text });
    setNotice(null);
  };

  const restoreDefaults = () => {
    if (views) send(Object.fromEntries(views.map((v) => [v.key, v.defaultValue])));
  };

  if (failed) return <p className="muted quality-state">{t('thresholds.error')}</p>;
  if (!views) return <p className="muted quality-state">{t('thresholds.loading')}</p>;
  const check = checkDraft(views, draft);
  const changed = Object.keys(check.patch).length > 0 || check.invalid !== null;
  // Why Save waits, said next to it rather than left to guess.
  const hold =
    check.invalid !== null
      ? t('thresholds.notNumber', { name: t(`threshold.${check.invalid}` as MessageKey) })
      : null;

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
        {hold && notice === null && (
          <span className="form-error" role="status" data-testid={testIds.thresholdsNotice}>
            {hold}
          </span>
        )}
        <button type="button" className="chip" disabled={saving} onClick={restoreDefaults}>
          {t('thresholds.reset')}
        </button>
        <button
          type="button"
          className="chip active"
          disabled={saving || !changed || hold !== null}
          title={hold ?? (changed ? undefined : t('thresholds.nothingToSave'))}
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
                      onChange={(e) => edit(view.key, e.target.value)}
                    >
                      <option value="max">{t('thresholds.tolerance.max')}</option>
                      <option value="statistical">{t('thresholds.tolerance.statistical')}</option>
                    </select>
                  ) : (
                    <input
                      className="threshold-input"
                      inputMode="decimal"
                      data-testid={testIds.thresholdInput(view.key)}
                      value={draft[view.key] ?? asText(view.value)}
                      onChange={(e) => edit(view.key, e.target.value)}
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
                <td className="num muted">
                  {view.key === 'balanceTolerance'
                    ? t(`thresholds.tolerance.${String(view.defaultValue)}` as MessageKey)
                    : asText(view.defaultValue)}
                </td>
                <td className="muted threshold-basis">
                  <span className={`planner-status status-${view.status}`}>
                    {t(STATUS_KEY[view.status] ?? 'planner.status.D')}
                  </span>{' '}
                  {basisKeys(view.source)
                    .map((k) => t(k))
                    .join(t('thresholds.basis.sep'))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
