import type Database from 'better-sqlite3';
import type { EventRow, HealthCounts, RawRow, StoredEvent } from './store';

// Read-only queries on stored readings, events and their health: what the engineer's
// review, re-derivation and meter health read. `Store` exposes them as methods.

/** Stored readings whose outcome is one of `outcomes`, oldest first, optionally of one meter. */
export function readingsWithOutcome(
  db: Database.Database,
  outcomes: readonly string[],
  meterId?: string,
): RawRow[] {
  const marks = outcomes.map(() => '?').join(',');
  const byMeter = meterId === undefined ? '' : 'AND meter = ?';
  const sql = `
    SELECT id, meter, ts, value, unit, seq, source, outcome, confirmed_unit, kind, serial
    FROM readings
    WHERE outcome IN (${marks}) ${byMeter}
    ORDER BY ts, id LIMIT 5000`;
  const args = meterId === undefined ? outcomes : [...outcomes, meterId];
  return db.prepare(sql).all(...args) as RawRow[];
}

export function readingById(db: Database.Database, id: number): RawRow | undefined {
  return db
    .prepare(
      'SELECT id, meter, ts, value, unit, seq, source, outcome, confirmed_unit, kind, ' +
        'serial FROM readings WHERE id = ?',
    )
    .get(id) as RawRow | undefined;
}

/** Every stored reading of a meter, in time order then arrival order. */
export function meterReadings(db: Database.Database, meterId: string): RawRow[] {
  return db
    .prepare(
      'SELECT id, meter, ts, value, unit, seq, source, outcome, confirmed_unit, kind, ' +
        'serial FROM readings WHERE meter = ? ORDER BY ts, id',
    )
    .all(meterId) as RawRow[];
}

/** Every stored register event and answer of a meter, in time order then arrival order. */
export function meterEvents(db: Database.Database, meterId: string): EventRow[] {
  const rows = db
    .prepare('SELECT id, meter, ts, kind, body FROM events WHERE meter = ? ORDER BY ts, id')
    .all(meterId) as Array<{ id: number; meter: string; ts: number; kind: string; body: string }>;
  return rows.map((r) => ({
    id: r.id,
    meterId: r.meter,
    tsMs: r.ts,
    kind: r.kind as StoredEvent['kind'],
    body: JSON.parse(r.body) as unknown,
  }));
}

/** Per meter: counts of interval flags and of readings by outcome, and the latest reading. */
export function healthCounts(db: Database.Database): Map<string, HealthCounts> {
  const out = new Map<string, HealthCounts>();
  const entry = (meter: string) => {
    let e = out.get(meter);
    if (!e) {
      e = { flags: {}, outcomes: {}, lastTs: null, lastUseMs: null };
      out.set(meter, e);
    }
    return e;
  };
  const flagRows = db
    .prepare(
      "SELECT meter, flags, count(*) AS n FROM intervals WHERE flags <> '' GROUP BY meter, flags",
    )
    .all() as Array<{ meter: string; flags: string; n: number }>;
  for (const r of flagRows) {
    for (const flag of r.flags.split(','))
      entry(r.meter).flags[flag] = (entry(r.meter).flags[flag] ?? 0) + r.n;
  }
  const movedRows = db
    .prepare('SELECT meter, max(end_ts) AS t FROM intervals WHERE volume_l > 0 GROUP BY meter')
    .all() as Array<{ meter: string; t: number }>;
  for (const r of movedRows) entry(r.meter).lastUseMs = r.t;
  const outcomeRows = db
    .prepare(
      'SELECT meter, outcome, count(*) AS n, max(ts) AS last FROM readings ' +
        'GROUP BY meter, outcome',
    )
    .all() as Array<{ meter: string; outcome: string; n: number; last: number }>;
  for (const r of outcomeRows) {
    const e = entry(r.meter);
    e.outcomes[r.outcome] = r.n;
    e.lastTs = Math.max(e.lastTs ?? r.last, r.last);
  }
  return out;
}

/** Counts of stored readings by outcome (for health and tests). */
export function readingOutcomes(db: Database.Database, meterId: string): Record<string, number> {
  const rows = db
    .prepare('SELECT outcome, count(*) AS n FROM readings WHERE meter = ? GROUP BY outcome')
    .all(meterId) as Array<{ outcome: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.outcome, r.n]));
}
