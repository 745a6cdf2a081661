import { useEffect, useRef } from 'react';
import { parseScenario } from '../../models/retrofit';
import type { Site } from '../../models/site';
import { DICTIONARIES, type Lang, translate } from '../i18n/index';
import { createLogger } from '../log';
import { ApiCallError } from '../net/api';
import { useUi } from '../state/uiStore';
import { draftToScenarioInput, type PlannerDraft, withShownName } from './plannerDraft';
import { MAX_SCENARIOS, plannerStore, type SaveState, usePlanner } from './plannerStore';
import { deleteSavedScenario, fetchSavedScenarios, putSavedScenario } from './scenarioApi';
import { defaultNameReader, scenarioToDraft } from './scenarioDraft';

const log = createLogger('planner');

/** Quiet time after the last edit before the scenarios are saved, ms. */
const SAVE_DELAY_MS = 800;

/** What the server holds for each scenario on screen, as JSON, by scenario id. */
const stored = new Map<string, string>();

/**
 * Keeps the planner's scenarios on the server: reads them the first time the planner opens,
 * then, for an engineer, saves each changed scenario a moment after the last edit and deletes
 * the removed ones. A scenario the schema refuses is not sent: the server keeps its last valid
 * version while the form names the fault.
 */
export function useScenarioSync(site: Site, editable: boolean): void {
  const lang = useUi((s) => s.lang);
  const drafts = usePlanner((s) => s.drafts);
  const loaded = usePlanner((s) => s.loaded);
  const pending = useRef<(() => void) | null>(null);

  // Step 1: read the saved scenarios once per page.
  useEffect(() => {
    if (plannerStore.getState().loaded) return;
    const controller = new AbortController();
    fetchSavedScenarios(controller.signal)
      .then(({ scenarios }) => {
        const reader = defaultNameReader(
          Object.values(DICTIONARIES).map((d) => d['planner.scenarioName']),
        );
        const shown = scenarios.slice(0, MAX_SCENARIOS);
        for (const s of shown) stored.set(s.id, JSON.stringify(s.scenario));
        plannerStore.getState().load(shown.map((s) => scenarioToDraft(s.id, s.scenario, reader)));
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('saved scenarios not read', { message: String(err) });
        // The drafts on screen stay editable; they are saved as new scenarios.
        plannerStore.getState().setSave(failure(err));
        plannerStore.getState().load([]);
      });
    return () => controller.abort();
  }, []);

  // Step 2: save a moment after the last change; closing the planner saves at once.
  useEffect(() => {
    if (!loaded || !editable) return;
    const save = () => {
      pending.current = null;
      void saveChanges(site, lang, drafts);
    };
    pending.current = save;
    const timer = setTimeout(save, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [drafts, loaded, editable, site, lang]);
  useEffect(() => () => pending.current?.(), []);
}

/** Writes every scenario that differs from what the server holds; deletes removed ones. */
async function saveChanges(site: Site, lang: Lang, drafts: readonly PlannerDraft[]): Promise<void> {
  const { setSave } = plannerStore.getState();
  const writes: Promise<unknown>[] = [];
  for (const draft of drafts) {
    const named = withShownName(draft, (n) => translate(lang, 'planner.scenarioName', { n }));
    const parsed = parseScenario(draftToScenarioInput(named, site), site);
    if (!parsed.ok) continue;
    const body = JSON.stringify(parsed.scenario);
    if (stored.get(draft.id) === body) continue;
    writes.push(putSavedScenario(draft.id, parsed.scenario).then(() => stored.set(draft.id, body)));
  }
  const ids = new Set(drafts.map((d) => d.id));
  for (const id of [...stored.keys()]) {
    if (!ids.has(id)) writes.push(deleteSavedScenario(id).then(() => stored.delete(id)));
  }
  if (writes.length === 0) return;

  setSave({ state: 'saving' });
  try {
    await Promise.all(writes);
    setSave({ state: 'saved' });
  } catch (err) {
    log.warn('scenarios not saved', { message: String(err) });
    setSave(failure(err));
  }
}

/** A failed call as the planner shows it: the server's code picks the translated words. */
function failure(err: unknown): SaveState {
  return {
    state: 'failed',
    code: err instanceof ApiCallError ? err.code : 'network',
    message: err instanceof Error ? err.message : String(err),
  };
}
