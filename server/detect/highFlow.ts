/**
 * Burst / high-flow detector (DESIGN §8, domain.md §7.2, §7.4): flow far above the meter's
 * own history, above both an absolute floor (19 L/min ≈ 5 gpm) and a factor times the
 * history's 99th percentile, for at least N minutes of contiguous intervals. Reads intervals,
 * not hours, since a burst lasts minutes. History is every valid interval that ended before
 * the look-back window, kept apart for each scheduled use; estimated or flagged intervals are
 * never evidence.
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

  // The limits: the absolute floor, raised by the meter's own history when there is enough.
  // Scheduled uses (irrigation, cooling, the canteen) are held against their own history, so
  // an irrigation morning neither hides a night burst nor alarms by itself; a scheduled use
  // that has not run often enough to be learnt is not judged.
  const schedule = input.schedule ?? [];
  const useOf = (i: Interval) => scheduledAt(schedule, input.meterId, i.startMs, input.zone);
  const histories = new Map<string, number[]>();
  for (const i of input.intervals) {
    if (i.endMs > fromMs || !isEvidence(i)) continue;
    const key = useOf(i)?.label ?? '';
    // A scheduled use is learnt from the times it ran: a dry spell teaches it nothing.
    if (key !== '' && i.volumeL <= 0) continue;
    const history = histories.get(key);
    if (history) history.push(flowLpm(i));
    else histories.set(key, [flowLpm(i)]);
  }
  const floorLpm = options.floorLpm ?? d.highFlowFloorLpm.value;
  const minHistory = options.minHistory ?? d.highFlowMinHistory.value;
  const limits = new Map<string, { limitLpm: number; typicalLpm: number }>();
  const limitOf = (key: string) => {
    const known = limits.get(key);
    if (known) return known;
    const history = histories.get(key) ?? [];
    const enough = history.length >= minHistory;
    const limit = enough
      ? {
          limitLpm: Math.max(
            floorLpm,
            quantile(history, options.historyQuantile ?? d.highFlowHistoryQuantile.value) *
              (options.historyFactor ?? d.highFlowHistoryFactor.value),
          ),
          typicalLpm: median(history),
        }
      : { limitLpm: key === '' ? floorLpm : Infinity, typicalLpm: 0 };
    limits.set(key, limit);
    return limit;
  };

  // Runs of contiguous high intervals in the window.
  const runs: Array<Array<{ interval: Interval; limitLpm: number; typicalLpm: number }>> = [];
  let run: (typeof runs)[number] = [];
  for (const interval of input.intervals) {
    if (interval.endMs <= fromMs || interval.endMs > input.nowMs) continue;
    const limit = limitOf(useOf(interval)?.label ?? '');
    const high = isEvidence(interval) && flowLpm(interval) > limit.limitLpm;
    if (!high || run.at(-1)?.interval.endMs !== interval.startMs) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (high) run.push({ interval, ...limit });
  }
  if (run.length > 0) runs.push(run);

  // Long enough runs are candidates; the loss is the flow above the meter's typical flow.
  return runs.flatMap((r) => {
    const startMs = r[0]?.interval.startMs ?? 0;
    const endMs = r.at(-1)?.interval.endMs ?? 0;
    const minutes = (endMs - startMs) / MINUTE_MS;
    if (minutes < minMinutes) return [];
    const overLpm = r.reduce((sum, h) => sum + h.interval.volumeL, 0) / minutes;
    const typicalLpm = r.reduce((sum, h) => sum + h.typicalLpm, 0) / r.length;
    const limitLpm = r.reduce((sum, h) => sum + h.limitLpm, 0) / r.length;
    const lossLph = (overLpm - typicalLpm) * 60;
    return [
      {
        detector: 'high_flow',
        meterId: input.meterId,
        window: { startMs, endMs },
        suspects: [],
        confidence: confidenceOf(overLpm / limitLpm, minutes / minMinutes),
        lossLph,
        lossM3PerDay: m3PerDay(lossLph),
        evidence: {
          unit: 'L/min',
          points: r.map((h) => ({
            tMs: h.interval.startMs,
            value: flowLpm(h.interval),
            limit: h.limitLpm,
          })),
        },
      } satisfies LeakCandidate,
    ];
  });
}
