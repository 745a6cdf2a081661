import { useEffect, useState } from 'react';
import type { RetrofitContextResponse } from '../../models/retrofitApi';
import { createLogger } from '../log';
import { requestJson } from '../net/api';

const log = createLogger('planner');

export type ContextState =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly context: RetrofitContextResponse }
  | { readonly state: 'error' };

/** The planner's context (defaults, weather, metered totals of the last `days` days). */
export function useRetrofitContext(days: number): ContextState {
  const [answer, setAnswer] = useState<ContextState>({ state: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    requestJson<RetrofitContextResponse>(`/api/v1/retrofit/defaults?days=${days}`, {
      signal: controller.signal,
    })
      .then((context) => setAnswer({ state: 'ready', context }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('planner context failed', { message: String(err) });
        setAnswer({ state: 'error' });
      });
    return () => controller.abort();
  }, [days]);
  return answer;
}
