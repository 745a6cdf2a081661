import type { Site } from '../../models/site';

/**
 * What a planner edits for one scenario: a few plain fields that map onto the scenario schema
 * (`models/retrofit.ts`), which stays the single judge of what is valid. Numbers typed by the
 * planner are kept as entered; `draftToScenarioInput` builds the object `parseScenario` checks.
 */

/** Fixture types the planner swaps to a water-efficiency grade (§1.2). */
export const SWAP_TYPES = ['toilet', 'urinal', 'basin_tap', 'kitchen_sink', 'shower'] as const;
export type SwapType = (typeof SWAP_TYPES)[number];

/** A target grade, or 0 to keep what is installed. */
export type GradeChoice = 0 | 1 | 2 | 3;

/** Room functions a swap may be limited to; 'all' swaps the type everywhere. */
export type RoomChoice = 'all' | 'toilet' | 'tea_room' | 'canteen_kitchen' | 'bathhouse';

export interface SwapDraft {
  readonly grade: GradeChoice;
  readonly room: RoomChoice;
  /** Estimated price of one new fixture, yuan; null: not estimated. */
  readonly costPerFixtureYuan: number | null;
}

export interface MeasureDraft {
  readonly on: boolean;
  /** Estimated capital cost, yuan; null: not estimated. */
  readonly costYuan: number | null;
}

export interface PlannerDraft {
  readonly name: string;
  readonly swaps: Readonly<Record<SwapType, SwapDraft>>;
  readonly tapAutoOff: boolean;
  readonly greywater: MeasureDraft & { readonly tankM3: number };
  readonly condensate: MeasureDraft;
  readonly rainwater: MeasureDraft & { readonly tankM3: number };
  readonly irrigation: MeasureDraft & { readonly drip: boolean; readonly weatherControl: boolean };
  readonly coolingTower: MeasureDraft & { readonly cyclesAfter: number };
  /** Replaces the site's tariff, yuan/m³; null keeps the site's (which may be unset). */
  readonly waterYuanPerM3: number | null;
  readonly sewageYuanPerM3: number | null;
  /** Unconfirmed defaults the planner replaced, by default key. */
  readonly overrides: Readonly<Record<string, number>>;
}

/** Where each overridable default goes in a scenario. */
export const OVERRIDE_PATHS: Readonly<Record<string, readonly [string, string]>> = {
  greywaterDrainageFactor: ['greywater', 'drainageFactor'],
  greywaterTreatmentLoss: ['greywater', 'treatmentLoss'],
  firstFlushMm: ['rainwater', 'firstFlushMm'],
  filterEfficiency: ['rainwater', 'filterEfficiency'],
  effectiveRainFraction: ['irrigation', 'effectiveRainFraction'],
  coolingCyclesBefore: ['coolingTower', 'cyclesBefore'],
  femaleShare: ['usage', 'femaleShare'],
  wcUsesFemale: ['usage', 'wcUsesFemale'],
  wcUsesMale: ['usage', 'wcUsesMale'],
  urinalUsesMale: ['usage', 'urinalUsesMale'],
  lavatoryUses: ['usage', 'lavatoryUses'],
  lavatoryDurationS: ['usage', 'lavatoryDurationS'],
  showerDurationS: ['usage', 'showerDurationS'],
  showersPerStaffWorkingDay: ['usage', 'showersPerStaffWorkingDay'],
  visitorWcUsesFemale: ['usage', 'visitorWcUsesFemale'],
  visitorWcUsesMale: ['usage', 'visitorWcUsesMale'],
  visitorUrinalUsesMale: ['usage', 'visitorUrinalUsesMale'],
  visitorLavatoryUses: ['usage', 'visitorLavatoryUses'],
};

const keep: SwapDraft = { grade: 0, room: 'all', costPerFixtureYuan: null };

/** A scenario with no measure switched on. */
export function emptyDraft(name: string): PlannerDraft {
  return {
    name,
    swaps: {
      toilet: keep,
      urinal: keep,
      basin_tap: keep,
      kitchen_sink: keep,
      shower: keep,
    },
    tapAutoOff: false,
    greywater: { on: false, tankM3: 10, costYuan: null },
    condensate: { on: false, costYuan: null },
    rainwater: { on: false, tankM3: 30, costYuan: null },
    irrigation: { on: false, drip: true, weatherControl: true, costYuan: null },
    coolingTower: { on: false, cyclesAfter: 5, costYuan: null },
    waterYuanPerM3: null,
    sewageYuanPerM3: null,
    overrides: {},
  };
}

/** A first scenario to start from: water-saving toilets and a rain tank. */
export function starterDraft(name: string): PlannerDraft {
  const empty = emptyDraft(name);
  return {
    ...empty,
    swaps: { ...empty.swaps, toilet: { ...keep, grade: 2 } },
    rainwater: { ...empty.rainwater, on: true },
  };
}

const cost = (yuan: number | null) => (yuan === null ? {} : { capitalCostYuan: yuan });

/** The scenario object a draft stands for, for `parseScenario` to judge. */
export function draftToScenarioInput(draft: PlannerDraft, site: Site): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = { name: draft.name };

  // Fixture swaps, one row per type with a grade chosen.
  const swaps = SWAP_TYPES.filter((type) => draft.swaps[type].grade !== 0).map((type) => {
    const swap = draft.swaps[type];
    return {
      fixtureType: type,
      ...(swap.room === 'all' ? {} : { roomFunction: swap.room }),
      target: { kind: 'grade', grade: swap.grade },
      ...(type === 'basin_tap' && draft.tapAutoOff ? { autoOff: true } : {}),
      ...(swap.costPerFixtureYuan === null ? {} : { costPerFixtureYuan: swap.costPerFixtureYuan }),
    };
  });
  if (swaps.length > 0) out.fixtureSwaps = swaps;

  // Supplies and demand measures that are switched on.
  const { greywater: g, condensate: c, rainwater: r, irrigation: i, coolingTower: ct } = draft;
  if (g.on) {
    out.greywater = {
      sources: ['basins', 'showers'],
      uses: ['toiletFlushing'],
      tankM3: g.tankM3,
      ...cost(g.costYuan),
    };
  }
  if (c.on) out.condensate = { use: 'coolingMakeup', ...cost(c.costYuan) };
  if (r.on) {
    out.rainwater = {
      tankM3: r.tankM3,
      uses: ['irrigation', 'toiletFlushing'],
      ...cost(r.costYuan),
    };
  }
  if (i.on) {
    const methods = Object.fromEntries(site.outdoor.irrigatedAreas.map((a) => [a.id, 'drip']));
    out.irrigation = {
      ...(i.drip ? { methods } : {}),
      weatherBasedControl: i.weatherControl,
      ...cost(i.costYuan),
    };
  }
  if (ct.on) out.coolingTower = { cyclesAfter: ct.cyclesAfter, ...cost(ct.costYuan) };

  // Tariff and replaced defaults; a default of a measure that is off has nowhere to go.
  const tariff = {
    ...(draft.waterYuanPerM3 === null ? {} : { waterYuanPerM3: draft.waterYuanPerM3 }),
    ...(draft.sewageYuanPerM3 === null ? {} : { sewageYuanPerM3: draft.sewageYuanPerM3 }),
  };
  if (Object.keys(tariff).length > 0) out.tariff = tariff;
  for (const [key, value] of Object.entries(draft.overrides)) {
    const [block, field] = OVERRIDE_PATHS[key] ?? [];
    if (block === undefined || field === undefined) continue;
    const target = out[block];
    if (block === 'usage') out.usage = { ...(target as object | undefined), [field]: value };
    else if (target !== undefined) (target as Record<string, unknown>)[field] = value;
  }
  return out;
}
