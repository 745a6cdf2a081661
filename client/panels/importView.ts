import type { ImportMeterSummary, ImportSummary } from '../../models/importSummary';
import type { IngestStatus } from '../../models/ingest';
import { wallTime } from '../format/zonedTime';
import type { MessageKey } from '../i18n/index';

/**
 * How the upload page words an import: file sizes, mapping text problems, the server's
 * outcome, flag and rejection codes as messages, and the per-meter counts. Pure, so it is
 * tested without a DOM; the panel only lays these out.
 */

/** A message key with the values its placeholders need. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A size in bytes as people read it: `532 B`, `12.4 KiB`, `8.0 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The mapping typed or pasted in the text box, or what is wrong with it as JSON. */
export function parseMappingText(text: string): { mapping: object } | { error: Message } {
  if (text.trim() === '') return { error: { key: 'import.mappingEmpty' } };
  let mapping: unknown;
  try {
    mapping = JSON.parse(text);
  } catch (err) {
    // Engines word this differently; most name the character position, which we turn into a line.
    const position = /position (\d+)/.exec(String((err as Error).message))?.[1];
    if (position === undefined) return { error: { key: 'import.mappingNotJson' } };
    const line = text.slice(0, Number(position)).split('\n').length;
    return { error: { key: 'import.mappingNotJsonAt', params: { line } } };
  }
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) {
    return { error: { key: 'import.mappingNotObject' } };
  }
  return { mapping };
}

/** Engine outcomes, interval flags and status reasons (`server/import/summary.ts`). */
const CODE_KEY: Readonly<Record<string, MessageKey>> = {
  first: 'importCode.first',
  booked: 'importCode.booked',
  missing: 'importCode.missing',
  missing_value: 'importCode.missing',
  duplicate: 'importCode.duplicate',
  duplicate_seq: 'importCode.duplicate_seq',
  conflict: 'importCode.conflict',
  same_time_other_value: 'importCode.conflict',
  late: 'importCode.late',
  suspect_decrease: 'importCode.suspect_decrease',
  suspect_jump: 'importCode.suspect_jump',
  noise_dropped: 'importCode.noise_dropped',
  unit_mismatch: 'importCode.unit_mismatch',
  unknown_meter: 'importCode.unknown_meter',
  possible_meter_replacement: 'importCode.possible_meter_replacement',
  retired_serial: 'importCode.retired_serial',
  estimated_gap: 'importCode.estimated_gap',
  glitch_decrease: 'importCode.glitch_decrease',
  rollover: 'importCode.rollover',
  after_rebase: 'importCode.after_rebase',
  source_reset: 'importCode.source_reset',
  register_reset: 'importCode.register_reset',
  meter_replacement: 'importCode.meter_replacement',
  reverse_flow: 'importCode.reverse_flow',
};

/** One code in words; a code this page does not know shows itself rather than nothing. */
export function codeLabel(code: string): Message {
  const key = CODE_KEY[code];
  return key === undefined ? { key: 'importCode.other', params: { code } } : { key };
}

/** A reading's reason (`glitch_decrease`, or flags joined by commas) as messages. */
export function reasonLabels(reason: string | undefined): Message[] {
  if (reason === undefined || reason === '') return [];
  return reason.split(',').map((code) => codeLabel(code.trim()));
}

export const STATUS_KEY: Readonly<Record<IngestStatus, MessageKey>> = {
  accepted: 'import.accepted',
  duplicate: 'import.duplicate',
  conflict: 'import.conflict',
  quarantined: 'import.quarantined',
  rejected: 'import.rejectedStatus',
};

/** The server's reasons for a row it could not read, each with the part worth quoting. */
const REJECTIONS: ReadonlyArray<{
  readonly pattern: RegExp;
  readonly message: (m: RegExpExecArray) => Message;
}> = [
  {
    pattern: /unreadable value '(.*)'$/,
    message: (m) => ({ key: 'importReject.value', params: { text: m[1]! } }),
  },
  {
    pattern: /negative register value '(.*)'$/,
    message: (m) => ({ key: 'importReject.negative', params: { text: m[1]! } }),
  },
  {
    pattern: /expected at least (\d+) fields, got (\d+)/,
    message: (m) => ({ key: 'importReject.fields', params: { expected: m[1]!, got: m[2]! } }),
  },
  { pattern: /^empty meter key$/, message: () => ({ key: 'importReject.emptyKey' }) },
  {
    pattern: /unreadable sequence number '(.*)'$/,
    message: (m) => ({ key: 'importReject.seq', params: { text: m[1]! } }),
  },
  { pattern: /^unreadable CSV/, message: () => ({ key: 'importReject.csv' }) },
  {
    pattern: /local time '(.*?)' does not exist in (\S+)/,
    message: (m) => ({ key: 'importReject.dstGap', params: { text: m[1]!, zone: m[2]! } }),
  },
  {
    pattern: /unreadable time '(.*?)' \(expected/,
    message: (m) => ({ key: 'importReject.time', params: { text: m[1]! } }),
  },
  {
    pattern: /([^\s:]+): meter_fed_by_\w+/,
    message: (m) => ({ key: 'importReject.fedBySource', params: { meter: m[1]! } }),
  },
];

/** Why a row was rejected, in words; an unknown reason is quoted as the server gave it. */
export function rejectMessage(reason: string): Message {
  for (const { pattern, message } of REJECTIONS) {
    const match = pattern.exec(reason);
    if (match) return message(match);
  }
  return { key: 'importReject.other', params: { text: reason } };
}

/** A code with how often it occurred. */
export interface CodeCount {
  readonly code: string;
  readonly label: Message;
  readonly count: number;
}

/** One meter's line of the summary table. */
export interface MeterView {
  readonly meterId: string;
  readonly readings: number;
  readonly statuses: Readonly<Record<IngestStatus, number>>;
  /** Outcomes other than plain booking (`first`, `booked`), most frequent first. */
  readonly reasons: readonly CodeCount[];
  readonly intervals: number;
  readonly volumeL: number;
  readonly flags: readonly CodeCount[];
}

const PLAIN_OUTCOMES = new Set(['first', 'booked']);

function counted(record: Readonly<Record<string, number>>, skip?: Set<string>): CodeCount[] {
  return Object.entries(record)
    .filter(([code, count]) => count > 0 && !skip?.has(code))
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([code, count]) => ({ code, label: codeLabel(code), count }));
}

function meterView(meterId: string, meter: ImportMeterSummary): MeterView {
  const s = meter.statuses;
  return {
    meterId,
    readings: meter.readings,
    statuses: {
      accepted: s.accepted ?? 0,
      duplicate: s.duplicate ?? 0,
      conflict: s.conflict ?? 0,
      quarantined: s.quarantined ?? 0,
      rejected: s.rejected ?? 0,
    },
    reasons: counted(meter.outcomes, PLAIN_OUTCOMES),
    intervals: meter.intervals.count,
    volumeL: meter.intervals.volumeL,
    flags: counted(meter.intervals.flags),
  };
}

/** The summary's meters, by id. */
export function meterViews(summary: ImportSummary): MeterView[] {
  return Object.entries(summary.meters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, meter]) => meterView(id, meter));
}

/** Litres to the millilitre with grouping (`1,234.5`); float sums print without noise. */
export function formatLitres(volumeL: number): string {
  const rounded = Math.round(volumeL * 1000) / 1000;
  return (rounded === 0 ? 0 : rounded).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in `timeZone`, with `:ss` when the seconds are not 0 (file times often have them). */
export function formatWallTime(tsMs: number, timeZone: string): string {
  const w = wallTime(tsMs, timeZone);
  const minute = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
  return w.second === 0 ? minute : `${minute}:${pad(w.second)}`;
}

/**
 * Whether 导入 may run: only on the input (file and mapping, named by `inputVersion`) that the
 * last dry run answered without a mapping error, and not while a call is running.
 */
export function canImport(
  lastPreview: { readonly dryRun: boolean; readonly inputVersion: number } | null,
  inputVersion: number,
  busy: boolean,
): boolean {
  return (
    !busy && lastPreview !== null && lastPreview.dryRun && lastPreview.inputVersion === inputVersion
  );
}
