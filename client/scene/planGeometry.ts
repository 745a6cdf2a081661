import {
  BufferGeometry,
  ExtrudeGeometry,
  Float32BufferAttribute,
  Shape,
  ShapeUtils,
  Vector2,
} from 'three';
import type { Polygon2 } from '../../models/site';
import { worldToThreeMatrix } from './coords';

/**
 * Geometry built from plan polygons (world metres, x east, y north) at a height z. Builders
 * write world coordinates and convert once through `coords.ts`, so no axis swap happens here.
 * Positions are small per-vertex values, fine for float32.
 */

/** Appends the closed outline of `polygon` at height `zM` as line-segment pairs. */
export function pushOutline(polygon: Polygon2, zM: number, out: number[]): void {
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    out.push(a[0], a[1], zM, b[0], b[1], zM);
  }
}

/** Appends vertical segments at the corners of `polygon` between two heights. */
export function pushCornerPosts(
  polygon: Polygon2,
  fromZM: number,
  toZM: number,
  out: number[],
): void {
  for (const [x, y] of polygon) out.push(x, y, fromZM, x, y, toZM);
}

/**
 * Appends the triangles filling `polygon` at height `zM`; returns how many triangles it added,
 * so a caller can map a face index back to the polygon it came from.
 */
export function pushFill(polygon: Polygon2, zM: number, out: number[]): number {
  const contour = polygon.map(([x, y]) => new Vector2(x, y));
  const faces = ShapeUtils.triangulateShape(contour, []);
  for (const face of faces) {
    for (const i of face) {
      const p = polygon[i]!;
      out.push(p[0], p[1], zM);
    }
  }
  return faces.length;
}

/** A three.js geometry from world-coordinate positions (and optional colours). */
export function worldGeometry(
  positions: readonly number[],
  colors?: readonly number[],
): BufferGeometry {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  if (colors) geometry.setAttribute('color', new Float32BufferAttribute(colors, 3));
  geometry.applyMatrix4(worldToThreeMatrix());
  geometry.computeBoundingSphere();
  return geometry;
}

/** A slab: the footprint extruded upward from `bottomZM` by `thicknessM`. */
export function slabGeometry(
  footprint: Polygon2,
  bottomZM: number,
  thicknessM: number,
): BufferGeometry {
  const shape = new Shape(footprint.map(([x, y]) => new Vector2(x, y)));
  const geometry = new ExtrudeGeometry(shape, { depth: thicknessM, bevelEnabled: false });
  geometry.translate(0, 0, bottomZM);
  geometry.applyMatrix4(worldToThreeMatrix());
  geometry.computeBoundingSphere();
  return geometry;
}

/** Plan bounds of a set of polygons, world metres. */
export interface PlanBounds {
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

export function planBounds(polygons: readonly Polygon2[]): PlanBounds {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const polygon of polygons) {
    for (const [x, y] of polygon) {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (!Number.isFinite(minX)) return { minX: 0, maxX: 0, minY: 0, maxY: 0 };
  return { minX, maxX, minY, maxY };
}
