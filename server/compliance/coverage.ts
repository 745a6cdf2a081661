import type { MeterTree } from '../../models/meterTree';
import type { LocalizedName, RoomFunction, Site } from '../../models/site';

/**
 * Metering coverage (equipping rate, domain.md §3.1): which sub-units and major equipment of
 * the site have a meter of their own. A unit is metered when every one of its fixtures lies
 * below a level-2 or level-3 meter that mainly serves the unit: at least half of the fixtures
 * below that meter are the unit's (a canteen meter that also feeds the canteen's toilets is
 * still the canteen's meter; the 50 % is a choice made for the twin, D).
 */

/** Share of a meter's fixtures that must belong to a unit for it to be the unit's meter. */
const MAIN_USER_SHARE = 0.5;

/** A sub-unit or a piece of major equipment the bureau must meter. */
export interface MeteringUnit {
  readonly id: string;
  readonly kind: 'building' | 'function' | 'equipment' | 'irrigation';
  readonly name: LocalizedName;
  readonly fixtureIds: readonly string[];
  /** The meters that together measure it; empty when it is not metered on its own. */
  readonly meterIds: readonly string[];
}

/** Functional zones that are sub-units of their own (GB/T 29149: per functional zone). */
const FUNCTION_UNITS: ReadonlyArray<{
  id: string;
  rooms: readonly RoomFunction[];
  name: LocalizedName;
}> = [
  {
    id: 'canteen',
    rooms: ['canteen_kitchen', 'canteen_dining'],
    name: { zh: '食堂', en: 'Canteen' },
  },
  { id: 'bathhouse', rooms: ['bathhouse'], name: { zh: '浴室', en: 'Bathhouse' } },
  { id: 'laundry', rooms: ['laundry'], name: { zh: '洗衣房', en: 'Laundry' } },
  { id: 'barber', rooms: ['barber'], name: { zh: '理发室', en: 'Barber room' } },
];

/** Every meter's fixtures: its own area and all its descendants'. */
export function subtreeFixtures(tree: MeterTree): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  // Children come after parents in `order`, so walk it backwards.
  for (const meterId of [...tree.order].reverse()) {
    const set = new Set(tree.areaFixtures.get(meterId) ?? []);
    for (const child of tree.childrenOf.get(meterId) ?? []) {
      for (const f of out.get(child) ?? []) set.add(f);
    }
    out.set(meterId, set);
  }
  return out;
}

/** The units of a site and the meters that measure each. */
export function meteringUnits(site: Site, tree: MeterTree): MeteringUnit[] {
  // Step 1: the units: buildings, functional zones, major equipment, irrigation.
  const roomBuilding = new Map<string, string>();
  const roomFunction = new Map<string, RoomFunction>();
  for (const b of site.buildings) {
    for (const floor of b.floors) {
      for (const room of floor.rooms) {
        roomBuilding.set(room.id, b.id);
        roomFunction.set(room.id, room.function);
      }
    }
  }
  const units: Array<Omit<MeteringUnit, 'meterIds'>> = [];
  for (const b of site.buildings) {
    const ids = site.fixtures
      .filter((f) => f.roomId !== undefined && roomBuilding.get(f.roomId) === b.id)
      .map((f) => f.id);
    if (ids.length > 0) units.push({ id: b.id, kind: 'building', name: b.name, fixtureIds: ids });
  }
  for (const zone of FUNCTION_UNITS) {
    const ids = site.fixtures
      .filter((f) => {
        const fn = f.roomId === undefined ? undefined : roomFunction.get(f.roomId);
        return fn !== undefined && zone.rooms.includes(fn);
      })
      .map((f) => f.id);
    if (ids.length > 0) {
      units.push({ id: zone.id, kind: 'function', name: zone.name, fixtureIds: ids });
    }
  }
  for (const f of site.fixtures.filter((x) => x.type === 'cooling_tower_makeup')) {
    units.push({
      id: f.id,
      kind: 'equipment',
      name: { zh: '冷却塔', en: 'Cooling tower' },
      fixtureIds: [f.id],
    });
  }
  const outdoor = site.fixtures.filter((f) => f.areaId !== undefined).map((f) => f.id);
  if (outdoor.length > 0) {
    units.push({
      id: 'irrigation',
      kind: 'irrigation',
      name: { zh: '绿化灌溉', en: 'Irrigation' },
      fixtureIds: outdoor,
    });
  }

  // Step 2: the meters below level 1 that mainly serve the unit, and whether they cover it.
  const levelOf = new Map(site.meters.map((m) => [m.id, m.level]));
  const below = subtreeFixtures(tree);
  return units.map((unit) => {
    const inUnit = new Set(unit.fixtureIds);
    const own = tree.order.filter((meterId) => {
      const fixtures = below.get(meterId);
      if ((levelOf.get(meterId) ?? 1) < 2 || !fixtures || fixtures.size === 0) return false;
      const mine = [...fixtures].filter((f) => inUnit.has(f)).length;
      return mine / fixtures.size >= MAIN_USER_SHARE;
    });
    // Keep the highest of them: a floor meter under a building meter adds nothing.
    const top = own.filter((m) => !own.includes(tree.parentOf.get(m) ?? ''));
    const covered = new Set(top.flatMap((m) => [...(below.get(m) ?? [])]));
    const complete = unit.fixtureIds.every((f) => covered.has(f));
    return { ...unit, meterIds: complete ? top : [] };
  });
}
