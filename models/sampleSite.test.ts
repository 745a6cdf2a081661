import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSampleSite } from './sampleSite';
import type { Point3, Polygon2, Site } from './site';
import { describeSiteIssues, validateSite } from './siteValidation';

const site = buildSampleSite();
const validation = validateSite(site);
if (!validation.ok)
  throw new Error(`sample site invalid:\n${describeSiteIssues(validation.issues)}`);
const { tree } = validation;

const office = site.buildings.find((b) => b.id === 'ob')!;
const storeys = office.floors.filter((f) => f.index >= 1 && f.index <= 5);
const nodeById = new Map(site.network.nodes.map((n) => [n.id, n]));
const rooms = site.buildings.flatMap((b) => b.floors.flatMap((f) => f.rooms));
const roomById = new Map(rooms.map((r) => [r.id, r]));

/** Even-odd ray cast; the sample's polygons are rectangles, so edges are never crossed twice. */
function inside([px, py]: readonly [number, number], polygon: Polygon2): boolean {
  let within = false;
  polygon.forEach(([x1, y1], i) => {
    const [x2, y2] = polygon[(i + 1) % polygon.length]!;
    if (y1 > py !== y2 > py && px < ((x2 - x1) * (py - y1)) / (y2 - y1) + x1) within = !within;
  });
  return within;
}

const bounds = (polygon: Polygon2) => ({
  x0: Math.min(...polygon.map(([x]) => x)),
  x1: Math.max(...polygon.map(([x]) => x)),
  y0: Math.min(...polygon.map(([, y]) => y)),
  y1: Math.max(...polygon.map(([, y]) => y)),
});

describe('the sample site', () => {
  it('passes validateSite', () => {
    expect(validation.ok).toBe(true);
  });

  it('is big enough to exercise the twin', () => {
    expect(site.network.pipes.length).toBeGreaterThanOrEqual(150);
    expect(site.fixtures.length).toBeGreaterThanOrEqual(150);
    expect(site.staff).toBe(120);
    expect(site.tariff).toEqual({});
  });

  it('has five office storeys 3.6 m apart and a roof with the cooling-tower plant room', () => {
    expect(storeys.map((f) => [f.index, f.elevationM, f.heightM])).toEqual([
      [1, 0, 3.6],
      [2, 3.6, 3.6],
      [3, 7.2, 3.6],
      [4, 10.8, 3.6],
      [5, 14.4, 3.6],
    ]);
    const roof = office.floors.find((f) => f.index === 6)!;
    expect(roof.name).toEqual({ zh: '屋顶', en: 'Roof' });
    expect(roof.rooms.map((r) => r.function)).toEqual(['plant_room']);
  });

  it('has a men’s and a women’s toilet with the planned fixtures on every storey', () => {
    for (const storey of storeys) {
      const toilets = storey.rooms.filter((r) => r.function === 'toilet' && r.gender !== 'all');
      const count = (gender: string) => {
        const room = toilets.find((r) => r.gender === gender)!;
        const counts: Record<string, number> = {};
        for (const f of site.fixtures.filter((x) => x.roomId === room.id)) {
          counts[f.type] = (counts[f.type] ?? 0) + 1;
        }
        return counts;
      };
      expect(toilets.map((r) => r.gender)).toEqual(['male', 'female']);
      expect(count('male')).toEqual({ urinal: 3, toilet: 1, squat_toilet: 1, basin_tap: 2 });
      expect(count('female')).toEqual({ basin_tap: 2, squat_toilet: 2, toilet: 1 });
      for (const fn of ['tea_room', 'cleaning_room', 'corridor', 'office'] as const) {
        expect(storey.rooms.some((r) => r.function === fn)).toBe(true);
      }
    }
  });

  it('hangs every level-2 meter off M1-main and every level-3 meter off M2-office', () => {
    const parents = Object.fromEntries(site.meters.map((m) => [m.id, tree.parentOf.get(m.id)]));
    expect(parents).toEqual({
      'M1-main': null,
      'M2-office': 'M1-main',
      'M2-canteen': 'M1-main',
      'M2-landscape': 'M1-main',
      'M2-cooling': 'M1-main',
      'M2-bath': 'M1-main',
      'M2-laundry': 'M1-main',
      'M2-barber': 'M1-main',
      'M3-office-f1': 'M2-office',
      'M3-office-f2': 'M2-office',
      'M3-office-f3': 'M2-office',
      'M3-office-f4': 'M2-office',
      'M3-office-f5': 'M2-office',
    });
  });

  it('gives the level-1 meter some unmetered use of its own', () => {
    expect([...tree.areaFixtures.get('M1-main')!].sort()).toEqual([
      'beds-gate-hose-1',
      'gh-guard-basin-1',
      'gh-wc-squat-1',
    ]);
  });

  it('rates each meter for the size of the pipe that feeds it', () => {
    const q4ByDn: Record<number, number> = { 100: 100, 80: 63, 50: 31.25, 40: 20, 32: 12.5, 20: 5 };
    for (const meter of site.meters) {
      const feed = site.network.pipes.find((p) => p.to === meter.nodeId)!;
      expect([meter.id, meter.maxFlowM3h]).toEqual([meter.id, q4ByDn[feed.diameterMm]]);
      expect(meter.reporting).toEqual({
        mode: 'interval',
        intervalS: meter.level === 1 ? 300 : 900,
      });
    }
  });

  it('keeps each level-3 metering area on its own storey', () => {
    for (const storey of storeys) {
      const meterId = `M3-office-f${storey.index}`;
      const top = storey.elevationM + storey.heightM;
      const zs = tree.areaPipes
        .get(meterId)!
        .map((id) => site.network.pipes.find((p) => p.id === id)!)
        .flatMap((p) => [nodeById.get(p.from)!.position.z, nodeById.get(p.to)!.position.z]);
      expect(zs.length).toBeGreaterThan(0);
      expect(zs.every((z) => z >= storey.elevationM && z < top)).toBe(true);

      const storeyRooms = new Set(storey.rooms.map((r) => r.id));
      const fixtures = tree.areaFixtures.get(meterId)!;
      expect(fixtures.length).toBe(storey.index === 1 ? 17 : 15);
      const strays = fixtures.filter(
        (id) => !storeyRooms.has(site.fixtures.find((f) => f.id === id)!.roomId!),
      );
      expect(strays).toEqual([]);
    }
  });

  it('never widens a pipe going downstream', () => {
    const feeding = new Map(site.network.pipes.map((p) => [p.to, p]));
    const widening = site.network.pipes
      .filter((p) => p.diameterMm > (feeding.get(p.from)?.diameterMm ?? Infinity))
      .map((p) => p.id);
    expect(widening).toEqual([]);
  });

  it('puts every fixture on its own node, at its own position, inside its room or area', () => {
    const areas = new Map(site.outdoor.irrigatedAreas.map((a) => [a.id, a]));
    const misplaced: string[] = [];
    for (const f of site.fixtures) {
      const node = nodeById.get(f.nodeId)!;
      const samePoint = (p: Point3, q: Point3) => p.x === q.x && p.y === q.y && p.z === q.z;
      const polygon = f.roomId ? roomById.get(f.roomId)!.polygon : areas.get(f.areaId!)!.polygon;
      if (node.kind !== 'fixture' || !samePoint(node.position, f.position)) misplaced.push(f.id);
      if (!inside([f.position.x, f.position.y], polygon)) misplaced.push(f.id);
    }
    expect(misplaced).toEqual([]);
    expect(new Set(site.fixtures.map((f) => f.nodeId)).size).toBe(site.fixtures.length);
  });

  it('lays rooms inside their footprint without overlaps', () => {
    const problems: string[] = [];
    for (const building of site.buildings) {
      const fp = bounds(building.footprint);
      for (const floor of building.floors) {
        const boxes = floor.rooms.map((r) => ({ id: r.id, ...bounds(r.polygon) }));
        boxes.forEach((a, i) => {
          if (a.x0 < fp.x0 || a.x1 > fp.x1 || a.y0 < fp.y0 || a.y1 > fp.y1) problems.push(a.id);
          for (const b of boxes.slice(i + 1)) {
            if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) {
              problems.push(`${a.id}/${b.id}`);
            }
          }
        });
      }
    }
    expect(problems).toEqual([]);
  });

  it('has about 2,000 m² of hose- and sprinkler-watered landscaping and a roof per building', () => {
    const areas = site.outdoor.irrigatedAreas;
    expect(areas.reduce((sum, a) => sum + a.areaM2, 0)).toBe(2012);
    expect(new Set(areas.map((a) => a.method))).toEqual(new Set(['hose', 'sprinkler']));
    expect(site.outdoor.roofs.map((r) => r.buildingId)).toEqual(site.buildings.map((b) => b.id));
  });

  it('matches samples/sites/county-water-bureau.json (rerun scripts/write-sample-site.ts)', () => {
    const path = new URL('../samples/sites/county-water-bureau.json', import.meta.url);
    const stored = JSON.parse(readFileSync(path, 'utf8')) as Site;
    expect(stored).toEqual(site);
  });
});
