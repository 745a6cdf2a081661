import type { TopologyPipe } from '../../models/protocol';
import type { Site } from '../../models/site';
import {
  type FixtureDay,
  type FixtureHours,
  HOURS_PER_DAY,
} from '../../simulations/retrofit/fixtureFlows';

const DAY_S = 86_400;
const HOUR_S = 3_600;

/** Mean flow in every pipe over a typical day (or one hour of it), before and after, L/s. */
export interface PipeProjection {
  /** Order of the topology's pipes. */
  readonly beforeLps: Float64Array;
  readonly afterLps: Float64Array;
}

/**
 * Each pipe carries what the fixtures below it draw: a fixture's daily litres land on its
 * node, and every pipe sums the nodes downstream of it. Flows are day means (L/s), so they
 * read as a projection of the day's water, not as an instantaneous measurement.
 */
export function projectPipes(
  site: Site,
  pipes: readonly TopologyPipe[],
  days: readonly FixtureDay[],
  periodS = DAY_S,
): PipeProjection {
  // Step 1: litres per period landing on each node.
  const nodeOf = new Map(site.fixtures.map((f) => [f.id, f.nodeId]));
  const before = new Map<string, number>();
  const after = new Map<string, number>();
  for (const d of days) {
    const node = nodeOf.get(d.fixtureId);
    if (node === undefined) continue;
    before.set(node, (before.get(node) ?? 0) + d.beforeL);
    after.set(node, (after.get(node) ?? 0) + d.afterL);
  }

  // Step 2: pipes leaving each node, then a depth-first sum from each pipe's far end.
  const outgoing = new Map<string, number[]>();
  pipes.forEach((p, i) => {
    outgoing.set(p.from, [...(outgoing.get(p.from) ?? []), i]);
  });
  const beforeLps = new Float64Array(pipes.length);
  const afterLps = new Float64Array(pipes.length);
  const done = new Uint8Array(pipes.length);
  const visit = (i: number): void => {
    if (done[i]) return;
    done[i] = 1;
    const to = pipes[i]!.to;
    let b = before.get(to) ?? 0;
    let a = after.get(to) ?? 0;
    for (const j of outgoing.get(to) ?? []) {
      visit(j);
      b += beforeLps[j]! * periodS;
      a += afterLps[j]! * periodS;
    }
    beforeLps[i] = b / periodS;
    afterLps[i] = a / periodS;
  };
  for (let i = 0; i < pipes.length; i++) visit(i);
  return { beforeLps, afterLps };
}

/** Mean flow in every pipe in each hour of a typical day (24 entries), L/s. */
export function projectPipeHours(
  site: Site,
  pipes: readonly TopologyPipe[],
  hours: readonly FixtureHours[],
): PipeProjection[] {
  return Array.from({ length: HOURS_PER_DAY }, (_, h) => {
    const days = hours.map((f) => ({
      fixtureId: f.fixtureId,
      beforeL: f.beforeL[h] ?? 0,
      afterL: f.afterL[h] ?? 0,
    }));
    return projectPipes(site, pipes, days, HOUR_S);
  });
}
