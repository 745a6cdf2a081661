import type { Meter, Site } from './site';

/**
 * The meter tree and metering areas, derived from the pipe network (DESIGN §4): a meter's
 * parent is the nearest meter upstream; its metering area is the set of pipes below it and
 * above its child meters. Assumes a network that `validateSite` accepted (a tree fed by one
 * source).
 */
export interface MeterTree {
  /** Meter ids, parents before children (breadth first from the roots). */
  readonly order: readonly string[];
  readonly parentOf: ReadonlyMap<string, string | null>;
  readonly childrenOf: ReadonlyMap<string, readonly string[]>;
  /** Pipe ids of each meter's metering area, in network order from the meter downward. */
  readonly areaPipes: ReadonlyMap<string, readonly string[]>;
  /** The meter whose metering area holds each pipe; null above the first meter. */
  readonly pipeMeter: ReadonlyMap<string, string | null>;
  /** Fixture ids whose node lies in each meter's metering area. */
  readonly areaFixtures: ReadonlyMap<string, readonly string[]>;
}

/** Upstream pipe of every node (a tree has at most one). */
export function incomingPipes(site: Site): Map<string, Site['network']['pipes'][number]> {
  const incoming = new Map<string, Site['network']['pipes'][number]>();
  for (const pipe of site.network.pipes) incoming.set(pipe.to, pipe);
  return incoming;
}

export function deriveMeterTree(site: Site): MeterTree {
  const meterAtNode = new Map<string, Meter>();
  for (const meter of site.meters) meterAtNode.set(meter.nodeId, meter);

  const outgoing = new Map<string, string[]>();
  for (const pipe of site.network.pipes) {
    const list = outgoing.get(pipe.from) ?? [];
    list.push(pipe.id);
    outgoing.set(pipe.from, list);
  }
  const pipeById = new Map(site.network.pipes.map((p) => [p.id, p]));
  const fixturesAtNode = new Map<string, string[]>();
  for (const fixture of site.fixtures) {
    const list = fixturesAtNode.get(fixture.nodeId) ?? [];
    list.push(fixture.id);
    fixturesAtNode.set(fixture.nodeId, list);
  }

  const parentOf = new Map<string, string | null>();
  const childrenOf = new Map<string, string[]>(site.meters.map((m) => [m.id, []]));
  const areaPipes = new Map<string, string[]>(site.meters.map((m) => [m.id, []]));
  const areaFixtures = new Map<string, string[]>(site.meters.map((m) => [m.id, []]));
  const pipeMeter = new Map<string, string | null>();
  const order: string[] = [];

  // Walk down from every source, carrying the meter whose area we are in.
  const sources = site.network.nodes.filter((n) => n.kind === 'source');
  const queue: Array<{ nodeId: string; meterId: string | null }> = sources.map((s) => ({
    nodeId: s.id,
    meterId: null,
  }));
  for (let head = 0; head < queue.length; head++) {
    const { nodeId, meterId: above } = queue[head]!;

    // A meter on this node opens a new metering area below it.
    const meter = meterAtNode.get(nodeId);
    let current = above;
    if (meter) {
      parentOf.set(meter.id, above);
      if (above !== null) childrenOf.get(above)!.push(meter.id);
      order.push(meter.id);
      current = meter.id;
    }

    if (current !== null) areaFixtures.get(current)!.push(...(fixturesAtNode.get(nodeId) ?? []));
    for (const pipeId of outgoing.get(nodeId) ?? []) {
      pipeMeter.set(pipeId, current);
      if (current !== null) areaPipes.get(current)!.push(pipeId);
      queue.push({ nodeId: pipeById.get(pipeId)!.to, meterId: current });
    }
  }

  return { order, parentOf, childrenOf, areaPipes, pipeMeter, areaFixtures };
}
