import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lang } from '../i18n/index';
import type { WorldBox } from '../scene/sceneFrame';

/**
 * Interface state that changes on user action only: language, the selected meter, the floor
 * shown, the chart range and the hovered room. Per-tick values live in `liveStore`.
 */

/** A floor of a building, or the whole site. */
export type FloorFilter = { readonly buildingId: string; readonly floorId: string } | null;

export type ChartRange = '24h' | '7d';

/**
 * Where the camera should go: the whole site, one storey, or one meter. Closing a meter's chart
 * goes back to the view of the floor choice (the storey, or the whole site).
 */
export type CameraGoal =
  | { readonly kind: 'overview' }
  | { readonly kind: 'floor'; readonly buildingId: string; readonly floorId: string }
  | { readonly kind: 'meter'; readonly meterId: string }
  /** A box of the site, e.g. around an alert's suspect pipes. */
  | { readonly kind: 'box'; readonly box: WorldBox };

/** A room under the pointer, with where to draw its tooltip (canvas CSS pixels). */
export interface HoveredRoom {
  readonly roomId: string;
  readonly x: number;
  readonly y: number;
}

export interface UiState {
  readonly lang: Lang;
  readonly selectedMeterId: string | null;
  /** The alert whose evidence is open (its chart takes the meter chart's place). */
  readonly selectedAlertId: number | null;
  readonly cameraGoal: CameraGoal;
  /** Bumps on every camera request, so asking for the same goal again flies there again. */
  readonly cameraRequest: number;
  /** Meter under the pointer in the scene or the tree. */
  readonly hoveredMeterId: string | null;
  readonly floor: FloorFilter;
  readonly chartRange: ChartRange;
  readonly hoveredRoom: HoveredRoom | null;
}

export interface UiActions {
  setLang(lang: Lang): void;
  /**
   * Selects a meter, focuses the camera on it and opens its chart; null closes the chart and
   * returns the camera to the view of the floor choice.
   */
  selectMeter(meterId: string | null): void;
  /**
   * Opens an alert's evidence (closing the meter chart) and flies to the box around its
   * suspect pipes; null closes it and returns to the view of the floor choice.
   */
  selectAlert(alertId: number | null, box?: WorldBox | null): void;
  setHoveredMeter(meterId: string | null): void;
  /** Shows one storey (or all) and frames it. */
  setFloor(floor: FloorFilter): void;
  /** Back to the whole-site view (全景); the floor choice and the selection stay. */
  resetView(): void;
  setChartRange(range: ChartRange): void;
  setHoveredRoom(room: HoveredRoom | null): void;
}

function initialLang(): Lang {
  if (typeof location === 'undefined') return 'zh';
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

/** The view that belongs to a floor choice: that storey, or the whole site. */
export function floorGoal(floor: FloorFilter): CameraGoal {
  return floor ? { kind: 'floor', ...floor } : { kind: 'overview' };
}

export function createUiStore() {
  return createStore<UiState & UiActions>()((set) => ({
    lang: initialLang(),
    selectedMeterId: null,
    selectedAlertId: null,
    cameraGoal: { kind: 'overview' },
    cameraRequest: 0,
    hoveredMeterId: null,
    floor: null,
    chartRange: '24h',
    hoveredRoom: null,
    setLang: (lang) => set({ lang }),
    selectMeter: (selectedMeterId) =>
      set((s) => ({
        selectedMeterId,
        selectedAlertId: selectedMeterId ? null : s.selectedAlertId,
        cameraGoal: selectedMeterId
          ? { kind: 'meter', meterId: selectedMeterId }
          : floorGoal(s.floor),
        cameraRequest: s.cameraRequest + 1,
      })),
    selectAlert: (selectedAlertId, box) =>
      set((s) => ({
        selectedAlertId,
        selectedMeterId: selectedAlertId === null ? s.selectedMeterId : null,
        cameraGoal: selectedAlertId !== null && box ? { kind: 'box', box } : floorGoal(s.floor),
        cameraRequest: s.cameraRequest + 1,
      })),
    setHoveredMeter: (hoveredMeterId) => set({ hoveredMeterId }),
    setFloor: (floor) =>
      set((s) => ({
        floor,
        hoveredRoom: null,
        cameraGoal: floorGoal(floor),
        cameraRequest: s.cameraRequest + 1,
      })),
    resetView: () =>
      set((s) => ({ cameraGoal: { kind: 'overview' }, cameraRequest: s.cameraRequest + 1 })),
    setChartRange: (chartRange) => set({ chartRange }),
    setHoveredRoom: (hoveredRoom) => set({ hoveredRoom }),
  }));
}

export const uiStore = createUiStore();

export function useUi<T>(selector: (s: UiState & UiActions) => T): T {
  return useStore(uiStore, selector);
}
