import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTwinServer } from '../server/twinServer';
import { rawBatchedInsertMs } from './baseline';
import { percentiles, report } from './stats';

const METERS = ['M1-main', 'M2-office', 'M2-canteen', 'M2-bath', 'M3-office-f1', 'M3-office-f2'];
const PER_REQUEST = 1000;
const START_MS = Date.parse('2026-01-01T00:00:00+08:00');

/** Request `r` of the run: PER_REQUEST register readings, one minute apart per meter. */
function body(r: number): string {
  const readings = [];
  for (let k = 0; k < PER_REQUEST; k++) {
    const n = r * PER_REQUEST + k;
    const step = Math.floor(n / METERS.length);
    readings.push({
      meter: METERS[n % METERS.length],
      ts: START_MS + step * 60_000,
      value: (step * 3) / 1000,
      unit: 'm3',
      kind: 'register',
      seq: step,
    });
  }
  return JSON.stringify({ readings });
}

/**
 * HTTP batch ingest of one million readings through the real server (validation, engine,
 * store, acknowledgement after commit), against a raw better-sqlite3 insert of the same rows
 * in transactions of the same size. Prints throughput, acknowledgement latency and the
 * server's RSS before and after.
 */
export async function benchIngestHttp(total = 1_000_000): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-bench-ingest-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: path.join(dir, 'twin'),
    TWIN_SOURCES: 'none',
    TWIN_BACKFILL_DAYS: '0',
    TWIN_INGEST_TOKEN: 'bench-token-0123456789abcdef',
  });
  const server = createTwinServer(config, createLogger('silent'));
  const port = await server.listen();
  const url = `http://127.0.0.1:${port}/api/v1/readings`;
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${config.ingestToken}`,
  };

  // The twin over HTTP, one request at a time, as a single gateway would send.
  const requests = Math.ceil(total / PER_REQUEST);
  const rssBeforeMb = process.memoryUsage().rss / 2 ** 20;
  const latencies: number[] = [];
  const t0 = performance.now();
  for (let r = 0; r < requests; r++) {
    const payload = body(r);
    for (;;) {
      const t = performance.now();
      const res = await fetch(url, { method: 'POST', headers, body: payload });
      await res.arrayBuffer();
      if (res.status === 200) {
        latencies.push(performance.now() - t);
        break;
      }
      if (res.status !== 429) throw new Error(`ingest answered ${res.status}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const twinMs = performance.now() - t0;
  global.gc?.();
  const rssAfterMb = process.memoryUsage().rss / 2 ** 20;
  await server.close();

  // The baseline: the same number of rows into a bare keyed table, same batch size.
  const rawMs = rawBatchedInsertMs(
    path.join(dir, 'raw.sqlite'),
    requests * PER_REQUEST,
    PER_REQUEST,
    METERS.length,
  );
  const dbBytes = fs.statSync(path.join(dir, 'twin', 'twin.sqlite')).size;
  fs.rmSync(dir, { recursive: true, force: true });

  const n = requests * PER_REQUEST;
  const lat = percentiles(latencies);
  console.log(`HTTP batch ingest: ${n} readings in ${requests} requests of ${PER_REQUEST}`);
  report('HTTP ingest throughput', n / (twinMs / 1000), n / (rawMs / 1000), 'readings/s');
  console.log(
    `acknowledgement latency per ${PER_REQUEST}-reading request: p50 ${lat.p50.toFixed(1)} ` +
      `ms, p99 ${lat.p99.toFixed(1)} ms`,
  );
  console.log(
    `RSS before ${rssBeforeMb.toFixed(0)} MB, after ${n} readings ${rssAfterMb.toFixed(0)} ` +
      `MB; store ${(dbBytes / n).toFixed(0)} bytes per reading`,
  );
}
