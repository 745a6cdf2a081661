import type { DocumentedDefault } from './detectionDefaults';

/**
 * Standard values and defaults of the retrofit planner, each with its unit, the section of
 * `reference/domain.md` it comes from and that document's status letter (C confirmed,
 * P partly, U unconfirmed, D derived for the twin). A scenario may override every value; the
 * UI must show U values as placeholders, never as official figures.
 *
 * Occupant behaviour (uses per person per day, durations, share of women, visitors) is not
 * repeated here: it lives in `simulations/demandParameters.ts` and a scenario overrides it
 * through its `usage` block.
 */

/** Values of the three Chinese water-efficiency grades, grade 1 first (least water). */
export type GradeValues = readonly [grade1: number, grade2: number, grade3: number];

export const RETROFIT_DEFAULTS = {
  // Fixture efficiency grades (§1.2) and the GB/T 31436 tiers (§1.3).
  /** GB 25502-2017 toilet, average flush volume by grade. */
  toiletGradeL: { value: [4.0, 5.0, 6.4], unit: 'L/flush', source: '§1.2', status: 'U' },
  /** GB 28377-2019 urinal, average flush volume by grade. */
  urinalGradeL: { value: [0.5, 1.5, 2.5], unit: 'L/flush', source: '§1.2', status: 'U' },
  /** GB 25501-2019 basin, kitchen and bidet faucets: grade 1 U, grades 2 and 3 seen (2010). */
  faucetGradeLps: { value: [0.1, 0.125, 0.15], unit: 'L/s', source: '§1.2', status: 'P' },
  /** GB 28378-2019 hand-held shower head flow by grade. */
  showerGradeLps: { value: [0.08, 0.12, 0.15], unit: 'L/s', source: '§1.2', status: 'U' },
  /** GB/T 31436-2015 toilet: 节水型, 高效节水型. */
  toiletTiersL: { value: [5.0, 4.0], unit: 'L/flush', source: '§1.3', status: 'C' },
  /** GB/T 31436-2015 squat pan (full flush): 节水型, 高效节水型. */
  squatTiersL: { value: [6.0, 5.0], unit: 'L/flush', source: '§1.3', status: 'C' },
  /** GB/T 31436-2015 urinal: 节水型, 高效节水型. */
  urinalTiersL: { value: [3.0, 1.9], unit: 'L/flush', source: '§1.3', status: 'C' },
  /** Chinese dual-flush average V = (V_full + 3 V_half) / 4: weight of the half flush. */
  dualFlushHalfWeight: { value: 0.75, unit: 'fraction', source: '§1.5', status: 'U' },
  /** Duration of a hand wash at a tap with automatic shut-off (LEED, 30 s without). */
  autoOffTapDurationS: { value: 12, unit: 's', source: '§4.2', status: 'U' },

  // Greywater (§5.1).
  /** β, drainage as a share of supply, midpoint of 0.80–0.90 (C). */
  greywaterDrainageFactor: { value: 0.85, unit: 'fraction', source: '§5.1', status: 'D' },
  /** Treatment plant's own use and losses, midpoint of 5–15 % (U). */
  greywaterTreatmentLoss: { value: 0.1, unit: 'fraction', source: '§5.1', status: 'U' },

  // AC condensate (§5.2).
  /** Condensate per kWh of cooling, January first: 0.085 Jun and Sep, 0.15 Jul–Aug. */
  condensateLPerKwh: {
    value: [0, 0, 0, 0, 0, 0.085, 0.15, 0.15, 0.085, 0, 0, 0],
    unit: 'L/kWh by month',
    source: '§5.2 twin default',
    status: 'D',
  },
  /**
   * Heat carried away per kg of tower evaporation, kWh: the handbook rule E = L Δt / 600
   * (§5.3) means 600 kcal per kg, and 1 kWh = 860 kcal. Cooling load is taken as the heat
   * rejected, which overstates it by the compressor work (so condensate is an upper bound).
   */
  heatPerEvaporatedKgKwh: { value: 600 / 860, unit: 'kWh/kg', source: '§5.3', status: 'D' },

  // Cooling tower (§5.3).
  /** Cycles of concentration before a retrofit: GB 50050 design floor of 3.0 (edition U). */
  coolingCyclesBefore: { value: 3, unit: 'cycles', source: '§5.3', status: 'P' },
  /** Cycles after better treatment: upper end of the handbook's "normally ≤ 5–6". */
  coolingCyclesAfter: { value: 5, unit: 'cycles', source: '§5.3', status: 'P' },

  // Rainwater (§6.1–6.3).
  /** ψc by roof surface: hard, flat or asphalt roof 0.8–0.9 (midpoint); green roof 0.3–0.4. */
  runoffCoefficient: {
    value: { concrete: 0.85, asphalt: 0.85, tile: 0.85, metal: 0.85, green: 0.35 },
    unit: 'fraction',
    source: '§6.2 (GB 50400 Table E.0.1)',
    status: 'D',
  },
  /** First-flush depth diverted from each rain day, roof: 2–3 mm (lower end). */
  firstFlushMm: { value: 2, unit: 'mm per rain day', source: '§6.2', status: 'U' },
  /** Pre-storage filter efficiency. */
  filterEfficiency: { value: 0.9, unit: 'fraction', source: '§6.1', status: 'C' },
  /** Months a surface tank collects, January first: Apr–Oct; frozen Nov–Mar. */
  harvestMonths: {
    value: [0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0],
    unit: '1 = collects',
    source: '§6.3',
    status: 'D',
  },

  // Irrigation (§6.5).
  /** Share of rainfall in an irrigated month that plants can use. */
  effectiveRainFraction: {
    value: 0.7,
    unit: 'fraction',
    source: 'not in domain.md; prior knowledge',
    status: 'U',
  },
} as const satisfies Record<string, DocumentedDefault<unknown>>;

export type RetrofitDefaults = typeof RETROFIT_DEFAULTS;
