import type { FixtureType, Site } from '../../models/site';
import type { Lang } from '../i18n/index';

/** Rooms a swap of one fixture type can be limited to, grouped by building. */
export interface RoomGroup {
  readonly buildingName: string;
  /** Rooms holding at least one fixture of the type, labelled "room · floor". */
  readonly rooms: readonly { readonly id: string; readonly label: string }[];
}

/** The rooms of the site that hold fixtures of `type`, by display name in `lang`. */
export function roomGroups(site: Site, type: FixtureType, lang: Lang): RoomGroup[] {
  const withType = new Set(
    site.fixtures.flatMap((f) => (f.type === type && f.roomId !== undefined ? [f.roomId] : [])),
  );
  return site.buildings.flatMap((building) => {
    const rooms = building.floors.flatMap((floor) =>
      floor.rooms
        .filter((room) => withType.has(room.id))
        .map((room) => ({ id: room.id, label: `${room.name[lang]} · ${floor.name[lang]}` })),
    );
    return rooms.length > 0 ? [{ buildingName: building.name[lang], rooms }] : [];
  });
}
