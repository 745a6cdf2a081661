/**
 * Burst / high-flow detector (DESIGN §8, domain.md §7.2, §7.4): flow far above the meter's
 * own history, above both an absolute floor (19 L/min ≈ 5 gpm) and a factor times the
 * history's 99th percentile, for at least N minutes of contiguous intervals. Reads intervals,
 * not hours, since a burst lasts minutes. History is every valid interval that ended before
 * the look-back window; estimated, flagged or scheduled intervals are never evidence.
 */

import { median, quantile } from 'simple-statistics';
import type { LeakCandidate, ScheduledUse } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import type { Interval } from '../engine/interval';
import { confidenceOf, m3PerDay } from './localise';
import { scheduledAt } from './schedule';

export interface HighFlowOptions {
  readonly floorLpm?: number;
  readonly historyQuantile?: number;
  readonly historyFactor?: number;
  readonly minMinutes?: number;
  readonly minHistory?: number;
  /** Intervals ending in (nowMs − lookbackMs, nowMs] are judged; default one day. */
  readonly lookbackMs?: number;
}

export interface MeterIntervals {
  readonly meterId: string;
  readonly intervals: readonly Interval[];
  readonly zone: string;
  /** Twin time, epoch ms. */
  readonly nowMs: number;
  readonly schedule?: readonly ScheduledUse[];
}

const MINUTE_MS = 60_000;

function flowLpm(interval: Interval): number {
  return interval.volumeL / ((interval.endMs - interval.startMs) / MINUTE_MS);
}

/** Measured, unflagged and of positive length (`reverse_flow` only clips, so it may stay). */
function isEvidence(interval: Interval): boolean {
  return (
    interval.endMs > interval.startMs && interval.flags.every((flag) => flag === 'reverse_flow')
  );
}

export function detectHighFlow(
  input: MeterIntervals,
  options: HighFlowOptions = {},
): LeakCandidate[] {
  const d = DETECTION_DEFAULTS;
  const fromMs = input.nowMs - (options.lookbackMs ?? 86_400_000);
  const minMinutes = options.minMinutes ?? d.highFlowMinMinutes.value;

  // The limit: the absolute floor, raised by the meter's own history when there is enough.
  const history = input.intervals.filter((i) => i.endMs <= fromMs && isEvidence(i)).map(flowLpm);
  const enough = history.length >= (options.minHistory ?? d.highFlowMinHistory.value);
  const typical = enough ? median(history) : 0;
  const fromHistory = enough
    ? quantile(history, options.historyQuantile ?? d.highFlowHistoryQuantile.value) *
      (options.historyFactor ?? d.highFlowHistoryFactor.value)
    : 0;
  const limitLpm = Math.max(options.floorLpm ?? d.highFlowFloorLpm.value, fromHistory);

  // Runs of contiguous high intervals in the window.
  const runs: Interval[][] = [];
  let run: Interval[] = [];
  for (const interval of input.intervals) {
    if (interval.endMs <= fromMs || interval.endMs > input.nowMs) continue;
    const high =
      isEvidence(interval) &&
      flowLpm(interval) > limitLpm &&
      scheduledAt(input.schedule ?? [], input.meterId, interval.startMs, input.zone) === undefined;
    if (!high || run.at(-1)?.endMs !== interval.startMs) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (high) run.push(interval);
  }
  if (run.length > 0) runs.push(run);

  // Long enough runs are candidates; the loss is the flow above the meter's typical flow.
  return runs.flatMap((r) => {
    const startMs = r[0]?.startMs ?? 0;
    const endMs = r.at(-1)?.endMs ?? 0;
    const minutes = (endMs - startMs) / MINUTE_MS;
    if (minutes < minMinutes) return [];
    const meanLpm = r.reduce((s, i) => s + i.volumeL, 0) / minutes;
    const lossLph = (meanLpm - typical) * 60;
    return [
      {
        detector: 'high_flow',
        meterId: input.meterId,
        window: { startMs, endMs },
        suspects: [],
        confidence: confidenceOf(meanLpm / limitLpm, minutes / minMinutes),
        lossLph,
        lossM3PerDay: m3PerDay(lossLph),
        evidence: {
          unit: 'L/min',
          points: r.map((i) => ({ tMs: i.startMs, value: flowLpm(i), limit: limitLpm })),
        },
      } satisfies LeakCandidate,
    ];
  });
}
