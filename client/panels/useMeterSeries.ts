import { useEffect, useRef, useState } from 'react';
import { createLogger } from '../log';
import { fetchHourlySeries } from '../net/api';
import { useEngineer } from '../state/engineerStore';
import type { ChartRange } from '../state/uiStore';
import { useLive, useThrottledLive } from '../state/useLive';
import { chartWindow } from './chartData';
import {
  IDLE_SERIES,
  type SeriesState,
  seriesDisconnected,
  seriesFailed,
  seriesLoaded,
  seriesRequested,
} from './seriesState';

const log = createLogger('chart');

/**
 * Refetch at most this often while the twin clock runs, ms of wall time: at replay ×3600 a
 * twin hour passes each second, so a slower refresh would leave the chart hours behind.
 */
const REFRESH_PERIOD_MS = 1000;
/** Wait before trying again after a failed request while the live link is up, ms. */
const RETRY_MS = 5000;
const HOUR_MS = 3_600_000;

export type { SeriesState } from './seriesState';

/**
 * Hourly volumes of a meter for the chosen range, ending at the twin's clock (replay runs far
 * faster than the browser clock). Refetched when a new twin hour begins (throttled), after an
 * engineer action changed stored data, and when the live link comes back after an outage; the
 * last loaded series stays on screen, marked stale, while a refresh cannot get through.
 */
export function useMeterSeries(meterId: string | null, range: ChartRange): SeriesState {
  const twinHour = useThrottledLive(
    (s) => (s.tick ? Math.floor(s.tick.tsMs / HOUR_MS) : null),
    REFRESH_PERIOD_MS,
  );
  // An engineer's correction (e.g. a confirmed unit) re-derives stored volumes: fetch again.
  const dataVersion = useEngineer((s) => s.dataVersion);
  const online = useLive((s) => s.connection === 'live');
  const [retry, setRetry] = useState(0);
  const [state, setState] = useState<SeriesState>(IDLE_SERIES);
  const shownKey = useRef<string | null>(null);

  // The link dropped: what is on screen may be out of date.
  useEffect(() => {
    if (!online) setState(seriesDisconnected);
  }, [online]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion and retry trigger refetches
  useEffect(() => {
    if (meterId === null || twinHour === null) {
      shownKey.current = null;
      setState(IDLE_SERIES);
      return;
    }
    const window = chartWindow((twinHour + 1) * HOUR_MS - 1, range);
    const key = `${meterId}|${range}`;
    const same = shownKey.current === key;
    shownKey.current = key;
    // Offline, a refresh of the series on screen would only fail; the reconnect fetches it.
    if (same && !online) return;
    setState((prev) => seriesRequested(prev, same, window));

    const controller = new AbortController();
    let retryTimer: ReturnType<typeof setTimeout> | null = null;
    fetchHourlySeries(meterId, window.fromMs, window.toMs, controller.signal)
      .then((res) => setState(seriesLoaded(window, res.points)))
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        log.warn('series request failed', { meterId, online, message: String(err) });
        setState((prev) => seriesFailed(prev, window));
        if (online) retryTimer = setTimeout(() => setRetry((n) => n + 1), RETRY_MS);
      });
    return () => {
      controller.abort();
      if (retryTimer !== null) clearTimeout(retryTimer);
    };
  }, [meterId, range, twinHour, dataVersion, online, retry]);

  return state;
}
