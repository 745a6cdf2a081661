import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/**
 * Whether the CSV upload page is open. Its own tiny store so the engineer control opens it and
 * the page closes itself; the page shows only to a signed-in engineer whatever this says.
 */
export interface ImportPanelState {
  readonly open: boolean;
  setOpen(open: boolean): void;
}

export const importPanelStore = createStore<ImportPanelState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function useImportPanel<T>(selector: (s: ImportPanelState) => T): T {
  return useStore(importPanelStore, selector);
}
