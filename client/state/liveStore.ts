import { createStore } from 'zustand/vanilla';
import type { ClockInfo, Snapshot, Tick, Topology } from '../../models/protocol';
import type { Site } from '../../models/site';

/**
 * Fast-changing twin state, written by the socket handler and read by the render loop
 * (`store.getState()` inside `useFrame`) and by throttled panel hooks. No React state per tick.
 *
 * Rules: a snapshot replaces everything; a tick is applied only when its number is above the
 * last applied one (repeats after a reconnect are dropped) and its arrays match the topology.
 */

export type Connection = 'connecting' | 'live' | 'reconnecting';

/** Lookup tables built once per snapshot. */
export interface TopologyIndex {
  /** Position of each meter id in the tick arrays. */
  readonly meterIndex: ReadonlyMap<string, number>;
  /** Position of each pipe id in the tick arrays. */
  readonly pipeIndex: ReadonlyMap<string, number>;
}

export interface LiveState {
  readonly site: Site | null;
  readonly topology: Topology | null;
  readonly clock: ClockInfo | null;
  readonly index: TopologyIndex | null;
  /** The latest applied tick, or null before the first one. */
  readonly tick: Tick | null;
  /** Number of the last applied tick (or the snapshot's), sent back on reconnect. */
  readonly lastTick: number | null;
  /** Increments on every applied snapshot; scene parts rebuild when it changes. */
  readonly snapshotVersion: number;
  /** Increments on every applied tick or snapshot; the render loop compares it to redraw. */
  readonly version: number;
  readonly connection: Connection;
}

/** Why a tick was not applied, or 'applied'. */
export type TickOutcome = 'applied' | 'no-snapshot' | 'stale' | 'shape-mismatch';

export const INITIAL_LIVE_STATE: LiveState = {
  site: null,
  topology: null,
  clock: null,
  index: null,
  tick: null,
  lastTick: null,
  snapshotVersion: 0,
  version: 0,
  connection: 'connecting',
};

export function indexTopology(topology: Topology): TopologyIndex {
  return {
    meterIndex: new Map(topology.meters.map((m, i) => [m.id, i])),
    pipeIndex: new Map(topology.pipes.map((p, i) => [p.id, i])),
  };
}

/** The state after a snapshot: everything from the snapshot, nothing kept from before. */
export function reduceSnapshot(prev: LiveState, snapshot: Snapshot): LiveState {
  return {
    site: snapshot.site,
    topology: snapshot.topology,
    clock: snapshot.clock,
    index: indexTopology(snapshot.topology),
    tick: snapshot.state,
    lastTick: snapshot.state ? Math.max(snapshot.tick, snapshot.state.tick) : snapshot.tick,
    snapshotVersion: prev.snapshotVersion + 1,
    version: prev.version + 1,
    connection: prev.connection,
  };
}

/** Whether `tick` may be applied to `state`, and if not, why. */
export function checkTick(state: LiveState, tick: Tick): TickOutcome {
  if (!state.topology) return 'no-snapshot';
  if (state.lastTick !== null && tick.tick <= state.lastTick) return 'stale';
  const meters = state.topology.meters.length;
  const pipes = state.topology.pipes.length;
  if (
    tick.meterFlowLps.length !== meters ||
    tick.meterTodayL.length !== meters ||
    tick.meterStatus.length !== meters ||
    tick.meterLastReadingMs.length !== meters ||
    tick.pipeFlowLps.length !== pipes
  ) {
    return 'shape-mismatch';
  }
  return 'applied';
}

export interface LiveActions {
  applySnapshot(snapshot: Snapshot): void;
  /** Applies the tick if it is newer than the last one; tells what happened. */
  applyTick(tick: Tick): TickOutcome;
  setConnection(connection: Connection): void;
}

export type LiveStore = ReturnType<typeof createLiveStore>;

export function createLiveStore() {
  return createStore<LiveState & LiveActions>()((set, get) => ({
    ...INITIAL_LIVE_STATE,
    applySnapshot: (snapshot) => set((s) => reduceSnapshot(s, snapshot)),
    applyTick: (tick) => {
      const outcome = checkTick(get(), tick);
      if (outcome === 'applied') {
        set((s) => ({ tick, lastTick: tick.tick, version: s.version + 1 }));
      }
      return outcome;
    },
    setConnection: (connection) => set({ connection }),
  }));
}

/** The app's live store. Tests create their own with `createLiveStore()`. */
export const liveStore = createLiveStore();
