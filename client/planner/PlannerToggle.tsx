import { useT } from '../i18n/useT';
import { importPanelStore } from '../panels/importPanelState';
import { testIds } from '../testIds';
import { plannerStore, usePlanner } from './plannerStore';

/** 改造规划 in the top bar: open to everyone; editing needs an engineer's sign-in. */
export function PlannerToggle() {
  const t = useT();
  const open = usePlanner((s) => s.open);
  return (
    <button
      type="button"
      className={open ? 'chip active' : 'chip'}
      aria-pressed={open}
      data-testid={testIds.plannerToggle}
      onClick={() => {
        plannerStore.getState().setOpen(!open);
        // The upload page would cover the planner.
        if (!open) importPanelStore.getState().setOpen(false);
      }}
    >
      {t('planner.open')}
    </button>
  );
}
