import { describe, expect, it } from 'vitest';
import { buildSnapshot, buildTick, buildTopology } from '../testing/builders';
import { createLiveStore } from './liveStore';

const topology = buildTopology(
  [
    ['main', 1, null],
    ['office', 2, 'main'],
  ],
  ['p1', 'p2', 'p3'],
);

describe('live store', () => {
  it('drops ticks that arrive before any snapshot', () => {
    const store = createLiveStore();

    const outcome = store.getState().applyTick(buildTick(topology, 1));

    expect(outcome).toBe('no-snapshot');
    expect(store.getState().tick).toBeNull();
  });

  it('applies newer ticks and drops repeats and older ones', () => {
    const store = createLiveStore();
    store.getState().applySnapshot(buildSnapshot(topology, 10, buildTick(topology, 10)));

    const results = [11, 11, 9, 10, 12].map((n) =>
      store.getState().applyTick(buildTick(topology, n)),
    );

    expect(results).toEqual(['applied', 'stale', 'stale', 'stale', 'applied']);
    expect(store.getState().lastTick).toBe(12);
    expect(store.getState().tick?.tick).toBe(12);
  });

  it('counts only applied ticks in the version the render loop watches', () => {
    const store = createLiveStore();
    store.getState().applySnapshot(buildSnapshot(topology, 5, null));
    const before = store.getState().version;

    store.getState().applyTick(buildTick(topology, 6));
    store.getState().applyTick(buildTick(topology, 6));

    expect(store.getState().version).toBe(before + 1);
  });

  it('refuses a tick whose arrays do not match the topology', () => {
    const store = createLiveStore();
    store.getState().applySnapshot(buildSnapshot(topology, 0, null));

    const outcome = store.getState().applyTick(buildTick(topology, 1, [1, 2, 3]));

    expect(outcome).toBe('shape-mismatch');
    expect(store.getState().lastTick).toBe(0);
  });

  it('resets on a snapshot, even one with a lower tick number', () => {
    const store = createLiveStore();
    store.getState().applySnapshot(buildSnapshot(topology, 100, buildTick(topology, 100)));
    store.getState().applyTick(buildTick(topology, 101));
    const other = buildTopology([['solo', 1, null]]);

    store.getState().applySnapshot(buildSnapshot(other, 3, buildTick(other, 3)));

    const s = store.getState();
    expect(s.lastTick).toBe(3);
    expect(s.tick?.tick).toBe(3);
    expect(s.topology).toBe(other);
    expect([...(s.index?.meterIndex.keys() ?? [])]).toEqual(['solo']);
    expect(s.snapshotVersion).toBe(2);
    expect(s.applyTick(buildTick(other, 4))).toBe('applied');
  });

  it('starts counting from the snapshot tick when the snapshot has no state', () => {
    const store = createLiveStore();
    store.getState().applySnapshot(buildSnapshot(topology, 7, null));

    expect(store.getState().applyTick(buildTick(topology, 7))).toBe('stale');
    expect(store.getState().applyTick(buildTick(topology, 8))).toBe('applied');
  });

  it('keeps the connection state across snapshots', () => {
    const store = createLiveStore();
    store.getState().setConnection('live');

    store.getState().applySnapshot(buildSnapshot(topology, 0, null));

    expect(store.getState().connection).toBe('live');
  });
});
