import { useCallback, useEffect, useState } from 'react';
import type { QuarantinedReading } from '../../models/health';
import { createLogger } from '../log';
import { ApiCallError } from '../net/api';
import { fetchQuarantine } from '../net/engineerApi';
import { engineerStore, useEngineer } from '../state/engineerStore';
import { useThrottledLive } from '../state/useLive';

const log = createLogger('quality');

/** Refetch at most this often while the twin clock runs, ms of wall time. */
const REFRESH_PERIOD_MS = 5000;
const HOUR_MS = 3_600_000;

export interface QuarantineState {
  readonly status: 'loading' | 'ready' | 'error';
  readonly readings: readonly QuarantinedReading[];
}

/**
 * The quarantined readings, fetched when the panel opens, after every engineer action, and
 * when a new twin hour begins (new readings may have been held back). A lapsed session signs
 * the interface out.
 */
export function useQuarantine(): QuarantineState {
  const dataVersion = useEngineer((s) => s.dataVersion);
  const twinHour = useThrottledLive(
    (s) => (s.tick ? Math.floor(s.tick.tsMs / HOUR_MS) : null),
    REFRESH_PERIOD_MS,
  );
  const [state, setState] = useState<QuarantineState>({ status: 'loading', readings: [] });
  const fail = useCallback((err: unknown) => {
    if (err instanceof ApiCallError && err.code === 'unauthorized') {
      engineerStore.getState().setEngineer(false);
      return;
    }
    log.warn('quarantine request failed', { message: String(err) });
    setState((s) => ({ status: 'error', readings: s.readings }));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion and twinHour are refetch triggers
  useEffect(() => {
    const controller = new AbortController();
    fetchQuarantine(controller.signal)
      .then((answer) => setState({ status: 'ready', readings: answer.readings }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) fail(err);
      });
    return () => controller.abort();
  }, [dataVersion, twinHour, fail]);

  return state;
}
