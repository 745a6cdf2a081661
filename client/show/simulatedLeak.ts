import type { Alert } from '../../models/alert';
import type { AlertStore } from '../state/alertStore';

/**
 * "Simulate a leak" in the show: an alert that exists only in this page's memory, never on
 * the server or in the store. Its negative id cannot meet a real alert's.
 */
export const SIMULATED_ALERT_ID = -1;

export function simulatedAlert(meterId: string, pipeIds: readonly string[], nowMs: number): Alert {
  return {
    id: SIMULATED_ALERT_ID,
    detector: 'balance',
    meterId,
    status: 'open',
    openedMs: nowMs,
    window: { startMs: nowMs - 3_600_000, endMs: nowMs },
    confidence: 0.9,
    suspects: pipeIds.map((pipeId) => ({ pipeId, confidence: 0.9 })),
    lossLph: 0,
    lossM3PerDay: 0,
    lossYuanPerDay: null,
    evidence: { unit: 'L', points: [] },
    ackNote: null,
    ackBy: null,
    ackMs: null,
    resolvedMs: null,
    resolvedBy: null,
  };
}

/** Shows the simulated alert on the pipes until the returned function takes it away. */
export function overlayLeak(store: AlertStore, alert: Alert): () => void {
  const apply = () => {
    const { alerts } = store.getState();
    if (alerts.some((a) => a.id === alert.id)) return;
    store.setState((s) => ({ alerts: [alert, ...s.alerts], version: s.version + 1 }));
  };
  apply();
  // A snapshot after a reconnect replaces the list: put the simulation back on.
  const unsubscribe = store.subscribe(apply);
  return () => {
    unsubscribe();
    store.setState((s) => ({
      alerts: s.alerts.filter((a) => a.id !== alert.id),
      version: s.version + 1,
    }));
  };
}
