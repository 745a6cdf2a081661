import type { Scenario } from '../../models/retrofit';
import type { SavedScenario, SavedScenariosResponse } from '../../models/retrofitApi';
import { ApiCallError, requestJson } from '../net/api';

/** Calls of the planner's saved scenarios (`/api/v1/retrofit/scenarios`); writes need an engineer. */

const route = (id: string) => `/api/v1/retrofit/scenarios/${encodeURIComponent(id)}`;

export function fetchSavedScenarios(signal: AbortSignal): Promise<SavedScenariosResponse> {
  return requestJson('/api/v1/retrofit/scenarios', { signal });
}

export function putSavedScenario(id: string, scenario: Scenario): Promise<SavedScenario> {
  return requestJson(route(id), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(scenario),
  });
}

/** Deletes a saved scenario; one already gone counts as deleted. */
export async function deleteSavedScenario(id: string): Promise<void> {
  const res = await fetch(route(id), { method: 'DELETE' });
  if (res.ok || res.status === 404) return;
  const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
  throw new ApiCallError(res.status, body?.code ?? 'http_error', body?.message ?? res.statusText);
}
