import { parse } from 'csv-parse/sync';
import { DateTime, IANAZone } from 'luxon';
import { createLocalTimeResolver } from '../time/localWallTime';

/**
 * Parser for the DAIAD smart-water-meter trial export (`samples/daiad/`, SOURCE.md there):
 * `;`-separated, header `user key;datetime;meter reading;diff`, one cumulative register reading
 * per row, local wall-clock time `DD/MM/YYYY HH:MM:SS` without an offset.
 *
 * The parser reads the file faithfully and decides only what a timestamp means. Rules:
 * - Times are read in the zone the import declares (the DAIAD trial is Europe/Madrid).
 * - A wall time that does not exist in that zone (inside a spring-forward gap, e.g.
 *   27/03/2016 02:30 in Madrid) is rejected: the meter cannot have read then, and moving the
 *   row would invent an instant.
 * - A wall time that exists twice (the fall-back hour, e.g. 30/10/2016 02:xx) is resolved per
 *   user key, in file order, which is the recorder's order:
 *   - the first row at a given wall time takes the earlier instant (summer offset, +02:00);
 *   - a later row at the same wall time is marked `dstRepeat`. It is the later instant
 *     (+01:00) if its value is >= the first copy's, since a register that did not fall can
 *     have been read an hour later; otherwise it is a duplicate of the first copy and keeps
 *     its instant, so ingest sees a conflict;
 *   - once a key has moved to the later instant, or its wall time steps backwards inside the
 *     repeated hour, its remaining rows in that hour take the later instant too.
 *   Placing wall times in the zone is shared with the CSV import (`server/time/localWallTime.ts`).
 * - Readings are plain decimals or scientific notation (`4e+05` = 400 000 L, written so by
 *   the trial's export); anything else is rejected. Decreases, glitches and interleaved
 *   registers are kept as written: ingest flags them (DESIGN §5).
 * - The `diff` column is ignored: it is derived (it always equals reading − previous reading)
 *   and ingest recomputes it, so a bad diff never costs a good reading.
 * - Each user key's readings are sorted by instant; ties keep file order.
 */

/** A local wall-clock time as written in the file, in the declared zone. */
export interface WallTime {
  readonly year: number;
  /** 1–12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** One accepted row. */
export interface RecordedReading {
  /** The DAIAD user key (a pseudonymous UUID). */
  readonly key: string;
  /** Line in the file, 1-based; the header is line 1. */
  readonly line: number;
  /** The instant of the reading, epoch ms (UTC). */
  readonly utcMs: number;
  readonly wall: WallTime;
  /** Cumulative register value as written, L. */
  readonly valueL: number;
  /** Second row at the same wall time inside a DST fall-back hour. */
  readonly dstRepeat?: true;
}

/** A row the parser could not read, with the reason. */
export interface RejectedRow {
  readonly line: number;
  /** The row as it stands in the file, without its line ending. */
  readonly raw: string;
  readonly reason: string;
}

export interface DaiadParseResult {
  /** IANA zone the local times were read in. */
  readonly zone: string;
  /** Accepted readings per user key, sorted by `utcMs`; keys in order of first appearance. */
  readonly byKey: ReadonlyMap<string, readonly RecordedReading[]>;
  readonly rejected: readonly RejectedRow[];
  /** Data rows read (accepted + rejected), header excluded. */
  readonly rowCount: number;
}

export const DAIAD_HEADER = ['user key', 'datetime', 'meter reading', 'diff'] as const;

const DATETIME = /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/;
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

interface CsvRow {
  readonly record: string[];
  /** `lines` is the line the record ends on; with quoting off a record is one line. */
  readonly info: { readonly lines: number };
}

/**
 * Parses the text of a DAIAD trial file; `zone` is the IANA zone its local times are in.
 * Throws only when the file as a whole is not this format (wrong header) or the zone is
 * unknown; bad rows are returned in `rejected`.
 */
export function parseDaiadCsv(text: string, zone: string): DaiadParseResult {
  if (!IANAZone.isValidZone(zone)) throw new Error(`daiadCsv: unknown time zone '${zone}'`);

  // Split into fields; column-count errors are ours to report per row, not csv-parse's to throw.
  const rows = parse(text, {
    delimiter: ';',
    quote: false,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
  }) as unknown as CsvRow[];

  // The header decides whether this is the format at all.
  const header = rows[0]?.record.map((field) => field.trim());
  if (header === undefined || header.join(';') !== DAIAD_HEADER.join(';')) {
    throw new Error(
      `daiadCsv: expected header '${DAIAD_HEADER.join(';')}', got '${header?.join(';') ?? ''}'`,
    );
  }

  // Read each data row; rejected rows keep their line and raw text.
  const parseWall = createWallParser();
  // A key remembers each fall-back hour it has been in, and the value of its first row per
  // wall time there.
  const resolve = createLocalTimeResolver<number>(zone, { remember: 'everyDay' });
  const byKey = new Map<string, RecordedReading[]>();
  const rejected: RejectedRow[] = [];
  // csv-parse's `raw` option doubles the parse time; the raw text is needed only for rejects.
  let lines: string[] | undefined;
  for (const row of rows.slice(1)) {
    const line = row.info.lines;
    const reject = (reason: string) => {
      lines ??= text.split('\n');
      rejected.push({ line, raw: (lines[line - 1] ?? '').replace(/\r$/, ''), reason });
    };
    if (row.record.length !== DAIAD_HEADER.length) {
      reject(`expected ${DAIAD_HEADER.length} fields, got ${row.record.length}`);
      continue;
    }
    const [keyField = '', datetimeField = '', valueField = ''] = row.record;
    const key = keyField.trim();
    if (key === '') {
      reject('empty user key');
      continue;
    }
    const valueText = valueField.trim();
    const valueL = DECIMAL.test(valueText) ? Number(valueText) : Number.NaN;
    if (!Number.isFinite(valueL)) {
      reject(`unparseable meter reading '${valueText}'`);
      continue;
    }
    const wall = parseWall(datetimeField.trim());
    if (typeof wall === 'string') {
      reject(wall);
      continue;
    }

    // Place the wall time on the time line.
    const placed = resolve(
      Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
      key,
      valueL,
      // A register that did not fall may have been read an hour later; one that fell cannot.
      (first) => first.laterOffset || valueL >= first.data,
    );
    if (placed === null) {
      reject(`local time does not exist in ${zone} (skipped by a DST change)`);
      continue;
    }
    const utcMs = placed.tsMs;
    const dstRepeat = placed.repeatOf !== undefined;

    // Keep it under its key.
    const reading: RecordedReading = dstRepeat
      ? { key, line, utcMs, wall, valueL, dstRepeat: true }
      : { key, line, utcMs, wall, valueL };
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [reading]);
    else list.push(reading);
  }

  // Order each key by instant; Array.prototype.sort is stable, so ties keep file order.
  for (const list of byKey.values()) list.sort((a, b) => a.utcMs - b.utcMs);
  return { zone, byKey, rejected, rowCount: rows.length - 1 };
}

/** First and last local date (YYYY-MM-DD, in the file's zone) over all accepted readings. */
export function recordingDateSpan(parsed: DaiadParseResult): {
  firstDateIso: string;
  lastDateIso: string;
} {
  let first: string | undefined;
  let last: string | undefined;
  for (const list of parsed.byKey.values()) {
    for (const reading of list) {
      const date = isoDate(reading.wall);
      if (first === undefined || date < first) first = date;
      if (last === undefined || date > last) last = date;
    }
  }
  if (first === undefined || last === undefined) {
    throw new Error('daiadCsv: the file holds no accepted reading');
  }
  return { firstDateIso: first, lastDateIso: last };
}

/** `YYYY-MM-DD` of a wall time. */
export function isoDate(wall: WallTime): string {
  return `${wall.year}-${pad2(wall.month)}-${pad2(wall.day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Reads `DD/MM/YYYY HH:MM:SS`; returns the reason when it is not a real calendar time. Luxon
 * judges each distinct date once (31/02 is refused); the clock needs only range checks.
 */
function createWallParser() {
  const dateIsValid = new Map<string, boolean>();

  return (text: string): WallTime | string => {
    const match = DATETIME.exec(text);
    if (match === null) return `unparseable datetime '${text}' (expected DD/MM/YYYY HH:MM:SS)`;
    const [day, month, year, hour, minute, second] = match.slice(1).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const wall = { year, month, day, hour, minute, second };
    const date = isoDate(wall);
    let valid = dateIsValid.get(date);
    if (valid === undefined) {
      valid = DateTime.fromObject({ year, month, day }, { zone: 'UTC' }).isValid;
      dateIsValid.set(date, valid);
    }
    // Second 60 is refused too: the trial's recorders never wrote leap seconds.
    if (!valid || hour > 23 || minute > 59 || second > 59) return `no such date or time '${text}'`;
    return wall;
  };
}
