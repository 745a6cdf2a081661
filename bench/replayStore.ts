import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTwinServer } from '../server/twinServer';
import { rawBatchedInsertMs } from './baseline';
import { report } from './stats';

const DAY = 86_400_000;

/**
 * Replay-and-store throughput of the shipped real file: the twin replays a whole recorded year
 * (one step per day, replay source only) through the engine into SQLite. Baseline: a raw
 * better-sqlite3 insert of the same number of rows, one transaction per day, same index.
 */
export async function benchReplayStore(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-bench-'));
  const config = loadConfig({
    DATA_DIR: path.join(dir, 'twin'),
    TWIN_SOURCES: 'replay',
    TWIN_BACKFILL_DAYS: '0',
    PORT: '0',
  });
  const server = createTwinServer(config, createLogger('silent'));
  const start = Date.parse('2026-03-03T00:00:00+08:00');

  // The twin: replay, engine, intervals, hourly rollups, one commit per step.
  server.twin.step(start);
  const t0 = performance.now();
  for (let d = 1; d <= 364; d++) server.twin.step(start + d * DAY);
  const twinMs = performance.now() - t0;
  await server.close();
  const db = new Database(path.join(dir, 'twin', 'twin.sqlite'), { readonly: true });
  const total = (db.prepare('SELECT count(*) AS n FROM readings').get() as { n: number }).n;
  db.close();

  // The baseline: the same number of rows, batched the same way, into a bare table.
  const rawMs = rawBatchedInsertMs(path.join(dir, 'raw.sqlite'), total, Math.ceil(total / 364));
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`replay of the shipped real file: ${total} readings over 364 recorded days`);
  report(
    'replay-and-store throughput',
    total / (twinMs / 1000),
    total / (rawMs / 1000),
    'readings/s',
  );
}
