import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * The engineer's side of the interface: whether this browser holds an engineer session, whether
 * the data-quality panel is open, and a version that bumps when an engineer action changed
 * stored data (so health and lists fetch again). Calls to the server live in `net/`.
 */

/** `unknown` until the server has answered `GET /api/v1/session`. */
export type SessionStatus = 'unknown' | 'visitor' | 'engineer';

export interface EngineerState {
  readonly session: SessionStatus;
  readonly qualityOpen: boolean;
  readonly dataVersion: number;
}

export interface EngineerActions {
  /** Records what the server said; signing out (or a lapsed session) closes engineer panels. */
  setEngineer(engineer: boolean): void;
  setQualityOpen(open: boolean): void;
  /** An engineer action changed stored data. */
  dataChanged(): void;
}

export function createEngineerStore() {
  return createStore<EngineerState & EngineerActions>()((set) => ({
    session: 'unknown',
    qualityOpen: false,
    dataVersion: 0,
    setEngineer: (engineer) =>
      set((s) => ({
        session: engineer ? 'engineer' : 'visitor',
        qualityOpen: engineer && s.qualityOpen,
      })),
    setQualityOpen: (open) => set((s) => ({ qualityOpen: open && s.session === 'engineer' })),
    dataChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  }));
}

export const engineerStore = createEngineerStore();

export function useEngineer<T>(selector: (s: EngineerState & EngineerActions) => T): T {
  return useStore(engineerStore, selector);
}
