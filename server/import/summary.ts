import type {
  CappedList,
  ImportInterval,
  ImportNote,
  ImportPreviewRow,
  ImportSerialChange,
  ImportSummary,
} from '../../models/importSummary';
import type { IngestStatus } from '../../models/ingest';
import { statusOf } from '../ingest/readingsRoute';
import type { IngestOutcome } from '../twin';
import type { ImportRow, RowSink } from './rows';

/** What an engine outcome usually means, for whoever reads a dry run. */
const HINTS: Readonly<Record<string, string>> = {
  suspect_decrease:
    'a large fall: a reset or a meter replacement? Not booked; the next reading decides ' +
    '(after_rebase)',
  suspect_jump: 'a rise beyond what the meter can pass at its maximum flow; not booked',
  late:
    'older than a reading the meter already has (a re-import, or rows out of order beyond ' +
    'the sort window)',
  conflict: 'another value at the same time; kept out of totals',
  missing: 'a 0 after a large register is read as no value (a meter exchange?); nothing booked',
};

interface MeterTally {
  readings: number;
  outcomes: Record<string, number>;
  statuses: Partial<Record<IngestStatus, number>>;
  intervals: { count: number; volumeL: number; flags: Record<string, number> };
  firstTsMs: number | null;
  lastTsMs: number | null;
}

/** A list that counts everything and keeps the first `cap` items. */
class Capped<T> {
  count = 0;
  readonly rows: T[] = [];
  constructor(private readonly cap: number) {}
  add(item: T): void {
    this.count += 1;
    if (this.rows.length < this.cap) this.rows.push(item);
  }
  toJSON(): CappedList<T> {
    return { count: this.count, rows: this.rows };
  }
}

/** Tallies an import as it runs; memory is bounded by the number of meters and the caps. */
export class SummaryBuilder {
  private rowsRead = 0;
  private readings = 0;
  private emptyValues = 0;
  private laterOffsetRows = 0;
  private readonly unmapped = new Map<string, number>();
  private readonly rejected: Capped<{ line: number; reason: string }>;
  private readonly notes: Capped<ImportNote>;
  private readonly flagged: Capped<ImportInterval>;
  private readonly serialChanges: Capped<ImportSerialChange>;
  private readonly lastSerial = new Map<string, string>();
  private readonly meters = new Map<string, MeterTally>();
  private readonly preview: ImportPreviewRow[] = [];

  constructor(
    private readonly dryRun: boolean,
    listCap: number,
    private readonly previewRows: number,
  ) {
    this.rejected = new Capped(listCap);
    this.notes = new Capped(listCap);
    this.flagged = new Capped(listCap);
    this.serialChanges = new Capped(listCap);
  }

  /** Counts one data record read from the file. */
  rowRead(): void {
    this.rowsRead += 1;
  }

  /** Receives what the row reader makes of each record. */
  readonly sink: RowSink = {
    reading: (row) => {
      this.readings += 1;
      if (row.index < this.previewRows) {
        const { reading } = row;
        this.preview[row.index] = {
          line: row.line,
          key: row.key,
          meter: reading.meterId,
          time: row.time,
          tsMs: reading.tsMs,
          value: reading.value ?? Number.NaN,
          unit: reading.unit,
          status: null,
        };
      }
    },
    reject: (line, reason) => this.rejected.add({ line, reason }),
    unmapped: (key) => {
      this.unmapped.set(key, (this.unmapped.get(key) ?? 0) + 1);
    },
    emptyValue: () => {
      this.emptyValues += 1;
    },
    laterOffset: () => {
      this.laterOffsetRows += 1;
    },
  };

  /** Records what ingest decided (or would decide) for one reading; rows come in time order. */
  decided(row: ImportRow, result: IngestOutcome): void {
    const { reading } = row;
    const meter = reading.meterId;
    const { status, reason } = statusOf(result.outcome, result.flags);

    // Per meter.
    let tally = this.meters.get(meter);
    if (tally === undefined) {
      tally = {
        readings: 0,
        outcomes: {},
        statuses: {},
        intervals: { count: 0, volumeL: 0, flags: {} },
        firstTsMs: null,
        lastTsMs: null,
      };
      this.meters.set(meter, tally);
    }
    tally.readings += 1;
    tally.outcomes[result.outcome] = (tally.outcomes[result.outcome] ?? 0) + 1;
    tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
    tally.firstTsMs = Math.min(tally.firstTsMs ?? reading.tsMs, reading.tsMs);
    tally.lastTsMs = Math.max(tally.lastTsMs ?? reading.tsMs, reading.tsMs);

    // What was (or would be) booked.
    const { interval } = result;
    if (interval) {
      tally.intervals.count += 1;
      tally.intervals.volumeL += interval.volumeL;
      for (const flag of interval.flags) {
        tally.intervals.flags[flag] = (tally.intervals.flags[flag] ?? 0) + 1;
      }
      if (interval.flags.length > 0) {
        this.flagged.add({ meter, line: row.line, ...interval, flags: [...interval.flags] });
      }
    }

    // Anything an engineer should look at.
    if (status !== 'accepted' || result.outcome === 'missing') {
      const hint = HINTS[result.outcome];
      this.notes.add({
        line: row.line,
        meter,
        tsMs: reading.tsMs,
        value: reading.value ?? Number.NaN,
        unit: reading.unit,
        status,
        ...(reason === undefined ? {} : { reason }),
        ...(hint === undefined ? {} : { hint }),
      });
    }
    if (row.serial !== null) {
      const before = this.lastSerial.get(meter);
      if (before !== undefined && before !== row.serial) {
        this.serialChanges.add({
          meter,
          line: row.line,
          tsMs: reading.tsMs,
          from: before,
          to: row.serial,
        });
      }
      this.lastSerial.set(meter, row.serial);
    }
    const shown = this.preview[row.index];
    if (shown !== undefined) {
      this.preview[row.index] = { ...shown, status, ...(reason === undefined ? {} : { reason }) };
    }
  }

  finish(durationMs: number): ImportSummary {
    const tallies = [...this.meters.values()];
    const firsts = tallies.flatMap((t) => (t.firstTsMs === null ? [] : [t.firstTsMs]));
    const lasts = tallies.flatMap((t) => (t.lastTsMs === null ? [] : [t.lastTsMs]));
    return {
      dryRun: this.dryRun,
      rowsRead: this.rowsRead,
      readings: this.readings,
      firstTsMs: firsts.length > 0 ? Math.min(...firsts) : null,
      lastTsMs: lasts.length > 0 ? Math.max(...lasts) : null,
      rejected: this.rejected.toJSON(),
      unmapped: Object.fromEntries(this.unmapped),
      emptyValues: this.emptyValues,
      laterOffsetRows: this.laterOffsetRows,
      meters: Object.fromEntries(this.meters),
      notes: this.notes.toJSON(),
      flaggedIntervals: this.flagged.toJSON(),
      serialChanges: this.serialChanges.toJSON(),
      preview: this.preview.filter((row) => row !== undefined),
      durationMs,
    };
  }
}
