import type {
  EfficiencyGrade,
  Fixture,
  FixtureSpec,
  FixtureType,
  IrrigatedArea,
  LocalizedName,
  Meter,
  NetworkNode,
  NodeKind,
  Pipe,
  Point3,
  Room,
  Site,
} from './site';

/**
 * Drafting a site's water network in code: a `SiteDraft` records nodes, pipes, fixtures and
 * meters as runs of pipe are laid, then sizes every pipe not given a fixed size so that no pipe
 * is narrower than one downstream of it. The vocabulary around it (`Stop`, `via`, `bend`,
 * `junction`, `tap`, `taps`) describes a run point by point.
 *
 * Used by models/sampleSite.ts; it knows nothing of any particular site. Coordinates are world
 * metres and are rounded to the millimetre on the way in (`pt`).
 */

/** Rounds to the millimetre so the JSON carries 7.2, not 7.199999999999999. */
export const mm = (v: number): number => Math.round(v * 1000) / 1000;
/** A point in world metres, each coordinate rounded to the millimetre. */
export const pt = (x: number, y: number, z: number): Point3 => ({ x: mm(x), y: mm(y), z: mm(z) });

/** What a run of pipe is made of, and when it went in. */
export type PipeStyle = Pick<Pipe, 'material' | 'installYear'>;

/** A product as installed: what it is, its rating and grade, and when it went in. */
export interface FixtureModel {
  readonly type: FixtureType;
  readonly spec: FixtureSpec;
  readonly grade: EfficiencyGrade;
  /** ISO date, YYYY-MM-DD. */
  readonly installDate: string;
}

/**
 * Nominal diameter of the branch to each fixture type, mm: DN25 for flush valves and
 * irrigation zones, DN20 for sinks and hose bibs, DN32 for the cooling-tower make-up.
 */
const DROP_DN: Record<FixtureType, number> = {
  toilet: 15,
  squat_toilet: 25,
  urinal: 15,
  basin_tap: 15,
  mop_sink: 20,
  shower: 15,
  kitchen_sink: 20,
  dishwasher: 20,
  water_boiler: 15,
  washing_machine: 15,
  hair_wash_basin: 15,
  cooling_tower_makeup: 32,
  irrigation_valve: 25,
  hose_bib: 20,
};

/**
 * Overload flow Q4 by meter size, m³/h. Project defaults (status D); up to DN50 they are
 * 1.25 × the usual permanent flow Q3 of ISO 4064 / GB/T 778 meters of that size.
 */
const Q4_BY_DN = { 100: 100, 80: 63, 50: 31.25, 40: 20, 32: 12.5, 25: 7.875, 20: 5 } as const;
/** The meter sizes a draft can place, mm. */
export type MeterDn = keyof typeof Q4_BY_DN;

/** What a meter serves and the serial on its nameplate. */
export type Nameplate = { readonly serves: LocalizedName; readonly serial: string };

/**
 * Branch size for the number of fixtures a pipe feeds, mm. A stand-in for the design-flow
 * sizing of GB 50015, which is not reproduced here: a draft only needs plausible sizes that
 * never grow downstream.
 */
function dnForFixtureCount(count: number): number {
  if (count <= 1) return 15;
  if (count <= 3) return 20;
  if (count <= 8) return 25;
  if (count <= 20) return 32;
  if (count <= 40) return 40;
  return 50;
}

/**
 * A horizontal plane pipes run in, and the height fixtures fed from it stand at: the ceiling
 * of a storey, or a buried irrigation line with valves in boxes or hose bibs on standpipes.
 */
export interface Plane {
  readonly lineZ: number;
  readonly fixtureZ: number;
}

/** One point along a run: a bend, a named junction, or a tee with a fixture below it. */
export interface Stop {
  readonly at: Point3;
  readonly id?: string;
  readonly fixture?: Fixture;
}

/** An unnamed point of a run at (x, y, z), e.g. where it turns from horizontal to vertical. */
export const via = (x: number, y: number, z: number): Stop => ({ at: pt(x, y, z) });
/** An unnamed bend at (x, y) on `plane`. */
export const bend = (plane: Plane, x: number, y: number): Stop => ({ at: pt(x, y, plane.lineZ) });
/** A named junction, for other runs to branch from. */
export const junction = (id: string, at: Point3) => ({ id, at }) satisfies Stop;

/** Where a fixture stands: a room, or an outdoor irrigated area. */
export type Place = Room | IrrigatedArea;

/** A tee at (x, y) on `plane` with a fixture of `kind` below it; ids `<place>-<suffix>`. */
export function tap(
  place: Place,
  suffix: string,
  kind: FixtureModel,
  plane: Plane,
  x: number,
  y: number,
) {
  const id = `${place.id}-${suffix}`;
  const fixture: Fixture = {
    id,
    type: kind.type,
    ...('plantType' in place ? { areaId: place.id } : { roomId: place.id }),
    nodeId: id,
    position: pt(x, y, plane.fixtureZ),
    spec: kind.spec,
    grade: kind.grade,
    installDate: kind.installDate,
  };
  return { at: pt(x, y, plane.lineZ), fixture } satisfies Stop;
}

/** `count` taps in a row from (x, y), stepping (dx, dy) m, suffixed `<name>-1` onward. */
export function taps(
  place: Place,
  name: string,
  kind: FixtureModel,
  plane: Plane,
  count: number,
  [x, y, dx, dy]: readonly [number, number, number, number],
): Stop[] {
  return Array.from({ length: count }, (_, i) =>
    tap(place, `${name}-${i + 1}`, kind, plane, x + i * dx, y + i * dy),
  );
}

interface PipeDraft extends PipeStyle {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  /** Fixed size, mm; null lets `network()` size it from what it feeds. */
  readonly fixedDn: number | null;
}

export interface SiteDraftOptions {
  /** The nameplate of every meter the draft will place, by meter id. */
  readonly nameplates: Readonly<Record<string, Nameplate>>;
  /** Starts every error message, naming the site being drafted; default `site draft`. */
  readonly label?: string;
}

/**
 * Collects the nodes, pipes, fixtures and meters of a site as they are laid, in the order they
 * are laid, then sizes the pipes in `network()`. Nodes are never removed or moved, and every
 * node gets exactly one upstream pipe, so the network is a tree by construction.
 */
export class SiteDraft {
  readonly nodes: NetworkNode[] = [];
  readonly pipes: PipeDraft[] = [];
  readonly fixtures: Fixture[] = [];
  readonly meters: Meter[] = [];
  readonly #nameplates: Readonly<Record<string, Nameplate>>;
  readonly #label: string;

  constructor({ nameplates, label = 'site draft' }: SiteDraftOptions) {
    this.#nameplates = nameplates;
    this.#label = label;
  }

  node(id: string, kind: NodeKind, position: Point3): string {
    this.nodes.push({ id, kind, position });
    return id;
  }

  /** Every node has one upstream pipe, so the pipe is named after the node it feeds. */
  pipe(from: string, to: string, style: PipeStyle, fixedDn: number | null): void {
    this.pipes.push({ id: `p-${to}`, from, to, ...style, fixedDn });
  }

  /** A junction on the main, fed from `from` by a pipe of fixed size `dn`, mm. */
  main(id: string, from: string, at: Point3, dn: number, style: PipeStyle): string {
    this.pipe(from, this.node(id, 'junction', at), style, dn);
    return id;
  }

  /**
   * A meter on its own node, fed from `from` through a pipe of the meter's size `dn`, mm.
   * Registers count m³ to three decimals; level 1 reports every 5 min, the rest every 15 min.
   * Throws if the meter has no nameplate.
   */
  meter(
    id: string,
    level: Meter['level'],
    from: string,
    at: Point3,
    dn: MeterDn,
    style: PipeStyle,
  ) {
    const nameplate = this.#nameplates[id];
    if (!nameplate) throw new Error(`${this.#label}: meter ${id} has no nameplate`);
    this.pipe(from, this.node(id, 'meter', at), style, dn);
    this.meters.push({
      id,
      serial: nameplate.serial,
      nodeId: id,
      level,
      serves: nameplate.serves,
      register: { unit: 'm3', digits: level === 1 ? 6 : 5, decimals: 3 },
      accuracyClass: 2,
      maxFlowM3h: Q4_BY_DN[dn],
      reporting: { mode: 'interval', intervalS: level === 1 ? 300 : 900 },
    });
    return id;
  }

  /**
   * A run of pipe from `from` through `stops`; each tee gets its fixture on a node of its own.
   * Bends are named `<prefix>-b<n>`, tees `<fixture>-tee`. Returns the last node of the run.
   */
  run(prefix: string, from: string, stops: readonly Stop[], style: PipeStyle): string {
    let previous = from;
    let bends = 0;
    for (const stop of stops) {
      const id = stop.id ?? (stop.fixture ? `${stop.fixture.id}-tee` : `${prefix}-b${++bends}`);
      this.pipe(previous, this.node(id, 'junction', stop.at), style, null);
      if (stop.fixture) {
        const { fixture } = stop;
        const dn = DROP_DN[fixture.type];
        this.pipe(id, this.node(fixture.id, 'fixture', fixture.position), style, dn);
        this.fixtures.push(fixture);
      }
      previous = id;
    }
    return previous;
  }

  /**
   * The finished network. A pipe left unsized gets the larger of the widest pipe it feeds and
   * the size for its fixture count, so no pipe is narrower than one downstream of it; a fixed
   * size that would break that rule is a mistake in the draft and throws.
   */
  network(): Site['network'] {
    const outgoing = new Map<string, PipeDraft[]>();
    for (const p of this.pipes) outgoing.set(p.from, [...(outgoing.get(p.from) ?? []), p]);
    const fixtureNodes = new Set(this.fixtures.map((f) => f.nodeId));
    const dn = new Map<string, number>();

    // Post-order: a pipe is sized after every pipe below it.
    const fixturesAtOrBelow = (nodeId: string): number => {
      let count = fixtureNodes.has(nodeId) ? 1 : 0;
      for (const p of outgoing.get(nodeId) ?? []) {
        const fed = fixturesAtOrBelow(p.to);
        const widest = Math.max(0, ...(outgoing.get(p.to) ?? []).map((c) => dn.get(c.id)!));
        if (p.fixedDn !== null && p.fixedDn < widest) {
          throw new Error(`${this.#label}: pipe ${p.id} (DN${p.fixedDn}) feeds a DN${widest} pipe`);
        }
        dn.set(p.id, p.fixedDn ?? Math.max(widest, dnForFixtureCount(fed)));
        count += fed;
      }
      return count;
    };
    for (const n of this.nodes) if (n.kind === 'source') fixturesAtOrBelow(n.id);

    const pipes = this.pipes.map(({ id, from, to, material, installYear }) => ({
      id,
      from,
      to,
      diameterMm: dn.get(id)!,
      material,
      installYear,
    }));
    return { nodes: this.nodes, pipes };
  }
}
