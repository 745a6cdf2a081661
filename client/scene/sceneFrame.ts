import { Vector3 } from 'three';
import { worldToThree } from './coords';

/**
 * Fitting a box of the site into the part of the canvas that no panel covers: the camera
 * looks from a given direction, far enough back that every corner of the box lands inside that
 * free area, and aimed so the box's middle sits in the middle of the free area.
 */

/** An axis-aligned box in world metres (x east, y north, z up). */
export interface WorldBox {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
  readonly minZ: number;
  readonly maxZ: number;
}

/** The free part of the canvas, as fractions of its width (left, right) and height (top, bottom). */
export interface ViewArea {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

export const WHOLE_VIEW: ViewArea = { left: 0, top: 0, right: 1, bottom: 1 };

/** The camera's lens: vertical field of view in degrees, aspect as width / height. */
export interface Lens {
  readonly fovDeg: number;
  readonly aspect: number;
}

/** Where the orbit controls look and where the camera stands, three.js coordinates. */
export interface CameraFrame {
  readonly target: Vector3;
  readonly position: Vector3;
}

/** From the south-east and above (three.js: +x east, +z south, +y up), about 36° up. */
export const OVERVIEW_DIRECTION: Readonly<Vector3> = new Vector3(0.55, 0.62, 0.85).normalize();

/** More from the south and steeper, about 45° up, so an isolated storey reads as a plan. */
export const FLOOR_DIRECTION: Readonly<Vector3> = new Vector3(0.3, 0.95, 0.85).normalize();

/** Room left around the fitted box, as a factor on its extent. */
const MARGIN = 1.1;
/** Closest the camera comes to the box's middle, m. */
const MIN_DISTANCE_M = 8;

const WORLD_UP = new Vector3(0, 1, 0);

/**
 * The frame that shows `box` whole inside `area`, looking along `-direction` (`direction`
 * points from the box towards the camera and must not be vertical).
 */
export function frameBox(
  box: WorldBox,
  direction: Readonly<Vector3>,
  lens: Lens,
  area: ViewArea = WHOLE_VIEW,
): CameraFrame {
  // Step 1: the camera's axes for this direction.
  const back = direction.clone().normalize();
  const right = new Vector3().crossVectors(WORLD_UP, back).normalize();
  const up = new Vector3().crossVectors(back, right);

  // Step 2: the tangents of the half-angles the free area leaves, across and up.
  const tanUp = Math.tan((lens.fovDeg * Math.PI) / 360);
  const tanAcross = tanUp * lens.aspect;
  const freeAcross = tanAcross * Math.max(0.05, area.right - area.left);
  const freeUp = tanUp * Math.max(0.05, area.bottom - area.top);

  // Step 3: back off until every corner fits (a corner nearer the camera looks bigger).
  const middle = worldToThree(
    (box.minX + box.maxX) / 2,
    (box.minY + box.maxY) / 2,
    (box.minZ + box.maxZ) / 2,
    new Vector3(),
  );
  const corner = new Vector3();
  let distanceM = MIN_DISTANCE_M;
  for (const x of [box.minX, box.maxX]) {
    for (const y of [box.minY, box.maxY]) {
      for (const z of [box.minZ, box.maxZ]) {
        worldToThree(x, y, z, corner).sub(middle);
        const nearer = corner.dot(back);
        const across = (MARGIN * Math.abs(corner.dot(right))) / freeAcross;
        const upward = (MARGIN * Math.abs(corner.dot(up))) / freeUp;
        distanceM = Math.max(distanceM, nearer + across, nearer + upward);
      }
    }
  }

  // Step 4: aim beside the middle so that the middle appears in the middle of the free area.
  const centreAcross = area.left + area.right - 1;
  const centreUp = 1 - (area.top + area.bottom);
  const target = middle
    .clone()
    .addScaledVector(right, -centreAcross * distanceM * tanAcross)
    .addScaledVector(up, -centreUp * distanceM * tanUp);
  const position = target.clone().addScaledVector(back, distanceM);
  return { target, position };
}
