import type { RoomFunction } from '../../models/site';

/**
 * How a room is tinted on the floor plan (sRGB hex): rooms with water fixtures stand out in
 * water colours, dry rooms stay quiet.
 */
const ROOM_TINT: Readonly<Record<RoomFunction, number>> = {
  office: 0x41597a,
  meeting: 0x4a5f85,
  lobby: 0x52688c,
  corridor: 0x33465f,
  toilet: 0x1fa3c9,
  tea_room: 0x36c2b4,
  canteen_dining: 0xb08a4a,
  canteen_kitchen: 0xd49a3a,
  bathhouse: 0x2f8fe0,
  laundry: 0x5a9de8,
  barber: 0x8a7be0,
  cleaning_room: 0x3fb08f,
  plant_room: 0x7b6a9a,
};

export function roomTint(fn: RoomFunction): number {
  return ROOM_TINT[fn];
}
