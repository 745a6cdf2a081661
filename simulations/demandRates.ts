import type { Fixture, Room, Site } from '../models/site';
import type { DayWindows, DemandParameters } from './demandParameters';
import {
  type Activity,
  activityOf,
  durationPerUseS,
  END_USE,
  type EndUse,
  volumePerUseL,
} from './fixtureActivity';

export type { EndUse } from './fixtureActivity';

/**
 * The expected demand of every fixture, built once from the site and the parameters: how many
 * litres each fixture draws in each 15-minute bucket of a working day and of a rest day, its
 * volume per use, and (for irrigation) its daily run. `demand.ts` samples around these
 * expectations; tests check them exactly.
 */

/** Length of a profile bucket, ms (15 min; office hours and meal times fall on its edges). */
export const BUCKET_MS = 900_000;
export const BUCKETS_PER_DAY = 96;

/** Working day (index 0) or weekend / public holiday (index 1). */
export type ByDayKind = readonly [working: Float64Array, rest: Float64Array];

interface RateBase {
  readonly fixtureId: string;
  readonly endUse: EndUse;
}

/** Discrete uses (flushes, tap draws, cycles), Poisson-distributed in each slot. */
export interface UsesRate extends RateBase {
  readonly kind: 'uses';
  readonly volumePerUseL: number;
  /** Sampling slot, ms; at least the duration of one use. */
  readonly slotMs: number;
  /** Expected litres in each bucket of the day, by day kind. */
  readonly bucketL: ByDayKind;
}

/** A continuous flow around an expected level (cooling-tower make-up). */
export interface FlowRate extends RateBase {
  readonly kind: 'flow';
  readonly slotMs: number;
  readonly bucketL: ByDayKind;
  /** Multiplier by month, index 1 = January … 12 = December. */
  readonly monthFactor: Float64Array;
  /** Day-to-day spread: each day's level is scaled by a uniform 1 ± this fraction. */
  readonly dailySpread: number;
  /** Slot-to-slot spread: each slot is scaled by a uniform 1 ± this fraction. */
  readonly slotNoise: number;
}

/** A timed daily run at the fixture's rated flow (an irrigation station). */
export interface RunRate extends RateBase {
  readonly kind: 'run';
  readonly flowLps: number;
  /** Run start after local midnight by month (index 1–12), ms; unused when duration is 0. */
  readonly startMs: Float64Array;
  /** Run duration by month (index 1–12), ms; 0 = no irrigation that month. */
  readonly durationMs: Float64Array;
}

export type FixtureRate = UsesRate | FlowRate | RunRate;

type Gender = 'female' | 'male';

interface Place {
  readonly buildingId: string;
  readonly floorId: string;
  readonly room: Room;
}

/** Weight × hours of each bucket of the day covered by the windows (not normalised). */
function windowHours(windows: DayWindows): Float64Array {
  const hours = new Float64Array(BUCKETS_PER_DAY);
  for (const [startH, endH, weight] of windows) {
    for (let b = 0; b < BUCKETS_PER_DAY; b++) {
      const overlapH = Math.min(endH, (b + 1) / 4) - Math.max(startH, b / 4);
      if (overlapH > 0) hours[b]! += weight * overlapH;
    }
  }
  return hours;
}

/** Spreads a profile's windows over the buckets of a day; the result sums to 1. */
export function profileWeights(windows: DayWindows): Float64Array {
  const weights = windowHours(windows);
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum > 0) for (let b = 0; b < BUCKETS_PER_DAY; b++) weights[b]! /= sum;
  return weights;
}

/** Area of a plan polygon, m² (shoelace). */
function polygonAreaM2(polygon: Room['polygon']): number {
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i]!;
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

const SLOT_CHOICES_MS = [60_000, 300_000, BUCKET_MS] as const;

/** The shortest sampling slot that holds one use of the given duration. */
function slotFor(durationS: number): number {
  for (const slotMs of SLOT_CHOICES_MS) if (durationS * 1000 <= slotMs) return slotMs;
  return BUCKET_MS;
}

const DAYS_PER_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const WORKING = 0;
const REST = 1;
type DayIndex = typeof WORKING | typeof REST;

interface UsesEntry {
  readonly fixture: Fixture;
  readonly activity: Activity;
  readonly place: Place | undefined;
  readonly rate: UsesRate;
}

/** Builds the expected demand of every fixture of the site. */
export function buildFixtureRates(site: Site, p: DemandParameters): Map<string, FixtureRate> {
  // Step 1: where every room is, and how staff spread over floors (by office floor area).
  const places = new Map<string, Place>();
  const floorIndex = new Map<string, number>();
  const floorBuilding = new Map<string, string>();
  const floorM2 = new Map<string, number>();
  const officeM2ByFloor = new Map<string, number>();
  for (const building of site.buildings) {
    for (const floor of building.floors) {
      floorIndex.set(floor.id, floor.index);
      floorBuilding.set(floor.id, building.id);
      for (const room of floor.rooms) {
        places.set(room.id, { buildingId: building.id, floorId: floor.id, room });
        const roomM2 = polygonAreaM2(room.polygon);
        floorM2.set(floor.id, (floorM2.get(floor.id) ?? 0) + roomM2);
        if (room.function === 'office') {
          officeM2ByFloor.set(floor.id, (officeM2ByFloor.get(floor.id) ?? 0) + roomM2);
        }
      }
    }
  }

  // Step 2: every fixture gets an empty expectation shaped by what it does.
  const rates = new Map<string, FixtureRate>();
  const entries: UsesEntry[] = [];
  for (const fixture of site.fixtures) {
    const place = fixture.roomId !== undefined ? places.get(fixture.roomId) : undefined;
    const activity = activityOf(fixture.type, place?.room.function, fixture.areaId !== undefined);
    if (activity === 'irrigation') rates.set(fixture.id, emptyRun(fixture));
    else if (activity === 'cooling') rates.set(fixture.id, coolingRate(fixture, p));
    else {
      const durationS = durationPerUseS(activity, p);
      const rate: UsesRate = {
        kind: 'uses',
        fixtureId: fixture.id,
        endUse: END_USE[activity],
        volumePerUseL: volumePerUseL(fixture, activity, durationS),
        slotMs: slotFor(durationS),
        bucketL: [new Float64Array(BUCKETS_PER_DAY), new Float64Array(BUCKETS_PER_DAY)],
      };
      rates.set(fixture.id, rate);
      entries.push({ fixture, activity, place, rate });
    }
  }

  // Step 3: helpers that pour expected uses into fixtures, each at its own volume per use.
  const add = (rate: UsesRate, day: DayIndex, uses: number, profile: Float64Array): void => {
    const dailyL = uses * rate.volumePerUseL;
    if (!(dailyL > 0)) return;
    const target = rate.bucketL[day];
    for (let b = 0; b < BUCKETS_PER_DAY; b++) target[b]! += dailyL * profile[b]!;
  };
  const spreadUses = (rates: UsesRate[], day: DayIndex, uses: number, profile: Float64Array) => {
    for (const rate of rates) add(rate, day, uses / rates.length, profile);
  };
  const spreadL = (rates: UsesRate[], day: DayIndex, litres: number, profile: Float64Array) => {
    for (const rate of rates) {
      if (rate.volumePerUseL > 0)
        add(rate, day, litres / rates.length / rate.volumePerUseL, profile);
    }
  };
  /**
   * Fixtures of an activity serving `gender`: on the floor, else in its building, else anywhere.
   */
  const pool = (activity: Activity, floorId: string | null, gender: Gender | null): UsesRate[] => {
    const all = entries.filter((e) => e.activity === activity && serves(e.place, gender));
    const onFloor = all.filter((e) => floorId !== null && e.place?.floorId === floorId);
    if (onFloor.length > 0) return onFloor.map((e) => e.rate);
    const buildingId = floorId === null ? undefined : floorBuilding.get(floorId);
    const inBuilding = all.filter(
      (e) => buildingId !== undefined && e.place?.buildingId === buildingId,
    );
    if (inBuilding.length > 0) return inBuilding.map((e) => e.rate);
    return all.map((e) => e.rate);
  };
  const profile = {
    office: profileWeights(p.officeProfile),
    restDay: profileWeights(p.restDayProfile),
    duty: profileWeights(p.dutyProfile),
    tea: profileWeights(p.teaProfile),
    kitchen: profileWeights(p.kitchenProfile),
    dishwasher: profileWeights(p.dishwasherProfile),
    meals: profileWeights(p.mealProfile),
    showerWorking: profileWeights(p.showerProfileWorking),
    showerRest: profileWeights(p.showerProfileRest),
    service: profileWeights(p.serviceProfile),
    cleaning: profileWeights(p.cleaningProfile),
  };

  // Step 4: people on a floor use its toilets, urinals, basins and tea room. Diners are staff
  // at lunch: the share of their day's sanitary uses made near the canteen, without tea.
  type Who = 'staff' | 'visitor' | 'diner';
  const people = (
    floorId: string | null,
    persons: number,
    day: DayIndex,
    shape: Float64Array,
    who: Who,
    sanitaryFactor = 1,
  ): void => {
    if (!(persons > 0)) return;
    const women = persons * p.femaleShare * sanitaryFactor;
    const men = persons * (1 - p.femaleShare) * sanitaryFactor;
    const visitor = who === 'visitor';
    const wcF = visitor ? p.visitorWcUsesFemale : p.wcUsesFemale;
    const wcM = visitor ? p.visitorWcUsesMale : p.wcUsesMale;
    const urinalM = visitor ? p.visitorUrinalUsesMale : p.urinalUsesMale;
    const lavatory = visitor ? p.visitorLavatoryUses : p.lavatoryUses;

    spreadUses(pool('wc', floorId, 'female'), day, women * wcF, shape);
    const urinals = pool('urinal', floorId, 'male');
    // Without a urinal, men use a WC instead.
    const menWcUses = urinals.length > 0 ? wcM : wcM + urinalM;
    spreadUses(pool('wc', floorId, 'male'), day, men * menWcUses, shape);
    spreadUses(urinals, day, men * urinalM, shape);
    spreadUses(pool('lavatory', floorId, 'female'), day, women * lavatory, shape);
    spreadUses(pool('lavatory', floorId, 'male'), day, men * lavatory, shape);
    if (who !== 'staff') return;

    spreadL(pool('boiler', floorId, null), day, persons * p.drinkingWaterL, profile.tea);
    spreadUses(pool('teaSink', floorId, null), day, persons * p.teaTapUses, profile.tea);
  };
  const canteenFloor = [...places.values()].find((pl) => pl.room.function === 'canteen_dining');
  const dinerShare = canteenFloor ? p.lunchShare * p.canteenToiletShare : 0;
  if (canteenFloor) {
    people(canteenFloor.floorId, site.staff, WORKING, profile.meals, 'diner', dinerShare);
  }
  const officeM2 = [...officeM2ByFloor.values()].reduce((a, v) => a + v, 0);
  const staffFloors: Array<[floorId: string | null, share: number]> =
    officeM2 > 0 ? [...officeM2ByFloor].map(([id, m2]) => [id, m2 / officeM2]) : [[null, 1]];
  for (const [floorId, share] of staffFloors) {
    people(floorId, site.staff * share, WORKING, profile.office, 'staff', 1 - dinerShare);
    people(floorId, site.dailyVisitors * share, WORKING, profile.office, 'visitor');
    people(floorId, site.staff * p.restDayStaffShare * share, REST, profile.restDay, 'staff');
  }
  // Duty staff keep the lowest floor with a WC; of several, the smallest (a gatehouse).
  let dutyFloor: string | null = null;
  const rank = (floorId: string): [number, number] => [
    floorIndex.get(floorId) ?? Number.POSITIVE_INFINITY,
    floorM2.get(floorId) ?? 0,
  ];
  for (const e of entries) {
    if (e.activity !== 'wc' || !e.place) continue;
    const [index, m2] = rank(e.place.floorId);
    const best = dutyFloor === null ? null : rank(dutyFloor);
    if (best === null || index < best[0] || (index === best[0] && m2 < best[1])) {
      dutyFloor = e.place.floorId;
    }
  }
  people(dutyFloor, p.dutyPersons, WORKING, profile.duty, 'staff');
  people(dutyFloor, p.dutyPersons, REST, profile.duty, 'staff');

  // Step 5: the canteen serves breakfast and lunch on working days; its water is split
  // between sinks, dishwashers and hand-wash taps (renormalised over those present).
  const mealsL = site.staff * (p.breakfastShare + p.lunchShare) * p.canteenLPerMeal;
  const groups = [
    {
      rates: pool('kitchenSink', null, null),
      share: p.canteenSplit.kitchenSink,
      shape: profile.kitchen,
    },
    {
      rates: pool('dishwasher', null, null),
      share: p.canteenSplit.dishwasher,
      shape: profile.dishwasher,
    },
    { rates: pool('canteenTap', null, null), share: p.canteenSplit.tap, shape: profile.meals },
  ].filter((g) => g.rates.length > 0);
  const shareSum = groups.reduce((a, g) => a + g.share, 0);
  for (const g of groups) spreadL(g.rates, WORKING, (mealsL * g.share) / shareSum, g.shape);

  // Step 6: bathhouse showers by gender, each followed by a basin use.
  const showerDays = [
    [WORKING, p.showersPerStaffWorkingDay, profile.showerWorking],
    [REST, p.showersPerStaffRestDay, profile.showerRest],
  ] as const;
  for (const [day, perStaff, shape] of showerDays) {
    for (const [gender, share] of [
      ['female', p.femaleShare],
      ['male', 1 - p.femaleShare],
    ] as const) {
      const showers = site.staff * perStaff * share;
      const heads = pool('shower', null, gender);
      if (heads.length === 0) continue;
      spreadUses(heads, day, showers, shape);
      spreadUses(pool('bathBasin', null, gender), day, showers * p.bathBasinUsesPerShower, shape);
    }
  }

  // Step 7: laundry, barber room, cleaning and any other tap.
  for (const { activity, rate } of entries) {
    if (activity === 'laundry') add(rate, WORKING, p.washingMachineCycles, profile.service);
    if (activity === 'mop') add(rate, WORKING, p.mopFillsPerWorkingDay, profile.cleaning);
    if (activity === 'miscTap') add(rate, WORKING, p.miscTapUses, profile.office);
  }
  spreadUses(pool('hairWash', null, null), WORKING, p.haircutsPerWorkingDay, profile.service);
  spreadUses(pool('barberTap', null, null), WORKING, p.haircutsPerWorkingDay, profile.service);

  // Step 8: irrigation stations run one after another in each area's morning window.
  assignIrrigationRuns(site, p, rates);

  return rates;
}

function serves(place: Place | undefined, gender: Gender | null): boolean {
  const served = place?.room.gender;
  return gender === null || served === undefined || served === 'all' || served === gender;
}

function emptyRun(fixture: Fixture): RunRate {
  return {
    kind: 'run',
    fixtureId: fixture.id,
    endUse: 'irrigation',
    flowLps: fixture.spec.flowLps ?? 0,
    startMs: new Float64Array(13),
    durationMs: new Float64Array(13),
  };
}

/** Cooling make-up on working days at the hourly full-load flow, capped at the valve rating. */
function coolingRate(fixture: Fixture, p: DemandParameters): FlowRate {
  const capLps = fixture.spec.flowLps ?? Number.POSITIVE_INFINITY;
  const capped = p.coolingMakeupLps.map(([startH, endH, flowLps]) => {
    return [startH, endH, Math.min(flowLps, capLps)] as const;
  });
  // L/s × hours × 3600 s/h = litres per bucket.
  const working = windowHours(capped).map((lpsHours) => lpsHours * 3600);
  return {
    kind: 'flow',
    fixtureId: fixture.id,
    endUse: 'cooling',
    slotMs: 300_000,
    bucketL: [working, new Float64Array(BUCKETS_PER_DAY)],
    monthFactor: Float64Array.from([0, ...p.coolingMonthFactor]),
    dailySpread: p.coolingDailySpread,
    slotNoise: p.coolingSlotNoise,
  };
}

function assignIrrigationRuns(site: Site, p: DemandParameters, rates: Map<string, FixtureRate>) {
  const [windowStartH, windowEndH] = p.irrigationWindowH;
  const windowStartMs = (windowStartH ?? 0) * 3_600_000;
  const windowEndMs = (windowEndH ?? 0) * 3_600_000;
  const windowMs = Math.max(windowEndMs - windowStartMs, 1);

  for (const area of site.outdoor.irrigatedAreas) {
    const stations = site.fixtures
      .filter((f) => f.areaId === area.id)
      .map((f) => rates.get(f.id))
      .filter((r): r is RunRate => r?.kind === 'run' && r.flowLps > 0);
    if (stations.length === 0) continue;

    for (let month = 1; month <= 12; month++) {
      if (!p.irrigationMonths[month - 1]) continue;
      // Daily need: area × ET0 per day × K_L ÷ efficiency, shared equally by the stations.
      const et0MmPerDay = p.et0MmPerMonth[month - 1]! / DAYS_PER_MONTH[month - 1]!;
      const needL =
        (area.areaM2 * et0MmPerDay * p.landscapeCoefficient[area.plantType]) /
        p.irrigationEfficiency[area.method];
      // Stations run one after another; when they do not fit the window, in parallel lanes
      // (each station joins the lane that frees up first), and what still overruns is cut.
      const wantMs = stations.map((st) =>
        Math.round((needL / stations.length / st.flowLps) * 1000),
      );
      const totalMs = wantMs.reduce((a, v) => a + v, 0);
      const laneEndMs = new Array<number>(Math.max(1, Math.ceil(totalMs / windowMs))).fill(
        windowStartMs,
      );
      stations.forEach((station, i) => {
        const lane = laneEndMs.indexOf(Math.min(...laneEndMs));
        const startMs = laneEndMs[lane]!;
        const runMs = Math.max(0, Math.min(wantMs[i]!, windowEndMs - startMs));
        station.startMs[month] = startMs;
        station.durationMs[month] = runMs;
        laneEndMs[lane] = startMs + runMs;
      });
    }
  }
}
