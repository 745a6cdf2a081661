import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Alert, AlertEvent } from '../../models/alert';

/**
 * The alerts not yet resolved (open or acknowledged), fed by the snapshot and by `alert`
 * events. Every event replaces the alert with its id; a resolved one leaves the list. The
 * render loop compares `version` to know when to recolour the suspect pipes.
 */

export interface AlertState {
  /** Newest first (by the time the alert opened, then by id). */
  readonly alerts: readonly Alert[];
  /** Bumps on every change of the list. */
  readonly version: number;
}

export interface AlertActions {
  /** A snapshot's alerts replace everything (absent: none). */
  replaceAll(alerts: readonly Alert[] | undefined): void;
  /** An `alert` event: replace by id, or drop the alert once it is resolved. */
  applyEvent(event: AlertEvent): void;
}

const newestFirst = (a: Alert, b: Alert) => b.openedMs - a.openedMs || b.id - a.id;

/** The open list from a snapshot: resolved ones left out, newest first. */
export function openAlerts(alerts: readonly Alert[] | undefined): Alert[] {
  return (alerts ?? []).filter((a) => a.status !== 'resolved').sort(newestFirst);
}

/** The open list after an event: the alert replaced by id, or removed when resolved. */
export function reduceAlertEvent(alerts: readonly Alert[], event: AlertEvent): Alert[] {
  const rest = alerts.filter((a) => a.id !== event.alert.id);
  if (event.alert.status === 'resolved') return rest;
  return [...rest, event.alert].sort(newestFirst);
}

/**
 * The strongest confidence with which any open alert suspects each pipe, aligned with the
 * pipe order of `pipeIndex`; 0 where no alert names the pipe.
 */
export function suspectConfidences(
  alerts: readonly Alert[],
  pipeIndex: ReadonlyMap<string, number>,
  out: Float32Array,
): Float32Array {
  out.fill(0);
  for (const alert of alerts) {
    for (const { pipeId, confidence } of alert.suspects) {
      const i = pipeIndex.get(pipeId);
      if (i === undefined || i >= out.length) continue;
      // Above 0 even for a confidence of 0, so a named pipe is always marked.
      out[i] = Math.max(out[i]!, Math.min(1, Math.max(0.001, confidence)));
    }
  }
  return out;
}

export type AlertStore = ReturnType<typeof createAlertStore>;

export function createAlertStore() {
  return createStore<AlertState & AlertActions>()((set) => ({
    alerts: [],
    version: 0,
    replaceAll: (alerts) => set((s) => ({ alerts: openAlerts(alerts), version: s.version + 1 })),
    applyEvent: (event) =>
      set((s) => ({ alerts: reduceAlertEvent(s.alerts, event), version: s.version + 1 })),
  }));
}

/** The app's alert store. Tests create their own with `createAlertStore()`. */
export const alertStore = createAlertStore();

export function useAlerts<T>(selector: (s: AlertState & AlertActions) => T): T {
  return useStore(alertStore, selector);
}
