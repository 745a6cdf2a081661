import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  Snapshot,
  Tick,
} from '../../models/protocol';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { createTwinServer, type TwinServer } from '../../server/twinServer';

export interface TestTwin {
  readonly server: TwinServer;
  readonly url: string;
  readonly dataDir: string;
}

/** A fresh data folder under the system's temp folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'twin-test-'));
}

/**
 * Starts the real twin server on a free loopback port. Twin time does not run by itself:
 * tests call `server.twin.step(ms)`.
 */
export async function startTestTwin(env: Record<string, string> = {}): Promise<TestTwin> {
  const dataDir = env.DATA_DIR ?? tempDataDir();
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TWIN_BACKFILL_DAYS: '0',
    TWIN_START: '2026-04-14T00:00:00+08:00',
    // Tests that want faults name their scenario.
    TWIN_SCENARIO: 'none',
    ...env,
    DATA_DIR: dataDir,
  });
  const server = createTwinServer(config, createLogger('silent'));
  const port = await server.listen();
  return { server, url: `http://127.0.0.1:${port}`, dataDir };
}

export type TwinSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real socket.io client that records what it receives, in order. */
export function connectClient(url: string, auth: { lastTick?: number } = {}) {
  const events: Array<{ type: 'snapshot'; data: Snapshot } | { type: 'tick'; data: Tick }> = [];
  const socket: TwinSocket = io(url, {
    transports: ['websocket'],
    auth,
    reconnection: false,
    forceNew: true,
  });
  socket.on('snapshot', (data) => events.push({ type: 'snapshot', data }));
  socket.on('tick', (data) => events.push({ type: 'tick', data }));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events, connected };
}

/** Waits until `predicate` holds, polling the event loop (no fixed sleeps). */
export async function until(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
