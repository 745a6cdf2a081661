import type { EndUseCategory } from './complianceDefaults';
import type { KnownUnmeteredUse } from './complianceSettings';
import type { SourceStatus } from './detectionDefaults';
import type { LocalizedName, MeterSupply } from './site';

/**
 * The compliance API (issue #7): indicators, the water-balance report, the metering network
 * diagram and the ledgers over a period of whole local days. Volumes are m³ unless a name says
 * otherwise; shares are fractions (0.95 = 95 %).
 */

/** A period of whole local days in the building's zone, both dates included. */
export interface CompliancePeriod {
  /** YYYY-MM-DD. */
  readonly fromIso: string;
  readonly toIso: string;
  readonly days: number;
  /** Working days (mainland-China calendar) in the period. */
  readonly workingDays: number;
}

export type IndicatorId =
  | 'level1MeteringRate'
  | 'level2MeteringRate'
  | 'level3MeteringRate'
  | 'meteringCoverage'
  | 'leakRate'
  | 'perCapita'
  | 'waterSavingFixtures'
  | 'nonConventionalShare'
  | 'efficientIrrigation';

/** The bar an indicator is judged against, with where it comes from. */
export interface IndicatorBar {
  readonly op: '>=' | '<=';
  readonly value: number;
  readonly source: string;
  readonly status: SourceStatus;
}

export interface Indicator {
  readonly id: IndicatorId;
  /** Null when the period holds no data to compute it. */
  readonly value: number | null;
  readonly unit: 'fraction' | 'm3_per_person_year';
  /** What the value was computed from, in the indicator's own terms. */
  readonly numerator: number | null;
  readonly denominator: number | null;
  /** Null for an indicator without a bar (reported only). */
  readonly bar: IndicatorBar | null;
  /** Null when there is no value or no bar. */
  readonly pass: boolean | null;
}

/** The leak rate of one local month (or the part of it inside the period). */
export interface MonthlyLeak {
  /** YYYY-MM. */
  readonly month: string;
  readonly level1M3: number;
  readonly level2M3: number;
  readonly knownUnmeteredM3: number;
  /** Null when the level-1 meter saw no water. */
  readonly rate: number | null;
}

/** Per-capita use against the site's quota (advanced and general values). */
export interface PerCapita {
  readonly m3PerPersonYear: number | null;
  /** Per staff member per calendar day, L. */
  readonly lPerPersonDay: number | null;
  /** Per staff member per working day, L (GB/T 12452 V_lf). */
  readonly lPerPersonWorkingDay: number | null;
  readonly advancedM3PerPersonYear: number;
  readonly generalM3PerPersonYear: number;
  readonly quotaSource: string;
  readonly quotaStatus: SourceStatus;
  /** `advanced`: within the advanced value; `general`: within the general value only. */
  readonly grade: 'advanced' | 'general' | 'over' | null;
  /**
   * Days (and working days) of the period on which the level-1 meters reported: the figures
   * are scaled over these, so a period reaching past the data is not diluted by empty days.
   */
  readonly daysWithData: number;
  readonly workingDaysWithData: number;
}

export interface ComplianceIndicators {
  readonly indicators: readonly Indicator[];
  readonly leakByMonth: readonly MonthlyLeak[];
  readonly perCapita: PerCapita;
}

/** One unit (metering area) of the balance table, GB/T 12452: in = out. */
export interface BalanceRow {
  readonly meterId: string;
  readonly level: 1 | 2 | 3;
  readonly serves: LocalizedName;
  readonly parentId: string | null;
  readonly category: EndUseCategory | null;
  /** The water the unit's meter measures: potable, or a non-conventional supply. */
  readonly supply: MeterSupply;
  /** What the unit's meter measured. */
  readonly intakeM3: number;
  /** Passed on to child meters. */
  readonly toChildrenM3: number;
  readonly consumedM3: number;
  readonly dischargedM3: number;
  readonly reusedM3: number;
  /** Not explained by children or use: losses (negative when children read more). */
  readonly lostM3: number;
}

/** A node of the balance diagram; `kind` says which column it stands in. */
export interface BalanceNode {
  readonly id: string;
  readonly kind: 'reused' | 'meter' | 'endUse' | 'loss' | 'consumed' | 'discharged';
  readonly level?: 1 | 2 | 3;
  readonly name: LocalizedName;
}

export interface BalanceLink {
  readonly source: string;
  readonly target: string;
  readonly m3: number;
}

export type WeakPoint =
  | { readonly kind: 'loss'; readonly meterId: string; readonly m3: number; readonly share: number }
  | { readonly kind: 'unmeteredUse'; readonly meterId: string; readonly fixtures: number }
  | { readonly kind: 'imbalance'; readonly meterId: string; readonly m3: number }
  | {
      readonly kind: 'alert';
      readonly alertId: number;
      readonly meterId: string;
      readonly detector: string;
      readonly openedMs: number;
      readonly lossM3PerDay: number;
    }
  | { readonly kind: 'estimated'; readonly meterId: string; readonly intervals: number };

export interface BalanceReport {
  readonly rows: readonly BalanceRow[];
  /**
   * The whole site: all water in (V_t = V_f + V_r, GB/T 12452) against everything that leaves.
   * `intakeM3` is their sum; `freshM3` the potable level-1 intake; `nonConventionalM3` what the
   * greywater, condensate and rain meters supplied.
   */
  readonly total: Omit<
    BalanceRow,
    'meterId' | 'level' | 'serves' | 'parentId' | 'category' | 'supply'
  > & { readonly freshM3: number; readonly nonConventionalM3: number };
  readonly nodes: readonly BalanceNode[];
  readonly links: readonly BalanceLink[];
}

/** `GET /api/v1/compliance/report`. */
export interface ComplianceReport extends ComplianceIndicators {
  readonly period: CompliancePeriod;
  readonly balance: BalanceReport;
  readonly weakPoints: readonly WeakPoint[];
  /** The dated known unmetered uses of the period, counted in the leak rate. */
  readonly knownUnmeteredUses: readonly KnownUnmeteredUse[];
}

/** A meter of the metering network diagram (计量网络图). */
export interface NetworkMeter {
  readonly id: string;
  readonly serial: string;
  readonly level: 1 | 2 | 3;
  readonly parentId: string | null;
  readonly serves: LocalizedName;
  /** Nominal diameter of the pipe the meter sits on, mm (DN). */
  readonly diameterMm: number | null;
  readonly accuracyClass: 1 | 2;
  /** Fixtures in the meter's own metering area (below it, above its child meters). */
  readonly fixtures: number;
}

/** `GET /api/v1/compliance/network`. */
export interface NetworkDiagram {
  /** IANA zone of the building: periods are whole local days in it. */
  readonly timeZone: string;
  readonly siteName: LocalizedName;
  readonly meters: readonly NetworkMeter[];
}

/** Counts of the interval flags behind a ledger number. */
export type FlagCounts = Readonly<Partial<Record<string, number>>>;

/** One meter (or function) over one day or month of the ledger. */
export interface LedgerRow {
  /** YYYY-MM-DD or YYYY-MM. */
  readonly date: string;
  /** Meter id, or the end-use category for the ledger by function. */
  readonly key: string;
  /** Null when no data was stored for it, never 0. */
  readonly m3: number | null;
  readonly flags: FlagCounts;
}

/** `GET /api/v1/compliance/ledger`. */
export interface Ledger {
  readonly period: CompliancePeriod;
  readonly step: 'day' | 'month';
  readonly meters: readonly LedgerRow[];
  readonly functions: readonly LedgerRow[];
}
