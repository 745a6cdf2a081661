import { Matrix4, Vector3 } from 'three';

/**
 * The one place where world coordinates become three.js coordinates (DESIGN §4).
 *
 * World: metres, x east, y north, z up (the site file). three.js: metres, y up, and the camera
 * looks down −z by default, so north maps to −z: (x, y, z) → (x, z, −y). Everything drawn in
 * the scene goes through these helpers; nothing else swaps axes by hand.
 */

/** A world point as the site file gives it, metres. */
export interface WorldPoint {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Writes the three.js position of world point (x, y, z) into `out` and returns it. */
export function worldToThree(x: number, y: number, z: number, out: Vector3): Vector3 {
  return out.set(x, z, -y);
}

/** The three.js position of a world point, as a fresh vector (not for the render loop). */
export function toThree(p: WorldPoint): Vector3 {
  return worldToThree(p.x, p.y, p.z, new Vector3());
}

/** The three.js position of a world point, as a tuple for JSX `position` props. */
export function toThreeTuple(p: WorldPoint): [number, number, number] {
  return [p.x, p.z, -p.y];
}

/** The world point of a three.js position (inverse of `worldToThree`). */
export function threeToWorld(v: { x: number; y: number; z: number }): WorldPoint {
  return { x: v.x, y: -v.z, z: v.y };
}

/**
 * The same mapping as a matrix, for geometry built in world metres (shapes in the x–y plan,
 * extruded along z): `geometry.applyMatrix4(worldToThreeMatrix())`.
 */
export function worldToThreeMatrix(): Matrix4 {
  // Columns are the images of world x, y and z.
  return new Matrix4().set(1, 0, 0, 0, 0, 0, 1, 0, 0, -1, 0, 0, 0, 0, 0, 1);
}
