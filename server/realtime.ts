import type http from 'node:http';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { z } from 'zod';
import {
  type ClientToServerEvents,
  type ClockInfo,
  PROTOCOL_VERSION,
  type ServerToClientEvents,
  type Snapshot,
} from '../models/protocol';
import type { AlertDesk } from './alerts/alertDesk';
import type { Twin } from './twin';

export type TwinIo = Server<ClientToServerEvents, ServerToClientEvents>;

const Auth = z.object({ lastTick: z.number().int().nonnegative().optional() }).loose();

/**
 * Socket.IO for the twin: a snapshot on connect, then every tick in order. A client that
 * reconnects with the last tick it applied gets exactly the ticks it missed, or a fresh
 * snapshot when those are no longer kept. Alerts go to every client as `alert` events; the
 * snapshot lists those not yet resolved.
 */
export function attachRealtime(
  httpServer: http.Server,
  twin: Twin,
  clock: ClockInfo,
  logger: Logger,
  alerts?: AlertDesk,
): TwinIo {
  const log = logger.child({ area: 'socket' });
  const io: TwinIo = new Server(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    cors: { origin: false },
  });

  const snapshot = (): Snapshot => ({
    protocol: PROTOCOL_VERSION,
    clock,
    site: twin.site,
    topology: twin.topology,
    state: twin.current,
    tick: twin.tick,
    ...(alerts ? { alerts: alerts.unresolved() } : {}),
  });

  io.on('connection', (socket) => {
    const auth = Auth.safeParse(socket.handshake.auth);
    const lastTick = auth.success ? auth.data.lastTick : undefined;
    const missed = lastTick === undefined ? null : twin.ticksAfter(lastTick);
    if (missed === null) {
      socket.emit('snapshot', snapshot());
    } else {
      for (const tick of missed) socket.emit('tick', tick);
    }
    log.debug({ id: socket.id, lastTick, resumed: missed?.length ?? null }, 'client connected');
  });

  twin.onTick((tick) => io.emit('tick', tick));
  alerts?.onAlert((event) => io.emit('alert', event));
  return io;
}
