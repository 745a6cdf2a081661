/**
 * The logical register of one metering point: the cumulative register engine
 * (`consumption.ts`) plus what it cannot see from values alone — which physical meter is
 * installed (its serial), volume carried over from a removed meter, and replacements seen in
 * the data that still wait for the old meter's final reading. Pure and JSON-serialisable.
 *
 * The logical register is the sum of every booked volume on top of the first reading, so it
 * stays continuous across rollovers, resets and replacements (PB-04: 1532.540 m³ at 11:00
 * although the new meter shows 0.070 m³).
 */

import {
  applyReading,
  type MeterEngineState,
  type MeterProfile,
  type ReadingOutcome,
} from './consumption';
import { type Interval, type IntervalFlag, mergeFlags } from './interval';

/**
 * A meter change seen in the data without an event (the serial changed): the span from the
 * old meter's last reading to the new meter's first one is unknown until an operator gives the
 * old meter's final reading (and the new meter's start, usually 0). This is what to ask.
 */
export interface ReplacementQuestion {
  readonly oldSerial: string;
  readonly newSerial: string;
  /** Last accepted reading of the old meter, epoch ms. */
  readonly lastOldTsMs: number;
  /** Old meter's register at that reading, L: the final reading cannot be below it. */
  readonly lastOldRegisterL: number;
  /** First reading of the new meter, epoch ms. */
  readonly firstNewTsMs: number;
  /** New meter's register at that reading, L: its start value cannot be above it. */
  readonly firstNewValueL: number;
}

/** Volume and flags to add to the next booked interval (e.g. the removed meter's last use). */
export interface Carry {
  /** L, never negative. */
  readonly volumeL: number;
  readonly flags: readonly IntervalFlag[];
}

/** Persisted state of one logical register. */
export interface RegisterState {
  /** Engine state of the installed physical register (values as that meter shows them). */
  readonly engine: MeterEngineState | null;
  /** Serial of the installed meter, when the source reports serials. */
  readonly serial: string | null;
  /** Logical register, L: first reading plus every booked volume; null before any reading. */
  readonly logicalL: number | null;
  readonly carry: Carry | null;
  /** Readings at or before this instant come from a removed meter, epoch ms. */
  readonly notBeforeMs: number | null;
  /** Replacements seen in the data, oldest first, waiting for the old final reading. */
  readonly questions: readonly ReplacementQuestion[];
  /** Serials of meters replaced on this point: their readings are never booked again. */
  readonly retiredSerials: readonly string[];
}

/** One cumulative reading; `serial` is null when the source does not report one. */
export interface RegisterReading {
  /** Epoch ms. */
  readonly tsMs: number;
  /** Register value, L; null when the message carried none. */
  readonly valueL: number | null;
  readonly serial: string | null;
}

/**
 * The engine's outcomes plus: `possible_meter_replacement` (the serial changed: nothing booked,
 * a question raised, measurement goes on on the new meter) and `retired_serial` (a reading from
 * a meter known to be replaced: not booked).
 */
export type RegisterOutcome = ReadingOutcome | 'possible_meter_replacement' | 'retired_serial';

export interface RegisterStep {
  readonly state: RegisterState;
  readonly outcome: RegisterOutcome;
  readonly interval: Interval | null;
  /** Set when this reading raised a replacement question. */
  readonly question: ReplacementQuestion | null;
}

/** State of a logical register that has seen nothing yet. */
export const EMPTY_REGISTER: RegisterState = {
  engine: null,
  serial: null,
  logicalL: null,
  carry: null,
  notBeforeMs: null,
  questions: [],
  retiredSerials: [],
};

/** The continuous logical register, L; null before any reading or while a question is open. */
export function logicalRegisterL(state: RegisterState): number | null {
  return state.questions.length > 0 ? null : state.logicalL;
}

/**
 * Adds a booked interval to the logical register, folding in any carried volume (the carry
 * belongs to the same span: its interval starts at the last reading before the event).
 */
function bookOnRegister(
  state: RegisterState,
  engine: MeterEngineState | null,
  interval: Interval,
): { state: RegisterState; interval: Interval } {
  const carry = state.carry;
  const booked: Interval =
    carry === null
      ? interval
      : {
          ...interval,
          volumeL: interval.volumeL + carry.volumeL,
          flags: mergeFlags(carry.flags, interval.flags),
        };
  const notBeforeMs =
    state.notBeforeMs !== null && booked.endMs > state.notBeforeMs ? null : state.notBeforeMs;
  return {
    state: {
      ...state,
      engine,
      carry: null,
      notBeforeMs,
      logicalL: (state.logicalL ?? 0) + booked.volumeL,
    },
    interval: booked,
  };
}

/** Applies one cumulative reading (litres, with the sender's serial if any). */
export function applyRegisterReading(
  state: RegisterState,
  reading: RegisterReading,
  profile: MeterProfile,
): RegisterStep {
  const { tsMs, valueL, serial } = reading;
  const none = { interval: null, question: null };

  // Readings older than the last one, or from before a meter change, or from a replaced
  // meter, are not booked. Without a serial the engine itself tells late from missing, so such
  // readings get exactly the outcomes they got before serials existed.
  const engine = state.engine;
  const beforeLast = serial !== null && engine !== null && tsMs < engine.lastTsMs;
  if (beforeLast || (state.notBeforeMs !== null && tsMs <= state.notBeforeMs)) {
    return { state, outcome: 'late', ...none };
  }
  if (serial !== null && state.retiredSerials.includes(serial)) {
    return { state, outcome: 'retired_serial', ...none };
  }

  // Another serial with a value: another physical meter. A difference across two meters is
  // not consumption, so nothing is booked; measurement goes on from the new meter's value.
  const serialChanged = serial !== null && state.serial !== null && serial !== state.serial;
  if (serialChanged && valueL !== null && Number.isFinite(valueL) && engine !== null) {
    const question: ReplacementQuestion = {
      oldSerial: state.serial,
      newSerial: serial,
      lastOldTsMs: engine.lastTsMs,
      lastOldRegisterL: engine.registerL,
      firstNewTsMs: tsMs,
      firstNewValueL: valueL,
    };
    const fresh: MeterEngineState = {
      lastTsMs: tsMs,
      registerL: valueL,
      lastRawL: valueL,
      candidate: null,
    };
    return {
      state: {
        ...state,
        engine: fresh,
        serial,
        questions: [...state.questions, question],
        retiredSerials: [...state.retiredSerials, state.serial],
      },
      outcome: 'possible_meter_replacement',
      interval: null,
      question,
    };
  }

  // The register engine decides; the logical register follows what it books.
  const step = applyReading(engine, tsMs, valueL, profile);
  const known: RegisterState = {
    ...state,
    serial: state.serial ?? serial,
    logicalL: state.logicalL ?? (step.outcome === 'first' ? valueL : null),
  };
  if (step.interval === null) {
    return { state: { ...known, engine: step.state }, outcome: step.outcome, ...none };
  }
  const booked = bookOnRegister(known, step.state, step.interval);
  return { state: booked.state, outcome: step.outcome, interval: booked.interval, question: null };
}
