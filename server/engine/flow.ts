/**
 * Instantaneous-flow meters (DESIGN §5): readings are flow rates, L/s, and volume is their
 * integral over time between two samples. Two rules, chosen per meter:
 * - `trapezoid` (default choice for sampled analogue flow): the flow is taken to change linearly
 *   between samples, so a ramp is integrated exactly and a smooth curve with an error that
 *   shrinks with the square of the sampling step;
 * - `previous` (zero-order hold, for sources that report on change): the flow is taken to stay
 *   at the earlier sample until the next one.
 * Across a silence longer than the meter's gap nothing is integrated: the flow in between is
 * unknown, so no volume is invented and the gap is reported.
 */

import type { Interval, IntervalFlag, Span } from './interval';

export type FlowIntegration = 'trapezoid' | 'previous';

/** What the engine needs to know about a flow meter. */
export interface FlowProfile {
  /** Overload flow: a sample above it is suspect and not used, L/s. */
  readonly maxFlowLps: number;
  /** Samples further apart than this are not integrated across, ms. */
  readonly gapMs: number;
  readonly integration: FlowIntegration;
}

/** Persisted state of one flow meter: its last accepted sample. */
export interface FlowState {
  /** Epoch ms. */
  readonly lastTsMs: number;
  /** As received (may be negative), L/s. */
  readonly lastFlowLps: number;
}

/**
 * `first`: the first sample, nothing to integrate yet; `booked`: an interval was produced;
 * `gap`: the samples were too far apart, nothing booked; `suspect_jump`: above the maximum
 * flow, not used; `missing`, `duplicate`, `conflict`, `late`: as for registers.
 */
export type FlowOutcome =
  | 'first'
  | 'booked'
  | 'gap'
  | 'missing'
  | 'duplicate'
  | 'conflict'
  | 'late'
  | 'suspect_jump';

export interface FlowStep {
  readonly state: FlowState | null;
  readonly outcome: FlowOutcome;
  readonly interval: Interval | null;
  /** Set with outcome `gap`: the unknown span, epoch ms. */
  readonly gap: Span | null;
}

/**
 * Volume between two samples, L. Reverse flow (below 0) counts as 0 L/s: the engine books use,
 * and our meters sit behind check valves.
 */
export function integrateFlow(
  fromLps: number,
  toLps: number,
  durationMs: number,
  integration: FlowIntegration,
): number {
  const seconds = durationMs / 1000;
  const a = Math.max(fromLps, 0);
  const b = Math.max(toLps, 0);
  return integration === 'trapezoid' ? ((a + b) / 2) * seconds : a * seconds;
}

/** Applies one flow sample (L/s, or null) to a meter's state. */
export function applyFlowReading(
  state: FlowState | null,
  tsMs: number,
  flowLps: number | null,
  profile: FlowProfile,
): FlowStep {
  const none = { interval: null, gap: null };

  // Unusable samples change nothing.
  if (flowLps === null || !Number.isFinite(flowLps)) return { state, outcome: 'missing', ...none };
  if (flowLps > profile.maxFlowLps) return { state, outcome: 'suspect_jump', ...none };
  const sample: FlowState = { lastTsMs: tsMs, lastFlowLps: flowLps };
  if (state === null) return { state: sample, outcome: 'first', ...none };
  if (tsMs === state.lastTsMs) {
    const outcome = flowLps === state.lastFlowLps ? 'duplicate' : 'conflict';
    return { state, outcome, ...none };
  }
  if (tsMs < state.lastTsMs) return { state, outcome: 'late', ...none };

  // Too long a silence: the flow in between is unknown.
  const durationMs = tsMs - state.lastTsMs;
  if (durationMs > profile.gapMs) {
    return {
      state: sample,
      outcome: 'gap',
      interval: null,
      gap: { startMs: state.lastTsMs, endMs: tsMs },
    };
  }

  // Integrate; a reverse-flow sample that entered the integral leaves a flag.
  const volumeL = integrateFlow(state.lastFlowLps, flowLps, durationMs, profile.integration);
  const usedLater = profile.integration === 'trapezoid' && flowLps < 0;
  const flags: IntervalFlag[] = state.lastFlowLps < 0 || usedLater ? ['reverse_flow'] : [];
  return {
    state: sample,
    outcome: 'booked',
    interval: { startMs: state.lastTsMs, endMs: tsMs, volumeL, flags },
    gap: null,
  };
}
