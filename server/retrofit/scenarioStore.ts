import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { Scenario } from '../../models/retrofit';
import type { SavedScenario } from '../../models/retrofitApi';

/**
 * The planner's saved scenarios, one row per id, kept in the twin's SQLite store so they
 * survive restarts. Only scenarios the schema accepted are written; a stored row that no
 * longer parses (a rule tightened by an upgrade) is left out of the list and logged.
 */
export class ScenarioStore {
  private readonly db: Database.Database;

  constructor(
    db: Database.Database,
    private readonly log: Logger,
  ) {
    this.db = db;
    // Row ids keep the order scenarios were first saved in; an update keeps its row.
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS retrofit_scenarios (
        id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      );`);
  }

  /** Every saved scenario that still parses, oldest first. */
  list(): SavedScenario[] {
    const rows = this.db
      .prepare('SELECT id, body FROM retrofit_scenarios ORDER BY rowid')
      .all() as Array<{ id: string; body: string }>;
    return rows.flatMap((row) => {
      const parsed = Scenario.safeParse(safeJson(row.body));
      if (parsed.success) return [{ id: row.id, scenario: parsed.data }];
      this.log.warn({ scenarioId: row.id }, 'stored retrofit scenario ignored');
      return [];
    });
  }

  has(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM retrofit_scenarios WHERE id = ?').get(id) !== undefined;
  }

  count(): number {
    const row = this.db.prepare('SELECT count(*) AS n FROM retrofit_scenarios').get() as {
      n: number;
    };
    return row.n;
  }

  /** Writes a scenario the schema has accepted; true when the id was new. */
  put(id: string, scenario: Scenario): boolean {
    const created = !this.has(id);
    this.db
      .prepare(
        'INSERT INTO retrofit_scenarios (id, body) VALUES (?, ?) ' +
          'ON CONFLICT(id) DO UPDATE SET body = excluded.body',
      )
      .run(id, JSON.stringify(scenario));
    return created;
  }

  /** Removes a scenario; false when there was none with that id. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM retrofit_scenarios WHERE id = ?').run(id).changes > 0;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
