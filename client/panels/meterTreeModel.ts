import type { Topology } from '../../models/protocol';

/**
 * The meter tree as the panel lists it, and the unmetered remainder at each parent meter:
 * own flow − Σ children's flows. A positive remainder is water used (or lost) between the
 * meter and its sub-meters; a negative one points at meter error.
 */

export interface TreeRow {
  readonly meterId: string;
  /** Position in the topology and tick arrays. */
  readonly index: number;
  /** 0 for the roots (level-1 meters). */
  readonly depth: number;
  /** Tick-array positions of the direct children. */
  readonly childIndexes: readonly number[];
}

/** Rows in display order: each meter followed by its subtree, children in topology order. */
export function buildTreeRows(topology: Topology): TreeRow[] {
  const indexOf = new Map(topology.meters.map((m, i) => [m.id, i]));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const meter of topology.meters) {
    const parent = meter.parentId;
    if (parent === null || !indexOf.has(parent)) roots.push(meter.id);
    else children.set(parent, [...(children.get(parent) ?? []), meter.id]);
  }

  // Depth-first, so a subtree stays together under its parent; `seen` guards against loops.
  const rows: TreeRow[] = [];
  const seen = new Set<string>();
  const visit = (meterId: string, depth: number) => {
    if (seen.has(meterId)) return;
    seen.add(meterId);
    const kids = children.get(meterId) ?? [];
    rows.push({
      meterId,
      index: indexOf.get(meterId)!,
      depth,
      childIndexes: kids.map((id) => indexOf.get(id)!),
    });
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return rows;
}

/**
 * Unmetered flow at a parent meter, L/s: own flow minus the sum of its children's flows.
 * Null for a meter without children, or when the parent's or any child's flow is unknown.
 */
export function unmeteredLps(
  row: Pick<TreeRow, 'index' | 'childIndexes'>,
  flowsLps: readonly (number | null | undefined)[],
): number | null {
  if (row.childIndexes.length === 0) return null;
  const own = flowsLps[row.index];
  if (own === null || own === undefined || !Number.isFinite(own)) return null;
  let children = 0;
  for (const i of row.childIndexes) {
    const q = flowsLps[i];
    if (q === null || q === undefined || !Number.isFinite(q)) return null;
    children += q;
  }
  return own - children;
}
