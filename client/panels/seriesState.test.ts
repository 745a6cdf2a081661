import { describe, expect, it } from 'vitest';
import {
  IDLE_SERIES,
  seriesDisconnected,
  seriesFailed,
  seriesLoaded,
  seriesRequested,
} from './seriesState';

const HOUR_MS = 3_600_000;
const day1 = { fromMs: 0, toMs: 24 * HOUR_MS };
const day2 = { fromMs: HOUR_MS, toMs: 25 * HOUR_MS };
const bars = [
  { tsMs: 0, volumeL: 12 },
  { tsMs: HOUR_MS, volumeL: null },
];

describe('chart series state', () => {
  it('starts a new meter or range empty and keeps the bars during a refresh', () => {
    const shown = seriesLoaded(day1, bars);

    expect(seriesRequested(shown, false, day2)).toEqual({
      status: 'loading',
      points: [],
      ...day2,
      stale: false,
    });
    expect(seriesRequested(shown, true, day2)).toBe(shown);
    expect(seriesRequested(IDLE_SERIES, true, day1).status).toBe('loading');
  });

  it('keeps the last loaded bars, marked stale, when a refresh fails', () => {
    const shown = seriesLoaded(day1, bars);

    const failed = seriesFailed(shown, day2);

    expect(failed).toEqual({ status: 'ready', points: bars, ...day1, stale: true });
    expect(seriesFailed(failed, day2)).toBe(failed);
  });

  it('reports an error when nothing was loaded yet', () => {
    const loading = seriesRequested(IDLE_SERIES, false, day1);

    expect(seriesFailed(loading, day1)).toEqual({
      status: 'error',
      points: [],
      ...day1,
      stale: false,
    });
  });

  it('marks the bars stale when the link drops and fresh once loaded again', () => {
    const offline = seriesDisconnected(seriesLoaded(day1, bars));

    expect(offline.stale).toBe(true);
    expect(offline.points).toBe(bars);
    expect(seriesLoaded(day2, bars).stale).toBe(false);
    expect(seriesDisconnected(IDLE_SERIES)).toBe(IDLE_SERIES);
  });
});
