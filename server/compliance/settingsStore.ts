import type { Logger } from 'pino';
import { END_USE_CATEGORIES, type EndUseCategory } from '../../models/complianceDefaults';
import {
  type DischargeSharesPatch,
  dischargeShareSchema,
  type KnownUnmeteredUse,
  type KnownUnmeteredUseBody,
} from '../../models/complianceSettings';
import type { Store } from '../store';

const KV_KEY = 'complianceDischargeShare';

/**
 * The compliance report's engineer settings in the twin's SQLite store: the discharge shares
 * that differ from their defaults (a kv entry) and the known unmetered uses (a table created on
 * open, so an old data folder gains it on its first start). A stored share that no longer
 * validates falls back to its default and is logged.
 */
export class ComplianceSettingsStore {
  private shares: Partial<Record<EndUseCategory, number>> = {};

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {
    store.database().exec(`
      CREATE TABLE IF NOT EXISTS compliance_unmetered (
        id INTEGER PRIMARY KEY,
        date TEXT NOT NULL,
        m3 REAL NOT NULL,
        note TEXT NOT NULL,
        by TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS compliance_unmetered_date ON compliance_unmetered (date);`);
    const saved = store.kv<Record<string, unknown>>(KV_KEY) ?? {};
    for (const category of END_USE_CATEGORIES) {
      if (!(category in saved)) continue;
      const parsed = dischargeShareSchema.safeParse(saved[category]);
      if (parsed.success) this.shares[category] = parsed.data;
      else this.log.warn({ category, value: saved[category] }, 'stored discharge share ignored');
    }
  }

  /** The discharge shares an engineer set; end uses absent keep their default. */
  dischargeShare(): Readonly<Partial<Record<EndUseCategory, number>>> {
    return this.shares;
  }

  /** Applies a validated change: a number sets a share, null restores the default. */
  updateDischargeShare(patch: DischargeSharesPatch): void {
    const next = { ...this.shares };
    for (const [category, value] of Object.entries(patch.dischargeShare)) {
      const key = category as EndUseCategory;
      if (value === null || value === undefined) delete next[key];
      else next[key] = value;
    }
    this.store.setKv(KV_KEY, next);
    this.shares = next;
  }

  /** Known unmetered uses on the local days `fromIso`..`toIso`, oldest first. */
  unmetered(fromIso: string, toIso: string): KnownUnmeteredUse[] {
    const rows = this.store
      .database()
      .prepare(
        'SELECT id, date, m3, note, by, at_ms FROM compliance_unmetered ' +
          'WHERE date >= ? AND date <= ? ORDER BY date, id',
      )
      .all(fromIso, toIso) as Array<{
      id: number;
      date: string;
      m3: number;
      note: string;
      by: string;
      at_ms: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      dateIso: r.date,
      m3: r.m3,
      note: r.note,
      by: r.by,
      atMs: r.at_ms,
    }));
  }

  addUnmetered(body: KnownUnmeteredUseBody, atMs: number): KnownUnmeteredUse {
    const by = body.by ?? 'engineer';
    const result = this.store
      .database()
      .prepare(
        'INSERT INTO compliance_unmetered (date, m3, note, by, at_ms) VALUES (?, ?, ?, ?, ?)',
      )
      .run(body.dateIso, body.m3, body.note, by, atMs);
    const id = Number(result.lastInsertRowid);
    return { id, dateIso: body.dateIso, m3: body.m3, note: body.note, by, atMs };
  }

  /** Removes one entry; false when there was none with that id. */
  removeUnmetered(id: number): boolean {
    const result = this.store
      .database()
      .prepare('DELETE FROM compliance_unmetered WHERE id = ?')
      .run(id);
    return result.changes > 0;
  }
}
