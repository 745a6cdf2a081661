import { useEffect, useState } from 'react';
import type { MeterHealth } from '../../models/health';
import { createLogger } from '../log';
import { fetchMeterHealth } from '../net/engineerApi';
import { useEngineer } from '../state/engineerStore';
import { useThrottledLive } from '../state/useLive';

const log = createLogger('health');

/** Refetch at most this often while the twin clock runs, ms of wall time. */
const REFRESH_PERIOD_MS = 2000;
const HOUR_MS = 3_600_000;

/**
 * One meter's health (null until known), fetched when the meter is chosen, when a new twin
 * hour begins (throttled) and after an engineer action changed stored data.
 */
export function useMeterHealth(meterId: string | null): MeterHealth | null {
  const dataVersion = useEngineer((s) => s.dataVersion);
  const twinHour = useThrottledLive(
    (s) => (s.tick ? Math.floor(s.tick.tsMs / HOUR_MS) : null),
    REFRESH_PERIOD_MS,
  );
  const [health, setHealth] = useState<MeterHealth | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: dataVersion and twinHour are refetch triggers
  useEffect(() => {
    if (meterId === null) return;
    const controller = new AbortController();
    fetchMeterHealth(controller.signal)
      .then((answer) => setHealth(answer.meters.find((m) => m.meterId === meterId) ?? null))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) log.warn('health request failed', { message: String(err) });
      });
    return () => controller.abort();
  }, [meterId, dataVersion, twinHour]);

  // A new meter shows nothing until its own answer comes, never the previous meter's health.
  return health?.meterId === meterId ? health : null;
}
