/**
 * Every meter-data case of `docs/meter-data-cases.md` that the engine owns (all but
 * PB-10, PB-15 and PB-16), with its exact expected values, plus at least one variant of each
 * kind of fault beyond the literal input. Volumes are asserted in litres (integers) or, for m³
 * arithmetic, with `toBeCloseTo(…, 9)`. The cases live one family per `pbNN-*.test.ts` file in
 * this folder; this module holds the helpers they share.
 */

import type { MeterProfile } from '../consumption';
import { applyDailyCounter, type DailyCounterState, type DayStart } from '../dailyCounter';
import { applyRegisterEvent, type RegisterEvent } from '../events';
import type { Interval, Span } from '../interval';
import { applyIntervalVolume, type IntervalVolumeState } from '../intervalVolume';
import {
  applyRegisterReading,
  EMPTY_REGISTER,
  type RegisterState,
  type ReplacementQuestion,
} from '../register';

export const SHANGHAI = 'Asia/Shanghai';
export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Epoch ms of an ISO 8601 time with offset. */
export const at = (iso: string): number => Date.parse(iso);
/** Litres of a value in m³ (register resolution 1 L). */
export const m3 = (x: number): number => Math.round(x * 1000);

/** A 1000 m³ register, 5 m³/h overload flow, hourly-ish readings. */
export const registerProfile = (over: Partial<MeterProfile> = {}): MeterProfile => ({
  capacityL: 1_000_000,
  maxFlowLps: 5000 / 3600,
  glitchToleranceL: 50,
  gapMs: 3 * HOUR,
  zeroAsMissingAboveL: 1000,
  ...over,
});

export const volumes = (intervals: readonly Interval[]): number[] =>
  intervals.map((i) => i.volumeL);
export const total = (intervals: readonly Interval[]): number =>
  intervals.reduce((sum, i) => sum + i.volumeL, 0);

export type Row = readonly [iso: string, valueL: number | null, serial?: string];
export type Step = { event: RegisterEvent } | { row: Row };

/** Feeds rows and events through one logical register. */
export function runRegister(steps: readonly Step[], profile: MeterProfile = registerProfile()) {
  let state: RegisterState = EMPTY_REGISTER;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  const questions: ReplacementQuestion[] = [];
  const unmeasured: Span[] = [];
  for (const step of steps) {
    if ('event' in step) {
      const result = applyRegisterEvent(state, step.event, profile);
      state = result.state;
      outcomes.push(result.outcome);
      if (result.unmeasured) unmeasured.push(result.unmeasured);
      continue;
    }
    const [iso, valueL, serial] = step.row;
    const result = applyRegisterReading(
      state,
      { tsMs: at(iso), valueL, serial: serial ?? null },
      profile,
    );
    state = result.state;
    outcomes.push(result.outcome);
    if (result.interval) intervals.push(result.interval);
    if (result.question) questions.push(result.question);
  }
  return { state, outcomes, intervals, questions, unmeasured };
}
export const rows = (...list: Row[]): Step[] => list.map((row) => ({ row }));

/** Feeds rows through a daily counter. */
export function runCounter(
  list: ReadonlyArray<readonly [string, number | null]>,
  dayStart: DayStart,
  profile: MeterProfile = registerProfile(),
) {
  let state: DailyCounterState | null = null;
  const outcomes: string[] = [];
  const intervals: Interval[] = [];
  const unmeasured: Span[] = [];
  for (const [iso, valueL] of list) {
    const step = applyDailyCounter(state, at(iso), valueL, profile, dayStart);
    state = step.state;
    outcomes.push(step.outcome);
    if (step.interval) intervals.push(step.interval);
    if (step.unmeasured) unmeasured.push(step.unmeasured);
  }
  return { outcomes, intervals, unmeasured };
}

/** Feeds interval-volume rows (hourly nominal, on-change meter). */
export function runIntervalVolumes(list: ReadonlyArray<readonly [string, number]>): Interval[] {
  let state: IntervalVolumeState | null = null;
  const intervals: Interval[] = [];
  const profile = { maxFlowLps: 2, gapMs: DAY, nominalIntervalMs: HOUR };
  for (const [iso, volumeL] of list) {
    const step = applyIntervalVolume(state, at(iso), volumeL, profile);
    state = step.state;
    if (step.interval) intervals.push(step.interval);
  }
  return intervals;
}
