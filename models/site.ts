import { z } from 'zod';

/**
 * The site file: one agency campus, its buildings, fixtures, pipe network and meters
 * (DESIGN §4). World coordinates are metres: x east, y north, z up. The schema checks the
 * shape of every field; cross-references (pipes to nodes, fixtures to rooms, the tree shape)
 * are checked by `validateSite` in `siteValidation.ts`.
 */

export const SITE_SCHEMA_VERSION = 1;

/** A name in both interface languages. */
export const LocalizedName = z.object({ zh: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedName = z.infer<typeof LocalizedName>;

const Id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits or _ . : -');

/** A point in world metres. */
export const Point3 = z.object({ x: z.number(), y: z.number(), z: z.number() }).strict();
export type Point3 = z.infer<typeof Point3>;

/** A polygon in plan, world metres, as [x, y] pairs; at least three corners. */
export const Polygon2 = z.array(z.tuple([z.number(), z.number()])).min(3);
export type Polygon2 = z.infer<typeof Polygon2>;

export const RoomFunction = z.enum([
  'office',
  'meeting',
  'lobby',
  'corridor',
  'toilet',
  'tea_room',
  'canteen_dining',
  'canteen_kitchen',
  'bathhouse',
  'laundry',
  'barber',
  'cleaning_room',
  'plant_room',
]);
export type RoomFunction = z.infer<typeof RoomFunction>;

export const Room = z
  .object({
    id: Id,
    name: LocalizedName,
    function: RoomFunction,
    /** Who a toilet or bathhouse serves. */
    gender: z.enum(['male', 'female', 'all']).optional(),
    polygon: Polygon2,
  })
  .strict();
export type Room = z.infer<typeof Room>;

export const Floor = z
  .object({
    id: Id,
    /** 1 = ground floor; the roof is modelled as the floor above the top storey. */
    index: z.number().int(),
    name: LocalizedName,
    /** Finished floor level above site datum, m. */
    elevationM: z.number(),
    /** Storey height, m. */
    heightM: z.number().positive(),
    rooms: z.array(Room),
  })
  .strict();
export type Floor = z.infer<typeof Floor>;

export const Building = z
  .object({
    id: Id,
    name: LocalizedName,
    footprint: Polygon2,
    floors: z.array(Floor).min(1),
  })
  .strict();
export type Building = z.infer<typeof Building>;

export const FixtureType = z.enum([
  'toilet',
  'squat_toilet',
  'urinal',
  'basin_tap',
  'mop_sink',
  'shower',
  'kitchen_sink',
  'dishwasher',
  'water_boiler',
  'washing_machine',
  'hair_wash_basin',
  'cooling_tower_makeup',
  'irrigation_valve',
  'hose_bib',
]);
export type FixtureType = z.infer<typeof FixtureType>;

/** Water-efficiency grade per the Chinese 水效 standards; 1 uses the least water. */
export const EfficiencyGrade = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal('none'),
]);
export type EfficiencyGrade = z.infer<typeof EfficiencyGrade>;

export const FixtureSpec = z
  .object({
    /** Volume per flush or per cycle, L (toilets, urinals, washing machines, dishwashers). */
    volumePerUseL: z.number().positive().optional(),
    /** Rated flow, L/s (taps, showers, valves, make-up). */
    flowLps: z.number().positive().optional(),
  })
  .strict()
  .refine((s) => s.volumePerUseL !== undefined || s.flowLps !== undefined, {
    message: 'a fixture spec needs volumePerUseL or flowLps',
  });
export type FixtureSpec = z.infer<typeof FixtureSpec>;

export const Fixture = z
  .object({
    id: Id,
    type: FixtureType,
    /** The room it stands in; outdoor fixtures name an outdoor area instead. */
    roomId: Id.optional(),
    areaId: Id.optional(),
    /** The network node it draws water from (a node of kind `fixture`). */
    nodeId: Id,
    position: Point3,
    spec: FixtureSpec,
    grade: EfficiencyGrade,
    /** ISO date, YYYY-MM-DD. */
    installDate: z.iso.date(),
  })
  .strict();
export type Fixture = z.infer<typeof Fixture>;

export const IrrigatedArea = z
  .object({
    id: Id,
    name: LocalizedName,
    plantType: z.enum(['lawn', 'shrubs', 'trees', 'mixed']),
    areaM2: z.number().positive(),
    method: z.enum(['hose', 'sprinkler', 'drip']),
    polygon: Polygon2,
  })
  .strict();
export type IrrigatedArea = z.infer<typeof IrrigatedArea>;

export const Roof = z
  .object({
    id: Id,
    buildingId: Id,
    areaM2: z.number().positive(),
    surface: z.enum(['concrete', 'tile', 'green', 'metal', 'asphalt']),
  })
  .strict();
export type Roof = z.infer<typeof Roof>;

export const NodeKind = z.enum(['source', 'junction', 'meter', 'fixture', 'tank']);
export type NodeKind = z.infer<typeof NodeKind>;

export const NetworkNode = z.object({ id: Id, kind: NodeKind, position: Point3 }).strict();
export type NetworkNode = z.infer<typeof NetworkNode>;

/** A pipe carries water from `from` (upstream) to `to` (downstream). */
export const Pipe = z
  .object({
    id: Id,
    from: Id,
    to: Id,
    /** Nominal diameter, mm (DN). */
    diameterMm: z.number().positive(),
    material: z.enum([
      'ductile_iron',
      'steel_galvanized',
      'stainless',
      'ppr',
      'pe',
      'pvc',
      'copper',
    ]),
    installYear: z.number().int().min(1900).max(2100),
  })
  .strict();
export type Pipe = z.infer<typeof Pipe>;

export const MeterRegister = z
  .object({
    /** Unit of the register and of every reading the meter sends. */
    unit: z.enum(['L', 'm3']),
    /** Integer digits of the register; it rolls over at 10^digits units. */
    digits: z.number().int().min(1).max(12),
    /** Decimals shown by the register. */
    decimals: z.number().int().min(0).max(4),
  })
  .strict();
export type MeterRegister = z.infer<typeof MeterRegister>;

/**
 * What water a meter measures. `potable` (the default) is mains water; the others are
 * non-conventional supplies (domain.md §5): treated greywater, AC condensate, harvested rain.
 * A non-conventional meter is fed from its own tank, never from below a potable meter.
 */
export const MeterSupply = z.enum(
  ['potable', 'greywater', 'condensate', 'rain'],
  'one of potable, greywater, condensate, rain',
);
export type MeterSupply = z.infer<typeof MeterSupply>;

export const Meter = z
  .object({
    id: Id,
    serial: z.string().min(1).max(64),
    nodeId: Id,
    /** 1 = site intake, 2 = building or function, 3 = floor or equipment. */
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    serves: LocalizedName,
    /** The water it measures; absent means `potable`. */
    supply: MeterSupply.optional(),
    register: MeterRegister,
    /** Accuracy class per GB/T 778 / ISO 4064: 1 or 2. */
    accuracyClass: z.union([z.literal(1), z.literal(2)]),
    /** Overload flow Q4, m³/h: readings implying more are suspect. */
    maxFlowM3h: z.number().positive(),
    /**
     * For meters that send `daily_total` readings: when their counter restarts (a gateway on
     * UTC restarts at 08:00 Beijing time). Absent: local midnight of the site's zone.
     */
    counterDayStart: z
      .object({ zone: z.string().min(1), minuteOfDay: z.number().int().min(0).max(1439) })
      .strict()
      .optional(),
    reporting: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('interval'), intervalS: z.number().int().positive() }).strict(),
      z.object({ mode: z.literal('on-change') }).strict(),
    ]),
  })
  .strict();
export type Meter = z.infer<typeof Meter>;

/** The water a meter measures, `potable` when the site file does not say. */
export function meterSupply(meter: Pick<Meter, 'supply'>): MeterSupply {
  return meter.supply ?? 'potable';
}

/** True for meters on mains water: the intake, metering and leak figures count only these. */
export function isPotable(meter: Pick<Meter, 'supply'>): boolean {
  return meterSupply(meter) === 'potable';
}

export const Tariff = z
  .object({
    /** Yuan per m³; absent means "tariff not set", never a made-up price. */
    waterYuanPerM3: z.number().nonnegative().optional(),
    sewageYuanPerM3: z.number().nonnegative().optional(),
    reclaimedYuanPerM3: z.number().nonnegative().optional(),
  })
  .strict();
export type Tariff = z.infer<typeof Tariff>;

export const Quota = z
  .object({
    /** 先进值, m³ per person per year. */
    advancedM3PerPersonYear: z.number().positive(),
    /** 通用值, m³ per person per year. */
    generalM3PerPersonYear: z.number().positive(),
    source: z.string().min(1),
    status: z.enum(['C', 'P', 'U', 'D']),
  })
  .strict();
export type Quota = z.infer<typeof Quota>;

export const Site = z
  .object({
    schemaVersion: z.literal(SITE_SCHEMA_VERSION),
    id: Id,
    name: LocalizedName,
    /** IANA zone of the building; days and night windows are cut in it. */
    timeZone: z.string().min(1),
    location: z
      .object({ latDeg: z.number().min(-90).max(90), lonDeg: z.number().min(-180).max(180) })
      .strict(),
    staff: z.number().int().positive(),
    dailyVisitors: z.number().int().nonnegative(),
    tariff: Tariff,
    quota: Quota,
    buildings: z.array(Building).min(1),
    fixtures: z.array(Fixture),
    outdoor: z.object({ irrigatedAreas: z.array(IrrigatedArea), roofs: z.array(Roof) }).strict(),
    network: z.object({ nodes: z.array(NetworkNode).min(1), pipes: z.array(Pipe) }).strict(),
    meters: z.array(Meter).min(1),
  })
  .strict();
export type Site = z.infer<typeof Site>;
