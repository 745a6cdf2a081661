import type { Intersection, Object3D } from 'three';

/**
 * Orders what lies under the pointer before r3f hands it to handlers: hidden objects are
 * dropped (three's raycaster ignores `visible`), and meter markers come before rooms, so a
 * marker seen through a floor plan still takes the hover and the click.
 */

/** Whether the object and all its ancestors are visible. */
export function shownInScene(object: Object3D | null): boolean {
  for (let o = object; o; o = o.parent) if (!o.visible) return false;
  return true;
}

/** `userData.pick` of pickable objects. */
export const PICK_METER = 'meter';
export const PICK_ROOM = 'room';

function priority(hit: Intersection): number {
  return hit.object.userData.pick === PICK_METER ? 1 : 0;
}

export function pickFilter(hits: Intersection[]): Intersection[] {
  return hits
    .filter((hit) => shownInScene(hit.object))
    .sort((a, b) => priority(b) - priority(a) || a.distance - b.distance);
}
