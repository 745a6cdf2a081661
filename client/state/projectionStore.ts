import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Flows per pipe in topology order, L/s, before and after a scenario. */
export interface ProjectedFlows {
  readonly beforeLps: Float64Array;
  readonly afterLps: Float64Array;
  /** The flow the colour ramp tops out at; unset: the highest `beforeLps`. */
  readonly scaleLps?: number;
}

/**
 * A retrofit scenario's projected pipe flows while they are drawn on the twin. The pipe draw
 * reads it in the render loop; while `flows` is set, every pipe shows the projection style and
 * no measured colour, and the banner says so. The replay steps `flows` through the hours of
 * the typical day; with no hour chosen they are the day means.
 */
export interface ProjectionState {
  /** What the pipes show now; null: not drawn. */
  readonly flows: ProjectedFlows | null;
  readonly scenarioName: string | null;
  /** Day-mean flows of the typical day. */
  readonly day: ProjectedFlows | null;
  /** Mean flows of each hour of the typical day (24 entries), on one colour scale. */
  readonly hours: readonly ProjectedFlows[] | null;
  /** Hour of the typical day shown (0–23), or null for the day means. */
  readonly hour: number | null;
  /** Whether the replay is stepping through the hours. */
  readonly playing: boolean;
  /** Increments on every change, so the render loop repaints once. */
  readonly version: number;
  show(name: string, day: ProjectedFlows, hours: readonly ProjectedFlows[]): void;
  /** Shows one hour of the typical day, or the day means with null. */
  setHour(hour: number | null): void;
  setPlaying(playing: boolean): void;
  clear(): void;
}

/** The hourly flows on one colour scale: the busiest hour's highest flow before measures. */
function onOneScale(hours: readonly ProjectedFlows[]): ProjectedFlows[] {
  let scaleLps = 0;
  for (const h of hours) for (const q of h.beforeLps) scaleLps = Math.max(scaleLps, Math.abs(q));
  return hours.map((h) => ({ beforeLps: h.beforeLps, afterLps: h.afterLps, scaleLps }));
}

export const projectionStore = createStore<ProjectionState>()((set) => ({
  flows: null,
  scenarioName: null,
  day: null,
  hours: null,
  hour: null,
  playing: false,
  version: 0,
  // A new scenario or month keeps the replay where it is.
  show: (scenarioName, day, hours) =>
    set((s) => {
      const scaled = onOneScale(hours);
      const flows = s.hour === null ? day : (scaled[s.hour] ?? day);
      return { flows, day, hours: scaled, scenarioName, version: s.version + 1 };
    }),
  setHour: (hour) =>
    set((s) => {
      if (!s.day) return s;
      const flows = hour === null ? s.day : (s.hours?.[hour] ?? s.day);
      return { hour, flows, version: s.version + 1 };
    }),
  setPlaying: (playing) => set((s) => (s.day ? { playing } : s)),
  clear: () =>
    set((s) =>
      s.flows
        ? {
            flows: null,
            scenarioName: null,
            day: null,
            hours: null,
            hour: null,
            playing: false,
            version: s.version + 1,
          }
        : s,
    ),
}));

export function useProjection<T>(selector: (s: ProjectionState) => T): T {
  return useStore(projectionStore, selector);
}
