import type { DetectionSettingView, SettingKey } from '../../models/detectionSettings';
import type { MessageKey } from '../i18n/index';

/**
 * What a threshold's value rests on, in words a user can follow: the design notes' section
 * numbers become the practice or standard they summarise.
 */
const SECTION_BASIS: Record<string, MessageKey> = {
  '§3.2': 'thresholds.basis.meterAccuracy',
  '§7.1': 'thresholds.basis.nightFlow',
  '§7.2': 'thresholds.basis.products',
  '§7.3': 'thresholds.basis.balance',
  '§7.4': 'thresholds.basis.twin',
};

/** The translated bases of a setting's source, in order and without repeats. */
export function basisKeys(source: string): MessageKey[] {
  const keys: MessageKey[] = [];
  const add = (key: MessageKey) => {
    if (!keys.includes(key)) keys.push(key);
  };
  for (const section of source.match(/§\s?[\d.]+/g) ?? []) {
    const key = SECTION_BASIS[section.replace(/\s/g, '')];
    if (key) add(key);
  }
  // An outside standard named directly keeps its name.
  if (/ISO 4064/.test(source)) add('thresholds.basis.iso4064');
  if (/data-health/.test(source)) add('thresholds.basis.dataHealth');
  if (keys.length === 0) add('thresholds.basis.twin');
  return keys;
}

/** A setting's value as typed: numbers and the night window as text, the rule as is. */
export const asText = (value: unknown) => (Array.isArray(value) ? value.join(', ') : String(value));

/** The typed text back to the value the API takes, or null when it is not a number. */
export function parseValue(view: DetectionSettingView, text: string): unknown {
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

/** The edits in the form: what Save would send, or the first field that cannot be sent. */
export interface DraftCheck {
  readonly patch: Readonly<Record<string, unknown>>;
  /** The first changed field that is not a valid value; Save waits for it. */
  readonly invalid: SettingKey | null;
}

export function checkDraft(
  views: readonly DetectionSettingView[],
  draft: Partial<Record<SettingKey, string>>,
): DraftCheck {
  const patch: Record<string, unknown> = {};
  for (const view of views) {
    const text = draft[view.key];
    if (text === undefined || text === asText(view.value)) continue;
    const value = parseValue(view, text);
    if (value === null) return { patch, invalid: view.key };
    patch[view.key] = value;
  }
  return { patch, invalid: null };
}

/** The server's refusal with the setting's path (`body.key: …`) named as the user reads it. */
export function refusalText(message: string, nameOf: (key: string) => string | null): string {
  return message.replace(/body\.(\w+):\s*/g, (whole, key: string) => {
    const name = nameOf(key);
    return name === null ? whole : `${name}: `;
  });
}
