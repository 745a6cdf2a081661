import { describe, expect, it } from 'vitest';
import { buildSite, buildTopology } from '../testing/builders';
import { inRegion, regionBoxThree, visibleRegion, WHOLE_SITE } from './floorRange';

const site = buildSite(buildTopology([['m', 1, null]]));

describe('floor isolation region', () => {
  it('keeps everything when no floor is chosen or the floor is unknown', () => {
    expect(visibleRegion(site, null)).toBe(WHOLE_SITE);
    expect(visibleRegion(site, { buildingId: 'b1', floorId: 'nope' })).toBe(WHOLE_SITE);
  });

  it('keeps the storey height band inside the building plan', () => {
    const region = visibleRegion(site, { buildingId: 'b1', floorId: 'f1' });

    expect(inRegion(region, { x: 10, y: 5, z: 1 })).toBe(true);
    expect(inRegion(region, { x: 10, y: 5, z: 3.6 })).toBe(false);
    expect(inRegion(region, { x: 60, y: 5, z: 1 })).toBe(false);
  });

  it('turns the region into a three.js box (north is −z)', () => {
    const box = regionBoxThree(visibleRegion(site, { buildingId: 'b1', floorId: 'f1' }));

    const [minX, minY, minZ] = box.min.toArray();
    const [maxX, maxY, maxZ] = box.max.toArray();
    expect([minX, minZ, maxX, maxZ]).toEqual([-1.5, -16.5, 41.5, 1.5]);
    expect(minY).toBeCloseTo(-0.3, 12);
    expect(maxY).toBeCloseTo(3.3, 12);
  });
});
