import type { Building, Floor, Meter, NetworkNode, Room, Site } from '../../models/site';

/**
 * Lookups derived once per site: rooms with their storey, meters with their position. Cached
 * per site object, so every component asking gets the same maps.
 */
export interface RoomEntry {
  readonly room: Room;
  readonly floor: Floor;
  readonly building: Building;
}

export interface MeterEntry {
  readonly meter: Meter;
  /** The network node the meter sits on (its position is the marker's position). */
  readonly node: NetworkNode | undefined;
}

export interface SiteIndex {
  readonly rooms: ReadonlyMap<string, RoomEntry>;
  readonly meters: ReadonlyMap<string, MeterEntry>;
}

const cache = new WeakMap<Site, SiteIndex>();

export function siteIndex(site: Site): SiteIndex {
  const cached = cache.get(site);
  if (cached) return cached;

  const rooms = new Map<string, RoomEntry>();
  for (const building of site.buildings) {
    for (const floor of building.floors) {
      for (const room of floor.rooms) rooms.set(room.id, { room, floor, building });
    }
  }
  const nodes = new Map(site.network.nodes.map((n) => [n.id, n]));
  const meters = new Map<string, MeterEntry>(
    site.meters.map((meter) => [meter.id, { meter, node: nodes.get(meter.nodeId) }]),
  );

  const index = { rooms, meters };
  cache.set(site, index);
  return index;
}
