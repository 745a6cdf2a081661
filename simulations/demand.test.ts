import { describe, expect, it } from 'vitest';
import { deriveMeterTree, type MeterTree } from '../models/meterTree';
import { buildSampleSite } from '../models/sampleSite';
import type {
  Fixture,
  FixtureSpec,
  FixtureType,
  IrrigatedArea,
  Room,
  RoomFunction,
  Site,
} from '../models/site';
import { validateSite } from '../models/siteValidation';
import { tinySite } from '../models/testing/siteBuilder';
import { createDemandModel, type DemandOptions } from './demand';

/** Builds a small valid site: one building, meters chained from one source. */
class SiteBuilder {
  private readonly rooms = new Map<string, Room[]>([
    ['F1', []],
    ['F2', []],
  ]);
  private readonly fixtures: Fixture[] = [];
  private readonly areas: IrrigatedArea[] = [];
  private readonly nodes: Site['network']['nodes'] = [
    { id: 'src', kind: 'source', position: { x: 0, y: 0, z: 0 } },
  ];
  private readonly pipes: Site['network']['pipes'] = [];
  private readonly meters: Site['meters'] = [];

  constructor(
    private readonly staff: number,
    private readonly dailyVisitors = 0,
  ) {}

  room(
    id: string,
    fn: RoomFunction,
    options: { floor?: 'F1' | 'F2'; gender?: Room['gender'] } = {},
  ) {
    const room: Room = {
      id,
      name: { zh: id, en: id },
      function: fn,
      polygon: [
        [0, 0],
        [10, 0],
        [10, 10],
      ],
    };
    if (options.gender) room.gender = options.gender;
    this.rooms.get(options.floor ?? 'F1')!.push(room);
    return this;
  }

  area(id: string, areaM2: number, method: IrrigatedArea['method']) {
    const polygon: IrrigatedArea['polygon'] = [
      [0, 0],
      [1, 0],
      [1, 1],
    ];
    this.areas.push({ id, name: { zh: id, en: id }, plantType: 'lawn', areaM2, method, polygon });
    return this;
  }

  /** A meter below `parent` (a meter id), or below the source. */
  meter(id: string, level: 1 | 2 | 3, parent: string | null = null) {
    this.link(`n-${id}`, 'meter', parent === null ? 'src' : `n-${parent}`);
    this.meters.push({
      id,
      serial: id,
      nodeId: `n-${id}`,
      level,
      serves: { zh: id, en: id },
      register: { unit: 'L', digits: 9, decimals: 0 },
      accuracyClass: 2,
      maxFlowM3h: 10,
      reporting: { mode: 'interval', intervalS: 900 },
    });
    return this;
  }

  fixture(
    id: string,
    type: FixtureType,
    spec: FixtureSpec,
    at: { meter: string; room?: string; area?: string },
  ) {
    this.link(`n-${id}`, 'fixture', `n-${at.meter}`);
    const fixture: Fixture = {
      id,
      type,
      nodeId: `n-${id}`,
      position: { x: 0, y: 0, z: 0 },
      spec,
      grade: 2,
      installDate: '2020-01-01',
    };
    if (at.room !== undefined) fixture.roomId = at.room;
    if (at.area !== undefined) fixture.areaId = at.area;
    this.fixtures.push(fixture);
    return this;
  }

  build(): { site: Site; tree: MeterTree } {
    const floor = (id: 'F1' | 'F2', index: number) => ({
      id,
      index,
      name: { zh: id, en: id },
      elevationM: (index - 1) * 3.6,
      heightM: 3.6,
      rooms: this.rooms.get(id)!,
    });
    const result = validateSite({
      schemaVersion: 1,
      id: 'tiny',
      name: { zh: '小站', en: 'Tiny' },
      timeZone: 'Asia/Shanghai',
      location: { latDeg: 43.9, lonDeg: 125.3 },
      staff: this.staff,
      dailyVisitors: this.dailyVisitors,
      tariff: {},
      quota: { advancedM3PerPersonYear: 10, generalM3PerPersonYear: 15, source: 't', status: 'U' },
      buildings: [
        {
          id: 'B1',
          name: { zh: 'B1', en: 'B1' },
          footprint: [
            [0, 0],
            [20, 0],
            [20, 20],
          ],
          floors: [floor('F1', 1), floor('F2', 2)],
        },
      ],
      fixtures: this.fixtures,
      outdoor: { irrigatedAreas: this.areas, roofs: [] },
      network: { nodes: this.nodes, pipes: this.pipes },
      meters: this.meters,
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return { site: result.site, tree: result.tree };
  }

  private link(nodeId: string, kind: 'meter' | 'fixture', from: string) {
    this.nodes.push({ id: nodeId, kind, position: { x: 0, y: 0, z: 0 } });
    this.pipes.push({
      id: `p-${nodeId}`,
      from,
      to: nodeId,
      diameterMm: 25,
      material: 'ppr',
      installYear: 2020,
    });
  }
}

/** Local midnight in Shanghai of a date, epoch ms. */
const shanghai = (dateIso: string, hour = 0) =>
  Date.parse(`${dateIso}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

const TUESDAY = '2026-03-10';
const SUNDAY = '2026-03-08';
const NATIONAL_DAY = '2026-10-01';

/** One office, one unisex toilet room with one 6-litre WC, one meter. */
function oneToiletSite(staff: number) {
  return new SiteBuilder(staff)
    .room('office', 'office')
    .room('wc-room', 'toilet', { gender: 'all' })
    .meter('M1', 1)
    .fixture('wc', 'toilet', { volumePerUseL: 6 }, { meter: 'M1', room: 'wc-room' })
    .build();
}

/** A site with something of every kind, for the behaviour tests. */
function mixedSite() {
  return new SiteBuilder(40, 10)
    .room('office-1', 'office')
    .room('office-2', 'office', { floor: 'F2' })
    .room('wc-f', 'toilet', { gender: 'female' })
    .room('wc-m', 'toilet', { gender: 'male' })
    .room('lobby', 'lobby')
    .room('tea', 'tea_room', { floor: 'F2' })
    .room('bath', 'bathhouse', { gender: 'all' })
    .room('plant', 'plant_room', { floor: 'F2' })
    .area('lawn', 500, 'sprinkler')
    .meter('L1', 1)
    .meter('L2-office', 2, 'L1')
    .meter('L2-outdoor', 2, 'L1')
    .meter('L2-plant', 2, 'L1')
    .fixture('lobby-tap', 'basin_tap', { flowLps: 0.1 }, { meter: 'L1', room: 'lobby' })
    .fixture('wc-f-1', 'toilet', { volumePerUseL: 5 }, { meter: 'L2-office', room: 'wc-f' })
    .fixture('wc-m-1', 'toilet', { volumePerUseL: 5 }, { meter: 'L2-office', room: 'wc-m' })
    .fixture('urinal-1', 'urinal', { volumePerUseL: 1.5 }, { meter: 'L2-office', room: 'wc-m' })
    .fixture('basin-f', 'basin_tap', { flowLps: 0.1 }, { meter: 'L2-office', room: 'wc-f' })
    .fixture('boiler', 'water_boiler', { volumePerUseL: 5 }, { meter: 'L2-office', room: 'tea' })
    .fixture('shower-1', 'shower', { flowLps: 0.15 }, { meter: 'L2-office', room: 'bath' })
    .fixture('valve-1', 'irrigation_valve', { flowLps: 0.8 }, { meter: 'L2-outdoor', area: 'lawn' })
    .fixture('valve-2', 'irrigation_valve', { flowLps: 0.8 }, { meter: 'L2-outdoor', area: 'lawn' })
    .fixture('tower', 'cooling_tower_makeup', { flowLps: 1 }, { meter: 'L2-plant', room: 'plant' })
    .build();
}

const noDutyNoOvertime: DemandOptions = {
  seed: 1,
  backgroundLeakLps: 0,
  parameters: { dutyPersons: 0, restDayStaffShare: 0 },
};

describe('expected demand of one toilet', () => {
  it('is staff × flushes per person × flush volume on a working day', () => {
    const { site, tree } = oneToiletSite(10);
    const model = createDemandModel(site, tree, noDutyNoOvertime);

    const dayL = model.expectedFixtureVolumeL('wc', shanghai(TUESDAY), shanghai(TUESDAY) + DAY_MS);

    // 5 women × 3 WC uses + 5 men × (1 WC + 2 urinal uses, taken on the WC: no urinal) = 30.
    expect(dayL).toBeCloseTo(30 * 6, 9);
  });

  it('follows the office profile: 08:30–09:00 holds 0.8 of its 9.05 weight-hours', () => {
    const { site, tree } = oneToiletSite(10);
    const model = createDemandModel(site, tree, noDutyNoOvertime);
    const start = shanghai(TUESDAY) + 8.5 * HOUR_MS;

    const arrivalL = model.expectedFixtureVolumeL('wc', start, start + 0.5 * HOUR_MS);
    const nightL = model.expectedFixtureVolumeL('wc', shanghai(TUESDAY), shanghai(TUESDAY, 8));

    // Weight-hours: 0.5×1.6 + 2.5×1 + 1.5×0.6 + 0.5×1.4 + 4×1 + 0.5×0.3 = 9.05.
    expect(arrivalL).toBeCloseTo((180 * 0.8) / 9.05, 9);
    expect(nightL).toBe(0);
  });

  it('adds duty staff every day and overtime staff on rest days, by default', () => {
    const { site, tree } = oneToiletSite(10);
    const model = createDemandModel(site, tree, { seed: 1, backgroundLeakLps: 0 });
    const dayL = (iso: string) =>
      model.expectedFixtureVolumeL('wc', shanghai(iso), shanghai(iso) + DAY_MS);

    // Duty: 2 persons × 3 uses × 6 L = 36 L; overtime: 10 × 5 % × 3 × 6 L = 9 L.
    expect(dayL(TUESDAY)).toBeCloseTo(180 + 36, 9);
    expect(dayL(SUNDAY)).toBeCloseTo(36 + 9, 9);
    expect(dayL(NATIONAL_DAY)).toBeCloseTo(36 + 9, 9);
  });

  it('draws a whole number of flushes whose mean over a year matches the expectation', () => {
    const { site, tree } = oneToiletSite(10);
    const model = createDemandModel(site, tree, noDutyNoOvertime);
    const from = shanghai('2026-01-01');
    const to = shanghai('2027-01-01');

    const drawnL = model.fixtureVolumeL('wc', from, to);
    const expectedL = model.expectedFixtureVolumeL('wc', from, to);

    // 248 working days × 180 L; Poisson noise on 7,440 flushes is about 1.2 %.
    expect(expectedL).toBeCloseTo(248 * 180, 6);
    expect(Math.abs(drawnL / expectedL - 1)).toBeLessThan(0.04);
    expect((drawnL / 6) % 1).toBeCloseTo(0, 9);
  });
});

describe('createDemandModel', () => {
  it('gives identical volumes for the same seed, and different ones for another seed', () => {
    const { site, tree } = mixedSite();
    const from = shanghai(TUESDAY);
    const to = from + 7 * DAY_MS;
    const run = (seed: number) => {
      const model = createDemandModel(site, tree, { seed, backgroundLeakLps: 0 });
      return site.fixtures.map((f) => model.fixtureVolumeL(f.id, from, to));
    };

    expect(run(11)).toEqual(run(11));
    expect(run(12)).not.toEqual(run(11));
  });

  it('is additive: [a, c) equals [a, b) + [b, c) for cuts anywhere, even inside slots', () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 5, backgroundLeakLps: 0.01 });
    const a = shanghai('2026-07-07') + 12_345;
    const c = a + 2 * DAY_MS + 777;
    const cuts = [a];
    for (let t = a; t < c; t += 997_531) cuts.push(t);
    cuts.push(c);

    for (const id of [...site.fixtures.map((f) => f.id)]) {
      const whole = model.fixtureVolumeL(id, a, c);
      let pieces = 0;
      for (let i = 1; i < cuts.length; i++)
        pieces += model.fixtureVolumeL(id, cuts[i - 1]!, cuts[i]!);
      expect(pieces).toBeCloseTo(whole, 6);
    }
    for (const meter of site.meters) {
      const whole = model.areaVolumeL(meter.id, a, c);
      const half = a + 31 * HOUR_MS + 17;
      const pieces = model.areaVolumeL(meter.id, a, half) + model.areaVolumeL(meter.id, half, c);
      expect(pieces).toBeCloseTo(whole, 6);
    }
    expect(model.areaVolumeL('L1', a, a)).toBe(0);
  });

  it('orders a working day above a Sunday and the National Day holiday', () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 3, backgroundLeakLps: 0.01 });
    const siteDayL = (iso: string, expected = false) =>
      site.meters.reduce((sum, m) => {
        const from = shanghai(iso);
        const volume = expected ? model.expectedAreaVolumeL : model.areaVolumeL;
        return sum + volume(m.id, from, from + DAY_MS);
      }, 0);

    const working = siteDayL('2026-10-09');
    const sunday = siteDayL('2026-10-11');
    const holiday = siteDayL(NATIONAL_DAY);

    // 40 staff and 10 visitors add several hundred litres to the 864 L leak of every day.
    expect(working).toBeGreaterThan(sunday + 500);
    expect(working).toBeGreaterThan(holiday + 500);
    expect(Math.min(sunday, holiday)).toBeGreaterThan(864);
    expect(siteDayL(NATIONAL_DAY, true)).toBeCloseTo(siteDayL('2026-10-11', true), 9);
    expect(siteDayL('2026-10-10', true)).toBeCloseTo(siteDayL('2026-10-09', true), 9);
  });

  it('irrigates on July mornings 05:30–08:00 and not in January', () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 3, backgroundLeakLps: 0 });
    const july = shanghai('2026-07-15');
    const window = (from: number, to: number) => model.areaVolumeL('L2-outdoor', from, to);

    const morningL = window(july + 5.5 * HOUR_MS, july + 8 * HOUR_MS);

    // 500 m² × 160 mm / 31 d × K_L 0.8 ÷ sprinkler efficiency 0.65, both valves together.
    expect(morningL).toBeCloseTo((500 * (160 / 31) * 0.8) / 0.65, 2);
    expect(window(july, july + 5.5 * HOUR_MS)).toBe(0);
    expect(window(july + 8 * HOUR_MS, july + DAY_MS)).toBe(0);
    expect(window(shanghai('2026-01-01'), shanghai('2026-02-01'))).toBe(0);
  });

  it('runs the irrigation valves of an area one after the other', () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 3, backgroundLeakLps: 0 });
    const start = shanghai('2026-07-15') + 5.5 * HOUR_MS;
    const firstRunMs = (((500 * (160 / 31) * 0.8) / 0.65 / 2 / 0.8) * 1000) | 0;

    expect(model.fixtureVolumeL('valve-2', start, start + firstRunMs - 1000)).toBe(0);
    expect(model.fixtureVolumeL('valve-1', start + firstRunMs + 1000, start + DAY_MS)).toBe(0);
  });

  it('adds cooling make-up on July working afternoons only, none in April', () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 3, backgroundLeakLps: 0 });
    const cooling = (from: number, to: number) => model.fixtureVolumeL('tower', from, to);
    const tuesday = shanghai('2026-07-14');

    expect(cooling(shanghai('2026-04-01'), shanghai('2026-05-01'))).toBe(0);
    expect(cooling(tuesday, tuesday + 12 * HOUR_MS)).toBe(0);
    expect(cooling(tuesday + 12 * HOUR_MS, tuesday + 18 * HOUR_MS)).toBeGreaterThan(0);
    expect(cooling(shanghai('2026-07-12'), shanghai('2026-07-13'))).toBe(0); // Sunday
    // Expected at full July load: 0.25 + 0.35 + 2 × 0.5 + 0.4 + 0.3 L/s-hours.
    expect(model.expectedFixtureVolumeL('tower', tuesday, tuesday + DAY_MS)).toBeCloseTo(
      2.3 * 3600,
      6,
    );
  });

  it("counts only a meter's own fixtures, and puts the background leak on level 1", () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 9, backgroundLeakLps: 0.01 });
    const from = shanghai(TUESDAY);
    const to = from + DAY_MS;
    const sumOf = (ids: string[]) =>
      ids.reduce((s, id) => s + model.fixtureVolumeL(id, from, to), 0);

    const level1 = model.areaVolumeL('L1', from, to);
    const office = model.areaVolumeL('L2-office', from, to);

    expect(level1).toBeCloseTo(sumOf(['lobby-tap']) + 0.01 * 86_400, 9);
    expect(office).toBeCloseTo(
      sumOf(['wc-f-1', 'wc-m-1', 'urinal-1', 'basin-f', 'boiler', 'shower-1']),
      9,
    );
    expect(office).toBeGreaterThan(0);
  });

  it('refuses unknown ids and reversed ranges', () => {
    const { site, tree } = mixedSite();
    const model = createDemandModel(site, tree, { seed: 9, backgroundLeakLps: 0 });

    expect(() => model.areaVolumeL('nope', 0, 1)).toThrow(/unknown meter/);
    expect(() => model.fixtureVolumeL('nope', 0, 1)).toThrow(/unknown fixture/);
    expect(() => model.fixtureVolumeL('wc-f-1', 10, 5)).toThrow(RangeError);
  });
});

describe('the sample site', () => {
  const { site, tree } = (() => {
    const sample = buildSampleSite();
    return { site: sample, tree: deriveMeterTree(sample) };
  })();
  // The server runs the simulator with this leak.
  const model = createDemandModel(site, tree, { seed: 1, backgroundLeakLps: 0.01 });
  const siteDayM3 = (iso: string) => {
    const from = shanghai(iso);
    const drawn = site.meters.reduce((s, m) => s + model.areaVolumeL(m.id, from, from + DAY_MS), 0);
    const mean = site.meters.reduce(
      (s, m) => s + model.expectedAreaVolumeL(m.id, from, from + DAY_MS),
      0,
    );
    return { drawn: drawn / 1000, mean: mean / 1000 };
  };

  it('lands on realistic daily totals: summer 20–40 m³, winter 10–15 m³, holiday 1–2 m³', () => {
    const summer = siteDayM3('2026-07-14');
    const winter = siteDayM3('2026-01-13');
    const holiday = siteDayM3(NATIONAL_DAY);
    const sunday = siteDayM3(SUNDAY);

    console.log(
      [
        `sample site, m³ per day (drawn / expected), seed 1, leak 0.01 L/s:`,
        `  summer working day 2026-07-14: ${summer.drawn.toFixed(2)} / ${summer.mean.toFixed(2)}`,
        `  winter working day 2026-01-13: ${winter.drawn.toFixed(2)} / ${winter.mean.toFixed(2)}`,
        `  National Day 2026-10-01:       ${holiday.drawn.toFixed(2)} / ${holiday.mean.toFixed(2)}`,
        `  Sunday 2026-03-08:             ${sunday.drawn.toFixed(2)} / ${sunday.mean.toFixed(2)}`,
      ].join('\n'),
    );
    for (const day of [summer.drawn, summer.mean]) expect(day).toBeGreaterThan(20);
    for (const day of [summer.drawn, summer.mean]) expect(day).toBeLessThan(40);
    for (const day of [winter.drawn, winter.mean]) expect(day).toBeGreaterThan(10);
    for (const day of [winter.drawn, winter.mean]) expect(day).toBeLessThan(15);
    for (const day of [holiday.drawn, holiday.mean, sunday.mean]) expect(day).toBeGreaterThan(1);
    for (const day of [holiday.drawn, holiday.mean, sunday.mean]) expect(day).toBeLessThan(2);
  });

  it('gives every fixture some water in a summer week', () => {
    const from = shanghai('2026-07-13');
    const dry = site.fixtures.filter(
      (f) => model.fixtureVolumeL(f.id, from, from + 7 * DAY_MS) === 0,
    );

    expect(dry.map((f) => f.id)).toEqual([]);
  });
});

describe('the background leak', () => {
  it('sits on the potable main, not on a rainwater meter listed before it', () => {
    const site = tinySite(['srcR>MR', 'MR>fr', 'src>M1', 'M1>fa'], { MR: 1, M1: 1 });
    site.meters[0]!.supply = 'rain';
    const tree = deriveMeterTree(site);
    expect(tree.order).toEqual(['MR', 'M1']);
    const model = createDemandModel(site, tree, { seed: 3, backgroundLeakLps: 0.01 });
    const a = shanghai('2026-07-07');
    const c = a + DAY_MS;

    // 0.01 L/s over a day is 864 L, all of it on M1.
    expect(model.areaVolumeL('MR', a, c)).toBeCloseTo(model.fixtureVolumeL('fr', a, c), 9);
    expect(model.areaVolumeL('M1', a, c)).toBeCloseTo(model.fixtureVolumeL('fa', a, c) + 864, 9);
  });
});
