import type { Floor, LocalizedName, Point3, Polygon2, Room, RoomFunction } from '../site';
import { mm, type Plane, pt } from '../siteDraft';

/**
 * How the sample site is laid out: its storey and pipe heights, plan rectangles, and the
 * floors and rooms its buildings are made of. World metres: x east, y north, z up; site datum
 * is ground-floor level.
 */

/** Office storey height, m. */
export const STOREY_M = 3.6;
/** Branch pipes run along the ceiling this far above the finished floor, m. */
const LINE_ABOVE_FLOOR_M = 3.0;
/** Fixtures are placed this far above the finished floor, m (a marker height, not a spout). */
const FIXTURE_ABOVE_FLOOR_M = 0.5;
/** Depth of the buried main, m (negative: below site datum). */
export const MAIN_Z = -1.0;

export const named = (zh: string, en: string): LocalizedName => ({ zh, en });
/** Level-2 meters sit in pits on the buried main, just south of what they serve. */
export const pit = (x: number): Point3 => pt(x, -1.5, MAIN_Z);

/** An axis-aligned rectangle [x0, y0, x1, y1] in plan, m. */
export type Box = readonly [number, number, number, number];
export const rect = ([x0, y0, x1, y1]: Box): Polygon2 => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
];

/** Plan area of a simple polygon by the shoelace formula, m². */
export function areaM2(polygon: Polygon2): number {
  let twice = 0;
  polygon.forEach(([x, y], i) => {
    const [nx, ny] = polygon[(i + 1) % polygon.length]!;
    twice += x * ny - nx * y;
  });
  return mm(Math.abs(twice) / 2);
}

export const floor = (
  id: string,
  index: number,
  name: LocalizedName,
  elevationM: number,
  heightM: number,
  rooms: Room[],
): Floor => ({ id, index, name, elevationM, heightM, rooms });

export function room(
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
  toilet: {
    male: named('男卫生间', "Men's toilet"),
    female: named('女卫生间', "Women's toilet"),
  },
  bathhouse: {
    male: named('男浴室', "Men's bathhouse"),
    female: named('女浴室', "Women's bathhouse"),
  },
};

/** A men's or women's toilet or bathhouse, named for whom it serves. */
export function washroom(
  id: string,
  fn: 'toilet' | 'bathhouse',
  gender: 'male' | 'female',
  box: Box,
) {
  const { zh, en } = WASHROOM_NAMES[fn][gender];
  return room(id, fn, zh, en, box, gender);
}

export const corridor = (id: string, floorNo: number, box: Box): Room =>
  room(id, 'corridor', `${floorNo}层走廊`, `Corridor, floor ${floorNo}`, box);

/** The ceiling of a storey whose floor is at `elevationM`, and its fixtures' marker height. */
export const storeyPlane = (elevationM: number): Plane => ({
  lineZ: mm(elevationM + LINE_ABOVE_FLOOR_M),
  fixtureZ: mm(elevationM + FIXTURE_ABOVE_FLOOR_M),
});
