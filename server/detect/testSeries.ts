import type { HourVolume } from '../../models/detection';
import type { Interval } from '../engine/interval';

/** For tests only: 2026-07-01T00:00 in Asia/Shanghai, epoch ms. */
export const JULY_1_SHANGHAI_MS = Date.UTC(2026, 5, 30, 16);
export const HOUR_MS = 3_600_000;

/** Consecutive hours from `startMs`, one per volume (L, null for no data). */
export function hourSeries(
  startMs: number,
  volumesL: readonly (number | null)[],
  estimated: readonly number[] = [],
): HourVolume[] {
  return volumesL.map((volumeL, i) => ({
    startMs: startMs + i * HOUR_MS,
    endMs: startMs + (i + 1) * HOUR_MS,
    volumeL,
    estimated: estimated.includes(i),
  }));
}

/** Consecutive measured intervals of `stepMs` from `startMs`, one per volume, L. */
export function intervalSeries(
  startMs: number,
  stepMs: number,
  volumesL: readonly number[],
): Interval[] {
  return volumesL.map((volumeL, i) => ({
    startMs: startMs + i * stepMs,
    endMs: startMs + (i + 1) * stepMs,
    volumeL,
    flags: [],
  }));
}
