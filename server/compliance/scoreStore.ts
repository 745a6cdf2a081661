import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { ScorecardTemplate, type ScoreEntry } from '../../models/scorecard';

/**
 * Engineers' self-assessment scores in the twin's SQLite database, beside the store's tables
 * (created on open, so an old data folder gains the table on its first start). One row per
 * item: a new score replaces the old one.
 */
export class ScoreStore {
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS compliance_scores (
        item TEXT PRIMARY KEY,
        points REAL NOT NULL,
        note TEXT NOT NULL,
        by TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      ) WITHOUT ROWID;`);
  }

  all(): Map<string, ScoreEntry> {
    const rows = this.db
      .prepare('SELECT item, points, note, by, at_ms FROM compliance_scores')
      .all() as Array<{ item: string; points: number; note: string; by: string; at_ms: number }>;
    return new Map(
      rows.map((r) => [r.item, { points: r.points, note: r.note, by: r.by, atMs: r.at_ms }]),
    );
  }

  put(itemId: string, entry: ScoreEntry): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO compliance_scores (item, points, note, by, at_ms) ' +
          'VALUES (?, ?, ?, ?, ?)',
      )
      .run(itemId, entry.points, entry.note, entry.by, entry.atMs);
  }
}

/** Reads and validates the template file; throws one line per problem, naming the file. */
export function loadScorecardTemplate(file: string): ScorecardTemplate {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`${file}: cannot read the scorecard template: ${(err as Error).message}`);
  }
  const parsed = ScorecardTemplate.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${file}: ${i.path.join('.')}: ${i.message}`);
    throw new Error(lines.join('\n'));
  }
  return parsed.data;
}
