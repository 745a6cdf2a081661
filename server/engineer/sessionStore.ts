import type Database from 'better-sqlite3';

/**
 * Where engineer sessions outlive the process: SQLite rows keyed by the SHA-256 of the session
 * id, so the database never holds a usable cookie. A restart keeps everyone signed in until
 * their session expires.
 */
export interface SessionKeeper {
  /** Session-id hash → expiry, epoch ms, oldest sign-in first. */
  load(): Map<string, number>;
  put(idHash: string, expiresMs: number): void;
  remove(idHash: string): void;
}

export function sqliteSessionKeeper(db: Database.Database): SessionKeeper {
  db.exec(`
    CREATE TABLE IF NOT EXISTS engineer_sessions (
      id_hash TEXT PRIMARY KEY,
      expires_ms INTEGER NOT NULL,
      signed_in_ms INTEGER NOT NULL
    ) WITHOUT ROWID;`);
  const insert = db.prepare(
    'INSERT OR REPLACE INTO engineer_sessions (id_hash, expires_ms, signed_in_ms) VALUES (?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM engineer_sessions WHERE id_hash = ?');
  return {
    load() {
      const rows = db
        .prepare('SELECT id_hash, expires_ms FROM engineer_sessions ORDER BY signed_in_ms')
        .all() as Array<{ id_hash: string; expires_ms: number }>;
      return new Map(rows.map((r) => [r.id_hash, r.expires_ms]));
    },
    put(idHash, expiresMs) {
      insert.run(idHash, expiresMs, Date.now());
    },
    remove(idHash) {
      remove.run(idHash);
    },
  };
}
