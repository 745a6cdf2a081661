import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** Whether the lobby and show settings are open (engineers only). */
export interface SettingsPanelState {
  readonly open: boolean;
  setOpen(open: boolean): void;
}

export const settingsPanelStore = createStore<SettingsPanelState>()((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

export function useSettingsPanel<T>(selector: (s: SettingsPanelState) => T): T {
  return useStore(settingsPanelStore, selector);
}
