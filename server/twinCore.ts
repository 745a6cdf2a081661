import type { Logger } from 'pino';
import type { Reading } from '../models/reading';
import type { Meter, Site } from '../models/site';
import type { Interval, MeterProfile } from './engine/consumption';
import type { EngineState, KindContext } from './engine/dispatch';
import type { Store } from './store';

export const HOUR_MS = 3_600_000;

/** What ingest, re-derivation and health read and change of a twin's state. */
export interface TwinCore {
  readonly site: Site;
  readonly store: Store;
  readonly log: Logger;
  /** Meters in tree order. */
  readonly meters: readonly Meter[];
  readonly meterIndex: ReadonlyMap<string, number>;
  readonly profiles: readonly MeterProfile[];
  /** Live engine states by state key (replaced when the twin reloads from the store). */
  readonly engine: Map<string, EngineState>;
  readonly bookedL: Float64Array;
  readonly todayL: Float64Array;
  readonly dayStartMs: number;
  /** End of each meter's latest booked interval, epoch ms. */
  readonly lastEndMs: Array<number | null>;
  readonly lastOutcome: Array<string | null>;
  /** Twin time of the last step, epoch ms; null before the first. */
  readonly lastMs: number | null;
  /** Twin time now (the running clock, else the last step), epoch ms; null before any. */
  nowMs(): number | null;
  /** Loads the twin's state from the store again, after a failed commit. */
  loadFromStore(): void;
}

/** What the engine needs to know about meter `i` for any kind of reading. */
export function kindContext(core: TwinCore, i: number): KindContext {
  const meter = core.meters[i]!;
  return {
    profile: core.profiles[i]!,
    reportingMs: meter.reporting.mode === 'interval' ? meter.reporting.intervalS * 1000 : HOUR_MS,
    dayStart: meter.counterDayStart ?? { zone: core.site.timeZone, minuteOfDay: 0 },
  };
}

/** Adds a booked interval of meter `i` to the live totals. */
export function account(core: TwinCore, i: number, interval: Interval): void {
  core.lastEndMs[i] = interval.endMs;
  core.bookedL[i]! += interval.volumeL;
  if (interval.endMs > core.dayStartMs) core.todayL[i]! += interval.volumeL;
}

/** A reading's value for the engine: litres, or L/s for flow, read in `unit`. */
export function engineValue(reading: Reading, unit: 'L' | 'm3'): number | null {
  if (reading.value === null) return null;
  if (reading.kind === 'flow') return round6(unit === 'm3' ? reading.value / 3.6 : reading.value);
  return round6(unit === 'm3' ? reading.value * 1000 : reading.value);
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
