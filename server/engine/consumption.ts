/**
 * The consumption engine: turns cumulative register readings of one meter into interval
 * consumption in litres, stamped at the interval end, with a flag on every decision
 * (DESIGN §5). Pure: state in, state and outcome out; no clock, no I/O.
 *
 * Rules, in the order they are tried:
 * - a reading without a value, or an exact 0 after a large total, is missing (never 0 L);
 * - the same timestamp again is a duplicate (same value) or a conflict (other value);
 * - a reading older than the last accepted one is late and not booked;
 * - a rise within the meter's maximum flow is booked; over a long silence it is booked as an
 *   estimate spread over the gap;
 * - a fall just below the register's last digits' wrap is a rollover, if the implied flow fits;
 * - a small fall is a glitch: booked as 0, measured on from the highest accepted value;
 * - anything else (a large fall, a jump beyond the maximum flow) is suspect: not booked, and
 *   held as a candidate. The next reading decides: consistent with the old register, the
 *   suspect was noise; consistent with the candidate, the register really changed (reset,
 *   replacement, another register) and measurement goes on from it. The stream never freezes.
 */

import type { Interval, IntervalFlag } from './interval';

export type { Interval, IntervalFlag } from './interval';

export type ReadingOutcome =
  | 'first'
  | 'booked'
  | 'missing'
  | 'duplicate'
  | 'conflict'
  | 'late'
  | 'suspect_decrease'
  | 'suspect_jump'
  | 'noise_dropped';

/** What the engine needs to know about a meter; volumes in litres. */
export interface MeterProfile {
  /** The register wraps to 0 at this value, L. */
  readonly capacityL: number;
  /** Overload flow: a rise implying more is suspect, L/s. */
  readonly maxFlowLps: number;
  /** A fall up to this size is a reading glitch, L. */
  readonly glitchToleranceL: number;
  /** Silence longer than this makes the next interval an estimate, ms. */
  readonly gapMs: number;
  /** A 0 reading after a register above this is treated as missing, L. */
  readonly zeroAsMissingAboveL: number;
}

/** Engine state of one meter, persisted between readings and across restarts. */
export interface MeterEngineState {
  /** Time of the last accepted reading, epoch ms. */
  readonly lastTsMs: number;
  /** Highest accepted register value, L. */
  readonly registerL: number;
  /** Value of the last reading seen at `lastTsMs` (to tell duplicates from conflicts), L. */
  readonly lastRawL: number;
  /** A suspect reading waiting for the next one to confirm it. */
  readonly candidate: { readonly tsMs: number; readonly valueL: number } | null;
}

export interface EngineStep {
  readonly state: MeterEngineState | null;
  readonly outcome: ReadingOutcome;
  readonly interval: Interval | null;
}

function book(
  state: MeterEngineState,
  tsMs: number,
  valueL: number,
  volumeL: number,
  profile: MeterProfile,
  flags: IntervalFlag[],
): EngineStep {
  if (tsMs - state.lastTsMs > profile.gapMs) flags.push('estimated_gap');
  return {
    state: { lastTsMs: tsMs, registerL: valueL, lastRawL: valueL, candidate: null },
    outcome: 'booked',
    interval: { startMs: state.lastTsMs, endMs: tsMs, volumeL, flags },
  };
}

/** A rise from `fromL` at `fromMs` to `toL` at `toMs` that the meter could have measured. */
function plausibleRise(
  fromMs: number,
  fromL: number,
  toMs: number,
  toL: number,
  profile: MeterProfile,
): boolean {
  const volumeL = toL - fromL;
  const seconds = Math.max((toMs - fromMs) / 1000, 1);
  return volumeL >= 0 && volumeL / seconds <= profile.maxFlowLps;
}

/** Applies one reading (value in litres, or null) to a meter's state. */
export function applyReading(
  state: MeterEngineState | null,
  tsMs: number,
  valueL: number | null,
  profile: MeterProfile,
): EngineStep {
  // Missing values never become 0 L.
  if (valueL === null || !Number.isFinite(valueL))
    return { state, outcome: 'missing', interval: null };
  if (state === null) {
    return {
      state: { lastTsMs: tsMs, registerL: valueL, lastRawL: valueL, candidate: null },
      outcome: 'first',
      interval: null,
    };
  }
  if (valueL === 0 && state.registerL > profile.zeroAsMissingAboveL) {
    return { state, outcome: 'missing', interval: null };
  }

  // Repeats and late arrivals are not consumption.
  if (tsMs === state.lastTsMs) {
    return { state, outcome: valueL === state.lastRawL ? 'duplicate' : 'conflict', interval: null };
  }
  if (state.candidate !== null && tsMs === state.candidate.tsMs) {
    // A repeat of the reading held as suspect is no new evidence either way.
    const same = valueL === state.candidate.valueL;
    return { state, outcome: same ? 'duplicate' : 'conflict', interval: null };
  }
  if (tsMs < state.lastTsMs) return { state, outcome: 'late', interval: null };

  // A normal rise (or no use).
  if (plausibleRise(state.lastTsMs, state.registerL, tsMs, valueL, profile)) {
    return book(state, tsMs, valueL, valueL - state.registerL, profile, []);
  }

  // The register wrapped past its last digit.
  const wrappedL = valueL + profile.capacityL;
  if (
    valueL < state.registerL &&
    state.registerL > profile.capacityL / 2 &&
    plausibleRise(state.lastTsMs, state.registerL, tsMs, wrappedL, profile)
  ) {
    const step = book(state, tsMs, valueL, wrappedL - state.registerL, profile, ['rollover']);
    return step;
  }

  // A small fall: booked as 0, measured on from the highest accepted value.
  if (valueL < state.registerL && state.registerL - valueL <= profile.glitchToleranceL) {
    return {
      state: { ...state, lastTsMs: tsMs, lastRawL: valueL, candidate: null },
      outcome: 'booked',
      interval: { startMs: state.lastTsMs, endMs: tsMs, volumeL: 0, flags: ['glitch_decrease'] },
    };
  }

  // The register changed under us: continue from a candidate this reading confirms.
  const candidate = state.candidate;
  if (
    candidate !== null &&
    tsMs > candidate.tsMs &&
    plausibleRise(candidate.tsMs, candidate.valueL, tsMs, valueL, profile)
  ) {
    const rebased: MeterEngineState = {
      ...state,
      lastTsMs: candidate.tsMs,
      registerL: candidate.valueL,
    };
    return book(rebased, tsMs, valueL, valueL - candidate.valueL, profile, ['after_rebase']);
  }

  // Suspect: not booked, held as the candidate. A fall from the top half of the register
  // would be a wrap, so it is reported as the jump that wrap implies.
  const fell = valueL < state.registerL;
  const wouldWrap = fell && state.registerL > profile.capacityL / 2;
  return {
    state: { ...state, candidate: { tsMs, valueL } },
    outcome: fell && !wouldWrap ? 'suspect_decrease' : 'suspect_jump',
    interval: null,
  };
}
