/**
 * Burst / high-flow detector (DESIGN §8, domain.md §7.2, §7.4): flow far above the meter's
 * own history, above both an absolute floor (19 L/min ≈ 5 gpm) and a factor times the
 * history's 99th percentile, for at least N minutes of contiguous intervals. Reads intervals,
 * not hours, since a burst lasts minutes. History is every valid interval that ended before
 * the look-back window, kept apart for each scheduled use; estimated or flagged intervals are
 * never evidence.
 */

import { median } from 'simple-statistics';
import type { LeakCandidate, ScheduledUse } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import type { Interval } from '../engine/interval';
import { confidenceOf, m3PerDay } from './localise';
import { localFields } from './localTime';
import { scheduledAtLocal } from './schedule';

export interface HighFlowOptions {
  readonly floorLpm?: number;
  readonly historyFactor?: number;
  /** Hours either side of an interval's local time of day whose history sets its limit. */
  readonly todWindowH?: number;
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
const DAY_MS = 86_400_000;
/** Days a time of day must have been seen on before its own peak sets the limit. */
const TOD_MIN_DAYS = 3;

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

  // The limits: the absolute floor, raised by the meter's own history when there is enough:
  // the factor times the highest flow it drew within ±`todWindowH` of the same local time of
  // day (a shower peak at 07:00 says nothing about 03:00). Scheduled uses (irrigation, cooling,
  // the canteen) are learnt apart from the rest, so an irrigation morning neither hides a night
  // burst nor alarms by itself. A meter, or a scheduled use, with too little history is not
  // judged yet: a busy building meter's ordinary morning is far above any fixed floor.
  const schedule = input.schedule ?? [];
  const zone = input.zone;
  /** An interval's scheduled use (its history key, '' for none) and quarter-hour slot. */
  const placeOf = (i: Interval) => {
    const local = localFields(i.startMs, zone);
    return {
      key: scheduledAtLocal(schedule, input.meterId, local)?.label ?? '',
      slot: Math.floor(local.hourOfDay * 4) % 96,
    };
  };
  /**
   * Per use key: how many history intervals, the highest flow per quarter-hour slot of the
   * day, on how many days each slot was seen, and every flow.
   */
  interface History {
    count: number;
    peak: Float64Array;
    days: Float64Array;
    lastDay: Float64Array;
    flows: number[];
    /** Span of the history, epoch ms. */
    firstStartMs: number;
    lastEndMs: number;
  }
  const histories = new Map<string, History>();
  for (const i of input.intervals) {
    if (i.endMs > fromMs || !isEvidence(i)) continue;
    const { key, slot } = placeOf(i);
    // A scheduled use is learnt from the times it ran: a dry spell teaches it nothing.
    if (key !== '' && i.volumeL <= 0) continue;
    let h = histories.get(key);
    if (!h) {
      h = {
        count: 0,
        peak: new Float64Array(96),
        days: new Float64Array(96),
        lastDay: new Float64Array(96).fill(-1),
        flows: [],
        firstStartMs: i.startMs,
        lastEndMs: i.endMs,
      };
      histories.set(key, h);
    }
    const flow = flowLpm(i);
    h.count += 1;
    h.peak[slot] = Math.max(h.peak[slot]!, flow);
    const day = Math.floor(i.startMs / DAY_MS);
    if (h.lastDay[slot] !== day) {
      h.lastDay[slot] = day;
      h.days[slot]! += 1;
    }
    h.flows.push(flow);
    h.firstStartMs = Math.min(h.firstStartMs, i.startMs);
    h.lastEndMs = Math.max(h.lastEndMs, i.endMs);
  }
  const floorLpm = options.floorLpm ?? d.highFlowFloorLpm.value;
  const minHistory = options.minHistory ?? d.highFlowMinHistory.value;
  const factor = options.historyFactor ?? d.highFlowHistoryFactor.value;
  const reach = Math.round((options.todWindowH ?? d.highFlowTodWindowH.value) * 4);
  const typicalOf = new Map<string, number>();
  const limitOf = (key: string, slot: number) => {
    const h = histories.get(key);
    // Less than a whole day of history is not judged: a twin a few hours old has seen an
    // afternoon, whose peak says nothing about the morning showers and the first cooking.
    if (!h || h.count < minHistory || h.lastEndMs - h.firstStartMs < DAY_MS) {
      return { limitLpm: Infinity, typicalLpm: 0 };
    }
    // The time of day's peak once it was seen on enough days; until then, the peak of all.
    let peak = 0;
    let days = 0;
    for (let k = -reach; k <= reach; k++) {
      peak = Math.max(peak, h.peak[(slot + k + 96) % 96]!);
      days = Math.max(days, h.days[(slot + k + 96) % 96]!);
    }
    // Nor is a time of day never seen (a use that has not run at that hour yet).
    if (days === 0) return { limitLpm: Infinity, typicalLpm: 0 };
    if (days < TOD_MIN_DAYS) peak = Math.max(...h.peak);
    let typicalLpm = typicalOf.get(key);
    if (typicalLpm === undefined) {
      typicalLpm = median(h.flows);
      typicalOf.set(key, typicalLpm);
    }
    return { limitLpm: Math.max(floorLpm, factor * peak), typicalLpm };
  };

  // Runs of contiguous high intervals in the window.
  const runs: Array<Array<{ interval: Interval; limitLpm: number; typicalLpm: number }>> = [];
  let run: (typeof runs)[number] = [];
  for (const interval of input.intervals) {
    if (interval.endMs <= fromMs || interval.endMs > input.nowMs) continue;
    const place = placeOf(interval);
    const limit = limitOf(place.key, place.slot);
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
