import { z } from 'zod';
import { FixtureType, RoomFunction, type Site } from './site';
import { formatPath, type SiteIssue, valueAt } from './siteValidation';

/**
 * A retrofit scenario (DESIGN §9): the measures a planner tries on the twin and their
 * parameters. Every parameter left out takes its documented default (`retrofitDefaults.ts`,
 * or `simulations/demandParameters.ts` for occupant behaviour); the projection lists each
 * default it used with its source and status, so unconfirmed values are never hidden.
 *
 * Capital costs are estimates the planner types in. The product ships none: a measure without
 * one has no payback.
 */

const Id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits or _ . : -');
/**
 * Every number has an upper bound well beyond any real office (a typo or a pasted exponent is
 * refused, not projected); each rule message states the bound and its unit.
 */
const upTo = (n: z.ZodNumber, what: string, max: number, unit: string) =>
  n.max(max, `${what} must be at most ${max.toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`);
const positive = (what: string, max: number, unit: string) =>
  upTo(z.number().positive(`${what} must be greater than 0`), what, max, unit);
const nonNegative = (what: string, max: number, unit: string) =>
  upTo(z.number().nonnegative(`${what} must be 0 or more`), what, max, unit);
const fraction = z
  .number()
  .min(0, 'a fraction must be between 0 and 1')
  .max(1, 'a fraction must be between 0 and 1');
/** Cycles of concentration: N = 1 would mean endless blowdown (B = E / (N − 1)). */
const cycles = upTo(
  z.number().gt(1, 'cycles of concentration must be greater than 1'),
  'cycles of concentration',
  50,
  '',
);
/** Tanks up to 10 000 m³: far beyond any office's greywater or rain store. */
const tankM3 = positive('a tank size', 10_000, 'm³');
/** An estimated capital cost, yuan, up to 1e9; labelled as an estimate wherever it is shown. */
const capitalCostYuan = nonNegative('a capital cost', 1e9, 'yuan').optional();
/** Tariffs up to 100 yuan per m³, some twenty times China's dearest non-residential water. */
const price = nonNegative('a price', 100, 'yuan/m³');
const perDay = (what: string) => nonNegative(what, 100, '');
const perVisitor = nonNegative('uses per visitor', 100, '');
const durationS = positive('a duration', 3600, 's');
const perMonth = z
  .array(z.union([z.literal(0), z.literal(1)]))
  .length(12, 'give one 0/1 flag per month, January first');

/** Where a fixture swap takes its new specification from. */
export const SwapTarget = z.discriminatedUnion('kind', [
  /** A Chinese water-efficiency grade (§1.2): toilets, urinals, basin and kitchen taps, showers. */
  z.object({
    kind: z.literal('grade'),
    grade: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  }),
  /** A GB/T 31436 tier (§1.3): toilets, squat pans, urinals. */
  z.object({ kind: z.literal('tier'), tier: z.enum(['water_saving', 'high_efficiency']) }),
  /** A product's own flush volume, L. */
  z.object({ kind: z.literal('volume'), volumePerUseL: positive('a flush volume', 30, 'L') }),
  /** A product's own dual flush, L, averaged the Chinese way (§1.5). */
  z.object({
    kind: z.literal('dualFlush'),
    fullFlushL: positive('a full flush', 30, 'L'),
    halfFlushL: positive('a half flush', 30, 'L'),
  }),
  /** A product's own rated flow, L/s. */
  z.object({ kind: z.literal('flow'), flowLps: positive('a flow', 2, 'L/s') }),
]);
export type SwapTarget = z.infer<typeof SwapTarget>;

/** Fixture types each target kind applies to. */
export const SWAP_TARGET_TYPES: Readonly<Record<SwapTarget['kind'], readonly FixtureType[]>> = {
  grade: ['toilet', 'urinal', 'basin_tap', 'kitchen_sink', 'shower'],
  tier: ['toilet', 'squat_toilet', 'urinal'],
  volume: ['toilet', 'squat_toilet', 'urinal'],
  dualFlush: ['toilet', 'squat_toilet'],
  flow: ['basin_tap', 'kitchen_sink', 'shower', 'mop_sink', 'hair_wash_basin'],
};

export const FixtureSwap = z
  .object({
    /** Fixtures of this type… */
    fixtureType: FixtureType,
    /**
     * …in this one room only (it must hold fixtures of the type), or in rooms of this
     * function, or everywhere. With both, the room must be of that function.
     */
    roomId: Id.optional(),
    roomFunction: RoomFunction.optional(),
    target: SwapTarget,
    /** Taps: add automatic shut-off, which shortens a hand wash (§4.2). */
    autoOff: z.boolean().optional(),
    costPerFixtureYuan: capitalCostYuan,
  })
  .strict()
  .superRefine((swap, ctx) => {
    const allowed = SWAP_TARGET_TYPES[swap.target.kind];
    if (!allowed.includes(swap.fixtureType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['fixtureType'],
        message: `a "${swap.target.kind}" target applies only to ${allowed.join(', ')}`,
      });
    }
    if (swap.target.kind === 'dualFlush' && swap.target.halfFlushL > swap.target.fullFlushL) {
      ctx.addIssue({
        code: 'custom',
        path: ['target', 'halfFlushL'],
        message: 'a half flush cannot exceed the full flush',
      });
    }
  });
export type FixtureSwap = z.infer<typeof FixtureSwap>;

export const GreywaterSource = z.enum(['basins', 'showers', 'laundry', 'floorDrains']);
export type GreywaterSource = z.infer<typeof GreywaterSource>;
export const ReuseTarget = z.enum(['toiletFlushing', 'irrigation']);
export type ReuseTarget = z.infer<typeof ReuseTarget>;
const reuseTargets = z.array(ReuseTarget).min(1, 'choose at least one use');

export const Greywater = z
  .object({
    sources: z.array(GreywaterSource).min(1, 'choose at least one greywater source'),
    uses: reuseTargets,
    tankM3,
    drainageFactor: fraction.optional(),
    treatmentLoss: fraction.optional(),
    capitalCostYuan,
  })
  .strict();
export type Greywater = z.infer<typeof Greywater>;

export const Condensate = z
  .object({
    use: z.enum(['irrigation', 'coolingMakeup']),
    /**
     * Cooling delivered on a full-load working day (July), kWh; other months follow the
     * cooling season of the demand model. Absent: derived from the tower's make-up.
     */
    coolingKwhPerFullLoadDay: nonNegative('a cooling load', 1e7, 'kWh per day').optional(),
    capitalCostYuan,
  })
  .strict();
export type Condensate = z.infer<typeof Condensate>;

export const Rainwater = z
  .object({
    /** Roofs that drain to the tank; absent = every roof of the site. */
    roofIds: z.array(Id).min(1, 'choose at least one roof').optional(),
    tankM3,
    uses: reuseTargets,
    /** Replaces the ψc of every chosen roof. */
    runoffCoefficient: fraction.optional(),
    firstFlushMm: nonNegative('a first-flush depth', 100, 'mm').optional(),
    filterEfficiency: fraction.optional(),
    harvestMonths: perMonth.optional(),
    capitalCostYuan,
  })
  .strict();
export type Rainwater = z.infer<typeof Rainwater>;

export const IrrigationMethod = z.enum(['hose', 'sprinkler', 'drip']);
export const Irrigation = z
  .object({
    /** New method by irrigated-area id; areas not named keep theirs. */
    methods: z.record(Id, IrrigationMethod).optional(),
    /** A rain sensor or weather-based controller: effective rain is subtracted (§6.5). */
    weatherBasedControl: z.boolean().optional(),
    effectiveRainFraction: fraction.optional(),
    capitalCostYuan,
  })
  .strict();
export type Irrigation = z.infer<typeof Irrigation>;

export const CoolingTower = z
  .object({
    cyclesBefore: cycles.optional(),
    cyclesAfter: cycles.optional(),
    capitalCostYuan,
  })
  .strict();
export type CoolingTower = z.infer<typeof CoolingTower>;

/** Occupant behaviour replacing the demand model's defaults (§4.2); all optional. */
export const Usage = z
  .object({
    staff: upTo(
      z.number().int('staff is a whole number').positive('staff must be greater than 0'),
      'staff',
      1e6,
      'people',
    ),
    dailyVisitors: upTo(
      z.number().int('visitors are a whole number').nonnegative('visitors must be 0 or more'),
      'visitors',
      1e6,
      'per day',
    ),
    femaleShare: fraction,
    wcUsesFemale: perDay('uses per day'),
    wcUsesMale: perDay('uses per day'),
    urinalUsesMale: perDay('uses per day'),
    lavatoryUses: perDay('uses per day'),
    lavatoryDurationS: durationS,
    showerDurationS: durationS,
    showersPerStaffWorkingDay: nonNegative('showers per day', 10, ''),
    visitorWcUsesFemale: perVisitor,
    visitorWcUsesMale: perVisitor,
    visitorUrinalUsesMale: perVisitor,
    visitorLavatoryUses: perVisitor,
  })
  .partial()
  .strict();
export type Usage = z.infer<typeof Usage>;

export const Scenario = z
  .object({
    name: z.string().min(1, 'a scenario needs a name').max(120),
    usage: Usage.optional(),
    /** Replaces the site's tariff, yuan per m³. */
    tariff: z
      .object({ waterYuanPerM3: price, sewageYuanPerM3: price })
      .partial()
      .strict()
      .optional(),
    fixtureSwaps: z.array(FixtureSwap).optional(),
    greywater: Greywater.optional(),
    condensate: Condensate.optional(),
    rainwater: Rainwater.optional(),
    irrigation: Irrigation.optional(),
    coolingTower: CoolingTower.optional(),
  })
  .strict();
export type Scenario = z.infer<typeof Scenario>;

export type ScenarioParse =
  | { readonly ok: true; readonly scenario: Scenario }
  | { readonly ok: false; readonly issues: readonly SiteIssue[] };

/**
 * Validates a scenario against its schema and against the site it runs on (rooms, roofs and
 * areas it names must exist). Each issue names the field, the value found and the rule.
 */
export function parseScenario(input: unknown, site: Site): ScenarioParse {
  const parsed = Scenario.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      value: valueAt(input, issue.path),
      rule: issue.message,
    }));
    return { ok: false, issues };
  }
  const issues = siteIssues(parsed.data, site);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

function siteIssues(scenario: Scenario, site: Site): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const rooms = new Map(
    site.buildings.flatMap((b) => b.floors.flatMap((f) => f.rooms)).map((r) => [r.id, r]),
  );
  const roofs = new Set(site.outdoor.roofs.map((r) => r.id));
  const areas = new Set(site.outdoor.irrigatedAreas.map((a) => a.id));

  scenario.fixtureSwaps?.forEach((swap, i) => {
    if (swap.roomId === undefined) return;
    const at = `fixtureSwaps[${i}]`;
    const room = rooms.get(swap.roomId);
    if (!room) {
      issues.push({ path: `${at}.roomId`, value: swap.roomId, rule: 'no such room' });
      return;
    }
    // A swap limited to one room that could match no fixture is a mistake, not a no-op.
    if (swap.roomFunction !== undefined && swap.roomFunction !== room.function) {
      const rule = `room ${room.id} is a ${room.function} room`;
      issues.push({ path: `${at}.roomFunction`, value: swap.roomFunction, rule });
    } else if (!site.fixtures.some((f) => f.roomId === room.id && f.type === swap.fixtureType)) {
      const rule = `room ${room.id} has no ${swap.fixtureType}`;
      issues.push({ path: `${at}.roomId`, value: swap.roomId, rule });
    }
  });
  scenario.rainwater?.roofIds?.forEach((id, i) => {
    if (!roofs.has(id))
      issues.push({ path: `rainwater.roofIds[${i}]`, value: id, rule: 'no such roof' });
  });
  if (scenario.rainwater && scenario.rainwater.roofIds === undefined && roofs.size === 0) {
    issues.push({ path: 'rainwater', value: scenario.rainwater, rule: 'the site has no roof' });
  }
  for (const id of Object.keys(scenario.irrigation?.methods ?? {})) {
    if (!areas.has(id)) {
      issues.push({ path: `irrigation.methods.${id}`, value: id, rule: 'no such irrigated area' });
    }
  }
  return issues;
}
