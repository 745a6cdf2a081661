import type { Topology } from '../../models/protocol';
import type { Site } from '../../models/site';

/**
 * The building as the public page may see it: the site file and the realtime topology with
 * every id swapped for an opaque one and every meter serial dropped. Geometry, kinds, sizes
 * and display names stay, so the scene that draws the private twin draws this one unchanged;
 * order stays too, so the ticks' arrays still line up with the topology.
 */
export interface PublicGeometry {
  readonly site: Site;
  readonly topology: Topology;
}

/** Every id the site file uses, of any kind: no opaque id may equal one of them. */
function privateIds(site: Site, topology: Topology): Set<string> {
  const ids = new Set<string>([site.id]);
  for (const b of site.buildings) {
    ids.add(b.id);
    for (const f of b.floors) {
      ids.add(f.id);
      for (const r of f.rooms) ids.add(r.id);
    }
  }
  for (const f of site.fixtures) ids.add(f.id);
  for (const a of site.outdoor.irrigatedAreas) ids.add(a.id);
  for (const r of site.outdoor.roofs) ids.add(r.id);
  for (const n of site.network.nodes) ids.add(n.id);
  for (const p of site.network.pipes) ids.add(p.id);
  for (const m of site.meters) {
    ids.add(m.id);
    ids.add(m.serial);
  }
  for (const m of topology.meters) ids.add(m.id);
  for (const p of topology.pipes) ids.add(p.id);
  return ids;
}

/**
 * Maps private ids to opaque ones, `<kind><n>` in order of first sight; an id that would clash
 * with a private one (a site could name its own things `m1`) gets leading underscores.
 */
class OpaqueIds {
  private readonly map = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  constructor(private readonly taken: ReadonlySet<string>) {}

  of(kind: string, privateId: string): string {
    const key = `${kind}\u0000${privateId}`;
    const known = this.map.get(key);
    if (known !== undefined) return known;
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    let id = `${kind}${n}`;
    while (this.taken.has(id)) id = `_${id}`;
    this.map.set(key, id);
    return id;
  }

  /** The opaque id of an id seen before, or a fresh one when it was not. */
  maybe(kind: string, privateId: string | undefined): string | undefined {
    return privateId === undefined ? undefined : this.of(kind, privateId);
  }
}

/** The public geometry of a site and its topology (pure; call once per site). */
export function publicGeometry(site: Site, topology: Topology): PublicGeometry {
  const ids = new OpaqueIds(privateIds(site, topology));
  const building = (id: string) => ids.of('b', id);
  const node = (id: string) => ids.of('n', id);
  const meter = (id: string) => ids.of('m', id);
  const pipe = (id: string) => ids.of('p', id);
  const area = (id: string) => ids.of('a', id);

  const buildings = site.buildings.map((b) => ({
    ...b,
    id: building(b.id),
    floors: b.floors.map((f) => ({
      ...f,
      id: ids.of('f', f.id),
      rooms: f.rooms.map((r) => ({ ...r, id: ids.of('r', r.id) })),
    })),
  }));
  const fixtures = site.fixtures.map((f) => {
    const { roomId, areaId, ...rest } = f;
    const room = ids.maybe('r', roomId);
    const outdoor = areaId === undefined ? undefined : area(areaId);
    return {
      ...rest,
      id: ids.of('x', f.id),
      nodeId: node(f.nodeId),
      ...(room === undefined ? {} : { roomId: room }),
      ...(outdoor === undefined ? {} : { areaId: outdoor }),
    };
  });
  const publicSite: Site = {
    ...site,
    id: 'public',
    buildings,
    fixtures,
    outdoor: {
      irrigatedAreas: site.outdoor.irrigatedAreas.map((a) => ({ ...a, id: area(a.id) })),
      roofs: site.outdoor.roofs.map((r) => ({
        ...r,
        id: ids.of('roof', r.id),
        buildingId: building(r.buildingId),
      })),
    },
    network: {
      nodes: site.network.nodes.map((n) => ({ ...n, id: node(n.id) })),
      pipes: site.network.pipes.map((p) => ({
        ...p,
        id: pipe(p.id),
        from: node(p.from),
        to: node(p.to),
      })),
    },
    // The serial becomes the opaque id: the schema wants one, the public must not see it.
    meters: site.meters.map((m) => ({
      ...m,
      id: meter(m.id),
      serial: meter(m.id),
      nodeId: node(m.nodeId),
    })),
  };
  const publicTopology: Topology = {
    meters: topology.meters.map((m) => ({
      ...m,
      id: meter(m.id),
      parentId: m.parentId === null ? null : meter(m.parentId),
      nodeId: node(m.nodeId),
    })),
    pipes: topology.pipes.map((p) => ({
      ...p,
      id: pipe(p.id),
      from: node(p.from),
      to: node(p.to),
    })),
  };
  return { site: publicSite, topology: publicTopology };
}
