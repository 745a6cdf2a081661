import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { type LiveState, liveStore } from './liveStore';

/**
 * React views of the live store. Use `useLive` for values that change per snapshot or per
 * connection change, `useThrottledLive` for per-tick values shown in HTML (≈ 2 Hz), and
 * `liveStore.getState()` inside `useFrame` for anything drawn in 3D.
 */

export function useLive<T>(selector: (s: LiveState) => T): T {
  return useStore(liveStore, selector);
}

/** Label refresh period, ms: fast enough to look live, slow enough to leave the frame alone. */
export const LABEL_PERIOD_MS = 500;

/**
 * A sample of the live state that re-renders at most once per `periodMs`, however often ticks
 * arrive; the selector runs on the sample at render time, so a new selector applies at once.
 */
export function useThrottledLive<T>(
  selector: (s: LiveState) => T,
  periodMs: number = LABEL_PERIOD_MS,
): T {
  const [sample, setSample] = useState<LiveState>(() => liveStore.getState());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRun = 0;
    const flush = () => {
      timer = null;
      lastRun = performance.now();
      setSample(liveStore.getState());
    };

    // Catch up with changes between the first render and this effect, then throttle.
    flush();
    const unsubscribe = liveStore.subscribe(() => {
      if (timer !== null) return;
      timer = setTimeout(flush, Math.max(0, lastRun + periodMs - performance.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [periodMs]);

  return selector(sample);
}
