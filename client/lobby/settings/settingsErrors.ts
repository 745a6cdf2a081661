import { apiErrorKey } from '../../i18n/apiErrors';
import type { MessageKey } from '../../i18n/index';
import { ApiCallError } from '../../net/api';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The form field a refused path of `PUT /api/v1/lobby/settings` was typed in. */
const FIELDS: ReadonlyArray<readonly [prefix: string, key: MessageKey, rows: boolean]> = [
  ['body.slogans.zh', 'settings.field.slogansZh', true],
  ['body.slogans.en', 'settings.field.slogansEn', true],
  ['body.tiles', 'settings.field.tiles', false],
  ['body.tour', 'settings.field.tour', true],
  ['body.retrofits', 'settings.field.retrofits', true],
  ['body.knownUnmeteredM3PerMonth', 'settings.field.unmetered', false],
  ['body.show.steps', 'settings.field.steps', true],
  ['body.show.scenario', 'settings.field.scenario', false],
  ['body.show.leakMeterId', 'settings.field.leakMeter', false],
  ['body.show.qrLinkId', 'settings.field.qrLink', false],
];

/** The value as the engineer typed it, short enough for one line. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '—');
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/**
 * What the settings panel says when a save fails, in the interface language: for a refused
 * value, the field and the line it was typed on and the value itself; otherwise the failure
 * in the words of the other engineer actions. Both say the saved settings did not change.
 */
export function settingsErrorText(err: unknown, t: Translate): string {
  if (!(err instanceof ApiCallError)) return t('settings.failed', { reason: t('error.failed') });
  const issue = err.issues[0];
  if (err.code !== 'bad_request' || issue === undefined) {
    return t('settings.failed', { reason: t(apiErrorKey(err.code, 'action')) });
  }
  const field = FIELDS.find(([prefix]) => issue.path.startsWith(prefix));
  const value = shown(issue.value);
  if (!field) return t('settings.invalid', { field: t('settings.field.other'), value });
  const [prefix, key, rows] = field;
  // Lists are typed one item a line: `tour[2]` is the third line of the tour.
  const row = rows ? /^\[(\d+)\]/.exec(issue.path.slice(prefix.length))?.[1] : undefined;
  return row === undefined
    ? t('settings.invalid', { field: t(key), value })
    : t('settings.invalidRow', { field: t(key), row: Number(row) + 1, value });
}
