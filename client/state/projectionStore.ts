import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * A retrofit scenario's projected pipe flows while they are drawn on the twin. The pipe draw
 * reads it in the render loop; while `flows` is set, every pipe shows the projection style and
 * no measured colour, and the banner says so.
 */
export interface ProjectionState {
  /** Day-mean flows per pipe in topology order, L/s, before and after; null: not drawn. */
  readonly flows: { readonly beforeLps: Float64Array; readonly afterLps: Float64Array } | null;
  readonly scenarioName: string | null;
  /** Increments on every change, so the render loop repaints once. */
  readonly version: number;
  show(name: string, beforeLps: Float64Array, afterLps: Float64Array): void;
  clear(): void;
}

export const projectionStore = createStore<ProjectionState>()((set) => ({
  flows: null,
  scenarioName: null,
  version: 0,
  show: (scenarioName, beforeLps, afterLps) =>
    set((s) => ({ flows: { beforeLps, afterLps }, scenarioName, version: s.version + 1 })),
  clear: () =>
    set((s) => (s.flows ? { flows: null, scenarioName: null, version: s.version + 1 } : s)),
}));

export function useProjection<T>(selector: (s: ProjectionState) => T): T {
  return useStore(projectionStore, selector);
}
