import type Database from 'better-sqlite3';
import type { AlertChange, AlertHistoryEntry, AlertStatus } from '../../models/alert';
import type { DetectorId, Evidence, LeakCandidate, SuspectPipe } from '../../models/detection';

/**
 * Alerts and their history in the twin's SQLite database (DESIGN §6: "alerts and their
 * acknowledgements are recorded"). The tables live beside the store's own, created on open
 * the same way (`IF NOT EXISTS`), so an old data folder gains them on its first start.
 */

const SCHEMA = `
CREATE TABLE IF NOT EXISTS alerts (
  id INTEGER PRIMARY KEY,
  detector TEXT NOT NULL,
  meter TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'resolved')),
  window_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  confidence REAL NOT NULL,
  loss_lph REAL NOT NULL,
  suspects TEXT NOT NULL,
  evidence TEXT NOT NULL,
  ack_note TEXT,
  ack_by TEXT,
  ack_at INTEGER,
  resolved_at INTEGER,
  resolved_by TEXT
);
CREATE INDEX IF NOT EXISTS alerts_status ON alerts (status);
CREATE INDEX IF NOT EXISTS alerts_meter_detector ON alerts (meter, detector);
CREATE TABLE IF NOT EXISTS alert_history (
  id INTEGER PRIMARY KEY,
  alert_id INTEGER NOT NULL REFERENCES alerts (id),
  at INTEGER NOT NULL,
  change TEXT NOT NULL,
  actor TEXT,
  note TEXT
);
CREATE INDEX IF NOT EXISTS alert_history_alert ON alert_history (alert_id);
`;

/** An alert as stored: the lifecycle and the latest evidence, without derived figures. */
export interface AlertRow {
  readonly id: number;
  readonly detector: DetectorId;
  readonly meterId: string;
  readonly openedMs: number;
  readonly status: AlertStatus;
  readonly windowStartMs: number;
  /** End of the latest evidence, epoch ms. */
  readonly evidenceEndMs: number;
  readonly confidence: number;
  readonly lossLph: number;
  readonly suspects: readonly SuspectPipe[];
  readonly evidence: Evidence;
  readonly ackNote: string | null;
  readonly ackBy: string | null;
  readonly ackMs: number | null;
  readonly resolvedMs: number | null;
  readonly resolvedBy: 'auto' | 'engineer' | null;
}

interface RawAlert {
  id: number;
  detector: string;
  meter: string;
  opened_at: number;
  status: string;
  window_start: number;
  evidence_end: number;
  confidence: number;
  loss_lph: number;
  suspects: string;
  evidence: string;
  ack_note: string | null;
  ack_by: string | null;
  ack_at: number | null;
  resolved_at: number | null;
  resolved_by: string | null;
}

function fromRaw(r: RawAlert): AlertRow {
  return {
    id: r.id,
    detector: r.detector as DetectorId,
    meterId: r.meter,
    openedMs: r.opened_at,
    status: r.status as AlertStatus,
    windowStartMs: r.window_start,
    evidenceEndMs: r.evidence_end,
    confidence: r.confidence,
    lossLph: r.loss_lph,
    suspects: JSON.parse(r.suspects) as SuspectPipe[],
    evidence: JSON.parse(r.evidence) as Evidence,
    ackNote: r.ack_note,
    ackBy: r.ack_by,
    ackMs: r.ack_at,
    resolvedMs: r.resolved_at,
    resolvedBy: r.resolved_by as AlertRow['resolvedBy'],
  };
}

/** Longest list one query returns, newest first. */
const LIST_LIMIT = 500;

export class AlertStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(SCHEMA);
  }

  /** Runs `work` in one transaction (one disk sync for a whole detection run). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Alerts with one of `statuses`, newest first. */
  list(statuses: readonly AlertStatus[]): AlertRow[] {
    const marks = statuses.map(() => '?').join(',');
    const rows = this.db
      .prepare(`SELECT * FROM alerts WHERE status IN (${marks}) ORDER BY id DESC LIMIT ?`)
      .all(...statuses, LIST_LIMIT) as RawAlert[];
    return rows.map(fromRaw);
  }

  get(id: number): AlertRow | undefined {
    const row = this.db.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as
      | RawAlert
      | undefined;
    return row === undefined ? undefined : fromRaw(row);
  }

  /** The open or acknowledged alert of a meter and detector, if any. */
  active(meterId: string, detector: DetectorId): AlertRow | undefined {
    const row = this.db
      .prepare(
        "SELECT * FROM alerts WHERE meter = ? AND detector = ? AND status <> 'resolved' ORDER " +
          'BY id DESC LIMIT 1',
      )
      .get(meterId, detector) as RawAlert | undefined;
    return row === undefined ? undefined : fromRaw(row);
  }

  /** The latest evidence end any alert of a meter and detector has covered, epoch ms. */
  coveredUntil(meterId: string, detector: DetectorId): number | null {
    const row = this.db
      .prepare('SELECT max(evidence_end) AS e FROM alerts WHERE meter = ? AND detector = ?')
      .get(meterId, detector) as { e: number | null };
    return row.e;
  }

  history(id: number): AlertHistoryEntry[] {
    const rows = this.db
      .prepare('SELECT change, at, actor, note FROM alert_history WHERE alert_id = ? ORDER BY id')
      .all(id) as Array<{ change: string; at: number; actor: string | null; note: string | null }>;
    return rows.map((r) => ({
      change: r.change as AlertChange,
      tMs: r.at,
      by: r.actor,
      note: r.note,
    }));
  }

  /** Opens an alert from a candidate at twin time `nowMs`; returns its id. */
  open(candidate: LeakCandidate, nowMs: number): number {
    return this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare(
          `INSERT INTO alerts (detector, meter, opened_at, status, window_start, evidence_end,
             confidence, loss_lph, suspects, evidence)
           VALUES (?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          candidate.detector,
          candidate.meterId,
          nowMs,
          candidate.window.startMs,
          candidate.window.endMs,
          candidate.confidence,
          candidate.lossLph,
          JSON.stringify(candidate.suspects),
          JSON.stringify(candidate.evidence),
        );
      const id = Number(lastInsertRowid);
      this.addHistory(id, 'opened', nowMs, null, null);
      return id;
    })();
  }

  /** Replaces an active alert's evidence with a later candidate's (no history row). */
  updateEvidence(id: number, candidate: LeakCandidate): void {
    this.db
      .prepare(
        `UPDATE alerts SET window_start = min(window_start, ?), evidence_end = ?, confidence = ?,
           loss_lph = ?, suspects = ?, evidence = ? WHERE id = ?`,
      )
      .run(
        candidate.window.startMs,
        candidate.window.endMs,
        candidate.confidence,
        candidate.lossLph,
        JSON.stringify(candidate.suspects),
        JSON.stringify(candidate.evidence),
        id,
      );
  }

  acknowledge(id: number, nowMs: number, by: string, note: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE alerts SET status = 'acknowledged', ack_note = ?, ack_by = ?, ack_at = ? " +
            'WHERE id = ?',
        )
        .run(note, by, nowMs, id);
      this.addHistory(id, 'acknowledged', nowMs, by, note);
    })();
  }

  resolve(id: number, nowMs: number, by: 'auto' | 'engineer', actor: string, note: string | null) {
    this.db.transaction(() => {
      this.db
        .prepare(
          "UPDATE alerts SET status = 'resolved', resolved_at = ?, resolved_by = ? WHERE id = ?",
        )
        .run(nowMs, by, id);
      this.addHistory(id, 'resolved', nowMs, actor, note);
    })();
  }

  private addHistory(
    id: number,
    change: AlertChange,
    atMs: number,
    actor: string | null,
    note: string | null,
  ): void {
    this.db
      .prepare(
        'INSERT INTO alert_history (alert_id, at, change, actor, note) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, atMs, change, actor, note);
  }
}
