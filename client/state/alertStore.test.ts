import { describe, expect, it } from 'vitest';
import type { Alert } from '../../models/alert';
import { createAlertStore, suspectConfidences } from './alertStore';

const alert = (id: number, over: Partial<Alert> = {}): Alert => ({
  id,
  detector: 'continuous_flow',
  meterId: 'M3-a',
  status: 'open',
  openedMs: id * 1000,
  window: { startMs: 0, endMs: 1000 },
  confidence: 0.5,
  suspects: [],
  lossLph: 10,
  lossM3PerDay: 0.24,
  lossYuanPerDay: null,
  evidence: { unit: 'L/h', points: [] },
  ackNote: null,
  ackBy: null,
  ackMs: null,
  resolvedMs: null,
  resolvedBy: null,
  ...over,
});

describe('alert store', () => {
  it('takes the unresolved alerts of a snapshot, newest first', () => {
    const store = createAlertStore();
    store.getState().replaceAll([alert(1), alert(3, { status: 'resolved' }), alert(2)]);
    expect(store.getState().alerts.map((a) => a.id)).toEqual([2, 1]);
    store.getState().replaceAll(undefined);
    expect(store.getState().alerts).toEqual([]);
  });

  it('replaces by id on every event and drops resolved ones', () => {
    const store = createAlertStore();
    const v0 = store.getState().version;
    store.getState().applyEvent({ change: 'opened', alert: alert(1) });
    store.getState().applyEvent({ change: 'opened', alert: alert(2) });
    store.getState().applyEvent({ change: 'updated', alert: alert(1, { confidence: 0.8 }) });
    expect(store.getState().alerts.map((a) => [a.id, a.confidence])).toEqual([
      [2, 0.5],
      [1, 0.8],
    ]);
    store
      .getState()
      .applyEvent({ change: 'acknowledged', alert: alert(2, { status: 'acknowledged' }) });
    expect(store.getState().alerts.map((a) => a.status)).toEqual(['acknowledged', 'open']);
    store.getState().applyEvent({ change: 'resolved', alert: alert(1, { status: 'resolved' }) });
    expect(store.getState().alerts.map((a) => a.id)).toEqual([2]);
    expect(store.getState().version).toBe(v0 + 5);
  });

  it('gives each pipe the strongest confidence of the alerts naming it', () => {
    const index = new Map([
      ['p1', 0],
      ['p2', 1],
      ['p3', 2],
    ]);
    const out = suspectConfidences(
      [
        alert(1, { suspects: [{ pipeId: 'p2', confidence: 0.4 }] }),
        alert(2, {
          suspects: [
            { pipeId: 'p2', confidence: 0.9 },
            { pipeId: 'gone', confidence: 1 },
          ],
        }),
      ],
      index,
      new Float32Array([7, 7, 7]),
    );
    expect([...out]).toEqual([0, Math.fround(0.9), 0]);
  });
});
