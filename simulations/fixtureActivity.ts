import type { Fixture, FixtureType, RoomFunction } from '../models/site';
import type { DemandParameters } from './demandParameters';

/**
 * What each fixture of a site is used for, read from its type and the function of its room:
 * a basin tap in a toilet room serves hand washing after toilet visits, the same tap in a
 * canteen kitchen serves the cooks. The demand simulator pours expected uses per activity.
 */

/** What a fixture's water is used for; the retrofit planner groups by it. */
export type EndUse =
  | 'toilet'
  | 'urinal'
  | 'basin'
  | 'shower'
  | 'drinking'
  | 'kitchen'
  | 'dishwasher'
  | 'laundry'
  | 'barber'
  | 'cleaning'
  | 'irrigation'
  | 'cooling'
  | 'other';

/** What a fixture does, finer than its end use. */
export type Activity =
  | 'wc'
  | 'urinal'
  | 'lavatory'
  | 'bathBasin'
  | 'shower'
  | 'boiler'
  | 'teaSink'
  | 'kitchenSink'
  | 'canteenTap'
  | 'dishwasher'
  | 'laundry'
  | 'hairWash'
  | 'barberTap'
  | 'mop'
  | 'miscTap'
  | 'cooling'
  | 'irrigation';

export const END_USE: Readonly<Record<Activity, EndUse>> = {
  wc: 'toilet',
  urinal: 'urinal',
  lavatory: 'basin',
  bathBasin: 'basin',
  shower: 'shower',
  boiler: 'drinking',
  teaSink: 'drinking',
  kitchenSink: 'kitchen',
  canteenTap: 'kitchen',
  dishwasher: 'dishwasher',
  laundry: 'laundry',
  hairWash: 'barber',
  barberTap: 'barber',
  mop: 'cleaning',
  miscTap: 'other',
  cooling: 'cooling',
  irrigation: 'irrigation',
};

/** Activities whose use is the rated flush or cycle volume rather than flow × duration. */
const VOLUME_RATED: ReadonlySet<Activity> = new Set([
  'wc',
  'urinal',
  'boiler',
  'dishwasher',
  'laundry',
]);

/** The activity of a fixture of `type` in a room of function `room`, or outdoors. */
export function activityOf(
  type: FixtureType,
  room: RoomFunction | undefined,
  outdoor: boolean,
): Activity {
  switch (type) {
    case 'toilet':
    case 'squat_toilet':
      return 'wc';
    case 'urinal':
      return 'urinal';
    case 'shower':
      return 'shower';
    case 'water_boiler':
      return 'boiler';
    case 'kitchen_sink':
      if (room === 'tea_room') return 'teaSink';
      return room === 'canteen_kitchen' ? 'kitchenSink' : 'miscTap';
    case 'dishwasher':
      return 'dishwasher';
    case 'washing_machine':
      return 'laundry';
    case 'hair_wash_basin':
      return 'hairWash';
    case 'mop_sink':
      return 'mop';
    case 'cooling_tower_makeup':
      return 'cooling';
    case 'irrigation_valve':
      return 'irrigation';
    case 'hose_bib':
      return outdoor ? 'irrigation' : 'mop';
    case 'basin_tap':
      return basinActivity(room);
  }
}

function basinActivity(room: RoomFunction | undefined): Activity {
  switch (room) {
    case 'toilet':
      return 'lavatory';
    case 'bathhouse':
      return 'bathBasin';
    case 'tea_room':
      return 'teaSink';
    case 'canteen_kitchen':
    case 'canteen_dining':
      return 'canteenTap';
    case 'barber':
      return 'barberTap';
    case 'cleaning_room':
      return 'mop';
    default:
      return 'miscTap';
  }
}

/** How long one use runs, s: a draw for tap-like fixtures, a fill or cycle for rated ones. */
export function durationPerUseS(activity: Activity, p: DemandParameters): number {
  switch (activity) {
    case 'lavatory':
    case 'bathBasin':
      return p.lavatoryDurationS;
    case 'shower':
      return p.showerDurationS;
    case 'boiler':
      return p.boilerFillS;
    case 'teaSink':
      return p.teaTapDurationS;
    case 'kitchenSink':
    case 'canteenTap':
      return p.kitchenDrawS;
    case 'dishwasher':
      return p.dishwasherCycleS;
    case 'laundry':
      return p.washingMachineFillS;
    case 'hairWash':
      return p.hairWashDurationS;
    case 'barberTap':
      return p.barberTapDurationS;
    case 'mop':
      return p.mopFillS;
    default:
      // Flushes and other short draws.
      return p.miscTapDurationS;
  }
}

/**
 * Litres per use: the rated volume for flushes and cycles (else flow × cycle time), and
 * flow × duration for taps and showers (else their rated volume). 0 when the spec has neither.
 */
export function volumePerUseL(fixture: Fixture, activity: Activity, durationS: number): number {
  const { volumePerUseL: ratedL, flowLps } = fixture.spec;
  if (VOLUME_RATED.has(activity)) return ratedL ?? (flowLps ?? 0) * durationS;
  return flowLps !== undefined ? flowLps * durationS : (ratedL ?? 0);
}
