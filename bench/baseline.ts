import Database from 'better-sqlite3';

/**
 * The baseline every store benchmark is compared with: better-sqlite3 inserting `rows`
 * readings (meter, ts, value) into a bare keyed table, `batchSize` rows per transaction, with
 * the same durability settings as the twin's store (WAL, synchronous FULL). Returns ms.
 */
export function rawBatchedInsertMs(
  file: string,
  rows: number,
  batchSize: number,
  meters = 8,
): number {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE r (meter TEXT NOT NULL, ts INTEGER NOT NULL, value REAL, PRIMARY KEY ' +
      '(meter, ts)) WITHOUT ROWID',
  );
  const insert = db.prepare('INSERT INTO r VALUES (?, ?, ?)');
  const batch = db.transaction((from: number) => {
    const end = Math.min(from + batchSize, rows);
    for (let i = from; i < end; i++)
      insert.run(`m${i % meters}`, Math.floor(i / meters) * 60_000, i);
  });
  const t0 = performance.now();
  for (let from = 0; from < rows; from += batchSize) batch(from);
  const ms = performance.now() - t0;
  db.close();
  return ms;
}
