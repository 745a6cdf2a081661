import { Vector3 } from 'three';
import type { Site } from '../../models/site';
import { siteIndex } from '../state/siteIndex';
import type { CameraGoal } from '../state/uiStore';
import { planBounds } from './planGeometry';
import {
  type CameraFrame,
  FLOOR_DIRECTION,
  frameBox,
  type Lens,
  OVERVIEW_DIRECTION,
  type ViewArea,
  type WorldBox,
} from './sceneFrame';

/**
 * What each camera goal shows: the overview the whole site from the south-east, a storey its
 * building's footprint between floor and ceiling from a steeper angle, a meter the space
 * around it from the direction the user was already looking, a box (an alert's suspect pipes)
 * likewise.
 */

/** Half the side of the cube framed around a focused meter, by level, m. */
export const METER_FOCUS_HALF_M: Readonly<Record<1 | 2 | 3, number>> = { 1: 16, 2: 12, 3: 9 };

/** Buildings, irrigated areas and the height of the tallest storey, m. */
export function siteBox(site: Site): WorldBox {
  const plan = planBounds([
    ...site.buildings.map((b) => b.footprint),
    ...site.outdoor.irrigatedAreas.map((a) => a.polygon),
  ]);
  const topM = Math.max(
    0,
    ...site.buildings.flatMap((b) => b.floors.map((f) => f.elevationM + f.heightM)),
  );
  return { ...plan, minZ: 0, maxZ: topM };
}

/** A building's footprint from the floor of a storey to its ceiling, or null if unknown. */
export function floorBox(site: Site, buildingId: string, floorId: string): WorldBox | null {
  const building = site.buildings.find((b) => b.id === buildingId);
  const floor = building?.floors.find((f) => f.id === floorId);
  if (!building || !floor) return null;
  const plan = planBounds([building.footprint]);
  return { ...plan, minZ: floor.elevationM, maxZ: floor.elevationM + floor.heightM };
}

/** The cube around a meter's marker, or null if the meter has no position. */
export function meterBox(site: Site, meterId: string): WorldBox | null {
  const entry = siteIndex(site).meters.get(meterId);
  if (!entry?.node) return null;
  const { x, y, z } = entry.node.position;
  const h = METER_FOCUS_HALF_M[entry.meter.level];
  return { minX: x - h, maxX: x + h, minY: y - h, maxY: y + h, minZ: z - h, maxZ: z + h };
}

/**
 * The frame for a goal; `lookingFrom` is the current direction from the target to the camera,
 * kept for a meter so a selection does not swing the view around. Null when the goal names
 * something the site does not have.
 */
export function goalFrame(
  site: Site,
  goal: CameraGoal,
  lookingFrom: Readonly<Vector3>,
  lens: Lens,
  area: ViewArea,
): CameraFrame | null {
  switch (goal.kind) {
    case 'overview':
      return frameBox(siteBox(site), OVERVIEW_DIRECTION, lens, area);
    case 'floor': {
      const box = floorBox(site, goal.buildingId, goal.floorId);
      return box && frameBox(box, FLOOR_DIRECTION, lens, area);
    }
    case 'meter': {
      const box = meterBox(site, goal.meterId);
      // A view from straight above has no "right": fall back to the overview's direction.
      const flat = Math.hypot(lookingFrom.x, lookingFrom.z) < 1e-3;
      return box && frameBox(box, flat ? OVERVIEW_DIRECTION : lookingFrom, lens, area);
    }
    case 'box': {
      const flat = Math.hypot(lookingFrom.x, lookingFrom.z) < 1e-3;
      return frameBox(goal.box, flat ? OVERVIEW_DIRECTION : lookingFrom, lens, area);
    }
  }
}

/** Unit vector from the orbit target to the camera. */
export function viewDirection(target: Readonly<Vector3>, position: Readonly<Vector3>): Vector3 {
  return new Vector3().subVectors(position, target).normalize();
}
