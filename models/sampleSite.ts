import {
  type Building,
  type EfficiencyGrade,
  type Fixture,
  type FixtureSpec,
  type FixtureType,
  type Floor,
  type IrrigatedArea,
  type LocalizedName,
  type Meter,
  type NetworkNode,
  type NodeKind,
  type Pipe,
  type Point3,
  type Polygon2,
  type Roof,
  type Room,
  type RoomFunction,
  SITE_SCHEMA_VERSION,
  type Site,
} from './site';

/**
 * The sample site shipped with the product (DESIGN §4): a five-storey county water-bureau
 * office building for about 120 staff, a two-storey annex with canteen, bathhouse, laundry and
 * barber room, a guard house, about 2,000 m² of landscaping, and a three-level meter tree.
 *
 * Everything is invented but plausible for a building fitted out in 2005 and partly renovated
 * since. World metres: x east, y north, z up; site datum is ground-floor level. The office
 * building stands on [0, 60] × [0, 18], the annex east of it on [72, 100] × [0, 20], and the
 * street connection is south-west of both.
 */
export function buildSampleSite(): Site {
  const draft = new SiteDraft();
  const feeds = layMains(draft);
  const guardHouse = layGuardHouse(draft, feeds.gate);
  const office = layOfficeBuilding(draft, feeds.office, feeds.cooling);
  const annex = layAnnex(draft, feeds);
  const irrigatedAreas = layLandscape(draft, feeds.landscape, feeds.gate);

  return {
    schemaVersion: SITE_SCHEMA_VERSION,
    id: 'county-water-bureau',
    name: named('示例县水利局机关办公区', 'Example County Water Resources Bureau'),
    timeZone: 'Asia/Shanghai',
    location: { latDeg: 43.88, lonDeg: 125.32 },
    staff: 120,
    dailyVisitors: 30,
    // No made-up price: the tariff stays unset until the bureau enters its own (DESIGN §4).
    tariff: {},
    quota: {
      advancedM3PerPersonYear: 10,
      generalM3PerPersonYear: 15,
      source:
        'MWR 《服务业用水定额：机关》 north region (values unconfirmed, see reference/domain.md §2.1)',
      status: 'U',
    },
    buildings: [office, annex, guardHouse],
    fixtures: draft.fixtures,
    outdoor: {
      irrigatedAreas,
      roofs: [roof(office, 'concrete'), roof(annex, 'asphalt'), roof(guardHouse, 'tile')],
    },
    network: draft.network(),
    meters: draft.meters,
  };
}

// Geometry -----------------------------------------------------------------------------------

/** Office storey height, m. */
const STOREY_M = 3.6;
/** Branch pipes run along the ceiling this far above the finished floor, m. */
const LINE_ABOVE_FLOOR_M = 3.0;
/** Fixtures are placed this far above the finished floor, m (a marker height, not a spout). */
const FIXTURE_ABOVE_FLOOR_M = 0.5;
/** Depth of the buried main, m (negative: below site datum). */
const MAIN_Z = -1.0;
/** Depth of the irrigation lines, m: shallower than the main, and drained before winter. */
const IRRIGATION_Z = -0.8;

/** Rounds to the millimetre so the JSON carries 7.2, not 7.199999999999999. */
const mm = (v: number): number => Math.round(v * 1000) / 1000;
const pt = (x: number, y: number, z: number): Point3 => ({ x: mm(x), y: mm(y), z: mm(z) });
const named = (zh: string, en: string): LocalizedName => ({ zh, en });
/** Level-2 meters sit in pits on the buried main, just south of what they serve. */
const pit = (x: number): Point3 => pt(x, -1.5, MAIN_Z);

/** An axis-aligned rectangle [x0, y0, x1, y1] in plan, m. */
type Box = readonly [number, number, number, number];
const rect = ([x0, y0, x1, y1]: Box): Polygon2 => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** Plan area of a simple polygon by the shoelace formula, m². */
function areaM2(polygon: Polygon2): number {
  let twice = 0;
  polygon.forEach(([x, y], i) => {
    const [nx, ny] = polygon[(i + 1) % polygon.length]!;
    twice += x * ny - nx * y;
  });
  return mm(Math.abs(twice) / 2);
}

/** A flat roof over the whole footprint, for rainwater yield. */
const roof = (building: Building, surface: Roof['surface']): Roof => ({
  id: `roof-${building.id}`,
  buildingId: building.id,
  areaM2: areaM2(building.footprint),
  surface,
});

const floor = (
  id: string,
  index: number,
  name: LocalizedName,
  elevationM: number,
  heightM: number,
  rooms: Room[],
): Floor => ({ id, index, name, elevationM, heightM, rooms });

function room(
  id: string,
  fn: RoomFunction,
  zh: string,
  en: string,
  box: Box,
  gender?: Room['gender'],
): Room {
  const base = { id, name: named(zh, en), function: fn };
  return gender ? { ...base, gender, polygon: rect(box) } : { ...base, polygon: rect(box) };
}

const WASHROOM_NAMES = {
  toilet: { male: named('男卫生间', "Men's toilet"), female: named('女卫生间', "Women's toilet") },
  bathhouse: {
    male: named('男浴室', "Men's bathhouse"),
    female: named('女浴室', "Women's bathhouse"),
  },
};

/** A men's or women's toilet or bathhouse, named for whom it serves. */
function washroom(id: string, fn: 'toilet' | 'bathhouse', gender: 'male' | 'female', box: Box) {
  const { zh, en } = WASHROOM_NAMES[fn][gender];
  return room(id, fn, zh, en, box, gender);
}

const corridor = (id: string, floorNo: number, box: Box): Room =>
  room(id, 'corridor', `${floorNo}层走廊`, `Corridor, floor ${floorNo}`, box);

/**
 * A horizontal plane pipes run in, and the height fixtures fed from it stand at: the ceiling
 * of a storey, or a buried irrigation line with valves in boxes or hose bibs on standpipes.
 */
interface Plane {
  readonly lineZ: number;
  readonly fixtureZ: number;
}
const storeyPlane = (elevationM: number): Plane => ({
  lineZ: mm(elevationM + LINE_ABOVE_FLOOR_M),
  fixtureZ: mm(elevationM + FIXTURE_ABOVE_FLOOR_M),
});
const VALVE_BOX: Plane = { lineZ: IRRIGATION_Z, fixtureZ: -0.3 };
const STANDPIPE: Plane = { lineZ: IRRIGATION_Z, fixtureZ: 0.5 };

// Pipe materials by era ----------------------------------------------------------------------

type PipeStyle = Pick<Pipe, 'material' | 'installYear'>;
/** The 2005 build: ductile-iron main, galvanised steel inside, PE for small buried lines. */
const DUCTILE_2005: PipeStyle = { material: 'ductile_iron', installYear: 2005 };
const PE_2005: PipeStyle = { material: 'pe', installYear: 2005 };
const STEEL_2005: PipeStyle = { material: 'steel_galvanized', installYear: 2005 };
/** Floors 1–2 were re-plumbed in PPR with the 2016 toilet renovation. */
const PPR_2016: PipeStyle = { material: 'ppr', installYear: 2016 };
/** The annex went up in 2010; its kitchen was refitted in 2018. */
const PE_2010: PipeStyle = { material: 'pe', installYear: 2010 };
const PPR_2010: PipeStyle = { material: 'ppr', installYear: 2010 };
const PPR_2018: PipeStyle = { material: 'ppr', installYear: 2018 };
/** Irrigation came in 2012, the cooling tower in 2014. */
const PE_2012: PipeStyle = { material: 'pe', installYear: 2012 };
const PE_2014: PipeStyle = { material: 'pe', installYear: 2014 };
const STEEL_2014: PipeStyle = { material: 'steel_galvanized', installYear: 2014 };

// Fixture catalogue ------------------------------------------------------------------------

/** A product as installed: what it is, its rating and grade, and when it went in. */
interface FixtureModel {
  readonly type: FixtureType;
  readonly spec: FixtureSpec;
  readonly grade: EfficiencyGrade;
  /** ISO date, YYYY-MM-DD. */
  readonly installDate: string;
}

const model = (
  type: FixtureType,
  spec: FixtureSpec,
  grade: EfficiencyGrade,
  installDate: string,
): FixtureModel => ({ type, spec, grade, installDate });

/**
 * Nominal diameter of the branch to each fixture type, mm: DN25 for flush valves and
 * irrigation zones, DN20 for sinks and hose bibs, DN32 for the cooling-tower make-up.
 */
const DROP_DN: Record<FixtureType, number> = {
  toilet: 15,
  squat_toilet: 25,
  urinal: 15,
  basin_tap: 15,
  mop_sink: 20,
  shower: 15,
  kitchen_sink: 20,
  dishwasher: 20,
  water_boiler: 15,
  washing_machine: 15,
  hair_wash_basin: 15,
  cooling_tower_makeup: 32,
  irrigation_valve: 25,
  hose_bib: 20,
};

/**
 * The 2005 fit-out, still on floors 3–5: 9 L toilets, 8 L flush-valve squat pans, 3 L urinals
 * and 0.20 L/s taps, the legacy defaults of reference/domain.md §1.4 (status D).
 */
const ORIGINAL_2005 = {
  toilet: model('toilet', { volumePerUseL: 9 }, 'none', '2005-08-20'),
  squat: model('squat_toilet', { volumePerUseL: 8 }, 'none', '2005-08-20'),
  urinal: model('urinal', { volumePerUseL: 3 }, 'none', '2005-08-20'),
  basin: model('basin_tap', { flowLps: 0.2 }, 'none', '2005-08-20'),
  mopSink: model('mop_sink', { flowLps: 0.2 }, 'none', '2005-08-20'),
  teaSink: model('kitchen_sink', { flowLps: 0.2 }, 'none', '2005-08-20'),
};

/**
 * The 2016 renovation of floors 1–2: 6 L toilets and 0.15 L/s taps (grade 3 under GB 25502 and
 * GB 25501), 2.5 L urinals (grade 3 under GB 28377). Squat pans stay ungraded: their grade
 * values are unconfirmed (reference/domain.md §1.2).
 */
const RENOVATED_2016 = {
  toilet: model('toilet', { volumePerUseL: 6 }, 3, '2016-07-15'),
  squat: model('squat_toilet', { volumePerUseL: 6 }, 'none', '2016-07-15'),
  urinal: model('urinal', { volumePerUseL: 2.5 }, 3, '2016-07-15'),
  basin: model('basin_tap', { flowLps: 0.15 }, 3, '2016-07-15'),
  mopSink: model('mop_sink', { flowLps: 0.2 }, 'none', '2016-07-15'),
  teaSink: model('kitchen_sink', { flowLps: 0.15 }, 3, '2016-07-15'),
};

/** Tea-room boilers were all replaced in 2012; the spec is the refill flow, L/s. */
const WATER_BOILER = model('water_boiler', { flowLps: 0.1 }, 'none', '2012-10-08');

/** The annex as built in 2010, and what has been swapped since. */
const ANNEX = {
  squat: model('squat_toilet', { volumePerUseL: 8 }, 'none', '2010-09-01'),
  urinal: model('urinal', { volumePerUseL: 3 }, 'none', '2010-09-01'),
  basin: model('basin_tap', { flowLps: 0.2 }, 'none', '2010-09-01'),
  shower: model('shower', { flowLps: 0.2 }, 'none', '2010-09-01'),
  hairWash: model('hair_wash_basin', { flowLps: 0.15 }, 'none', '2010-09-01'),
  mopSink: model('mop_sink', { flowLps: 0.2 }, 'none', '2010-09-01'),
  oldWasher: model('washing_machine', { volumePerUseL: 120 }, 'none', '2010-09-01'),
  newWasher: model('washing_machine', { volumePerUseL: 65 }, 2, '2019-04-10'),
  kitchenSink: model('kitchen_sink', { flowLps: 0.3 }, 'none', '2018-06-20'),
  dishwasher: model('dishwasher', { volumePerUseL: 4 }, 'none', '2018-06-20'),
  kitchenMop: model('mop_sink', { flowLps: 0.2 }, 'none', '2018-06-20'),
};

/** A sprinkler zone draws about 1 L/s, a hose bib about 0.3 L/s. */
const IRRIGATION_VALVE = model('irrigation_valve', { flowLps: 1.0 }, 'none', '2012-05-10');
const GARDEN_HOSE_BIB = model('hose_bib', { flowLps: 0.3 }, 'none', '2012-05-10');
/** Make-up valve of a ~100 RT tower: rated 0.6 L/s, typically drawing half that. */
const COOLING_MAKEUP = model('cooling_tower_makeup', { flowLps: 0.6 }, 'none', '2014-05-20');
const ROOF_HOSE_BIB = model('hose_bib', { flowLps: 0.3 }, 'none', '2014-05-20');

// Meters -------------------------------------------------------------------------------------

/**
 * Overload flow Q4 by meter size, m³/h. Project defaults (status D); up to DN50 they are
 * 1.25 × the usual permanent flow Q3 of ISO 4064 / GB/T 778 meters of that size.
 */
const Q4_BY_DN = { 100: 100, 80: 63, 50: 31.25, 40: 20, 32: 12.5, 25: 7.875, 20: 5 } as const;
type MeterDn = keyof typeof Q4_BY_DN;

type Nameplate = { readonly serves: LocalizedName; readonly serial: string };
const plate = (zh: string, en: string, serial: string): Nameplate => ({
  serves: named(zh, en),
  serial,
});

/** What each meter serves and the serial on its nameplate (invented, Jilin-style numbering). */
const NAMEPLATES: Readonly<Record<string, Nameplate>> = {
  'M1-main': plate('全院总表', 'Whole site (intake)', 'JL-DN100-2019-00017'),
  'M2-office': plate('办公楼', 'Office building', 'JL-DN50-2016-00342'),
  'M2-cooling': plate('冷却塔补水', 'Cooling-tower make-up', 'JL-DN40-2014-00128'),
  'M2-canteen': plate('职工食堂', 'Canteen', 'JL-DN40-2018-00561'),
  'M2-bath': plate('浴室', 'Bathhouse', 'JL-DN40-2010-00233'),
  'M2-laundry': plate('洗衣房', 'Laundry', 'JL-DN32-2010-00234'),
  'M2-barber': plate('理发室', 'Barber room', 'JL-DN20-2010-00235'),
  'M2-landscape': plate('绿化灌溉', 'Landscape irrigation', 'JL-DN40-2012-00188'),
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].map((f) => [
      `M3-office-f${f}`,
      plate(`办公楼${f}层`, `Office building, floor ${f}`, `JL-DN32-2016-0045${f}`),
    ]),
  ),
};

// The draft: collects nodes, pipes, fixtures and meters, then sizes the pipes ----------------

/**
 * Branch size for the number of fixtures a pipe feeds, mm. A stand-in for the design-flow
 * sizing of GB 50015, which is not reproduced here: the sample only needs plausible sizes that
 * never grow downstream.
 */
function dnForFixtureCount(count: number): number {
  if (count <= 1) return 15;
  if (count <= 3) return 20;
  if (count <= 8) return 25;
  if (count <= 20) return 32;
  if (count <= 40) return 40;
  return 50;
}

/** One point along a run: a bend, a named junction, or a tee with a fixture below it. */
interface Stop {
  readonly at: Point3;
  readonly id?: string;
  readonly fixture?: Fixture;
}

const via = (x: number, y: number, z: number): Stop => ({ at: pt(x, y, z) });
const bend = (plane: Plane, x: number, y: number): Stop => ({ at: pt(x, y, plane.lineZ) });
const junction = (id: string, at: Point3) => ({ id, at }) satisfies Stop;

/** Where a fixture stands: a room, or an outdoor irrigated area. */
type Place = Room | IrrigatedArea;

/** A tee at (x, y) on `plane` with a fixture of `kind` below it; ids `<place>-<suffix>`. */
function tap(place: Place, suffix: string, kind: FixtureModel, plane: Plane, x: number, y: number) {
  const id = `${place.id}-${suffix}`;
  const fixture: Fixture = {
    id,
    type: kind.type,
    ...('plantType' in place ? { areaId: place.id } : { roomId: place.id }),
    nodeId: id,
    position: pt(x, y, plane.fixtureZ),
    spec: kind.spec,
    grade: kind.grade,
    installDate: kind.installDate,
  };
  return { at: pt(x, y, plane.lineZ), fixture } satisfies Stop;
}

/** `count` taps in a row from (x, y), stepping (dx, dy) m, suffixed `<name>-1` onward. */
function taps(
  place: Place,
  name: string,
  kind: FixtureModel,
  plane: Plane,
  count: number,
  [x, y, dx, dy]: readonly [number, number, number, number],
): Stop[] {
  return Array.from({ length: count }, (_, i) =>
    tap(place, `${name}-${i + 1}`, kind, plane, x + i * dx, y + i * dy),
  );
}

interface PipeDraft extends PipeStyle {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Fixed size, mm; null lets `network()` size it from what it feeds. */
  readonly fixedDn: number | null;
}

class SiteDraft {
  readonly nodes: NetworkNode[] = [];
  readonly pipes: PipeDraft[] = [];
  readonly fixtures: Fixture[] = [];
  readonly meters: Meter[] = [];

  node(id: string, kind: NodeKind, position: Point3): string {
    this.nodes.push({ id, kind, position });
    return id;
  }

  /** Every node has one upstream pipe, so the pipe is named after the node it feeds. */
  pipe(from: string, to: string, style: PipeStyle, fixedDn: number | null): void {
    this.pipes.push({ id: `p-${to}`, from, to, ...style, fixedDn });
  }

  /** A junction on the main, fed from `from` by a pipe of fixed size `dn`, mm. */
  main(id: string, from: string, at: Point3, dn: number, style: PipeStyle): string {
    this.pipe(from, this.node(id, 'junction', at), style, dn);
    return id;
  }

  /**
   * A meter on its own node, fed from `from` through a pipe of the meter's size `dn`, mm.
   * Registers count m³ to three decimals; level 1 reports every 5 min, the rest every 15 min.
   */
  meter(
    id: string,
    level: Meter['level'],
    from: string,
    at: Point3,
    dn: MeterDn,
    style: PipeStyle,
  ) {
    const nameplate = NAMEPLATES[id];
    if (!nameplate) throw new Error(`sample site: meter ${id} has no nameplate`);
    this.pipe(from, this.node(id, 'meter', at), style, dn);
    this.meters.push({
      id,
      serial: nameplate.serial,
      nodeId: id,
      level,
      serves: nameplate.serves,
      register: { unit: 'm3', digits: level === 1 ? 6 : 5, decimals: 3 },
      accuracyClass: 2,
      maxFlowM3h: Q4_BY_DN[dn],
      reporting: { mode: 'interval', intervalS: level === 1 ? 300 : 900 },
    });
    return id;
  }

  /**
   * A run of pipe from `from` through `stops`; each tee gets its fixture on a node of its own.
   * Bends are named `<prefix>-b<n>`, tees `<fixture>-tee`. Returns the last node of the run.
   */
  run(prefix: string, from: string, stops: readonly Stop[], style: PipeStyle): string {
    let previous = from;
    let bends = 0;
    for (const stop of stops) {
      const id = stop.id ?? (stop.fixture ? `${stop.fixture.id}-tee` : `${prefix}-b${++bends}`);
      this.pipe(previous, this.node(id, 'junction', stop.at), style, null);
      if (stop.fixture) {
        const { fixture } = stop;
        const dn = DROP_DN[fixture.type];
        this.pipe(id, this.node(fixture.id, 'fixture', fixture.position), style, dn);
        this.fixtures.push(fixture);
      }
      previous = id;
    }
    return previous;
  }

  /**
   * The finished network. A pipe left unsized gets the larger of the widest pipe it feeds and
   * the size for its fixture count, so no pipe is narrower than one downstream of it; a fixed
   * size that would break that rule is a mistake in this file and throws.
   */
  network(): Site['network'] {
    const outgoing = new Map<string, PipeDraft[]>();
    for (const p of this.pipes) outgoing.set(p.from, [...(outgoing.get(p.from) ?? []), p]);
    const fixtureNodes = new Set(this.fixtures.map((f) => f.nodeId));
    const dn = new Map<string, number>();

    // Post-order: a pipe is sized after every pipe below it.
    const fixturesAtOrBelow = (nodeId: string): number => {
      let count = fixtureNodes.has(nodeId) ? 1 : 0;
      for (const p of outgoing.get(nodeId) ?? []) {
        const fed = fixturesAtOrBelow(p.to);
        const widest = Math.max(0, ...(outgoing.get(p.to) ?? []).map((c) => dn.get(c.id)!));
        if (p.fixedDn !== null && p.fixedDn < widest) {
          throw new Error(`sample site: pipe ${p.id} (DN${p.fixedDn}) feeds a DN${widest} pipe`);
        }
        dn.set(p.id, p.fixedDn ?? Math.max(widest, dnForFixtureCount(fed)));
        count += fed;
      }
      return count;
    };
    for (const n of this.nodes) if (n.kind === 'source') fixturesAtOrBelow(n.id);

    const pipes = this.pipes.map(({ id, from, to, material, installYear }) => ({
      id,
      from,
      to,
      diameterMm: dn.get(id)!,
      material,
      installYear,
    }));
    return { nodes: this.nodes, pipes };
  }
}

// The site, system by system -----------------------------------------------------------------

/** Junctions on the buried main where the metered systems branch off. */
interface Feeds {
  readonly gate: string;
  readonly landscape: string;
  readonly office: string;
  readonly cooling: string;
  readonly canteen: string;
  readonly bath: string;
  readonly laundry: string;
  readonly barber: string;
}

/**
 * Street connection → DN100 → level-1 meter in the gate pit; then the main runs north along
 * the west edge and east along the south facades, tapering DN100 → 80 → 65 → 25 as branches
 * leave it.
 */
function layMains(d: SiteDraft): Feeds {
  d.node('street', 'source', pt(-18, -44, MAIN_Z));
  d.meter('M1-main', 1, 'street', pt(-18, -36, MAIN_Z), 100, DUCTILE_2005);
  const gate = d.main('main-gate', 'M1-main', pt(-18, -33, MAIN_Z), 100, DUCTILE_2005);
  const landscape = d.main('main-sw', gate, pt(-18, -3, MAIN_Z), 80, DUCTILE_2005);
  const office = d.main('main-office', landscape, pt(30.8, -3, MAIN_Z), 80, DUCTILE_2005);
  const cooling = d.main('main-cooling', office, pt(31.6, -3, MAIN_Z), 65, DUCTILE_2005);
  const canteen = d.main('main-annex-1', cooling, pt(78, -3, MAIN_Z), 65, DUCTILE_2005);
  const bath = d.main('main-annex-2', canteen, pt(84, -3, MAIN_Z), 50, PE_2010);
  const laundry = d.main('main-annex-3', bath, pt(90.8, -3, MAIN_Z), 40, PE_2010);
  const barber = d.main('main-annex-4', laundry, pt(97, -3, MAIN_Z), 25, PE_2010);
  return { gate, landscape, office, cooling, canteen, bath, laundry, barber };
}

/** The guard house at the gate: a basin and a squat pan on the level-1 meter, unmetered. */
function layGuardHouse(d: SiteDraft, gate: string): Building {
  const guardRoom = room('gh-guard', 'office', '门卫室', 'Guard room', [-14, -36, -10, -32]);
  const toilet = room('gh-wc', 'toilet', '卫生间', 'Toilet', [-10, -36, -8, -32], 'all');
  const plane = storeyPlane(0);
  d.run(
    'gh',
    gate,
    [
      via(-10, -33, MAIN_Z),
      via(-10, -33, plane.lineZ),
      tap(guardRoom, 'basin-1', ORIGINAL_2005.basin, plane, -10.4, -33),
      tap(toilet, 'squat-1', ORIGINAL_2005.squat, plane, -9, -33),
    ],
    PE_2005,
  );
  const floors = [floor('gh-f1', 1, named('一层', 'Floor 1'), 0, 3.3, [guardRoom, toilet])];
  const name = named('门卫室', 'Guard house');
  return { id: 'gh', name, footprint: rect([-14, -36, -8, -32]), floors };
}

/** A south-side room that is not a single office: [first 6 m bay, bays, function, zh, en]. */
type SouthSpecial = readonly [number, number, RoomFunction, string, string];
const SOUTH_SPECIALS: Readonly<Record<number, readonly SouthSpecial[]>> = {
  1: [
    [4, 2, 'lobby', '门厅', 'Lobby'],
    [9, 1, 'meeting', '接待室', 'Reception room'],
  ],
  3: [[9, 1, 'meeting', '小会议室', 'Small meeting room']],
  5: [[7, 3, 'meeting', '大会议室', 'Main meeting room']],
};

/**
 * Walls between north-side offices, x in m, west and east of the wet core; the offices are
 * numbered <floor>11 onward. Floor 1 gives [37, 40] to an accessible toilet.
 */
const NORTH_WALLS = [
  [4, 10, 16, 22],
  [37, 43, 49, 55],
];
const NORTH_WALLS_F1 = [
  [4, 10, 16, 22],
  [40, 47, 55],
];

/** Offices, meeting rooms and the lobby of storey `f`: ten 6 m bays south, offices north. */
function officeRooms(f: number): Room[] {
  const office = (num: number, box: Box) =>
    room(`ob-f${f}-r${num}`, 'office', `${num} 办公室`, `Office ${num}`, box);
  const rooms: Room[] = [];
  for (let bay = 0; bay < 10; ) {
    const special = SOUTH_SPECIALS[f]?.find(([first]) => first === bay);
    const [, bays, fn, zh, en] = special ?? [bay, 1, 'office', '', ''];
    const num = f * 100 + bay + 1;
    const box: Box = [bay * 6, 0, (bay + bays) * 6, 8];
    if (fn === 'office') rooms.push(office(num, box));
    else if (fn === 'lobby') rooms.push(room(`ob-f${f}-lobby`, fn, zh, en, box));
    else rooms.push(room(`ob-f${f}-r${num}`, fn, `${num} ${zh}`, `${en} ${num}`, box));
    bay += bays;
  }
  const spans = (f === 1 ? NORTH_WALLS_F1 : NORTH_WALLS).flatMap((walls) =>
    walls.slice(1).map((x1, i) => [walls[i]!, x1] as const),
  );
  spans.forEach(([x0, x1], i) => {
    rooms.push(office(f * 100 + 11 + i, [x0, 10, x1, 18]));
  });
  return rooms;
}

/**
 * One office storey. The wet core sits mid-north: tea room [22, 25], men's toilet [25, 30],
 * cleaning room with the pipe shaft [30, 32], women's toilet [32, 37]. The take-off leaves the
 * riser through the level-3 meter, climbs to the corridor ceiling and branches west and east;
 * every fixture hangs off a tee directly above it.
 */
function layOfficeStorey(d: SiteDraft, f: number): Floor {
  const elevationM = mm((f - 1) * STOREY_M);
  const id = `ob-f${f}`;
  const plane = storeyPlane(elevationM);
  const kit = f <= 2 ? RENOVATED_2016 : ORIGINAL_2005;
  const style = f <= 2 ? PPR_2016 : STEEL_2005;
  const tea = room(`${id}-tea`, 'tea_room', '开水间', 'Tea room', [22, 10, 25, 18]);
  const men = washroom(`${id}-men`, 'toilet', 'male', [25, 10, 30, 18]);
  const clean = room(`${id}-clean`, 'cleaning_room', '保洁间', 'Cleaning room', [30, 10, 32, 18]);
  const women = washroom(`${id}-women`, 'toilet', 'female', [32, 10, 37, 18]);
  const hall = corridor(`${id}-corridor`, f, [0, 8, 60, 10]);
  const rooms = [...officeRooms(f), hall, tea, men, clean, women];

  // Take-off: riser tee → floor meter → up to the ceiling → floor header in the corridor.
  const meter = d.meter(
    `M3-office-f${f}`,
    3,
    `${id}-riser`,
    pt(30.4, 10.6, elevationM + 1),
    32,
    style,
  );
  const up = junction(`${id}-up`, pt(30.4, 10.6, plane.lineZ));
  const header = d.run(id, meter, [up, junction(`${id}-header`, pt(30.4, 9, plane.lineZ))], style);
  d.run(clean.id, up.id, [tap(clean, 'mop-1', kit.mopSink, plane, 30.4, 17.2)], style);

  // West: men's toilet (urinals on the shaft wall, pans at the back, basins by the door), tea room.
  const west = d.run(id, header, [junction(`${id}-west`, pt(29.6, 9, plane.lineZ))], style);
  d.run(
    men.id,
    west,
    [
      ...taps(men, 'urinal', kit.urinal, plane, 3, [29.6, 12, 0, 0.8]),
      bend(plane, 29.6, 17.3),
      tap(men, 'wc-1', kit.toilet, plane, 28.6, 17.3),
      tap(men, 'squat-1', kit.squat, plane, 27.2, 17.3),
      bend(plane, 25.4, 17.3),
      ...taps(men, 'basin', kit.basin, plane, 2, [25.4, 12, 0, -1]),
    ],
    style,
  );
  d.run(
    tea.id,
    west,
    [
      bend(plane, 24.6, 9),
      tap(tea, 'sink-1', kit.teaSink, plane, 24.6, 15),
      tap(tea, 'boiler-1', WATER_BOILER, plane, 24.6, 16.5),
    ],
    style,
  );

  // East: women's toilet (basins by the door, pans at the back); floor 1 adds an accessible one.
  const east = d.run(id, header, [junction(`${id}-east`, pt(32.4, 9, plane.lineZ))], style);
  d.run(
    women.id,
    east,
    [
      ...taps(women, 'basin', kit.basin, plane, 2, [32.4, 11, 0, 1]),
      bend(plane, 32.4, 17.3),
      ...taps(women, 'squat', kit.squat, plane, 2, [33.4, 17.3, 1.4, 0]),
      tap(women, 'wc-1', kit.toilet, plane, 36.2, 17.3),
    ],
    style,
  );
  if (f === 1) {
    const box: Box = [37, 10, 40, 18];
    const accessible = room(
      `${id}-accessible`,
      'toilet',
      '无障碍卫生间',
      'Accessible toilet',
      box,
      'all',
    );
    rooms.push(accessible);
    d.run(
      accessible.id,
      east,
      [
        bend(plane, 37.4, 9),
        tap(accessible, 'basin-1', kit.basin, plane, 37.4, 11.5),
        bend(plane, 37.4, 17),
        tap(accessible, 'wc-1', kit.toilet, plane, 39, 17),
      ],
      style,
    );
  }
  return floor(id, f, named(`${f}层`, `Floor ${f}`), elevationM, STOREY_M, rooms);
}

/**
 * The office building: level-2 meter in the pit by the south wall, a galvanised riser in the
 * shaft of the cleaning rooms, and five metered storeys. The cooling tower has its own meter
 * and riser in the same shaft, so its make-up never passes the office meter.
 */
function layOfficeBuilding(d: SiteDraft, officeFeed: string, coolingFeed: string): Building {
  const storeys = [1, 2, 3, 4, 5];
  d.meter('M2-office', 2, officeFeed, pit(30.8), 50, PE_2005);
  const riser = [
    junction('ob-riser-base', pt(30.8, 10.6, MAIN_Z)),
    ...storeys.map((f) => junction(`ob-f${f}-riser`, pt(30.8, 10.6, (f - 1) * STOREY_M + 1))),
  ];
  d.run('ob-riser', 'M2-office', riser, STEEL_2005);
  const floors = storeys.map((f) => layOfficeStorey(d, f));

  // Roof: the cooling-tower plant room, fed by its own riser.
  const roofZ = mm(storeys.length * STOREY_M);
  const top = storeyPlane(roofZ);
  const plantBox: Box = [30, 10, 38, 18];
  const plant = room(
    'ob-roof-plant',
    'plant_room',
    '冷却塔机房',
    'Cooling-tower plant room',
    plantBox,
  );
  d.meter('M2-cooling', 2, coolingFeed, pit(31.6), 40, PE_2014);
  d.run(
    'ob-ct',
    'M2-cooling',
    [
      via(31.6, 10.6, MAIN_Z),
      via(31.6, 10.6, top.lineZ),
      tap(plant, 'hose-1', ROOF_HOSE_BIB, top, 33, 10.6),
      bend(top, 34, 10.6),
      tap(plant, 'makeup-1', COOLING_MAKEUP, top, 34, 14),
    ],
    STEEL_2014,
  );
  floors.push(floor('ob-roof', 6, named('屋顶', 'Roof'), roofZ, STOREY_M, [plant]));
  const name = named('办公楼', 'Office building');
  return { id: 'ob', name, footprint: rect([0, 0, 60, 18]), floors };
}

/** From a pit at x, up through floor 1 to the corridor ceiling of annex floor 2. */
const upToAnnexFloor2 = (x: number, plane: Plane): Stop[] => [
  via(x, 0.4, MAIN_Z),
  via(x, 0.4, plane.lineZ),
  bend(plane, x, 9),
];

/**
 * The annex: canteen, kitchen and toilets on floor 1 (4.2 m high), bathhouse, laundry and
 * barber room on floor 2. Each function has its own level-2 meter in a pit by the south wall.
 */
function layAnnex(d: SiteDraft, feeds: Feeds): Building {
  const ground = storeyPlane(0);
  const upper = storeyPlane(4.2);
  const dining = room('ax-f1-dining', 'canteen_dining', '职工食堂', 'Canteen', [72, 0, 88, 20]);
  const kitchen = room('ax-f1-kitchen', 'canteen_kitchen', '厨房', 'Kitchen', [88, 8, 100, 20]);
  const men = washroom('ax-f1-men', 'toilet', 'male', [88, 0, 91, 8]);
  const women = washroom('ax-f1-women', 'toilet', 'female', [91, 0, 94, 8]);
  const menBath = washroom('ax-f2-bath-men', 'bathhouse', 'male', [72, 10, 82, 20]);
  const womenBath = washroom('ax-f2-bath-women', 'bathhouse', 'female', [82, 10, 90, 20]);
  const laundry = room('ax-f2-laundry', 'laundry', '洗衣房', 'Laundry', [90, 10, 96, 20]);
  const barber = room('ax-f2-barber', 'barber', '理发室', 'Barber room', [96, 10, 100, 20]);

  // Canteen: hand-wash basins in the dining hall, then toilets and kitchen to the east.
  d.meter('M2-canteen', 2, feeds.canteen, pit(78), 40, PE_2010);
  const inlet = [via(78, 0.6, MAIN_Z), junction('ax-canteen-head', pt(78, 0.6, ground.lineZ))];
  const head = d.run('ax-canteen', 'M2-canteen', inlet, PPR_2010);
  d.run(
    dining.id,
    head,
    taps(dining, 'basin', ANNEX.basin, ground, 6, [78, 19.4, -1, 0]),
    PPR_2010,
  );
  const eastStop = junction('ax-canteen-east', pt(87.6, 0.6, ground.lineZ));
  const east = d.run('ax-canteen', head, [eastStop], PPR_2010);
  d.run(
    men.id,
    east,
    [
      tap(men, 'squat-1', ANNEX.squat, ground, 89, 0.6),
      bend(ground, 90.6, 0.6),
      ...taps(men, 'urinal', ANNEX.urinal, ground, 2, [90.6, 3, 0, 0.8]),
      bend(ground, 90.6, 7.2),
      tap(men, 'basin-1', ANNEX.basin, ground, 88.6, 7.2),
    ],
    PPR_2010,
  );
  d.run(
    women.id,
    east,
    [
      ...taps(women, 'squat', ANNEX.squat, ground, 2, [92, 0.6, 1.4, 0]),
      bend(ground, 93.4, 7.2),
      tap(women, 'basin-1', ANNEX.basin, ground, 91.6, 7.2),
    ],
    PPR_2010,
  );
  d.run(
    kitchen.id,
    east,
    [
      bend(ground, 87.6, 19.4),
      ...taps(kitchen, 'sink', ANNEX.kitchenSink, ground, 9, [89, 19.4, 1.2, 0]),
      bend(ground, 99.4, 19.4),
      tap(kitchen, 'dishwasher-1', ANNEX.dishwasher, ground, 99.4, 12),
      tap(kitchen, 'mop-1', ANNEX.kitchenMop, ground, 99.4, 9),
    ],
    PPR_2018,
  );

  // Bathhouse: basins by the door, showers along the north wall.
  d.meter('M2-bath', 2, feeds.bath, pit(84), 40, PE_2010);
  const bathHead = d.run('ax-bath', 'M2-bath', upToAnnexFloor2(84, upper), PPR_2010);
  d.run(
    menBath.id,
    bathHead,
    [
      bend(upper, 81.4, 9),
      ...taps(menBath, 'basin', ANNEX.basin, upper, 3, [81.4, 10.6, 0, 0.8]),
      bend(upper, 81.4, 19.4),
      ...taps(menBath, 'shower', ANNEX.shower, upper, 12, [80.8, 19.4, -0.75, 0]),
    ],
    PPR_2010,
  );
  d.run(
    womenBath.id,
    bathHead,
    [
      bend(upper, 82.6, 9),
      ...taps(womenBath, 'basin', ANNEX.basin, upper, 3, [82.6, 10.6, 0, 0.8]),
      bend(upper, 82.6, 19.4),
      ...taps(womenBath, 'shower', ANNEX.shower, upper, 10, [83.4, 19.4, 0.7, 0]),
    ],
    PPR_2010,
  );

  // Laundry: two original top-loaders, three 2019 front-loaders and a mop sink.
  d.meter('M2-laundry', 2, feeds.laundry, pit(90.8), 32, PE_2010);
  d.run(
    laundry.id,
    'M2-laundry',
    [
      ...upToAnnexFloor2(90.8, upper),
      ...taps(laundry, 'washer-old', ANNEX.oldWasher, upper, 2, [90.8, 19.4, 1, 0]),
      ...taps(laundry, 'washer', ANNEX.newWasher, upper, 3, [92.8, 19.4, 1, 0]),
      bend(upper, 95.4, 19.4),
      tap(laundry, 'mop-1', ANNEX.mopSink, upper, 95.4, 11),
    ],
    PPR_2010,
  );

  // Barber room: two hair-wash basins and a hand basin.
  d.meter('M2-barber', 2, feeds.barber, pit(97), 20, PE_2010);
  d.run(
    barber.id,
    'M2-barber',
    [
      ...upToAnnexFloor2(97, upper),
      ...taps(barber, 'hair-wash', ANNEX.hairWash, upper, 2, [97, 19.4, 1.4, 0]),
      bend(upper, 99.4, 19.4),
      tap(barber, 'basin-1', ANNEX.basin, upper, 99.4, 15),
    ],
    PPR_2010,
  );

  const hall = corridor('ax-f2-corridor', 2, [72, 8, 100, 10]);
  const upstairs = [hall, menBath, womenBath, laundry, barber];
  const floors = [
    floor('ax-f1', 1, named('一层', 'Floor 1'), 0, 4.2, [dining, kitchen, men, women]),
    floor('ax-f2', 2, named('二层', 'Floor 2'), 4.2, STOREY_M, upstairs),
  ];
  const name = named('综合楼（食堂、浴室）', 'Annex (canteen and bathhouse)');
  return { id: 'ax', name, footprint: rect([72, 0, 100, 20]), floors };
}

/** An irrigated area: [id, zh, en, plant type, method, box]. */
type AreaRow = readonly [
  string,
  string,
  string,
  IrrigatedArea['plantType'],
  IrrigatedArea['method'],
  Box,
];

/** Landscaping, 2,012 m² in all. Sprinklers and hoses only; drip is left for the retrofits. */
const AREAS = {
  lawnSouth: ['lawn-south', '南侧草坪', 'South lawn', 'lawn', 'sprinkler', [4, -20, 56, -6]],
  lawnWest: ['lawn-west', '西侧草坪', 'West lawn', 'lawn', 'sprinkler', [-12, 0, -4, 30]],
  trees: ['trees-north', '北侧林带', 'North tree belt', 'trees', 'hose', [0, 24, 100, 30]],
  shrubs: ['shrubs-annex', '综合楼前灌木', 'Annex shrubs', 'shrubs', 'hose', [72, -16, 100, -6]],
  courtyard: ['courtyard', '楼间庭院', 'Courtyard', 'mixed', 'hose', [62, 2, 70, 18]],
  gateBeds: ['beds-gate', '入口花坛', 'Gate flower beds', 'shrubs', 'hose', [-26, -32, -20, -26]],
} as const satisfies Record<string, AreaRow>;

function area([id, zh, en, plantType, method, box]: AreaRow): IrrigatedArea {
  const polygon = rect(box);
  return { id, name: named(zh, en), plantType, areaM2: areaM2(polygon), method, polygon };
}

/**
 * Irrigation behind the level-2 landscaping meter: a north line (west lawn, tree belt) and a
 * south line (south lawn, courtyard, annex shrubs). The gate flower beds hang off the gate,
 * before any level-2 meter, as the level-1 meter's own unmetered use.
 */
function layLandscape(d: SiteDraft, feed: string, gate: string): IrrigatedArea[] {
  const lawnSouth = area(AREAS.lawnSouth);
  const lawnWest = area(AREAS.lawnWest);
  const trees = area(AREAS.trees);
  const shrubs = area(AREAS.shrubs);
  const courtyard = area(AREAS.courtyard);
  const gateBeds = area(AREAS.gateBeds);

  d.meter('M2-landscape', 2, feed, pit(-18), 40, PE_2012);
  const headStop = junction('ls-head', pt(-8, -1.5, IRRIGATION_Z));
  const head = d.run('ls', 'M2-landscape', [headStop], PE_2012);
  d.run(
    'ls-north',
    head,
    [
      ...taps(lawnWest, 'valve', IRRIGATION_VALVE, VALVE_BOX, 2, [-8, 8, 0, 14]),
      bend(STANDPIPE, -8, 27),
      ...taps(trees, 'hose', GARDEN_HOSE_BIB, STANDPIPE, 4, [10, 27, 28, 0]),
    ],
    PE_2012,
  );
  const south = d.run(
    'ls-south',
    head,
    [
      bend(VALVE_BOX, -8, -8),
      ...taps(lawnSouth, 'valve', IRRIGATION_VALVE, VALVE_BOX, 4, [10, -8, 12, 0]),
      tap(lawnSouth, 'hose-1', GARDEN_HOSE_BIB, STANDPIPE, 54, -8),
      junction('ls-east', pt(66, -8, IRRIGATION_Z)),
    ],
    PE_2012,
  );
  const courtyardBib = tap(courtyard, 'hose-1', GARDEN_HOSE_BIB, STANDPIPE, 66, 10);
  d.run('ls-courtyard', south, [courtyardBib], PE_2012);
  d.run(
    'ls-annex',
    south,
    taps(shrubs, 'hose', GARDEN_HOSE_BIB, STANDPIPE, 2, [80, -8, 12, 0]),
    PE_2012,
  );

  // The gate beds' bib rises straight off the main, which runs deeper than the irrigation.
  const gateStandpipe: Plane = { lineZ: MAIN_Z, fixtureZ: STANDPIPE.fixtureZ };
  const gateBib = tap(gateBeds, 'hose-1', GARDEN_HOSE_BIB, gateStandpipe, -20.5, -29);
  d.run('gate-beds', gate, [via(-20.5, -33, MAIN_Z), gateBib], PE_2005);
  return [lawnSouth, lawnWest, trees, shrubs, courtyard, gateBeds];
}
