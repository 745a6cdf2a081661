import type { IrrigatedArea } from '../models/site';

/**
 * Every numeric default of the demand simulator, each with its unit, its source (a section of
 * `docs/domain.md`, or "prior knowledge" when that file has none) and a status:
 * C confirmed, P partly confirmed, U unconfirmed placeholder, D derived for the twin.
 * Unconfirmed values are settings: `DemandOptions.parameters` overrides any of them.
 */

export type SourceStatus = 'C' | 'P' | 'U' | 'D';

export interface Sourced<T> {
  readonly value: T;
  readonly unit: string;
  readonly source: string;
  readonly status: SourceStatus;
}

/**
 * Local time-of-day windows, `[startH, endH, weight]` in decimal hours (8.5 = 08:30); the
 * weight is relative within one profile, except in `coolingMakeupLps` where it is a flow.
 */
export type DayWindows = readonly (readonly [startH: number, endH: number, weight: number])[];

/** One value per month, January first. */
export type PerMonth = readonly [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
];

const LEED_USES = 'domain.md §4.2 (LEED commercial defaults, BHoM usage file)';
const PRIOR = 'not in domain.md; prior knowledge';

export const DEMAND_PARAMETERS = {
  // Who is in the building.
  /** Share of staff and visitors who are women. */
  femaleShare: { value: 0.5, unit: 'fraction', source: `${LEED_USES}, gender ratio`, status: 'C' },
  /** Share of staff who come in on a weekend or holiday (overtime, 加班). */
  restDayStaffShare: { value: 0.05, unit: 'fraction', source: PRIOR, status: 'U' },
  /** Guards and duty officers (值班) in the building every day, around the clock. */
  dutyPersons: { value: 2, unit: 'persons', source: PRIOR, status: 'U' },
  /** Staff presence on working days: office hours 8:30–17:30, lunch break 11:30–13:00. */
  officeProfile: {
    value: [
      [8.5, 9, 1.6],
      [9, 11.5, 1],
      [11.5, 13, 0.6],
      [13, 13.5, 1.4],
      [13.5, 17.5, 1],
      [17.5, 18, 0.3],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption (office hours); domain.md §2.3 (8–10 h shift); lunch break: ${PRIOR}`,
    status: 'U',
  },
  /** Presence of the few staff who come in on rest days. */
  restDayProfile: {
    value: [
      [9, 12, 1],
      [13, 17, 1],
    ],
    unit: 'local hours, relative weight',
    source: PRIOR,
    status: 'U',
  },
  /** Duty staff: awake by day and evening, occasional use at night. */
  dutyProfile: {
    value: [
      [0, 6, 0.15],
      [6, 22, 1],
      [22, 24, 0.4],
    ],
    unit: 'local hours, relative weight',
    source: PRIOR,
    status: 'U',
  },

  // Toilets, per person per day of presence.
  /** Toilet (WC) flushes per woman per day. */
  wcUsesFemale: { value: 3, unit: 'uses/person/day', source: LEED_USES, status: 'C' },
  /** Toilet (WC) flushes per man per day (plus urinal uses; without urinals they use a WC). */
  wcUsesMale: { value: 1, unit: 'uses/person/day', source: LEED_USES, status: 'C' },
  /** Urinal flushes per man per day. */
  urinalUsesMale: { value: 2, unit: 'uses/person/day', source: LEED_USES, status: 'C' },
  /** Wash-basin (lavatory) uses per person per day. */
  lavatoryUses: { value: 3, unit: 'uses/person/day', source: LEED_USES, status: 'C' },
  /** Duration of a wash-basin use. */
  lavatoryDurationS: { value: 30, unit: 's', source: LEED_USES, status: 'C' },
  /** Visitor toilet uses, women. */
  visitorWcUsesFemale: { value: 0.5, unit: 'uses/visitor', source: 'domain.md §4.2', status: 'U' },
  /** Visitor toilet uses, men. */
  visitorWcUsesMale: { value: 0.1, unit: 'uses/visitor', source: 'domain.md §4.2', status: 'U' },
  /** Visitor urinal uses, men. */
  visitorUrinalUsesMale: {
    value: 0.4,
    unit: 'uses/visitor',
    source: 'domain.md §4.2',
    status: 'U',
  },
  /** Visitor wash-basin uses. */
  visitorLavatoryUses: { value: 0.5, unit: 'uses/visitor', source: 'domain.md §4.2', status: 'U' },

  // Tea rooms (开水间).
  /** Drinking water boiled per person per working day; midpoint of 1–2 L (§2.3, C). */
  drinkingWaterL: { value: 1.5, unit: 'L/person/day', source: 'domain.md §2.3', status: 'D' },
  /** Tea-room sink uses per person per day (LEED "kitchen faucet"). */
  teaTapUses: { value: 1, unit: 'uses/person/day', source: LEED_USES, status: 'C' },
  /** Duration of a tea-room sink use. */
  teaTapDurationS: { value: 15, unit: 's', source: LEED_USES, status: 'C' },
  /** Fill time of a boiler refill when its spec gives only a flow. */
  boilerFillS: { value: 30, unit: 's', source: PRIOR, status: 'U' },
  /** Tea making: a morning peak on arrival and a second after the lunch break. */
  teaProfile: {
    value: [
      [7.75, 9.5, 3],
      [9.5, 11.5, 0.7],
      [13, 14.5, 2],
      [14.5, 17, 0.5],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption; ${PRIOR}`,
    status: 'U',
  },

  // Canteen (working days only).
  /** Share of staff who eat breakfast in the canteen. */
  breakfastShare: { value: 0.5, unit: 'fraction of staff', source: PRIOR, status: 'U' },
  /** Share of staff who eat lunch in the canteen. */
  lunchShare: { value: 0.9, unit: 'fraction of staff', source: PRIOR, status: 'U' },
  /** Kitchen water per meal served (GB 50015 staff canteen 20–25 L per meal, lower end). */
  canteenLPerMeal: { value: 20, unit: 'L/meal', source: PRIOR, status: 'U' },
  /** Share of a lunch guest's daily toilet visits made at the canteen's toilets. */
  canteenToiletShare: { value: 0.15, unit: 'fraction', source: PRIOR, status: 'U' },
  /** Split of canteen water between kitchen sinks, dishwashers and hand-wash basins. */
  canteenSplit: {
    value: { kitchenSink: 0.6, dishwasher: 0.3, tap: 0.1 },
    unit: 'fraction (renormalised over the fixtures present)',
    source: PRIOR,
    status: 'U',
  },
  /** Duration of one kitchen-sink draw. */
  kitchenDrawS: { value: 30, unit: 's', source: PRIOR, status: 'U' },
  /** Duration of one dishwasher cycle when its spec gives only a flow. */
  dishwasherCycleS: { value: 120, unit: 's', source: PRIOR, status: 'U' },
  /** Kitchen: breakfast 7–8, prep 9–11 and 15–17, lunch peak 11:30–12:30, washing-up. */
  kitchenProfile: {
    value: [
      [6.5, 7, 1],
      [7, 8, 2],
      [9, 11, 1.5],
      [11, 11.5, 2],
      [11.5, 12.5, 3],
      [12.5, 13.5, 1.5],
      [15, 17, 1],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption; ${PRIOR}`,
    status: 'U',
  },
  /** Dishwashers run after breakfast and after lunch. */
  dishwasherProfile: {
    value: [
      [8, 9, 1],
      [12.5, 14, 2],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption; ${PRIOR}`,
    status: 'U',
  },

  /** Hand washing at the canteen's basins, around breakfast and lunch. */
  mealProfile: {
    value: [
      [7, 8, 1],
      [11.5, 12.5, 2.5],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption (meal times); ${PRIOR}`,
    status: 'U',
  },

  // Bathhouse (机关浴室).
  /** Showers per staff member per working day (LEED office default is 0.1, C). */
  showersPerStaffWorkingDay: {
    value: 0.15,
    unit: 'showers/person/day',
    source: 'domain.md §4.2 (0.1, LEED) raised for a staff bathhouse',
    status: 'U',
  },
  /** Showers per staff member on a weekend or holiday. */
  showersPerStaffRestDay: { value: 0.02, unit: 'showers/person/day', source: PRIOR, status: 'U' },
  /** Duration of a shower. */
  showerDurationS: { value: 300, unit: 's', source: LEED_USES, status: 'C' },
  /** Wash-basin uses in the bathhouse per shower. */
  bathBasinUsesPerShower: { value: 1, unit: 'uses/shower', source: PRIOR, status: 'U' },
  /** Showers after work on working days, a few before work and at lunch. */
  showerProfileWorking: {
    value: [
      [6.5, 8.5, 0.6],
      [11.5, 13, 0.4],
      [17, 19.5, 4],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption (17:00–19:30); ${PRIOR}`,
    status: 'U',
  },
  /** Showers on rest days. */
  showerProfileRest: {
    value: [
      [9, 12, 1],
      [14, 19.5, 1.5],
    ],
    unit: 'local hours, relative weight',
    source: PRIOR,
    status: 'U',
  },

  // Laundry, barber room, cleaning.
  /** Washing-machine cycles per machine per working day (towels, canteen uniforms). */
  washingMachineCycles: { value: 3, unit: 'cycles/machine/day', source: PRIOR, status: 'U' },
  /** Fill time of a cycle when the spec gives only a flow. */
  washingMachineFillS: { value: 600, unit: 's', source: PRIOR, status: 'U' },
  /** Haircuts per working day in the barber room. */
  haircutsPerWorkingDay: { value: 6, unit: 'haircuts/day', source: PRIOR, status: 'U' },
  /** Hair-wash duration per haircut. */
  hairWashDurationS: { value: 60, unit: 's', source: PRIOR, status: 'U' },
  /** Barber-room tap use per haircut (tools, hands). */
  barberTapDurationS: { value: 15, unit: 's', source: PRIOR, status: 'U' },
  /** Laundry and barber room opening hours. */
  serviceProfile: {
    value: [
      [9, 11.5, 1],
      [13.5, 16.5, 1],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption (daytime); ${PRIOR}`,
    status: 'U',
  },
  /** Mop-sink bucket fills per sink per working day. */
  mopFillsPerWorkingDay: { value: 4, unit: 'fills/sink/day', source: PRIOR, status: 'U' },
  /** Duration of a bucket fill. */
  mopFillS: { value: 60, unit: 's', source: PRIOR, status: 'U' },
  /** Cleaning early in the morning, a little after lunch and after work. */
  cleaningProfile: {
    value: [
      [6.5, 8, 3],
      [12.5, 13.5, 1],
      [17.5, 18, 1],
    ],
    unit: 'local hours, relative weight',
    source: `site operating assumption (early morning); ${PRIOR}`,
    status: 'U',
  },
  /** Uses per working day of a tap in a room with no modelled activity (office, lobby…). */
  miscTapUses: { value: 4, unit: 'uses/tap/day', source: PRIOR, status: 'U' },
  /** Duration of such a use. */
  miscTapDurationS: { value: 15, unit: 's', source: PRIOR, status: 'U' },

  // Irrigation (every day of the season, controller runs the valves of an area in turn).
  /** Months irrigated: May–September, inside the frost-free period (§6.3, 140–150 d). */
  irrigationMonths: {
    value: [0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0] satisfies PerMonth,
    unit: '1 = irrigated',
    source: 'site operating assumption; domain.md §6.3',
    status: 'D',
  },
  /** Changchun reference evapotranspiration, Hargreaves estimate. */
  et0MmPerMonth: {
    value: [5, 13, 46, 88, 126, 145, 160, 120, 88, 57, 20, 6] satisfies PerMonth,
    unit: 'mm/month',
    source: 'domain.md §6.4',
    status: 'D',
  },
  /** Landscape coefficient K_L = k_s (WUCOLS, C ranges) × k_d 1.0 × k_mc 1.0. */
  landscapeCoefficient: {
    value: { lawn: 0.8, shrubs: 0.5, trees: 0.5, mixed: 0.6 } satisfies Record<
      IrrigatedArea['plantType'],
      number
    >,
    unit: 'fraction of ET0',
    source: 'domain.md §6.5',
    status: 'D',
  },
  /** Irrigation efficiency by method (drip, sprinkler C; hose U). Rain is not subtracted. */
  irrigationEfficiency: {
    value: { drip: 0.9, sprinkler: 0.65, hose: 0.5 } satisfies Record<
      IrrigatedArea['method'],
      number
    >,
    unit: 'fraction',
    source: 'domain.md §6.5',
    status: 'P',
  },
  /** Irrigation window, local hours: runs start at the first and are cut at the second. */
  irrigationWindowH: {
    value: [5.5, 8],
    unit: 'local hours',
    source: 'site operating assumption',
    status: 'U',
  },

  // Cooling tower (central AC), working days only.
  /** Make-up flow by hour at full summer load, L/s (a few hundred kW of chillers, §5.3). */
  coolingMakeupLps: {
    value: [
      [12, 13, 0.25],
      [13, 14, 0.35],
      [14, 16, 0.5],
      [16, 17, 0.4],
      [17, 18, 0.3],
    ],
    unit: 'local hours, L/s',
    source: 'site operating assumption (0.2–0.5 L/s, 12–18 h); domain.md §5.3 (M = E + B + D)',
    status: 'D',
  },
  /** Cooling load by month relative to July; Changchun is hot only in June–August (§5.2). */
  coolingMonthFactor: {
    value: [0, 0, 0, 0, 0, 0.8, 1, 0.9, 0, 0, 0, 0] satisfies PerMonth,
    unit: 'fraction',
    source: 'domain.md §5.2, §6.3',
    status: 'D',
  },
  /** Day-to-day spread of cooling make-up (weather): uniform within ± this fraction. */
  coolingDailySpread: { value: 0.4, unit: 'fraction', source: 'model choice', status: 'D' },
  /** Slot-to-slot spread of make-up flow (float valve cycling): uniform within ± this. */
  coolingSlotNoise: { value: 0.3, unit: 'fraction', source: 'model choice', status: 'D' },
} as const satisfies Record<string, Sourced<unknown>>;

export type DemandParameterTable = typeof DEMAND_PARAMETERS;
export type DemandParameterKey = keyof DemandParameterTable;

/** Widens literal types (tuples keep their length) so overrides can hold other values. */
type Widen<T> = T extends number
  ? number
  : T extends string
    ? string
    : { readonly [K in keyof T]: Widen<T[K]> };

/** The values alone, as the simulator reads them. */
export type DemandParameters = {
  readonly [K in DemandParameterKey]: Widen<DemandParameterTable[K]['value']>;
};

/** The defaults with some values replaced. */
export function resolveDemandParameters(
  overrides: Partial<DemandParameters> = {},
): DemandParameters {
  const values = {} as Record<string, unknown>;
  for (const [key, entry] of Object.entries(DEMAND_PARAMETERS)) values[key] = entry.value;
  return { ...(values as DemandParameters), ...overrides };
}
