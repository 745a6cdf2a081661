import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  HandshakeAuth,
  ServerToClientEvents,
} from '../../models/protocol';
import { createLogger } from '../log';
import { type AlertStore, alertStore as appAlertStore } from '../state/alertStore';
import type { LiveStore } from '../state/liveStore';

/**
 * The realtime link: one Socket.IO connection to the serving origin. Every handshake sends the
 * last applied tick, so after a drop the server replays what was missed or sends a snapshot;
 * the store drops repeats and resets on snapshots. Alerts go to the alert store.
 */

export type TwinSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const log = createLogger('socket');

/** Handshake auth from the store, read afresh on every (re)connect. */
export function handshakeAuth(lastTick: number | null): HandshakeAuth {
  return lastTick === null ? {} : { lastTick };
}

export function connectTwin(store: LiveStore, alerts: AlertStore = appAlertStore): TwinSocket {
  const socket: TwinSocket = io({
    // A function, so each reconnect sends the tick applied most recently, not the first one.
    auth: (cb) => cb(handshakeAuth(store.getState().lastTick)),
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
  });

  // Data: snapshot resets, ticks apply in order.
  socket.on('snapshot', (snapshot) => {
    log.debug('snapshot', { tick: snapshot.tick, meters: snapshot.topology.meters.length });
    store.getState().applySnapshot(snapshot);
    alerts.getState().replaceAll(snapshot.alerts);
  });
  // Alerts: every event replaces the alert by id; resolved ones leave the open list.
  socket.on('alert', (event) => {
    log.debug('alert', { id: event.alert.id, change: event.change });
    alerts.getState().applyEvent(event);
  });
  socket.on('tick', (tick) => {
    const outcome = store.getState().applyTick(tick);
    if (outcome === 'shape-mismatch')
      log.warn('tick does not match the topology', { tick: tick.tick });
  });

  // Connection state for the indicator.
  const { setConnection } = store.getState();
  socket.on('connect', () => setConnection('live'));
  socket.on('disconnect', (reason) => {
    log.warn('disconnected', { reason });
    setConnection('reconnecting');
    // A server-side disconnect is not retried by socket.io on its own.
    if (reason === 'io server disconnect') socket.connect();
  });
  socket.on('connect_error', (err) => {
    log.debug('connect error', { message: err.message });
    if (store.getState().connection === 'live') setConnection('reconnecting');
    else if (store.getState().lastTick !== null) setConnection('reconnecting');
  });

  return socket;
}
