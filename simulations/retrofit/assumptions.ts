import type { DocumentedDefault, SourceStatus } from '../../models/detectionDefaults';
import type { Usage } from '../../models/retrofit';
import { RETROFIT_DEFAULTS, type RetrofitDefaults } from '../../models/retrofitDefaults';
import { DEMAND_PARAMETERS, type DemandParameterKey } from '../demandParameters';

/** The occupant-behaviour defaults of the demand model a scenario's `usage` block may replace. */
export const USAGE_KEYS = [
  'femaleShare',
  'wcUsesFemale',
  'wcUsesMale',
  'urinalUsesMale',
  'lavatoryUses',
  'lavatoryDurationS',
  'showerDurationS',
  'showersPerStaffWorkingDay',
  'visitorWcUsesFemale',
  'visitorWcUsesMale',
  'visitorUrinalUsesMale',
  'visitorLavatoryUses',
] as const satisfies readonly (keyof Usage & DemandParameterKey)[];

/**
 * The defaults a projection leaned on, so the planner can show each with its source and flag
 * the unconfirmed ones (DESIGN §10: an unconfirmed number is never presented as official).
 */
export interface Assumption {
  readonly key: string;
  readonly value: unknown;
  readonly unit: string;
  readonly source: string;
  readonly status: SourceStatus;
  /** Status U: a placeholder to verify before it drives a compliance result. */
  readonly unconfirmed: boolean;
}

/** A default's value type with literals widened, so scenario values fit. */
export type Widen<T> = T extends number
  ? number
  : T extends readonly (infer E)[]
    ? readonly Widen<E>[]
    : T extends object
      ? { readonly [K in keyof T]: Widen<T[K]> }
      : T;

export class AssumptionLog {
  private readonly used = new Map<string, Assumption>();

  /** `given` when the scenario set it, else the documented default (which is logged). */
  pick<K extends keyof RetrofitDefaults>(
    key: K,
    given: Widen<RetrofitDefaults[K]['value']> | undefined,
  ): Widen<RetrofitDefaults[K]['value']> {
    if (given !== undefined) return given;
    const entry = RETROFIT_DEFAULTS[key];
    this.note(key, entry);
    return entry.value as Widen<RetrofitDefaults[K]['value']>;
  }

  note(key: string, entry: DocumentedDefault<unknown>): void {
    this.used.set(key, { key, ...entry, unconfirmed: entry.status === 'U' });
  }

  /** Logs the demand-model defaults behind occupant behaviour that the scenario left alone. */
  noteUsage(usage: Usage | undefined): void {
    const keys = USAGE_KEYS;
    for (const key of keys) {
      if (usage?.[key] === undefined) this.note(key, DEMAND_PARAMETERS[key]);
    }
  }

  list(): Assumption[] {
    return [...this.used.values()];
  }
}
