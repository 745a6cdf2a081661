/**
 * "Volume since day start" counters (DESIGN §5, PB-01, PB-05): gateways that publish today's
 * volume, restarting at the start of *their* day — local midnight, UTC midnight (08:00 in
 * Beijing) or a provider's 02:00. Within one source day the counter is a register, so the
 * register engine books it (duplicates, glitches, suspect jumps, missing zeros). Across a
 * restart only the value itself is known use: the use between the last reading and the restart
 * is unknown, so it is reported as unmeasured and never booked, and nothing is ever negative.
 */

import { DateTime } from 'luxon';
import {
  applyReading,
  type MeterEngineState,
  type MeterProfile,
  type ReadingOutcome,
} from './consumption';
import type { Interval, IntervalFlag, Span } from './interval';

/** When the source's day starts: `minuteOfDay` minutes after midnight in the IANA `zone`. */
export interface DayStart {
  readonly zone: string;
  /** 0 = midnight; 120 = 02:00. */
  readonly minuteOfDay: number;
}

/** Persisted state of one daily counter. */
export interface DailyCounterState {
  /** Register engine state within the current source day (values as the counter shows). */
  readonly engine: MeterEngineState;
  /** Start of the source day the last accepted reading counts in, epoch ms. */
  readonly dayStartMs: number;
}

export interface DailyCounterStep {
  readonly state: DailyCounterState | null;
  readonly outcome: ReadingOutcome;
  readonly interval: Interval | null;
  /** Time whose use is unknown: from the last reading to the counter's restart, epoch ms. */
  readonly unmeasured: Span | null;
}

/** The latest start of a source day at or before `tsMs`, epoch ms. */
export function sourceDayStartMs(tsMs: number, dayStart: DayStart): number {
  const local = DateTime.fromMillis(tsMs, { zone: dayStart.zone });
  if (!local.isValid) throw new Error(`dailyCounter: unknown time zone '${dayStart.zone}'`);
  const at = {
    hour: Math.floor(dayStart.minuteOfDay / 60),
    minute: dayStart.minuteOfDay % 60,
    second: 0,
    millisecond: 0,
  };
  const today = local.set(at).toMillis();
  return today <= tsMs ? today : local.minus({ days: 1 }).set(at).toMillis();
}

/** Source day of a first reading: one stamped at a restart, above 0, counts in the day it ends. */
function firstDayStartMs(tsMs: number, valueL: number | null, dayStart: DayStart): number {
  const startMs = sourceDayStartMs(tsMs, dayStart);
  return tsMs === startMs && valueL !== null && valueL > 0
    ? sourceDayStartMs(tsMs - 1, dayStart)
    : startMs;
}

/**
 * Applies one "since day start" reading (litres, or null) to a counter's state.
 * A counter does not wrap, so `profile.capacityL` is ignored. A reading stamped exactly at the
 * restart that did not fall is the old day's final value (stamped at its interval's end);
 * one that fell is the new day's first.
 */
export function applyDailyCounter(
  state: DailyCounterState | null,
  tsMs: number,
  valueL: number | null,
  profile: MeterProfile,
  dayStart: DayStart,
): DailyCounterStep {
  const counter: MeterProfile = { ...profile, capacityL: Number.POSITIVE_INFINITY };

  // First, missing, duplicate, conflict and late readings: as for any register.
  if (state === null || valueL === null || !Number.isFinite(valueL)) {
    const step = applyReading(state?.engine ?? null, tsMs, valueL, counter);
    const next =
      state ??
      (step.state === null
        ? null
        : { engine: step.state, dayStartMs: firstDayStartMs(tsMs, valueL, dayStart) });
    return { state: next, outcome: step.outcome, interval: step.interval, unmeasured: null };
  }
  const engine = state.engine;
  const startMs = sourceDayStartMs(tsMs, dayStart);
  const finalOfLastDay =
    tsMs === startMs &&
    valueL >= engine.registerL &&
    sourceDayStartMs(tsMs - 1, dayStart) === state.dayStartMs;

  // Same source day: the counter is a register.
  if (tsMs <= engine.lastTsMs || startMs <= state.dayStartMs || finalOfLastDay) {
    const step = applyReading(engine, tsMs, valueL, counter);
    const next = step.state === null ? state : { ...state, engine: step.state };
    return { state: next, outcome: step.outcome, interval: step.interval, unmeasured: null };
  }

  // The counter restarted since the last reading: measure from 0 over the interval. The
  // maximum-flow check runs over the whole interval, which is lenient; the use before the
  // restart is unknown and only reported.
  const restarted: MeterEngineState = {
    lastTsMs: engine.lastTsMs,
    registerL: 0,
    lastRawL: 0,
    candidate: null,
  };
  const step = applyReading(restarted, tsMs, valueL, counter);
  const unmeasured =
    startMs > engine.lastTsMs ? { startMs: engine.lastTsMs, endMs: startMs } : null;
  const next = step.state === null ? state : { engine: step.state, dayStartMs: startMs };
  if (step.interval === null) {
    return { state: next, outcome: step.outcome, interval: null, unmeasured };
  }

  // Only the time since the restart was measured, so only that span can make an estimate.
  const measuredMs = tsMs - Math.max(engine.lastTsMs, startMs);
  const flags: IntervalFlag[] = step.interval.flags.filter((f) => f !== 'estimated_gap');
  flags.push('source_reset');
  if (measuredMs > profile.gapMs) flags.push('estimated_gap');
  return { state: next, outcome: step.outcome, interval: { ...step.interval, flags }, unmeasured };
}
