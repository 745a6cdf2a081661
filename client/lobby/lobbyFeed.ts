import { createStore, type StoreApi } from 'zustand/vanilla';
import { createLogger } from '../log';
import { requestJson } from '../net/api';

/**
 * The lobby's and the show's figures, polled over HTTP (the 3D scene gets its ticks over the
 * socket). A failed poll keeps the last figures but marks them as not current; a poll that
 * brings another build id reloads the page, so a new deployment reaches unattended screens.
 */

const log = createLogger('lobby');

/** How often the figures are asked for, ms (wall time). */
export const POLL_MS = 5_000;
/** Figures older than this, in wall time, are shown as not current, ms. */
export const FRESH_FOR_MS = 20_000;

export interface FeedState<V> {
  readonly view: V | null;
  /** Wall time of the last successful poll, epoch ms. */
  readonly fetchedAtMs: number | null;
  /** The build id first seen; another one means a new deployment. */
  readonly buildId: string | null;
}

/** Whether the figures on screen may be shown as current at wall time `nowMs`. */
export function isCurrent(state: FeedState<unknown>, nowMs: number): boolean {
  return state.fetchedAtMs !== null && nowMs - state.fetchedAtMs <= FRESH_FOR_MS;
}

/** What a poll's answer means: keep going, or reload for a new build. */
export function afterPoll(prevBuildId: string | null, buildId: string): 'apply' | 'reload' {
  return prevBuildId !== null && prevBuildId !== buildId ? 'reload' : 'apply';
}

export interface Feed<V> {
  readonly store: StoreApi<FeedState<V>>;
  stop(): void;
}

/** Polls `url` every `POLL_MS` until stopped; `reload` is called on a new build id. */
export function startFeed<V extends { readonly buildId: string }>(
  url: string,
  reload: () => void = () => location.reload(),
): Feed<V> {
  const store = createStore<FeedState<V>>()(() => ({
    view: null,
    fetchedAtMs: null,
    buildId: null,
  }));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopped = false;

  const poll = async () => {
    try {
      const view = await requestJson<V>(url);
      if (afterPoll(store.getState().buildId, view.buildId) === 'reload') {
        log.warn('new build deployed; reloading', { buildId: view.buildId });
        reload();
        return;
      }
      store.setState({ view, fetchedAtMs: Date.now(), buildId: view.buildId });
    } catch (err) {
      // The server is down or restarting: keep the last figures, marked as not current.
      log.debug('poll failed', { message: String(err) });
    } finally {
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    }
  };
  void poll();
  return {
    store,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
