import type { FixtureType, Site } from '../../models/site';
import type { Lang } from '../i18n/index';

/** Rooms a swap of one fixture type can be limited to, grouped by building. */
export interface RoomGroup {
  readonly buildingName: string;
  /**
   * Rooms holding at least one fixture of the type, labelled "building · floor · room" so no
   * two read the same once chosen (the closed select shows no group).
   */
  readonly rooms: readonly { readonly id: string; readonly label: string }[];
}

/** A building's name without its parenthetical or the word "building": 综合楼, Annex, Office. */
export function shortBuildingName(name: string): string {
  const short = name
    .replace(/\s*[（(].*$/, '')
    .replace(/\s+building$/i, '')
    .trim();
  return short === '' ? name : short;
}

/** The rooms of the site that hold fixtures of `type`, by display name in `lang`. */
export function roomGroups(site: Site, type: FixtureType, lang: Lang): RoomGroup[] {
  const withType = new Set(
    site.fixtures.flatMap((f) => (f.type === type && f.roomId !== undefined ? [f.roomId] : [])),
  );
  return site.buildings.flatMap((building) => {
    const short = shortBuildingName(building.name[lang]);
    const rooms = building.floors.flatMap((floor) =>
      floor.rooms
        .filter((room) => withType.has(room.id))
        .map((room) => ({
          id: room.id,
          label: `${short} · ${floor.name[lang]} · ${room.name[lang]}`,
        })),
    );
    return rooms.length > 0 ? [{ buildingName: building.name[lang], rooms }] : [];
  });
}
