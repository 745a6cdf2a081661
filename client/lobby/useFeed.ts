import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { type FeedState, isCurrent, startFeed } from './lobbyFeed';

/** Re-check of "are the figures current?", ms. */
const FRESHNESS_CHECK_MS = 1_000;

/** Polls a lobby-like view while mounted; `current` is false once the figures go stale. */
export function useFeed<V extends { readonly buildId: string; readonly stale: boolean }>(
  url: string,
): { view: V | null; current: boolean } {
  const [feed] = useState(() => startFeed<V>(url));
  useEffect(() => () => feed.stop(), [feed]);
  const state = useStore(feed.store) as FeedState<V>;

  // Wall time moves on between polls: look again every second.
  const [nowMs, setNowMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNowMs(Date.now()), FRESHNESS_CHECK_MS);
    return () => clearInterval(timer);
  }, []);

  const current = state.view !== null && !state.view.stale && isCurrent(state, nowMs);
  return { view: state.view, current };
}
