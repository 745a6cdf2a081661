import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { DEFAULT_CALIBRATION_DAYS } from '../../models/retrofitApi';
import { emptyDraft, newScenarioId, type PlannerDraft, starterDraft } from './plannerDraft';

/** At most this many scenarios side by side. */
export const MAX_SCENARIOS = 3;

export interface PlannerState {
  readonly open: boolean;
  readonly drafts: readonly PlannerDraft[];
  /** The scenario being edited, and drawn on the twin when `onTwin` is set. */
  readonly active: number;
  /** Whether the active scenario's projected flows replace the measured colours on the pipes. */
  readonly onTwin: boolean;
  /** The calibration period, whole days before the twin's today. */
  readonly days: number;
  /** Month of the typical day drawn on the twin, 1–12. */
  readonly month: number;
  /** Whether the scenarios saved on the server have been read into `drafts`. */
  readonly loaded: boolean;
  /** The last save to the server: none yet, under way, done, or refused with a message. */
  readonly save: SaveState;
}

export type SaveState =
  | { readonly state: 'idle' | 'saving' | 'saved' }
  | {
      readonly state: 'failed';
      /** The server's error code (`unauthorized`, …), or `network` when there was no answer. */
      readonly code: string;
      /** The server's words, kept for the tooltip. */
      readonly message: string;
    };

export interface PlannerActions {
  setOpen(open: boolean): void;
  /** Replaces the active scenario's draft. */
  edit(change: (draft: PlannerDraft) => PlannerDraft): void;
  /** Adds a scenario with no measures, named "Scenario n" in the interface language. */
  add(n: number): void;
  /** Adds a copy of the edited scenario, named "Scenario n", to vary one thing at a time. */
  duplicate(n: number): void;
  remove(index: number): void;
  select(index: number): void;
  setOnTwin(on: boolean): void;
  setDays(days: number): void;
  setMonth(month: number): void;
  /** Shows the scenarios read from the server (none: keeps the drafts on screen). */
  load(drafts: readonly PlannerDraft[]): void;
  setSave(save: SaveState): void;
}

export function createPlannerStore() {
  return createStore<PlannerState & PlannerActions>()((set) => ({
    open: false,
    // Named "Scenario 1" in whichever language is shown, until the planner types a name.
    drafts: [starterDraft('', 1)],
    active: 0,
    onTwin: false,
    days: DEFAULT_CALIBRATION_DAYS,
    month: 7,
    loaded: false,
    save: { state: 'idle' },
    // Closing the planner takes its projection off the twin: nothing projected stays behind.
    setOpen: (open) => set((s) => ({ open, onTwin: open ? s.onTwin : false })),
    edit: (change) =>
      set((s) => ({ drafts: s.drafts.map((d, i) => (i === s.active ? change(d) : d)) })),
    add: (n) =>
      set((s) =>
        s.drafts.length >= MAX_SCENARIOS
          ? s
          : { drafts: [...s.drafts, emptyDraft('', n)], active: s.drafts.length },
      ),
    duplicate: (n) =>
      set((s) => {
        const base = s.drafts[s.active];
        if (s.drafts.length >= MAX_SCENARIOS || base === undefined) return s;
        const copy = { ...base, id: newScenarioId(), name: '', autoName: n };
        return { drafts: [...s.drafts, copy], active: s.drafts.length };
      }),
    remove: (index) =>
      set((s) => {
        if (s.drafts.length <= 1) return s;
        const drafts = s.drafts.filter((_, i) => i !== index);
        return { drafts, active: Math.min(s.active, drafts.length - 1) };
      }),
    select: (active) => set({ active }),
    setOnTwin: (onTwin) => set({ onTwin }),
    setDays: (days) => set({ days }),
    setMonth: (month) => set({ month }),
    load: (drafts) =>
      set((s) =>
        drafts.length > 0
          ? { drafts: drafts.slice(0, MAX_SCENARIOS), active: 0, loaded: true }
          : { loaded: true, drafts: s.drafts },
      ),
    setSave: (save) => set({ save }),
  }));
}

export const plannerStore = createPlannerStore();

export function usePlanner<T>(selector: (s: PlannerState & PlannerActions) => T): T {
  return useStore(plannerStore, selector);
}
