import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestTwin, tempDataDir } from '../support/testTwin';

const TOKEN = 'durability-test-token-0123456789';
const METERS = ['M3-office-f1', 'M3-office-f2', 'M3-office-f3', 'M3-office-f4', 'M3-office-f5'];
const START_MS = Date.parse('2026-03-01T00:00:00+08:00');
const BATCHES = 120;
const PER_BATCH = 50;

/** Batch `b`: 10 readings per meter, one minute apart, each register rising by a few litres. */
function batch(b: number) {
  const readings = [];
  for (let k = 0; k < PER_BATCH; k++) {
    const n = b * PER_BATCH + k;
    const meterIndex = n % METERS.length;
    const step = Math.floor(n / METERS.length);
    readings.push({
      meter: METERS[meterIndex]!,
      seq: step,
      ts: START_MS + step * 60_000,
      // Whole litres in m³, rising 1–7 L a minute.
      value: (1000 * 1000 + step * 4 + ((step * 7) % 4)) / 1000,
      unit: 'm3',
      kind: 'register',
    });
  }
  return { readings };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** The twin as its own process, as `npm start` runs it (without the client build). */
function startProcess(dataDir: string, port: number): ChildProcess {
  return spawn('npx', ['tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      TWIN_SOURCES: 'none',
      TWIN_INGEST_TOKEN: TOKEN,
      TWIN_BACKFILL_DAYS: '0',
      LOG_LEVEL: 'silent',
    },
    stdio: 'ignore',
    detached: true,
  });
}

async function waitHealthy(port: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('twin did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Posts a batch; true once acknowledged. Backs off while rate-limited, as a gateway would. */
async function send(port: number, b: number): Promise<boolean> {
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/readings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(batch(b)),
      });
      if (res.status !== 429) return res.status === 200;
    } catch {
      return false;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Booked readings and intervals per meter, straight from a store file. */
function storedState(dataDir: string) {
  const db = new Database(path.join(dataDir, 'twin.sqlite'), { readonly: true });
  const readings = db
    .prepare(
      `SELECT meter, ts, count(*) AS n FROM readings WHERE outcome IN ('first', 'booked')
       GROUP BY meter, ts ORDER BY meter, ts`,
    )
    .all() as Array<{ meter: string; ts: number; n: number }>;
  const intervals = db
    .prepare(
      'SELECT meter, end_ts, start_ts, volume_l, flags FROM intervals ORDER BY meter, end_ts',
    )
    .all();
  db.close();
  return { readings, intervals };
}

describe('durability', () => {
  it('keeps every acknowledged reading exactly once through a SIGKILL during ingest', async () => {
    // Arrange: the twin in its own process, a sender posting batches back to back.
    const dataDir = tempDataDir();
    const port = await freePort();
    let child = startProcess(dataDir, port);
    await waitHealthy(port);
    const acknowledged = new Set<number>();

    // Act: kill the process without warning while a batch is in flight, then restart it and
    // let the sender re-send whatever was not acknowledged, as a gateway does.
    for (let b = 0; b < BATCHES / 2; b++) {
      const sent = send(port, b);
      if (b === BATCHES / 2 - 6) process.kill(-child.pid!, 'SIGKILL');
      if (await sent) acknowledged.add(b);
    }
    const ackedBeforeCrash = new Set(acknowledged);
    child = startProcess(dataDir, port);
    await waitHealthy(port);
    for (let b = 0; b < BATCHES; b++) {
      if (!acknowledged.has(b) && (await send(port, b))) acknowledged.add(b);
    }
    // A few acknowledged batches again, as an at-least-once sender would.
    for (const b of [0, 1, 2]) await send(port, b);
    process.kill(-child.pid!, 'SIGKILL');

    // Reference: the same batches into an uninterrupted twin.
    const reference = await startTestTwin({ TWIN_SOURCES: 'none' });
    for (let b = 0; b < BATCHES; b++) {
      const { readings } = batch(b);
      reference.server.twin.ingestReadings(
        readings.map((r) => ({
          meterId: r.meter,
          tsMs: r.ts,
          value: r.value,
          unit: 'm3',
          kind: 'register',
          seq: r.seq,
          source: 'ingest',
        })),
      );
    }
    await reference.server.close();

    // Assert
    expect(ackedBeforeCrash.size).toBeGreaterThan(10);
    expect(ackedBeforeCrash.size).toBeLessThan(BATCHES / 2);
    expect(acknowledged.size).toBe(BATCHES);
    const crashed = storedState(dataDir);
    const straight = storedState(reference.dataDir);
    expect(crashed.readings.every((r) => r.n === 1)).toBe(true);
    expect(crashed.readings.length).toBe(BATCHES * PER_BATCH);
    expect(crashed.intervals).toEqual(straight.intervals);
  });
});
