import type { DocumentedDefault } from './detectionDefaults';

/**
 * The bars the compliance indicators are judged against, and the coefficients of the
 * water-balance report, each with its unit, the section of `reference/domain.md` it comes from
 * and that document's status letter (C confirmed, P partly, U unconfirmed, D derived for the
 * twin). The UI marks every U value as unconfirmed. The per-capita quota is not here: it is
 * the site's own setting (`site.quota`, with its source and status).
 */

/** A bar: the indicator passes when `value op bar`. */
export interface Bar extends DocumentedDefault<number> {
  readonly op: '>=' | '<=';
}

export const COMPLIANCE_BARS = {
  /** Metered share of the intake (level 1): every source passes a level-1 meter. */
  level1MeteringRate: {
    value: 1,
    op: '>=',
    unit: 'fraction',
    source: '§2.4 brief; §3.1 GB/T 24789-2009 Table 1',
    status: 'U',
  },
  /** K2 = Σ V(level-2 meters) ÷ V(level-1 meters). */
  level2MeteringRate: {
    value: 0.95,
    op: '>=',
    unit: 'fraction',
    source: '§2.4 brief; §3.1 (practice example 96–98 %)',
    status: 'U',
  },
  /** K3 = Σ V(level-3 meters) ÷ V(their parents). */
  level3MeteringRate: {
    value: 0.85,
    op: '>=',
    unit: 'fraction',
    source: '§3.1 GB/T 24789-2009 Table 1 (prior knowledge)',
    status: 'U',
  },
  /** Share of sub-units and major equipment with a meter of their own (equipping rate). */
  meteringCoverage: {
    value: 0.95,
    op: '>=',
    unit: 'fraction',
    source: '§3.1 equipping rate, level 2',
    status: 'U',
  },
  /** Pipe-network leak rate, every month of the period. */
  leakRate: { value: 0.02, op: '<=', unit: 'fraction', source: '§3.4 (brief)', status: 'U' },
  /** Fixtures at grade 2 or better: "water-saving fixtures everywhere". */
  waterSavingFixtures: {
    value: 1,
    op: '>=',
    unit: 'fraction',
    source: '§1.1 rule (C); §2.4 brief (100 %)',
    status: 'U',
  },
  /** Irrigated area watered by drip or sprinkler. */
  efficientIrrigation: {
    value: 1,
    op: '>=',
    unit: 'fraction',
    source: 'DESIGN §1 (efficient irrigation: drip, sprinkler)',
    status: 'D',
  },
} as const satisfies Record<string, Bar>;

/** Days a period's per-capita use is scaled to for the yearly quota. */
export const DAYS_PER_YEAR: DocumentedDefault<number> = {
  value: 365,
  unit: 'd',
  source: '§2.1 quota unit m³/(人·a)',
  status: 'D',
};

/**
 * Use the meters do not see but the bureau knows of (the guard house on the level-1 meter),
 * subtracted in the leak rate. 0 counts all of it as loss; an engineer sets the real figure.
 */
/**
 * A steady known unmetered use given per month (the lobby settings' figure) as m³ a day, over
 * an average month of 365 ÷ 12 days, so the lobby and the compliance report count the same.
 */
export function unmeteredM3PerDay(m3PerMonth: number): number {
  return (m3PerMonth * 12) / 365;
}

export const KNOWN_UNMETERED_M3_PER_DAY: DocumentedDefault<number> = {
  value: 0,
  unit: 'm³/d',
  source: '§3.4 V_known unmetered',
  status: 'D',
};

/** What a metering area's water is mainly used for, in the balance diagram and ledgers. */
export const END_USE_CATEGORIES = [
  'sanitary',
  'drinking',
  'bathing',
  'canteen',
  'laundry',
  'barber',
  'cooling',
  'irrigation',
  'other',
] as const;
export type EndUseCategory = (typeof END_USE_CATEGORIES)[number];

/**
 * Share of an end use's water that leaves as wastewater (the rest is consumed: evaporated,
 * taken up by plants or products). GB/T 12452 balances intake = consumed + discharged + lost.
 */
export const DISCHARGE_SHARE: Readonly<Record<EndUseCategory, DocumentedDefault<number>>> = {
  sanitary: dischargeDefault(0.9),
  drinking: dischargeDefault(0.9),
  bathing: dischargeDefault(0.9),
  canteen: dischargeDefault(0.85),
  laundry: dischargeDefault(0.9),
  barber: dischargeDefault(0.9),
  other: dischargeDefault(0.9),
  cooling: {
    value: 0.2,
    unit: 'fraction',
    source: 'cooling tower: evaporation dominates, blowdown discharged (prior knowledge)',
    status: 'U',
  },
  irrigation: { value: 0, unit: 'fraction', source: 'all taken up or evaporated', status: 'D' },
};

function dischargeDefault(value: number): DocumentedDefault<number> {
  return {
    value,
    unit: 'fraction',
    source: 'GB 50014: sewage ≈ 80–90 % of domestic supply (prior knowledge)',
    status: 'U',
  };
}
