import { Vector3 } from 'three';
import { describe, expect, it } from 'vitest';
import { threeToWorld, toThree, toThreeTuple, worldToThree, worldToThreeMatrix } from './coords';

describe('coords', () => {
  it('maps world east, north, up to three x, −z, y', () => {
    expect(toThreeTuple({ x: 1, y: 0, z: 0 })).toEqual([1, 0, -0]);
    expect(toThreeTuple({ x: 0, y: 1, z: 0 })).toEqual([0, 0, -1]);
    expect(toThreeTuple({ x: 0, y: 0, z: 1 })).toEqual([0, 1, -0]);
    expect(toThree({ x: 12.5, y: -3, z: 7.2 }).toArray()).toEqual([12.5, 7.2, 3]);
  });

  it('writes into the given vector without allocating', () => {
    const out = new Vector3();
    const result = worldToThree(4, 5, 6, out);
    expect(result).toBe(out);
    expect(out.toArray()).toEqual([4, 6, -5]);
  });

  it('round-trips through threeToWorld', () => {
    const p = { x: 31.4, y: -12, z: 18.9 };
    expect(threeToWorld(toThree(p))).toEqual(p);
  });

  it('builds a matrix equal to the point mapping', () => {
    const m = worldToThreeMatrix();
    const v = new Vector3(3, 8, 2).applyMatrix4(m);
    expect(v.toArray()).toEqual(toThree({ x: 3, y: 8, z: 2 }).toArray());
  });
});
