import type { IngestStatus } from './ingest';

/**
 * What a CSV import (`POST /api/v1/import`, `npm run import`) reports, for a dry run and for
 * a real one alike: a dry run says what would be stored, a real run what was. Lists are capped
 * (their `count` is complete, their `rows` are the first ones) so a year of readings gives a
 * summary of bounded size. Times are epoch ms, volumes litres, values in the meter's unit.
 */
export interface ImportSummary {
  readonly dryRun: boolean;
  /** Data rows read (after the skipped lines and the header). */
  readonly rowsRead: number;
  /** Readings made from them (a wide row makes one per mapped meter column). */
  readonly readings: number;
  /** Earliest and latest reading time over all meters; null when nothing was read. */
  readonly firstTsMs: number | null;
  readonly lastTsMs: number | null;
  /** Rows (or cells) that could not be read, with the line and why. */
  readonly rejected: CappedList<{ readonly line: number; readonly reason: string }>;
  /** Readings of file keys or columns the mapping does not map, by key: not imported. */
  readonly unmapped: Readonly<Record<string, number>>;
  /** Empty value cells: nothing was read there, so nothing is imported (never 0). */
  readonly emptyValues: number;
  /** Local times read at the later of two offsets (the repeated hour of a DST fall-back). */
  readonly laterOffsetRows: number;
  readonly meters: Readonly<Record<string, ImportMeterSummary>>;
  /** Readings not plainly accepted: duplicates, conflicts, quarantined, rejected. */
  readonly notes: CappedList<ImportNote>;
  /** Intervals booked (or that would be) with at least one flag. */
  readonly flaggedIntervals: CappedList<ImportInterval>;
  /** Where the `serial` column changes for a meter: a meter was exchanged there. */
  readonly serialChanges: CappedList<ImportSerialChange>;
  /** The first readings of the file, in file order, with what became of them. */
  readonly preview: readonly ImportPreviewRow[];
  readonly durationMs: number;
}

export interface CappedList<T> {
  /** How many there are in all. */
  readonly count: number;
  /** The first of them, in the order they were decided. */
  readonly rows: readonly T[];
}

export interface ImportMeterSummary {
  readonly readings: number;
  /** Engine outcomes (`first`, `booked`, `duplicate`, `suspect_decrease`, …) and their counts. */
  readonly outcomes: Readonly<Record<string, number>>;
  readonly statuses: Readonly<Partial<Record<IngestStatus, number>>>;
  readonly intervals: {
    readonly count: number;
    /** Sum of their volumes, L. */
    readonly volumeL: number;
    /** Count per flag (`estimated_gap`, `after_rebase`, …). */
    readonly flags: Readonly<Record<string, number>>;
  };
  readonly firstTsMs: number | null;
  readonly lastTsMs: number | null;
}

export interface ImportNote {
  readonly line: number;
  readonly meter: string;
  readonly tsMs: number;
  readonly value: number;
  readonly unit: 'L' | 'm3';
  readonly status: IngestStatus;
  readonly reason?: string;
  /** What the outcome usually means, for the engineer reading the dry run. */
  readonly hint?: string;
}

export interface ImportInterval {
  readonly meter: string;
  /** Line of the reading that closed the interval. */
  readonly line: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly volumeL: number;
  readonly flags: readonly string[];
}

export interface ImportSerialChange {
  readonly meter: string;
  readonly line: number;
  readonly tsMs: number;
  readonly from: string;
  readonly to: string;
}

export interface ImportPreviewRow {
  readonly line: number;
  /** File key (long format: the meter column; wide format: the column name). */
  readonly key: string;
  readonly meter: string;
  /** Time as written in the file. */
  readonly time: string;
  readonly tsMs: number;
  /** Value converted to the meter's unit. */
  readonly value: number;
  readonly unit: 'L' | 'm3';
  /** Null until decided (never left null in a finished summary). */
  readonly status: IngestStatus | null;
  readonly reason?: string;
}

/** Largest file `POST /api/v1/import` takes, bytes; bigger files go through `npm run import`. */
export const MAX_IMPORT_FILE_BYTES = 8 * 1024 * 1024;

/**
 * Largest body of that route, bytes: the file travels as a JSON string, whose escapes (`\n`,
 * `\"`) may make it up to twice as long, beside its mapping.
 */
export const MAX_IMPORT_BODY_BYTES = 2 * MAX_IMPORT_FILE_BYTES + 1024 * 1024;
