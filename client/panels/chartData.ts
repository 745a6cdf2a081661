import type { AlignedData } from 'uplot';
import type { SeriesPoint } from '../../models/protocol';
import type { ChartRange } from '../state/uiStore';

/**
 * The chart's data contract (uPlot's): x in epoch seconds, ascending and unique; y in litres
 * with null for gaps (never 0 for "no data"); both arrays of equal length.
 */

const HOUR_MS = 3_600_000;

export const RANGE_MS: Readonly<Record<ChartRange, number>> = {
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
};

/** The window to ask for: the range ending at the end of the twin's current hour, epoch ms. */
export function chartWindow(
  twinNowMs: number,
  range: ChartRange,
): { fromMs: number; toMs: number } {
  const toMs = Math.ceil(twinNowMs / HOUR_MS) * HOUR_MS;
  return { fromMs: toMs - RANGE_MS[range], toMs };
}

/** Series points as uPlot data; repeated or out-of-order buckets keep the last value seen. */
export function toChartData(points: readonly SeriesPoint[]): AlignedData {
  const byTs = new Map<number, number | null>();
  for (const p of points) {
    if (!Number.isFinite(p.tsMs)) continue;
    const v = p.volumeL;
    byTs.set(p.tsMs, v === null || !Number.isFinite(v) ? null : v);
  }
  const ts = [...byTs.keys()].sort((a, b) => a - b);
  return [ts.map((t) => t / 1000), ts.map((t) => byTs.get(t) ?? null)];
}

/** Sum of the known volumes in the chart, L; null if every bucket is a gap. */
export function totalVolumeL(points: readonly SeriesPoint[]): number | null {
  let sum = 0;
  let any = false;
  for (const p of points) {
    if (p.volumeL !== null && Number.isFinite(p.volumeL)) {
      sum += p.volumeL;
      any = true;
    }
  }
  return any ? sum : null;
}
