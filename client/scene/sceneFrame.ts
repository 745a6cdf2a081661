import { Vector3 } from 'three';
import type { Site } from '../../models/site';
import { worldToThree } from './coords';
import { planBounds } from './planGeometry';

/**
 * Where the camera starts: looking at the middle of the site from the south-east and above,
 * far enough back that the whole site fits the view.
 */
export interface CameraFrame {
  readonly target: Vector3;
  readonly position: Vector3;
  /** Radius of the site's bounding sphere, m. */
  readonly radiusM: number;
}

export function frameSite(site: Site, fovDeg: number): CameraFrame {
  const plan = planBounds([
    ...site.buildings.map((b) => b.footprint),
    ...site.outdoor.irrigatedAreas.map((a) => a.polygon),
  ]);
  const topM = Math.max(
    0,
    ...site.buildings.flatMap((b) => b.floors.map((f) => f.elevationM + f.heightM)),
  );

  const target = worldToThree(
    (plan.minX + plan.maxX) / 2,
    (plan.minY + plan.maxY) / 2,
    topM * 0.35,
    new Vector3(),
  );
  const radiusM = Math.max(
    10,
    0.5 * Math.hypot(plan.maxX - plan.minX, plan.maxY - plan.minY, topM),
  );
  const distanceM = radiusM / Math.sin(((fovDeg / 2) * Math.PI) / 180);
  // South-east and above: +x east, +z south, +y up in three.js terms.
  const direction = new Vector3(0.55, 0.62, 0.85).normalize();
  const viewDistanceM = distanceM * 0.78;
  // Look a little left of the middle: the meter tree covers the left of the screen.
  const right = new Vector3().crossVectors(new Vector3(0, 1, 0), direction).normalize();
  target.addScaledVector(right, -0.07 * viewDistanceM);
  const position = target.clone().addScaledVector(direction, viewDistanceM);
  return { target, position, radiusM };
}

/** Camera distance when focused on a meter of each level, m. */
export const FOCUS_DISTANCE_M: Readonly<Record<1 | 2 | 3, number>> = { 1: 45, 2: 32, 3: 22 };
