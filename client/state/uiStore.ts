import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { Lang } from '../i18n/index';

/**
 * Interface state that changes on user action only: language, the selected meter, the floor
 * shown, the chart range and the hovered room. Per-tick values live in `liveStore`.
 */

/** A floor of a building, or the whole site. */
export type FloorFilter = { readonly buildingId: string; readonly floorId: string } | null;

export type ChartRange = '24h' | '7d';

/** A room under the pointer, with where to draw its tooltip (canvas CSS pixels). */
export interface HoveredRoom {
  readonly roomId: string;
  readonly x: number;
  readonly y: number;
}

export interface UiState {
  readonly lang: Lang;
  readonly selectedMeterId: string | null;
  /** Bumps on every selection, so re-selecting the same meter re-focuses the camera. */
  readonly focusRequest: number;
  /** Meter under the pointer in the scene or the tree. */
  readonly hoveredMeterId: string | null;
  readonly floor: FloorFilter;
  readonly chartRange: ChartRange;
  readonly hoveredRoom: HoveredRoom | null;
}

export interface UiActions {
  setLang(lang: Lang): void;
  /** Selects a meter, focuses the camera on it and opens its chart (null closes the chart). */
  selectMeter(meterId: string | null): void;
  setHoveredMeter(meterId: string | null): void;
  setFloor(floor: FloorFilter): void;
  setChartRange(range: ChartRange): void;
  setHoveredRoom(room: HoveredRoom | null): void;
}

function initialLang(): Lang {
  if (typeof location === 'undefined') return 'zh';
  return new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
}

export function createUiStore() {
  return createStore<UiState & UiActions>()((set) => ({
    lang: initialLang(),
    selectedMeterId: null,
    focusRequest: 0,
    hoveredMeterId: null,
    floor: null,
    chartRange: '24h',
    hoveredRoom: null,
    setLang: (lang) => set({ lang }),
    selectMeter: (selectedMeterId) =>
      set((s) => ({ selectedMeterId, focusRequest: s.focusRequest + 1 })),
    setHoveredMeter: (hoveredMeterId) => set({ hoveredMeterId }),
    setFloor: (floor) => set({ floor, hoveredRoom: null }),
    setChartRange: (chartRange) => set({ chartRange }),
    setHoveredRoom: (hoveredRoom) => set({ hoveredRoom }),
  }));
}

export const uiStore = createUiStore();

export function useUi<T>(selector: (s: UiState & UiActions) => T): T {
  return useStore(uiStore, selector);
}
