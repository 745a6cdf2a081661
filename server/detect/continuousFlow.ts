/**
 * Continuous-flow detector (DESIGN §8, domain.md §7.2, §7.4): flow that never returns to zero
 * for H hours on a meter serving intermittent fixtures (a running toilet). Hourly volumes hide
 * zeros inside an hour, so Flume's 2 h is scaled up (detectionDefaults `continuousRunHours`)
 * and the run must cover most of a night window (3 of its 4 hours), when an office is empty, or
 * have begun inside one. An hour without evidence breaks a run; an hour inside a scheduled use
 * is passed over. The loss is the floor of the run's latest
 * whole night window: the smallest hourly flow when the building is empty, which never stopped.
 * (The run's own floor would also count the hours before the fault began.)
 */

import type { LeakCandidate } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import type { MeterTree } from '../../models/meterTree';
import type { FixtureType, Site } from '../../models/site';
import { evidenceL } from './hours';
import { confidenceOf, m3PerDay } from './localise';
import type { MeterSeries } from './nightFlow';
import { nightsOf } from './nights';
import { scheduledAt } from './schedule';

export interface ContinuousFlowOptions {
  readonly runHours?: number;
  /** An hour flows from this mean flow, L/h. */
  readonly minFlowLph?: number;
  readonly nightWindow?: readonly [number, number];
  /** Hours of the night window the run must cover. */
  readonly nightHours?: number;
  /** Fixture types that legitimately run for hours (see `servesIntermittentFixtures`). */
  readonly continuousTypes?: readonly FixtureType[];
}

interface FlowingHour {
  readonly startMs: number;
  readonly endMs: number;
  readonly flowLph: number;
}

export function detectContinuousFlow(
  series: MeterSeries,
  options: ContinuousFlowOptions = {},
): LeakCandidate[] {
  const d = DETECTION_DEFAULTS;
  const runHours = options.runHours ?? d.continuousRunHours.value;
  const minFlow = options.minFlowLph ?? d.continuousMinFlowLph.value;
  const window = options.nightWindow ?? d.nightWindow.value;
  const nightHours = options.nightHours ?? d.continuousNightHours.value;
  const schedule = series.schedule ?? [];

  // Split the series into runs of flowing, unscheduled hours with evidence.
  const runs: FlowingHour[][] = [];
  let run: FlowingHour[] = [];
  let lastEndMs = Number.NaN;
  for (const hour of series.hours) {
    if (hour.endMs > series.nowMs) break;
    // A scheduled hour (the canteen's cooking) says nothing either way: it neither counts
    // nor breaks a run.
    if (scheduledAt(schedule, series.meterId, hour.startMs, series.zone) !== undefined) {
      if (hour.startMs !== lastEndMs && run.length > 0) {
        runs.push(run);
        run = [];
      }
      lastEndMs = hour.endMs;
      continue;
    }
    const volumeL = evidenceL(hour);
    const flowLph = volumeL === null ? 0 : volumeL / ((hour.endMs - hour.startMs) / 3_600_000);
    const flowing = flowLph >= minFlow;
    if (!flowing || hour.startMs !== lastEndMs) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (flowing) run.push({ startMs: hour.startMs, endMs: hour.endMs, flowLph });
    lastEndMs = hour.endMs;
  }
  if (run.length > 0) runs.push(run);

  // Long runs across a whole night window are candidates.
  return runs.flatMap((r) => {
    const night =
      r.length >= runHours ? lastWholeNight(r, window, nightHours, series.zone) : undefined;
    if (night === undefined) return [];
    const floorLph = Math.min(...night.map((h) => h.flowLph));
    return [
      {
        detector: 'continuous_flow',
        meterId: series.meterId,
        window: { startMs: r[0]?.startMs ?? 0, endMs: r.at(-1)?.endMs ?? 0 },
        suspects: [],
        confidence: confidenceOf(floorLph / minFlow, r.length / runHours),
        lossLph: floorLph,
        lossM3PerDay: m3PerDay(floorLph),
        evidence: {
          unit: 'L/h',
          points: r.map((h) => ({ tMs: h.startMs, value: h.flowLph, limit: minFlow })),
        },
      } satisfies LeakCandidate,
    ];
  });
}

/**
 * The hours of the latest night window the run covers for `nightHours` or more, or of the
 * night window the run began in (water that started flowing in the empty building and has
 * not stopped since), if any.
 */
function lastWholeNight(
  run: readonly FlowingHour[],
  window: readonly [number, number],
  nightHours: number,
  zone: string,
): readonly FlowingHour[] | undefined {
  const [from, to] = window;
  const span = (to - from + 24) % 24 || 24;
  const byStart = new Map(run.map((h) => [h.startMs, h]));
  const hours = run.map((h) => ({ ...h, volumeL: 0, estimated: false }));
  const covered = nightsOf(hours, window, zone).filter(
    (night) =>
      night.hours.length >= Math.min(span, nightHours) ||
      night.hours[0]?.startMs === run[0]?.startMs,
  );
  return covered.at(-1)?.hours.map((h) => byStart.get(h.startMs)!);
}

/**
 * True when every fixture below the meter (its area and its descendants') draws
 * intermittently: none is of a type that legitimately runs for hours, such as cooling-tower
 * make-up or irrigation valves. A meter with no fixture below it is not judged.
 */
export function servesIntermittentFixtures(
  site: Site,
  tree: MeterTree,
  meterId: string,
  continuousTypes: readonly FixtureType[] = DETECTION_DEFAULTS.continuousFixtureTypes.value,
): boolean {
  const fixtures = new Map(site.fixtures.map((f) => [f.id, f]));
  const below: string[] = [];
  const stack = [meterId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    below.push(...(tree.areaFixtures.get(id) ?? []));
    stack.push(...(tree.childrenOf.get(id) ?? []));
  }
  const types = below.flatMap((id) => fixtures.get(id)?.type ?? []);
  return types.length > 0 && types.every((t) => !continuousTypes.includes(t));
}
