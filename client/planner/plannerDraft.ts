import type { GreywaterSource, ReuseTarget } from '../../models/retrofit';
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
export const ROOM_CHOICES: readonly RoomChoice[] = [
  'all',
  'toilet',
  'tea_room',
  'canteen_kitchen',
  'bathhouse',
];

export interface SwapDraft {
  readonly grade: GradeChoice;
  /** Rooms of this function only ('all': everywhere); unused while `roomId` is set. */
  readonly room: RoomChoice;
  /** One room only, by id; null: the rooms `room` names. */
  readonly roomId: string | null;
  /** Estimated price of one new fixture, yuan; null: not estimated. */
  readonly costPerFixtureYuan: number | null;
}

export interface MeasureDraft {
  readonly on: boolean;
  /** Estimated capital cost, yuan; null: not estimated. */
  readonly costYuan: number | null;
}

/** Where AC condensate goes. */
export type CondensateUse = 'irrigation' | 'coolingMakeup';

/** Greywater sources and reuse targets in the order the planner lists them. */
export const GREYWATER_SOURCES: readonly GreywaterSource[] = [
  'basins',
  'showers',
  'laundry',
  'floorDrains',
];
export const REUSE_TARGETS: readonly ReuseTarget[] = ['toiletFlushing', 'irrigation'];
export const CONDENSATE_USES: readonly CondensateUse[] = ['coolingMakeup', 'irrigation'];

export interface PlannerDraft {
  /** The id the scenario is saved under on the server. */
  readonly id: string;
  /** The name typed by the planner; shown only while `autoName` is null. */
  readonly name: string;
  /** n of the default name "Scenario n", shown in the current language; null: typed name. */
  readonly autoName: number | null;
  readonly swaps: Readonly<Record<SwapType, SwapDraft>>;
  readonly tapAutoOff: boolean;
  readonly greywater: MeasureDraft & {
    readonly tankM3: number;
    readonly sources: readonly GreywaterSource[];
    readonly uses: readonly ReuseTarget[];
  };
  readonly condensate: MeasureDraft & { readonly use: CondensateUse };
  readonly rainwater: MeasureDraft & {
    readonly tankM3: number;
    readonly uses: readonly ReuseTarget[];
  };
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

const keep: SwapDraft = { grade: 0, room: 'all', roomId: null, costPerFixtureYuan: null };

/** A new scenario id: random, so two browsers never save over each other's scenarios. */
export function newScenarioId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `s-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** A scenario with no measure switched on; `autoName` n names it "Scenario n". */
export function emptyDraft(name: string, autoName: number | null = null): PlannerDraft {
  return {
    id: newScenarioId(),
    name,
    autoName,
    swaps: {
      toilet: keep,
      urinal: keep,
      basin_tap: keep,
      kitchen_sink: keep,
      shower: keep,
    },
    tapAutoOff: false,
    greywater: {
      on: false,
      tankM3: 10,
      sources: ['basins', 'showers'],
      uses: ['toiletFlushing'],
      costYuan: null,
    },
    condensate: { on: false, use: 'coolingMakeup', costYuan: null },
    rainwater: { on: false, tankM3: 30, uses: ['irrigation', 'toiletFlushing'], costYuan: null },
    irrigation: { on: false, drip: true, weatherControl: true, costYuan: null },
    coolingTower: { on: false, cyclesAfter: 5, costYuan: null },
    waterYuanPerM3: null,
    sewageYuanPerM3: null,
    overrides: {},
  };
}

/** A first scenario to start from: water-saving toilets and a rain tank. */
export function starterDraft(name: string, autoName: number | null = null): PlannerDraft {
  const empty = emptyDraft(name, autoName);
  return {
    ...empty,
    swaps: { ...empty.swaps, toilet: { ...keep, grade: 2 } },
    rainwater: { ...empty.rainwater, on: true },
  };
}

/** The draft as shown: a default name in the interface language, or the name typed. */
export function withShownName(
  draft: PlannerDraft,
  defaultName: (n: number) => string,
): PlannerDraft {
  return draft.autoName === null ? draft : { ...draft, name: defaultName(draft.autoName) };
}

const cost = (yuan: number | null) => (yuan === null ? {} : { capitalCostYuan: yuan });
/** The chosen items in the planner's order, so equal choices give equal scenarios. */
const ordered = <T>(all: readonly T[], chosen: readonly T[]) =>
  all.filter((x) => chosen.includes(x));

/** Where a swap applies: one room, rooms of a function, or everywhere. */
function swapScope(swap: SwapDraft): Record<string, string> {
  if (swap.roomId !== null) return { roomId: swap.roomId };
  return swap.room === 'all' ? {} : { roomFunction: swap.room };
}

/** The scenario object a draft stands for, for `parseScenario` to judge. */
export function draftToScenarioInput(draft: PlannerDraft, site: Site): Record<string, unknown> {
  const out: Record<string, Record<string, unknown> | unknown> = { name: draft.name };

  // Fixture swaps, one row per type with a grade chosen.
  const swaps = SWAP_TYPES.filter((type) => draft.swaps[type].grade !== 0).map((type) => {
    const swap = draft.swaps[type];
    return {
      fixtureType: type,
      ...swapScope(swap),
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
      sources: ordered(GREYWATER_SOURCES, g.sources),
      uses: ordered(REUSE_TARGETS, g.uses),
      tankM3: g.tankM3,
      ...cost(g.costYuan),
    };
  }
  if (c.on) out.condensate = { use: c.use, ...cost(c.costYuan) };
  if (r.on) {
    out.rainwater = {
      tankM3: r.tankM3,
      uses: ordered(REUSE_TARGETS, r.uses),
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
