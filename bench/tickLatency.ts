import http from 'node:http';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type { Tick } from '../models/protocol';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { createTwinServer } from '../server/twinServer';
import { percentiles, report } from './stats';

const CLIENTS = 100;
const TICKS = 100;
const HOUR = 3_600_000;

/** Connects `n` websocket clients and resolves when all are connected. */
async function connectAll(url: string, n: number, onTick: (tick: Tick) => void): Promise<Socket[]> {
  const sockets = Array.from({ length: n }, () =>
    connect(url, { transports: ['websocket'], forceNew: true, reconnection: false }),
  );
  for (const s of sockets) s.on('tick', onTick);
  await Promise.all(sockets.map((s) => new Promise<void>((r) => s.once('connect', () => r()))));
  return sockets;
}

/** Emits ticks one at a time, each after every client received the previous one. */
async function measure(emit: () => void, received: () => number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < TICKS; i++) {
    const before = received();
    const t0 = performance.now();
    emit();
    while (received() < before + CLIENTS) await new Promise((r) => setImmediate(r));
    latencies.push(performance.now() - t0);
  }
  return latencies;
}

/**
 * Tick delivery latency to 100 Socket.IO clients on loopback: the twin's step and broadcast,
 * against a bare Socket.IO server broadcasting the same payload. Latency = from the start of
 * the step (or emit) until the last client has the tick.
 */
export async function benchTickLatency(): Promise<void> {
  // The twin.
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TWIN_BACKFILL_DAYS: '0',
    DATA_DIR: `/tmp/twin-bench-ticks-${process.pid}`,
  });
  const twin = createTwinServer(config, createLogger('silent'));
  const port = await twin.listen();
  let got = 0;
  let last: Tick | null = null;
  const sockets = await connectAll(`http://127.0.0.1:${port}`, CLIENTS, (t) => {
    got++;
    last = t;
  });
  let t = Date.parse('2026-07-01T00:00:00+08:00');
  const twinLat = await measure(
    () => {
      t += HOUR;
      twin.twin.step(t);
    },
    () => got,
  );
  for (const s of sockets) s.close();
  await twin.close();

  // The bare broadcast of the same payload.
  const bareHttp = http.createServer();
  const bare = new Server(bareHttp);
  await new Promise<void>((r) => bareHttp.listen(0, '127.0.0.1', () => r()));
  const barePort = (bareHttp.address() as { port: number }).port;
  let bareGot = 0;
  const bareSockets = await connectAll(`http://127.0.0.1:${barePort}`, CLIENTS, () => bareGot++);
  const payload = last!;
  const bareLat = await measure(
    () => bare.emit('tick', payload),
    () => bareGot,
  );
  for (const s of bareSockets) s.close();
  await new Promise<void>((r) => bare.close(() => r()));

  const a = percentiles(twinLat);
  const b = percentiles(bareLat);
  console.log(
    `tick delivery to ${CLIENTS} clients, ${TICKS} ticks, payload ` +
      `${JSON.stringify(payload).length} bytes`,
  );
  report('tick latency p50 (step + broadcast)', a.p50, b.p50, 'ms');
  report('tick latency p99 (step + broadcast)', a.p99, b.p99, 'ms');
}
