import { PerspectiveCamera, Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { worldToThree } from './coords';
import { frameBox, OVERVIEW_DIRECTION, type ViewArea, type WorldBox } from './sceneFrame';

const lens = { fovDeg: 42, aspect: 16 / 9 };
const box: WorldBox = { minX: 0, maxX: 60, minY: 0, maxY: 18, minZ: 0, maxZ: 21.6 };

/** Where each corner of `b` lands on screen, as fractions from the top-left. */
function cornersOnScreen(b: WorldBox, area?: ViewArea) {
  const frame = frameBox(b, OVERVIEW_DIRECTION, lens, area);
  const camera = new PerspectiveCamera(lens.fovDeg, lens.aspect, 0.5, 2000);
  camera.position.copy(frame.position);
  camera.lookAt(frame.target);
  camera.updateMatrixWorld();
  const points: Array<{ x: number; y: number }> = [];
  for (const x of [b.minX, b.maxX]) {
    for (const y of [b.minY, b.maxY]) {
      for (const z of [b.minZ, b.maxZ]) {
        const p = worldToThree(x, y, z, new Vector3()).project(camera);
        points.push({ x: (p.x + 1) / 2, y: (1 - p.y) / 2 });
      }
    }
  }
  return points;
}

describe('framing a box', () => {
  it('keeps every corner on screen and fills most of it one way', () => {
    const points = cornersOnScreen(box);
    const span = (values: number[]) => Math.max(...values) - Math.min(...values);

    for (const p of points) {
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(1);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(1);
    }
    const across = span(points.map((p) => p.x));
    const upDown = span(points.map((p) => p.y));
    expect(Math.max(across, upDown)).toBeGreaterThan(0.75);
  });

  it('keeps the box inside the area the panels leave free', () => {
    const area = { left: 0.28, top: 0.14, right: 0.82, bottom: 0.55 };

    for (const p of cornersOnScreen(box, area)) {
      expect(p.x).toBeGreaterThan(area.left);
      expect(p.x).toBeLessThan(area.right);
      expect(p.y).toBeGreaterThan(area.top);
      expect(p.y).toBeLessThan(area.bottom);
    }
  });

  it('looks at the box from the given direction', () => {
    const frame = frameBox(box, OVERVIEW_DIRECTION, lens);

    const seen = frame.position.clone().sub(frame.target).normalize();
    expect(seen.distanceTo(OVERVIEW_DIRECTION)).toBeLessThan(1e-9);
  });
});
