import type { SourceStatus } from './detectionDefaults';
import type { Scenario } from './retrofit';
import type { WeatherYear } from './weatherYear';

/**
 * The retrofit planner's HTTP contract (`/api/v1/retrofit/*`). The planner projects scenarios
 * in the browser with the same pure code the server runs, so what it needs from the server is
 * the context: the documented defaults, the weather year and the metered totals of a period.
 */

/** Periods the planner calibrates against, in whole local days before the twin's today. */
export const CALIBRATION_DAYS = [1, 7, 30] as const;
/** The period used when a request names none, days. */
export const DEFAULT_CALIBRATION_DAYS = 7;
/** Longest period a request may name, days. */
export const MAX_CALIBRATION_DAYS = 366;

/** A documented default as served: value, unit, source and status (U = unconfirmed). */
export interface ServedDefault {
  readonly key: string;
  readonly value: unknown;
  readonly unit: string;
  readonly source: string;
  readonly status: SourceStatus;
  readonly unconfirmed: boolean;
}

/** One meter's register advance over the calibration period. */
export interface MeteredTotal {
  readonly meterId: string;
  /** Volume the meter booked over the period, m³. */
  readonly m3: number;
  /** Share of the period's hours with booked data, 0–1. */
  readonly coverage: number;
  /** Whether the meter takes part in calibration (its coverage is complete enough). */
  readonly used: boolean;
}

/** What the store measured over the calibration period. */
export interface MeteredContext {
  /** The period asked for, whole days. */
  readonly days: number;
  /** First and last local date, YYYY-MM-DD, both included. */
  readonly fromIso: string;
  readonly toIso: string;
  readonly meters: readonly MeteredTotal[];
  /**
   * The period in the projection's shape (`simulations/retrofit/calibration.ts`), listing
   * only meters with enough data; null when no meter has enough, and the baseline then
   * stays as modelled.
   */
  readonly period: {
    readonly fromIso: string;
    readonly toIso: string;
    readonly meteredM3: Readonly<Record<string, number>>;
  } | null;
}

/** `GET /api/v1/retrofit/defaults[?days=]`. */
export interface RetrofitContextResponse {
  readonly defaults: readonly ServedDefault[];
  /** Demand-model defaults behind occupant behaviour (uses per day, durations, …). */
  readonly usageDefaults: readonly ServedDefault[];
  readonly weather: WeatherYear;
  readonly weatherSummary: {
    readonly year: number;
    readonly source: string;
    /** Total rainfall of the year, mm. */
    readonly rainMm: number;
    /** Days with at least 0.1 mm of rain. */
    readonly rainDays: number;
  };
  readonly metered: MeteredContext | null;
}

/** Scenarios the server keeps for the planner at most. */
export const MAX_SAVED_SCENARIOS = 24;

/** A scenario kept on the server (`PUT /api/v1/retrofit/scenarios/:id`). */
export interface SavedScenario {
  /** 1–64 letters, digits or _ . : - chosen by the client. */
  readonly id: string;
  readonly scenario: Scenario;
}

/** `GET /api/v1/retrofit/scenarios`: the saved scenarios, oldest first. */
export interface SavedScenariosResponse {
  readonly scenarios: readonly SavedScenario[];
}
