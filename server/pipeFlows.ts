import type { MeterTree } from '../models/meterTree';
import type { Site } from '../models/site';

/**
 * Estimates the flow in every pipe from the meter flows. Inside a metering area nobody
 * measures individual pipes, so the area's unmetered remainder (the meter's flow minus its
 * child meters') is shared among the area's fixtures in proportion to their rated flow, and
 * each pipe carries the sum of what is drawn below it. Pipe flows are therefore consistent
 * with every meter by construction; they are drawn as estimates, never listed as readings.
 */
export interface PipeFlowModel {
  /**
   * Writes pipe flows (L/s, order of `site.network.pipes`) from meter flows (order of
   * `site.meters`).
   */
  compute(meterFlowLps: ArrayLike<number>, out: Float64Array): void;
}

/** Rated draw of a fixture, L/s: its flow, or a flush volume over a nominal 10 s fill. */
function ratedLps(fixture: Site['fixtures'][number]): number {
  return fixture.spec.flowLps ?? (fixture.spec.volumePerUseL ?? 1) / 10;
}

export function createPipeFlowModel(site: Site, tree: MeterTree): PipeFlowModel {
  const pipes = site.network.pipes;
  const meterIndex = new Map(site.meters.map((m, i) => [m.id, i]));
  const nodeIndex = new Map(site.network.nodes.map((n, i) => [n.id, i]));
  const fixtureById = new Map(site.fixtures.map((f) => [f.id, f]));

  // Per meter: its children (as indices) and the fixture nodes sharing its remainder.
  const children = site.meters.map((m) =>
    (tree.childrenOf.get(m.id) ?? []).map((c) => meterIndex.get(c)!),
  );
  const shares = site.meters.map((m) => {
    const fixtures = (tree.areaFixtures.get(m.id) ?? []).map((id) => fixtureById.get(id)!);
    const total = fixtures.reduce((sum, f) => sum + ratedLps(f), 0);
    return fixtures.map((f) => ({ node: nodeIndex.get(f.nodeId)!, weight: ratedLps(f) / total }));
  });

  // Pipes ordered so that every pipe comes after the pipes below it.
  const pipeIntoNode = new Int32Array(site.network.nodes.length).fill(-1);
  pipes.forEach((p, i) => {
    pipeIntoNode[nodeIndex.get(p.to)!] = i;
  });
  const outgoing = new Map<string, number[]>();
  pipes.forEach((p, i) => {
    outgoing.set(p.from, [...(outgoing.get(p.from) ?? []), i]);
  });
  const topDown: number[] = [];
  const stack = site.network.nodes.filter((n) => n.kind === 'source').map((n) => n.id);
  while (stack.length > 0) {
    for (const i of outgoing.get(stack.pop()!) ?? []) {
      topDown.push(i);
      stack.push(pipes[i]!.to);
    }
  }
  const bottomUp = topDown.reverse();
  const parentPipe = Int32Array.from(pipes, (p) => pipeIntoNode[nodeIndex.get(p.from)!]!);
  const pipeTo = Int32Array.from(pipes, (p) => nodeIndex.get(p.to)!);
  const nodeDemand = new Float64Array(site.network.nodes.length);

  return {
    compute(meterFlowLps, out) {
      // Share each area's remainder among its fixtures.
      nodeDemand.fill(0);
      for (let m = 0; m < site.meters.length; m++) {
        let remainder = meterFlowLps[m] ?? 0;
        for (const c of children[m]!) remainder -= meterFlowLps[c] ?? 0;
        if (remainder <= 0) continue;
        for (const share of shares[m]!) nodeDemand[share.node]! += remainder * share.weight;
      }

      // Accumulate from the leaves up.
      out.fill(0);
      for (const i of bottomUp) {
        out[i]! += nodeDemand[pipeTo[i]!]!;
        const up = parentPipe[i]!;
        if (up >= 0) out[up]! += out[i]!;
      }
    },
  };
}
