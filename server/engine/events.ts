/**
 * Explicit register events (DESIGN §5): a reset (the register restarts at a given value) and a
 * meter replacement (old meter's final reading + new meter's start value), and the operator's
 * answer to a replacement the data revealed without an event. Each keeps one continuous
 * logical register and never books a negative volume.
 *
 * The volume between the last reading and the event is carried into the next booked interval
 * instead of closing an interval at the event: the event is not a reading of the flow, and
 * PB-04 expects one interval 09:00 → 10:00 of 0.030 m³ (0.010 old + 0.020 new).
 */

import type { MeterEngineState, MeterProfile } from './consumption';
import { type Interval, type IntervalFlag, mergeFlags, type Span } from './interval';
import type { RegisterState } from './register';

/** The register restarted at `startL` at `tsMs`; `finalL` is its value just before, if known. */
export interface ResetEvent {
  readonly kind: 'reset';
  /** Epoch ms. */
  readonly tsMs: number;
  /** Register just before the reset, L; null when nobody read it. */
  readonly finalL: number | null;
  /** Register just after the reset, L. */
  readonly startL: number;
}

/** The physical meter was exchanged at `tsMs` (old final reading + new start value). */
export interface ReplacementEvent {
  readonly kind: 'replacement';
  /** Epoch ms. */
  readonly tsMs: number;
  /** Old meter's final reading, L. */
  readonly oldFinalL: number;
  /** New meter's register when installed, L. */
  readonly newStartL: number;
  /** New meter's serial; null when the source does not report serials. */
  readonly newSerial: string | null;
}

export type RegisterEvent = ResetEvent | ReplacementEvent;

/**
 * `reset` / `replacement`: applied; `late`: older than the last reading, nothing changed;
 * `rejected`: the given final reading is below the last accepted one by more than a glitch
 * (or an answer contradicts the question), nothing changed — ask again.
 */
export type EventOutcome = 'reset' | 'replacement' | 'late' | 'rejected';

export interface EventStep {
  readonly state: RegisterState;
  readonly outcome: EventOutcome;
  /** A booked interval (only answers to a question book one: the span they close is past). */
  readonly interval: Interval | null;
  /** Time whose use is unknown (a reset without a final reading), epoch ms. */
  readonly unmeasured: Span | null;
}

/**
 * Use on a register from `fromL` to a final reading `toL`, L, with its flags; null when the
 * final reading is impossible. A fall from the top half of the register is a wrap.
 */
function volumeToFinal(
  fromL: number,
  toL: number,
  profile: MeterProfile,
): { volumeL: number; flags: IntervalFlag[] } | null {
  if (toL >= fromL) return { volumeL: toL - fromL, flags: [] };
  if (fromL > profile.capacityL / 2 && toL < profile.capacityL / 2) {
    return { volumeL: toL + profile.capacityL - fromL, flags: ['rollover'] };
  }
  if (fromL - toL <= profile.glitchToleranceL) return { volumeL: 0, flags: ['glitch_decrease'] };
  return null;
}

/** Applies a reset or replacement event to a logical register. */
export function applyRegisterEvent(
  state: RegisterState,
  event: RegisterEvent,
  profile: MeterProfile,
): EventStep {
  const finalL = event.kind === 'reset' ? event.finalL : event.oldFinalL;
  const startL = event.kind === 'reset' ? event.startL : event.newStartL;
  const serial = event.kind === 'replacement' ? (event.newSerial ?? state.serial) : state.serial;
  const retiredSerials =
    event.kind === 'replacement' && state.serial !== null && state.serial !== serial
      ? [...state.retiredSerials, state.serial]
      : state.retiredSerials;
  const outcome = event.kind;
  const flag: IntervalFlag = event.kind === 'reset' ? 'register_reset' : 'meter_replacement';
  const engine = state.engine;
  const unchanged = { state, interval: null, unmeasured: null };

  // No reading yet: the event only sets where the registers start.
  if (engine === null) {
    const fresh: MeterEngineState = {
      lastTsMs: event.tsMs,
      registerL: startL,
      lastRawL: startL,
      candidate: null,
    };
    const logicalL = state.logicalL ?? finalL ?? startL;
    return {
      ...unchanged,
      state: { ...state, engine: fresh, serial, retiredSerials, logicalL },
      outcome,
    };
  }
  if (event.tsMs < engine.lastTsMs) return { ...unchanged, outcome: 'late' };

  // Without a final reading the use since the last reading is unknown: restart the interval
  // at the event and report the unknown span.
  if (finalL === null) {
    const fresh: MeterEngineState = {
      lastTsMs: event.tsMs,
      registerL: startL,
      lastRawL: startL,
      candidate: null,
    };
    const carry = {
      volumeL: state.carry?.volumeL ?? 0,
      flags: mergeFlags(state.carry?.flags ?? [], [flag]),
    };
    return {
      state: { ...state, engine: fresh, serial, retiredSerials, carry, notBeforeMs: event.tsMs },
      outcome,
      interval: null,
      unmeasured: { startMs: engine.lastTsMs, endMs: event.tsMs },
    };
  }

  // With it, the old register's last use is carried into the next interval, which still
  // starts at the last reading; the new register is measured from its start value.
  const last = volumeToFinal(engine.registerL, finalL, profile);
  if (last === null) return { ...unchanged, outcome: 'rejected' };
  const carry = {
    volumeL: (state.carry?.volumeL ?? 0) + last.volumeL,
    flags: mergeFlags(state.carry?.flags ?? [], [flag, ...last.flags]),
  };
  const rebased: MeterEngineState = {
    lastTsMs: engine.lastTsMs,
    registerL: startL,
    lastRawL: startL,
    candidate: null,
  };
  return {
    state: { ...state, engine: rebased, serial, retiredSerials, carry, notBeforeMs: event.tsMs },
    outcome,
    interval: null,
    unmeasured: null,
  };
}

/** The operator's answer to a replacement question, litres. */
export interface ReplacementAnswer {
  /** Old meter's final reading, L. */
  readonly oldFinalL: number;
  /** New meter's register when installed, L (usually 0). */
  readonly newStartL: number;
}

/**
 * Closes the question raised at `firstNewTsMs`: books the span from the old meter's last
 * reading to the new meter's first one (old meter's last use + new meter's first use), stamped
 * at the new meter's first reading, so the logical register is known again.
 */
export function answerReplacement(
  state: RegisterState,
  firstNewTsMs: number,
  answer: ReplacementAnswer,
  profile: MeterProfile,
): EventStep {
  const rejected: EventStep = { state, outcome: 'rejected', interval: null, unmeasured: null };
  const question = state.questions.find((q) => q.firstNewTsMs === firstNewTsMs);
  if (question === undefined) return rejected;

  // Both parts must be possible: the old meter cannot fall, the new one cannot start above
  // its first reading.
  const oldUse = volumeToFinal(question.lastOldRegisterL, answer.oldFinalL, profile);
  const newUseL = question.firstNewValueL - answer.newStartL;
  if (oldUse === null || newUseL < 0) return rejected;

  const flags = mergeFlags(['meter_replacement'], oldUse.flags);
  if (question.firstNewTsMs - question.lastOldTsMs > profile.gapMs) flags.push('estimated_gap');
  const interval: Interval = {
    startMs: question.lastOldTsMs,
    endMs: question.firstNewTsMs,
    volumeL: oldUse.volumeL + newUseL,
    flags,
  };
  const remaining = state.questions.filter((q) => q !== question);
  const logicalL = (state.logicalL ?? 0) + interval.volumeL;
  return {
    state: { ...state, questions: remaining, logicalL },
    outcome: 'replacement',
    interval,
    unmeasured: null,
  };
}
