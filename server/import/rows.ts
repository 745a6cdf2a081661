import type { Reading } from '../../models/reading';
import { createTimeReader } from './localTime';
import { ImportError, type ImportMapping } from './mapping';

/** A reading made from the file, with where it came from. */
export interface ImportRow {
  readonly reading: Reading;
  /** Line of the file the row ends on, 1-based, counting skipped lines. */
  readonly line: number;
  /** Position among the file's readings, 0-based, in file order. */
  readonly index: number;
  /** File key: the meter column's value (long) or the column's name (wide). */
  readonly key: string;
  /** Time as written. */
  readonly time: string;
  readonly serial: string | null;
}

/** A site meter an import may write to. */
export interface ImportTarget {
  readonly unit: 'L' | 'm3';
  /** Why readings for it are refused (`meter_fed_by_replay`), or null. */
  readonly refusal: string | null;
}

/** Where the reader sends what it makes of each record. */
export interface RowSink {
  reading(row: ImportRow): void;
  reject(line: number, reason: string): void;
  unmapped(key: string): void;
  emptyValue(): void;
  laterOffset(): void;
}

const LITRES_PER = { L: 1, m3: 1000 } as const;
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Turns CSV records into readings by the mapping. The first record is the header when the
 * mapping has one. A missing column in the header throws ImportError (nothing can be read);
 * a bad row is rejected with its line and the reason, and the import goes on.
 */
export function createRowReader(
  mapping: ImportMapping,
  targets: ReadonlyMap<string, ImportTarget>,
  sink: RowSink,
): (record: readonly string[], line: number) => void {
  const readTime = createTimeReader(mapping.timeFormat, mapping.zone);
  const meterOf = mapping.meters === undefined ? null : new Map(Object.entries(mapping.meters));
  let layout: Layout | null = mapping.header ? null : layoutOf(mapping, null, 0);
  let index = 0;

  /**
   * One value cell → a reading of `meterId`. Returns why the cell is rejected, or null when
   * it became a reading or was set aside (unmapped, empty).
   */
  const emit = (
    line: number,
    key: string,
    meterId: string,
    time: string,
    valueText: string,
    extra: { seq?: number; serial: string | null },
  ): string | null => {
    const target = targets.get(meterId);
    if (target === undefined || valueText === '') {
      if (target === undefined) sink.unmapped(key);
      else sink.emptyValue();
      return null;
    }
    if (target.refusal !== null) return `${meterId}: ${target.refusal}`;
    const raw = readNumber(valueText, mapping.decimal);
    if (Number.isNaN(raw)) return `unreadable value '${valueText}'`;
    if (raw < 0) return `negative register value '${valueText}'`;
    const at = readTime(time, key);
    if ('reason' in at) return at.reason;
    if (at.laterOffset) sink.laterOffset();

    const value = (raw * mapping.scale * LITRES_PER[mapping.unit]) / LITRES_PER[target.unit];
    const reading: Reading = {
      meterId,
      tsMs: at.tsMs,
      value,
      unit: target.unit,
      kind: 'register',
      source: 'ingest',
      ...(extra.seq === undefined ? {} : { seq: extra.seq }),
    };
    sink.reading({ reading, line, index: index++, key, time, serial: extra.serial });
    return null;
  };

  /** One record → readings; returns why it is rejected, or null. */
  const readRecord = (cells: readonly string[], line: number, at: Layout): string | null => {
    if (cells.length <= at.lastColumn) {
      return `expected at least ${at.lastColumn + 1} fields, got ${cells.length}`;
    }
    // Cells past the header's last column belong to no column: whatever they say (a unit, a
    // factor) cannot be read, so the row is not imported on a guess.
    const extra = at.width === null ? [] : cells.slice(at.width).filter((cell) => cell !== '');
    if (extra.length > 0) {
      return (
        `${cells.length} fields under a header of ${at.width}: ` +
        `cells past the header (${extra.map((c) => `'${c}'`).join(', ')}) belong to no column`
      );
    }
    const time = cells[at.time]!;

    if (at.kind === 'wide') {
      for (const { column, key, meterId } of at.meters) {
        const reason = emit(line, key, meterId, time, cells[column]!, { serial: null });
        if (reason !== null) sink.reject(line, `${key}: ${reason}`);
      }
      for (const { column, key } of at.ignored) {
        if ((cells[column] ?? '') !== '') sink.unmapped(key);
      }
      return null;
    }

    const key = cells[at.meter]!;
    if (key === '') return 'empty meter key';
    const meterId = meterOf === null ? key : meterOf.get(key);
    if (meterId === undefined) {
      sink.unmapped(key);
      return null;
    }
    const seqText = at.seq === null ? '' : cells[at.seq]!;
    const seq = seqText === '' ? undefined : Number(seqText);
    if (seq !== undefined && (!Number.isSafeInteger(seq) || seq < 0)) {
      return `unreadable sequence number '${seqText}'`;
    }
    const serial = at.serial === null ? null : cells[at.serial] || null;
    return emit(line, key, meterId, time, cells[at.value]!, {
      ...(seq === undefined ? {} : { seq }),
      serial,
    });
  };

  return (record, line) => {
    if (layout === null) {
      layout = layoutOf(mapping, record, line);
      return;
    }
    const reason = readRecord(
      record.map((cell) => cell.trim()),
      line,
      layout,
    );
    if (reason !== null) sink.reject(line, reason);
  };
}

/** Column positions of a file, found from its header (or the mapping's positions). */
type Layout = {
  readonly time: number;
  readonly lastColumn: number;
  /** Columns in the header; null for a file without one. */
  readonly width: number | null;
} & (
  | {
      readonly kind: 'long';
      readonly meter: number;
      readonly value: number;
      readonly seq: number | null;
      readonly serial: number | null;
    }
  | {
      readonly kind: 'wide';
      readonly meters: ReadonlyArray<{ column: number; key: string; meterId: string }>;
      readonly ignored: ReadonlyArray<{ column: number; key: string }>;
    }
);

function layoutOf(mapping: ImportMapping, header: readonly string[] | null, line: number): Layout {
  const names = header?.map((cell) => cell.trim().toLowerCase()) ?? null;
  const find = (ref: string | number, field: string): number => {
    if (typeof ref === 'number') return ref;
    const at = names?.indexOf(ref.trim().toLowerCase()) ?? -1;
    if (at < 0) {
      throw new ImportError(
        `line ${line}: no column '${ref}' (${field}) in the header ` +
          `'${header?.join(mapping.delimiter) ?? ''}'`,
      );
    }
    return at;
  };
  const time = find(mapping.columns.time, 'columns.time');
  const width = header?.length ?? null;

  if (mapping.format === 'wide') {
    const meters = Object.entries(mapping.meters).map(([key, meterId]) => ({
      column: names === null ? Number(key) : find(key, `meters.${key}`),
      key,
      meterId,
    }));
    const used = new Set([time, ...meters.map((m) => m.column)]);
    const ignored = (header ?? [])
      .map((name, column) => ({ column, key: name.trim() }))
      .filter((c) => !used.has(c.column));
    return { kind: 'wide', time, meters, ignored, lastColumn: Math.max(...used), width };
  }

  const { columns } = mapping;
  const meter = find(columns.meter, 'columns.meter');
  const value = find(columns.value, 'columns.value');
  const seq = columns.seq === undefined ? null : find(columns.seq, 'columns.seq');
  const serial = columns.serial === undefined ? null : find(columns.serial, 'columns.serial');
  const lastColumn = Math.max(time, meter, value, seq ?? 0, serial ?? 0);
  return { kind: 'long', time, meter, value, seq, serial, lastColumn, width };
}

/** A decimal in the file's notation (`1054.8`, `1054,8`, `4e+05`); NaN when it is not one. */
export function readNumber(text: string, decimal: '.' | ','): number {
  const plain = decimal === ',' ? (text.includes('.') ? '' : text.replace(',', '.')) : text;
  return NUMBER.test(plain) ? Number(plain) : Number.NaN;
}
