import { liveStore } from './state/liveStore';
import { projectionStore } from './state/projectionStore';

/**
 * Hooks for browser tests on `window.__twin`. They observe; they never drive the app
 * (selection happens through real clicks).
 */
export interface ScreenPoint {
  /** Canvas-relative CSS pixels from the left edge. */
  readonly x: number;
  /** Canvas-relative CSS pixels from the top edge. */
  readonly y: number;
}

export interface TwinTestHooks {
  /** True once a snapshot was applied and a frame with the building was rendered. */
  sceneReady: boolean;
  readonly lastTick: number | null;
  readonly connection: string;
  /** Where a meter's marker is on the canvas now, or null if unknown, hidden or off-screen. */
  meterScreenPosition(meterId: string): ScreenPoint | null;
  /** How many pipe instances the last paint marked as suspect (0 before the pipes are drawn). */
  suspectPipeCount(): number;
  /** A pipe instance's colour in the draw's `instanceColor` (linear RGB), or null if unknown. */
  pipeColor(pipeId: string): [number, number, number] | null;
  /** Whether a retrofit projection is drawn on the pipes instead of measured flows. */
  readonly projectionActive: boolean;
  /** Hour of the typical day the projection shows (0–23); null for the day means or none. */
  readonly projectionHour: number | null;
  /** Whether the projected typical day is being replayed hour by hour. */
  readonly projectionPlaying: boolean;
  /** A pipe's projected flow after the scenario as drawn now, L/s; null when none is drawn. */
  projectedFlowLps(pipeId: string): number | null;
  /** What the renderer holds and drew last frame, or null before the scene is mounted. */
  sceneStats(): SceneStats | null;
}

/** Counts of the 3D scene, to see whether anything grows over a long unattended run. */
export interface SceneStats {
  /** Geometries and textures alive on the GPU (three.js `renderer.info.memory`). */
  readonly geometries: number;
  readonly textures: number;
  /** Compiled shader programs. */
  readonly programs: number;
  /** Draw calls and triangles of the last frame. */
  readonly calls: number;
  readonly triangles: number;
  /** Objects in the scene graph, the scene included. */
  readonly objects: number;
}

/** What the pipe draw lets tests read. */
export interface PipeProbe {
  suspectPipeCount(): number;
  pipeColor(pipeId: string): [number, number, number] | null;
}

declare global {
  interface Window {
    __twin?: TwinTestHooks;
  }
}

type Probe = (meterId: string) => ScreenPoint | null;
let probe: Probe | null = null;
let pipeProbe: PipeProbe | null = null;
let statsProbe: (() => SceneStats) | null = null;

/** The scene registers how to count what it holds; null on unmount. */
export function setSceneStatsProbe(next: (() => SceneStats) | null): void {
  statsProbe = next;
}

/** The pipe draw registers what tests may read of it; null on unmount. */
export function setPipeProbe(next: PipeProbe | null): void {
  pipeProbe = next;
}

/** The scene registers how to project a meter to the screen; null on unmount. */
export function setMeterScreenProbe(next: Probe | null): void {
  probe = next;
}

export function installTestHooks(): TwinTestHooks {
  const hooks: TwinTestHooks = {
    sceneReady: false,
    get lastTick() {
      return liveStore.getState().lastTick;
    },
    get connection() {
      return liveStore.getState().connection;
    },
    meterScreenPosition: (meterId) => probe?.(meterId) ?? null,
    suspectPipeCount: () => pipeProbe?.suspectPipeCount() ?? 0,
    pipeColor: (pipeId) => pipeProbe?.pipeColor(pipeId) ?? null,
    get projectionActive() {
      return projectionStore.getState().flows !== null;
    },
    get projectionHour() {
      return projectionStore.getState().hour;
    },
    get projectionPlaying() {
      return projectionStore.getState().playing;
    },
    projectedFlowLps: (pipeId) => {
      const flows = projectionStore.getState().flows;
      const i = liveStore.getState().topology?.pipes.findIndex((p) => p.id === pipeId) ?? -1;
      return flows && i >= 0 ? (flows.afterLps[i] ?? null) : null;
    },
    sceneStats: () => statsProbe?.() ?? null,
  };
  window.__twin = hooks;
  return hooks;
}

/** Marks the scene ready for tests: the body attribute and the hook flag. */
export function markSceneReady(): void {
  document.body.dataset.sceneReady = 'true';
  if (window.__twin) window.__twin.sceneReady = true;
}
