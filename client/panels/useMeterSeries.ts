import { useEffect, useRef, useState } from 'react';
import type { SeriesPoint } from '../../models/protocol';
import { createLogger } from '../log';
import { fetchHourlySeries } from '../net/api';
import { useEngineer } from '../state/engineerStore';
import type { ChartRange } from '../state/uiStore';
import { useThrottledLive } from '../state/useLive';
import { chartWindow } from './chartData';

const log = createLogger('chart');

/** Refetch at most this often while the twin clock runs, ms of wall time. */
const REFRESH_PERIOD_MS = 3000;
const HOUR_MS = 3_600_000;

export interface SeriesState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly points: readonly SeriesPoint[];
  readonly fromMs: number;
  readonly toMs: number;
}

const IDLE: SeriesState = { status: 'idle', points: [], fromMs: 0, toMs: 0 };

/**
 * Hourly volumes of a meter for the chosen range, ending at the twin's clock (replay runs far
 * faster than the browser clock). Refetched when a new twin hour begins (throttled) and after
 * an engineer action changed stored data.
 */
export function useMeterSeries(meterId: string | null, range: ChartRange): SeriesState {
  const twinHour = useThrottledLive(
    (s) => (s.tick ? Math.floor(s.tick.tsMs / HOUR_MS) : null),
    REFRESH_PERIOD_MS,
  );
  // An engineer's correction (e.g. a confirmed unit) re-derives stored volumes: fetch again.
  const dataVersion = useEngineer((s) => s.dataVersion);
  const [state, setState] = useState<SeriesState>(IDLE);
  const shownKey = useRef<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion is a refetch trigger
  useEffect(() => {
    if (meterId === null || twinHour === null) {
      shownKey.current = null;
      setState(IDLE);
      return;
    }
    const { fromMs, toMs } = chartWindow((twinHour + 1) * HOUR_MS - 1, range);
    const controller = new AbortController();
    // A new meter or range starts empty; a refresh keeps showing the bars it replaces.
    const key = `${meterId}|${range}`;
    if (shownKey.current !== key) {
      shownKey.current = key;
      setState({ status: 'loading', points: [], fromMs, toMs });
    }
    fetchHourlySeries(meterId, fromMs, toMs, controller.signal)
      .then((res) => setState({ status: 'ready', points: res.points, fromMs, toMs }))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('series request failed', { meterId, message: String(err) });
        setState({ status: 'error', points: [], fromMs, toMs });
      });
    return () => controller.abort();
  }, [meterId, range, twinHour, dataVersion]);

  return state;
}
