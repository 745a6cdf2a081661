/**
 * Minimum night flow detector (DESIGN §8, domain.md §7.1, §7.4). Each night's minimum hourly
 * flow in the night window is held against the meter's own learnt legitimate night use: a
 * low percentile (UKWIR: the 20th) of the minima of the last K judged nights that were not
 * themselves raised, so a leak is never learnt as legitimate use. A night rises when its
 * minimum exceeds the learnt use by both an absolute and a relative margin; N risen nights
 * out of the last M make a candidate, starting at the first risen night. Scheduled hours are
 * left out of the window; a night with an unscheduled hour that lacks evidence is not judged.
 */

import { quantile } from 'simple-statistics';
import type { HourVolume, LeakCandidate, ScheduledUse } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import { evidenceL } from './hours';
import { confidenceOf, m3PerDay } from './localise';
import { nightsOf } from './nights';
import { nOfM } from './persistence';
import { scheduledAt } from './schedule';

export interface NightFlowOptions {
  readonly nightWindow?: readonly [number, number];
  readonly learnNights?: number;
  readonly percentile?: number;
  readonly minLearnt?: number;
  readonly minRiseLph?: number;
  readonly relRise?: number;
  readonly riseN?: number;
  readonly riseM?: number;
}

export interface MeterSeries {
  readonly meterId: string;
  readonly hours: readonly HourVolume[];
  /** IANA zone of the building. */
  readonly zone: string;
  /** Twin time, epoch ms: hours ending later are not judged. */
  readonly nowMs: number;
  readonly schedule?: readonly ScheduledUse[];
}

interface JudgedNight {
  readonly startMs: number;
  readonly endMs: number;
  /** Night minimum, L/h. */
  readonly minLph: number;
  /** Learnt legitimate use + margin, L/h; null while still learning. */
  readonly limitLph: number | null;
  readonly learntLph: number;
}

export function detectNightFlow(
  series: MeterSeries,
  options: NightFlowOptions = {},
): LeakCandidate[] {
  const d = DETECTION_DEFAULTS;
  const window = options.nightWindow ?? d.nightWindow.value;
  const k = options.learnNights ?? d.nightLearnNights.value;
  const p = options.percentile ?? d.nightPercentile.value;
  const minLearnt = options.minLearnt ?? d.nightMinLearnt.value;
  const minRise = options.minRiseLph ?? d.nightMinRiseLph.value;
  const relRise = options.relRise ?? d.nightRelRise.value;
  const schedule = series.schedule ?? [];

  // Each night's minimum flow over its unscheduled hours.
  const judged: JudgedNight[] = [];
  const learnt: number[] = [];
  const past = series.hours.filter((h) => h.endMs <= series.nowMs);
  for (const night of nightsOf(past, window, series.zone)) {
    const open = night.hours.filter(
      (h) => scheduledAt(schedule, series.meterId, h.startMs, series.zone) === undefined,
    );
    const flows = open.map((h) => {
      const volumeL = evidenceL(h);
      return volumeL === null ? null : volumeL / ((h.endMs - h.startMs) / 3_600_000);
    });
    const first = night.hours[0];
    const last = night.hours.at(-1);
    if (flows.length === 0 || flows.includes(null) || !first || !last) continue;
    const minLph = Math.min(...(flows as number[]));

    // Against the learnt legitimate use, once enough nights are learnt.
    const recent = learnt.slice(-k);
    const learntLph = recent.length >= minLearnt ? quantile(recent, p) : 0;
    const limitLph =
      recent.length >= minLearnt ? learntLph + Math.max(minRise, relRise * learntLph) : null;
    judged.push({ startMs: first.startMs, endMs: last.endMs, minLph, limitLph, learntLph });
    if (limitLph === null || minLph <= limitLph) learnt.push(minLph);
  }

  // Persistent rises become candidates.
  const n = options.riseN ?? d.nightRiseN.value;
  const m = options.riseM ?? d.nightRiseM.value;
  const flags = judged.map((j) => j.limitLph !== null && j.minLph > j.limitLph);
  return nOfM(flags, n, m).map(({ flagged }) => {
    const nights = flagged.flatMap((i) => judged[i] ?? []);
    const lossLph = mean(nights.map((j) => j.minLph - j.learntLph));
    const ratio = mean(nights.map((j) => j.minLph)) / mean(nights.map((j) => j.limitLph ?? 0));
    return {
      detector: 'night_flow',
      meterId: series.meterId,
      window: { startMs: nights[0]?.startMs ?? 0, endMs: nights.at(-1)?.endMs ?? 0 },
      suspects: [],
      confidence: confidenceOf(ratio, nights.length / n),
      lossLph,
      lossM3PerDay: m3PerDay(lossLph),
      evidence: {
        unit: 'L/h',
        points: nights.map((j) => ({ tMs: j.startMs, value: j.minLph, limit: j.limitLph ?? 0 })),
      },
    } satisfies LeakCandidate;
  });
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}
