import type { MeterEngineState, MeterProfile } from './consumption';
import { applyDailyCounter, type DailyCounterState, type DayStart } from './dailyCounter';
import { applyFlowReading, type FlowState } from './flow';
import type { Interval } from './interval';
import { applyIntervalVolume, type IntervalVolumeState } from './intervalVolume';
import { applyRegisterReading, EMPTY_REGISTER, type RegisterState } from './register';

/** What a reading's value means (DESIGN §5). */
export type ReadingKind = 'register' | 'interval_volume' | 'flow' | 'daily_total';

/**
 * Engine state of one meter for one kind of reading; plain JSON. Registers keep a
 * `RegisterState`; stores written before the logical register hold a bare `MeterEngineState`
 * for them, which `registerStateOf` wraps on use.
 */
export type EngineState =
  | RegisterState
  | MeterEngineState
  | IntervalVolumeState
  | FlowState
  | DailyCounterState;

/**
 * A register's state in the current shape. An older bare engine state becomes the engine of a
 * logical register that starts at its highest accepted value, with no serial, carry or question.
 */
export function registerStateOf(prior: EngineState | null): RegisterState {
  if (prior === null) return EMPTY_REGISTER;
  if ('questions' in prior) return prior;
  const engine = prior as MeterEngineState;
  return { ...EMPTY_REGISTER, engine, logicalL: engine.registerL };
}

/** What the engine decided about one reading of any kind. */
export interface AnyStep {
  readonly state: EngineState | null;
  readonly outcome: string;
  readonly interval: Interval | null;
}

export interface KindContext {
  readonly profile: MeterProfile;
  /** The meter's reporting period, ms (the span of an interval meter's first reading). */
  readonly reportingMs: number;
  /** When a "since day start" counter restarts. */
  readonly dayStart: DayStart;
}

/**
 * Applies one reading to the engine of its kind. `value` is in litres for registers, interval
 * volumes and day counters, and in L/s for flow. Each kind keeps its own state, so a meter
 * that changes what it sends starts that kind afresh instead of mixing meanings. Registers run
 * through the logical register with the sender's `serial` (null when it sends none).
 */
export function applyAnyReading(
  kind: ReadingKind,
  prior: EngineState | null,
  tsMs: number,
  value: number | null,
  ctx: KindContext,
  serial: string | null = null,
): AnyStep {
  const { profile } = ctx;
  switch (kind) {
    case 'register': {
      const reading = { tsMs, valueL: value, serial };
      const step = applyRegisterReading(registerStateOf(prior), reading, profile);
      return { state: step.state, outcome: step.outcome, interval: step.interval };
    }
    case 'interval_volume':
      return applyIntervalVolume(prior as IntervalVolumeState | null, tsMs, value, {
        maxFlowLps: profile.maxFlowLps,
        gapMs: profile.gapMs,
        nominalIntervalMs: ctx.reportingMs,
      });
    case 'flow':
      return applyFlowReading(prior as FlowState | null, tsMs, value, {
        maxFlowLps: profile.maxFlowLps,
        gapMs: profile.gapMs,
        integration: 'trapezoid',
      });
    case 'daily_total':
      return applyDailyCounter(
        prior as DailyCounterState | null,
        tsMs,
        value,
        profile,
        ctx.dayStart,
      );
  }
}

/** Where a meter's state for a kind is kept: registers under the meter id, others beside it. */
export function stateKey(meterId: string, kind: ReadingKind): string {
  return kind === 'register' ? meterId : `${meterId}#${kind}`;
}
