import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Reading } from '../models/reading';
import type { Interval } from './engine/consumption';
import type { EngineState, ReadingKind } from './engine/dispatch';
import { hourShares } from './engine/hourly';
import {
  healthCounts,
  meterEvents,
  meterReadings,
  readingById,
  readingOutcomes,
  readingsWithOutcome,
} from './storeQueries';

/** A received reading with what ingest decided about it. */
export interface StoredReading {
  readonly reading: Reading;
  /** The engine's outcome, or why ingest refused the reading (`unit_mismatch`, `unknown_meter`). */
  readonly outcome: string;
}

/** Everything one step of the twin writes, committed in one transaction. */
export interface StepWrite {
  readonly readings: readonly StoredReading[];
  readonly intervals: ReadonlyArray<{ readonly meterId: string; readonly interval: Interval }>;
  readonly engineStates: ReadonlyMap<string, EngineState>;
  /** Small named values (tick number, clock, simulator registers), stored as JSON. */
  readonly kv: ReadonlyMap<string, unknown>;
  /** Register events and answers to record with the step. */
  readonly events?: readonly StoredEvent[];
}

/** A register event or an answer to a replacement question, as stored (values in litres). */
export interface StoredEvent {
  readonly meterId: string;
  /** When it happened, epoch ms (an answer: the new meter's first reading). */
  readonly tsMs: number;
  readonly kind: 'reset' | 'replacement' | 'answer';
  /** The engine's event or answer, plain JSON. */
  readonly body: unknown;
}

/** A stored event with its id (arrival order). */
export interface EventRow extends StoredEvent {
  readonly id: number;
}

/** A reading as stored, with what ingest decided and any unit an engineer confirmed. */
export interface RawRow {
  readonly id: number;
  readonly meter: string;
  readonly ts: number;
  readonly value: number | null;
  readonly unit: 'L' | 'm3';
  readonly seq: number | null;
  readonly source: 'replay' | 'sim' | 'ingest';
  readonly outcome: string;
  readonly confirmed_unit: 'L' | 'm3' | null;
  readonly kind: ReadingKind;
  readonly serial: string | null;
}

/** What the store knows about a meter's health. */
export interface HealthCounts {
  flags: Record<string, number>;
  outcomes: Record<string, number>;
  /** Latest reading received, epoch ms. */
  lastTs: number | null;
  /** End of the latest interval with use, epoch ms. */
  lastUseMs: number | null;
}

export interface HourRow {
  readonly hourMs: number;
  readonly volumeL: number;
  readonly estimated: boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS readings (
  id INTEGER PRIMARY KEY,
  meter TEXT NOT NULL,
  ts INTEGER NOT NULL,
  value REAL,
  unit TEXT NOT NULL,
  seq INTEGER,
  source TEXT NOT NULL,
  outcome TEXT NOT NULL,
  confirmed_unit TEXT,
  kind TEXT NOT NULL DEFAULT 'register'
);
CREATE INDEX IF NOT EXISTS readings_meter_ts ON readings (meter, ts);
CREATE INDEX IF NOT EXISTS readings_meter_seq ON readings (meter, seq) WHERE seq IS NOT NULL;
CREATE TABLE IF NOT EXISTS intervals (
  meter TEXT NOT NULL,
  end_ts INTEGER NOT NULL,
  start_ts INTEGER NOT NULL,
  volume_l REAL NOT NULL,
  flags TEXT NOT NULL,
  PRIMARY KEY (meter, end_ts)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS hourly (
  meter TEXT NOT NULL,
  hour_ts INTEGER NOT NULL,
  volume_l REAL NOT NULL,
  estimated INTEGER NOT NULL,
  PRIMARY KEY (meter, hour_ts)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS engine_state (
  meter TEXT PRIMARY KEY,
  state TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  id INTEGER PRIMARY KEY,
  meter TEXT NOT NULL,
  ts INTEGER NOT NULL,
  kind TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_meter_ts ON events (meter, ts);
CREATE TABLE IF NOT EXISTS kv (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;
`;

/**
 * The twin's SQLite store (better-sqlite3, WAL). Raw readings are kept as received with the
 * ingest outcome; intervals and hourly volumes are derived from them. One transaction per
 * step, so a step is either wholly stored or not at all.
 */
export class Store {
  private readonly db: Database.Database;
  private readonly insertReading: Database.Statement;
  private readonly insertInterval: Database.Statement;
  private readonly addHourly: Database.Statement;
  private readonly putState: Database.Statement;
  private readonly putKv: Database.Statement;
  private intervalRange: Database.Statement | undefined;
  private readonly sumVolume: Database.Statement;
  private readonly insertEvent: Database.Statement;
  private readonly writeStep: (step: StepWrite) => void;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    // FULL: a step acknowledged as committed survives a crash of the process or the machine.
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
    // Stores made before units could be confirmed lack the column.
    const columns = this.db.prepare('PRAGMA table_info(readings)').all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'confirmed_unit')) {
      this.db.exec('ALTER TABLE readings ADD COLUMN confirmed_unit TEXT');
    }
    if (!columns.some((c) => c.name === 'kind')) {
      this.db.exec("ALTER TABLE readings ADD COLUMN kind TEXT NOT NULL DEFAULT 'register'");
    }
    if (!columns.some((c) => c.name === 'serial')) {
      this.db.exec('ALTER TABLE readings ADD COLUMN serial TEXT');
    }

    this.insertReading = this.db.prepare(
      'INSERT INTO readings (meter, ts, value, unit, seq, source, outcome, kind, serial) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertEvent = this.db.prepare(
      'INSERT INTO events (meter, ts, kind, body) VALUES (?, ?, ?, ?)',
    );
    this.insertInterval = this.db.prepare(
      'INSERT OR REPLACE INTO intervals (meter, end_ts, start_ts, volume_l, flags) ' +
        'VALUES (?, ?, ?, ?, ?)',
    );
    this.addHourly = this.db.prepare(
      `INSERT INTO hourly (meter, hour_ts, volume_l, estimated) VALUES (?, ?, ?, ?)
       ON CONFLICT (meter, hour_ts) DO UPDATE SET volume_l = volume_l + excluded.volume_l,
         estimated = max(estimated, excluded.estimated)`,
    );
    this.putState = this.db.prepare(
      'INSERT OR REPLACE INTO engine_state (meter, state) VALUES (?, ?)',
    );
    this.sumVolume = this.db.prepare(
      'SELECT sum(volume_l) AS v FROM intervals WHERE meter = ? AND end_ts > ? AND end_ts <= ?',
    );
    this.putKv = this.db.prepare('INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)');

    this.writeStep = this.db.transaction((step: StepWrite) => {
      for (const { reading: r, outcome } of step.readings) {
        this.insertReading.run(
          r.meterId,
          r.tsMs,
          r.value,
          r.unit,
          r.seq ?? null,
          r.source,
          outcome,
          r.kind,
          r.serial ?? null,
        );
      }
      for (const e of step.events ?? []) {
        this.insertEvent.run(e.meterId, e.tsMs, e.kind, JSON.stringify(e.body));
      }
      for (const { meterId, interval: iv } of step.intervals) {
        this.insertInterval.run(meterId, iv.endMs, iv.startMs, iv.volumeL, iv.flags.join(','));
        const estimated = iv.flags.includes('estimated_gap') ? 1 : 0;
        for (const share of hourShares(iv)) {
          this.addHourly.run(meterId, share.hourMs, share.volumeL, estimated);
        }
      }
      for (const [meterId, state] of step.engineStates)
        this.putState.run(meterId, JSON.stringify(state));
      for (const [key, value] of step.kv) this.putKv.run(key, JSON.stringify(value));
    });
  }

  /** Commits one step atomically. */
  commit(step: StepWrite): void {
    this.writeStep(step);
  }

  engineStates(): Map<string, EngineState> {
    const rows = this.db.prepare('SELECT meter, state FROM engine_state').all() as Array<{
      meter: string;
      state: string;
    }>;
    return new Map(rows.map((r) => [r.meter, JSON.parse(r.state) as EngineState]));
  }

  /** Stores one named value (settings, share links) as JSON, outside any twin step. */
  setKv(key: string, value: unknown): void {
    this.putKv.run(key, JSON.stringify(value));
  }

  kv<T>(key: string): T | undefined {
    const row = this.db.prepare('SELECT value FROM kv WHERE key = ?').get(key) as
      | { value: string }
      | undefined;
    return row === undefined ? undefined : (JSON.parse(row.value) as T);
  }

  /** Hourly volumes of one meter with hour start in [fromMs, toMs). */
  hourly(meterId: string, fromMs: number, toMs: number): HourRow[] {
    const rows = this.db
      .prepare(
        'SELECT hour_ts, volume_l, estimated FROM hourly ' +
          'WHERE meter = ? AND hour_ts >= ? AND hour_ts < ? ORDER BY hour_ts',
      )
      .all(meterId, fromMs, toMs) as Array<{
      hour_ts: number;
      volume_l: number;
      estimated: number;
    }>;
    return rows.map((r) => ({
      hourMs: r.hour_ts,
      volumeL: r.volume_l,
      estimated: r.estimated === 1,
    }));
  }

  /**
   * Sum of the volumes of one meter's intervals ending in (fromMs, toMs], L. A range read on
   * the (meter, end_ts) key, so its cost follows the range, not the table's size.
   */
  meterVolume(meterId: string, fromMs: number, toMs: number): number {
    const row = this.sumVolume.get(meterId, fromMs, toMs) as { v: number | null };
    return row.v ?? 0;
  }

  /** The latest interval of every meter. */
  latestIntervals(): Map<string, Interval> {
    const rows = this.db
      .prepare(
        `SELECT i.meter, i.start_ts, i.end_ts, i.volume_l, i.flags FROM intervals i
         JOIN (SELECT meter, max(end_ts) AS e FROM intervals GROUP BY meter) m
           ON m.meter = i.meter AND m.e = i.end_ts`,
      )
      .all() as Array<{
      meter: string;
      start_ts: number;
      end_ts: number;
      volume_l: number;
      flags: string;
    }>;
    return new Map(
      rows.map((r) => [
        r.meter,
        {
          startMs: r.start_ts,
          endMs: r.end_ts,
          volumeL: r.volume_l,
          flags: r.flags === '' ? [] : (r.flags.split(',') as Interval['flags'][number][]),
        },
      ]),
    );
  }

  /** Stored readings whose outcome is one of `outcomes`, oldest first, optionally of one meter. */
  readingsWithOutcome(outcomes: readonly string[], meterId?: string): RawRow[] {
    return readingsWithOutcome(this.db, outcomes, meterId);
  }

  reading(id: number): RawRow | undefined {
    return readingById(this.db, id);
  }

  /** Every stored reading of a meter, in time order then arrival order. */
  meterReadings(meterId: string): RawRow[] {
    return meterReadings(this.db, meterId);
  }

  /** Every stored register event and answer of a meter, in time order then arrival order. */
  meterEvents(meterId: string): EventRow[] {
    return meterEvents(this.db, meterId);
  }

  /**
   * Replaces everything derived for one meter in one transaction: its intervals and hourly
   * volumes, the outcome of each reading, its engine state; and records a confirmed unit and
   * new events.
   */
  rederive(
    meterId: string,
    derived: {
      readonly intervals: readonly Interval[];
      readonly outcomes: ReadonlyMap<number, string>;
      /** Engine state per kind of reading, keyed as `stateKey` does. */
      readonly states: ReadonlyMap<string, EngineState>;
      readonly confirmed?: { readonly id: number; readonly unit: string };
      /** Events the derivation already includes, recorded in the same transaction. */
      readonly events?: readonly StoredEvent[];
    },
  ): void {
    this.db.transaction(() => {
      for (const e of derived.events ?? []) {
        this.insertEvent.run(e.meterId, e.tsMs, e.kind, JSON.stringify(e.body));
      }
      this.db.prepare('DELETE FROM intervals WHERE meter = ?').run(meterId);
      this.db.prepare('DELETE FROM hourly WHERE meter = ?').run(meterId);
      if (derived.confirmed) {
        this.db
          .prepare('UPDATE readings SET confirmed_unit = ? WHERE id = ?')
          .run(derived.confirmed.unit, derived.confirmed.id);
      }
      const setOutcome = this.db.prepare('UPDATE readings SET outcome = ? WHERE id = ?');
      for (const [id, outcome] of derived.outcomes) setOutcome.run(outcome, id);
      for (const iv of derived.intervals) {
        this.insertInterval.run(meterId, iv.endMs, iv.startMs, iv.volumeL, iv.flags.join(','));
        const estimated = iv.flags.includes('estimated_gap') ? 1 : 0;
        for (const share of hourShares(iv))
          this.addHourly.run(meterId, share.hourMs, share.volumeL, estimated);
      }
      // The meter's states of every kind are keyed `<meter>` and `<meter>#<kind>`.
      this.db
        .prepare('DELETE FROM engine_state WHERE meter = ? OR substr(meter, 1, ?) = ?')
        .run(meterId, meterId.length + 1, `${meterId}#`);
      for (const [key, state] of derived.states) this.putState.run(key, JSON.stringify(state));
    })();
  }

  /** Per meter: counts of interval flags and of readings by outcome, and the latest reading. */
  healthCounts(): Map<string, HealthCounts> {
    return healthCounts(this.db);
  }

  /** Values of the readings stored for a meter at exactly `tsMs` in `unit`. */
  valuesAt(meterId: string, tsMs: number, unit: string): Array<number | null> {
    const rows = this.db
      .prepare('SELECT value FROM readings WHERE meter = ? AND ts = ? AND unit = ?')
      .all(meterId, tsMs, unit) as Array<{ value: number | null }>;
    return rows.map((r) => r.value);
  }

  /** Time and value of the reading first stored with this sequence number, if any. */
  seqReading(meterId: string, seq: number): { tsMs: number; value: number | null } | undefined {
    const row = this.db
      .prepare('SELECT ts, value FROM readings WHERE meter = ? AND seq = ? ORDER BY id LIMIT 1')
      .get(meterId, seq) as { ts: number; value: number | null } | undefined;
    return row === undefined ? undefined : { tsMs: row.ts, value: row.value };
  }

  /** Whether the meter already has an event of this kind at exactly `tsMs`. */
  hasEventAt(meterId: string, tsMs: number, kind: string): boolean {
    const row = this.db
      .prepare('SELECT 1 FROM events WHERE meter = ? AND ts = ? AND kind = ? LIMIT 1')
      .get(meterId, tsMs, kind);
    return row !== undefined;
  }

  /** Derived intervals of one meter ending in (fromMs, toMs], oldest first. */
  intervals(
    meterId: string,
    fromMs: number,
    toMs: number,
  ): Array<Interval & { readonly flags: readonly string[] }> {
    // A keyed range read, prepared once and returning rows as arrays: detection reads every
    // meter's last week each hour.
    this.intervalRange ??= this.db
      .prepare(
        'SELECT start_ts, end_ts, volume_l, flags FROM intervals WHERE meter = ? ' +
          'AND end_ts > ? AND end_ts <= ? ORDER BY end_ts',
      )
      .raw(true);
    const rows = this.intervalRange.all(meterId, fromMs, toMs) as Array<
      [number, number, number, string]
    >;
    return rows.map(([startMs, endMs, volumeL, flags]) => ({
      startMs,
      endMs,
      volumeL,
      flags: flags === '' ? [] : (flags.split(',') as Interval['flags'][number][]),
    }));
  }

  /** Counts of stored readings by outcome (for health and tests). */
  readingOutcomes(meterId: string): Record<string, number> {
    return readingOutcomes(this.db, meterId);
  }

  /** The open database, for modules that keep their own tables in it (alerts). */
  database(): Database.Database {
    return this.db;
  }

  close(): void {
    this.db.close();
  }
}
