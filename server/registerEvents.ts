/**
 * Register events (reset, replacement) and answers to replacement questions, between the API
 * and the engine: their stored form in litres, how they are applied to a logical register, the
 * order in which a re-derivation replays them among the readings, and what health shows.
 */

import type { MeterHealth } from '../models/health';
import type { AnswerQuestionBody, MeterEventBody } from '../models/meterEvents';
import type { MeterProfile } from './engine/consumption';
import {
  answerReplacement,
  applyRegisterEvent,
  type EventStep,
  type RegisterEvent,
  type ReplacementAnswer,
} from './engine/events';
import { logicalRegisterL, type RegisterState } from './engine/register';
import type { StoredEvent } from './store';

/** A stored answer: the question is named by the new meter's first reading, epoch ms. */
interface StoredAnswer extends ReplacementAnswer {
  readonly firstNewTsMs: number;
}

/** A value in the meter's unit, in litres (to the microlitre, as readings are). */
export function toLitres(value: number, unit: 'L' | 'm3'): number {
  return Math.round((unit === 'm3' ? value * 1000 : value) * 1e6) / 1e6;
}

/** An API time (ISO 8601 with an offset, or epoch ms) as epoch ms. */
export function epochMs(ts: string | number): number {
  return typeof ts === 'number' ? ts : Date.parse(ts);
}

/** The stored form of an event sent to `POST /api/v1/meters/:id/events`. */
export function storedEvent(meterId: string, body: MeterEventBody): StoredEvent {
  const tsMs = epochMs(body.ts);
  const event: RegisterEvent =
    body.kind === 'reset'
      ? {
          kind: 'reset',
          tsMs,
          finalL: body.finalValue === null ? null : toLitres(body.finalValue, body.unit),
          startL: toLitres(body.startValue, body.unit),
        }
      : {
          kind: 'replacement',
          tsMs,
          oldFinalL: toLitres(body.oldFinalValue, body.unit),
          newStartL: toLitres(body.newStartValue, body.unit),
          newSerial: body.newSerial,
        };
  return { meterId, tsMs, kind: body.kind, body: event };
}

/** The stored form of an engineer's answer to a replacement question. */
export function storedAnswer(meterId: string, body: AnswerQuestionBody): StoredEvent {
  const answer: StoredAnswer = {
    firstNewTsMs: epochMs(body.firstNewTs),
    oldFinalL: toLitres(body.oldFinalValue, body.unit),
    newStartL: toLitres(body.newStartValue, body.unit),
  };
  return { meterId, tsMs: answer.firstNewTsMs, kind: 'answer', body: answer };
}

/** Applies a stored event or answer to a meter's logical register. */
export function applyStoredEvent(
  state: RegisterState,
  event: StoredEvent,
  profile: MeterProfile,
): EventStep {
  if (event.kind === 'answer') {
    const answer = event.body as StoredAnswer;
    return answerReplacement(state, answer.firstNewTsMs, answer, profile);
  }
  return applyRegisterEvent(state, event.body as RegisterEvent, profile);
}

/** Why an event or answer was refused, for the engineer who sent it. */
export function rejection(event: StoredEvent, state: RegisterState): string {
  if (event.kind === 'answer') {
    const open = state.questions.map((q) => new Date(q.firstNewTsMs).toISOString());
    return open.length === 0
      ? 'no open replacement question on this meter'
      : `no open question at that time, or the values contradict it (old final below the old ` +
          `meter's last reading, or new start above the new meter's first); open: ` +
          `${open.join(', ')}`;
  }
  const lastL = state.engine?.registerL ?? 0;
  return `the final value is below the register's last reading (${lastL} L) by more than a glitch`;
}

/** One step of a re-derivation: a stored reading or a stored event. */
export type ReplayItem<R> = { readonly reading: R } | { readonly event: StoredEvent };

/**
 * Readings and events of one meter in the order the engine must see them, both already sorted
 * by time. At the same instant a reset or replacement goes before the readings (PB-04: the old
 * meter's `removed` row and the new one's `installed` row share the event's time, and the use
 * up to the event belongs to the next interval); an answer goes after them, since it answers
 * the question the reading at that instant raised.
 */
export function replayOrder<R extends { readonly ts: number }>(
  readings: readonly R[],
  events: readonly StoredEvent[],
): ReplayItem<R>[] {
  const isAnswer = (event: StoredEvent) => (event.kind === 'answer' ? 1 : 0);
  const sorted = [...events].sort((a, b) => a.tsMs - b.tsMs || isAnswer(a) - isAnswer(b));
  const out: ReplayItem<R>[] = [];
  let e = 0;
  for (const reading of readings) {
    for (; e < sorted.length; e++) {
      const event = sorted[e]!;
      const first =
        event.tsMs < reading.ts || (event.tsMs === reading.ts && event.kind !== 'answer');
      if (!first) break;
      out.push({ event });
    }
    out.push({ reading });
  }
  for (; e < sorted.length; e++) out.push({ event: sorted[e]! });
  return out;
}

/** What health shows of a meter's logical register and its interval flags. */
export function registerHealth(
  state: RegisterState,
  flags: Readonly<Record<string, number>> | undefined,
): Pick<MeterHealth, 'replacements' | 'resets' | 'openQuestions' | 'logicalRegisterL'> {
  return {
    replacements: flags?.meter_replacement ?? 0,
    resets: flags?.register_reset ?? 0,
    openQuestions: state.questions,
    logicalRegisterL: logicalRegisterL(state),
  };
}
