import type { SeriesPoint } from '../../models/protocol';

/**
 * What the chart shows while its series is fetched, refreshed and, during an outage, not
 * refreshable: a failed refresh keeps the last loaded bars and marks them stale, so the chart
 * never blanks out because the server went away for a while.
 */
export interface SeriesState {
  readonly status: 'idle' | 'loading' | 'ready' | 'error';
  readonly points: readonly SeriesPoint[];
  /** The window the points cover, epoch ms. */
  readonly fromMs: number;
  readonly toMs: number;
  /** True when the points are from an earlier load that the latest attempt could not replace. */
  readonly stale: boolean;
}

export interface SeriesWindow {
  readonly fromMs: number;
  readonly toMs: number;
}

export const IDLE_SERIES: SeriesState = {
  status: 'idle',
  points: [],
  fromMs: 0,
  toMs: 0,
  stale: false,
};

/** A request starts: a new meter or range starts empty, a refresh keeps what it will replace. */
export function seriesRequested(
  prev: SeriesState,
  sameSeries: boolean,
  window: SeriesWindow,
): SeriesState {
  if (sameSeries && prev.status !== 'idle') return prev;
  return { status: 'loading', points: [], ...window, stale: false };
}

/** The answer arrived. */
export function seriesLoaded(window: SeriesWindow, points: readonly SeriesPoint[]): SeriesState {
  return { status: 'ready', points, ...window, stale: false };
}

/** The request failed: keep the last loaded series as stale, or report the error if none. */
export function seriesFailed(prev: SeriesState, window: SeriesWindow): SeriesState {
  if (prev.status === 'ready') return prev.stale ? prev : { ...prev, stale: true };
  return { status: 'error', points: [], ...window, stale: false };
}

/** The live link dropped: what is shown may be out of date until the next load. */
export function seriesDisconnected(prev: SeriesState): SeriesState {
  return prev.status === 'ready' && !prev.stale ? { ...prev, stale: true } : prev;
}
