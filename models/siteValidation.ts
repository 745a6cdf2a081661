import type { z } from 'zod';
import { deriveMeterTree, type MeterTree } from './meterTree';
import { isPotable, meterSupply, Site } from './site';

/** One reason a site file was refused: where in the file, the value found, the rule broken. */
export interface SiteIssue {
  /** JSON path such as `network.pipes[12].to`. */
  readonly path: string;
  readonly value: unknown;
  readonly rule: string;
}

export type SiteValidation =
  | { readonly ok: true; readonly site: Site; readonly tree: MeterTree }
  | { readonly ok: false; readonly issues: readonly SiteIssue[] };

/** Formats a path array from zod or from the reference checks as `a.b[3].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/** The value found at a zod issue's path in the raw input. */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function shapeIssues(input: unknown, error: z.ZodError): SiteIssue[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    value: valueAt(input, issue.path),
    rule: issue.message,
  }));
}

/** Checks that ids are unique within `list`, reporting each repeat. */
function checkUnique(
  list: ReadonlyArray<{ id: string }>,
  where: string,
  issues: SiteIssue[],
): Set<string> {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) {
      issues.push({ path: `${where}[${i}].id`, value: item.id, rule: `duplicate id in ${where}` });
    }
    seen.add(item.id);
  });
  return seen;
}

/** Cross-reference and topology checks on a site whose shape is already valid. */
function referenceIssues(site: Site): SiteIssue[] {
  const issues: SiteIssue[] = [];
  const { nodes, pipes } = site.network;

  // Ids are unique per kind.
  const nodeIds = checkUnique(nodes, 'network.nodes', issues);
  checkUnique(pipes, 'network.pipes', issues);
  checkUnique(site.meters, 'meters', issues);
  checkUnique(site.fixtures, 'fixtures', issues);
  checkUnique(site.buildings, 'buildings', issues);
  const rooms = site.buildings.flatMap((b) => b.floors.flatMap((f) => f.rooms));
  const roomIds = new Set(rooms.map((r) => r.id));
  const areaIds = new Set(site.outdoor.irrigatedAreas.map((a) => a.id));
  const buildingIds = new Set(site.buildings.map((b) => b.id));

  // Pipes join known nodes, and form a tree fed by sources: one upstream pipe per node.
  const upstreamOf = new Map<string, string>();
  pipes.forEach((pipe, i) => {
    for (const end of ['from', 'to'] as const) {
      if (!nodeIds.has(pipe[end])) {
        issues.push({
          path: `network.pipes[${i}].${end}`,
          value: pipe[end],
          rule: 'a pipe must join nodes listed in network.nodes',
        });
      }
    }
    if (pipe.from === pipe.to) {
      issues.push({
        path: `network.pipes[${i}]`,
        value: pipe.id,
        rule: 'a pipe joins two different nodes',
      });
    }
    if (upstreamOf.has(pipe.to)) {
      issues.push({
        path: `network.pipes[${i}].to`,
        value: pipe.to,
        rule:
          `node is already fed by pipe ${upstreamOf.get(pipe.to)}; the network must be a ` +
          `tree (one upstream pipe per node)`,
      });
    } else {
      upstreamOf.set(pipe.to, pipe.id);
    }
  });
  const sources = nodes.filter((n) => n.kind === 'source');
  if (sources.length === 0) {
    issues.push({
      path: 'network.nodes',
      value: nodes.length,
      rule: 'the network needs a node of kind "source"',
    });
  }
  nodes.forEach((node, i) => {
    if (node.kind === 'source' && upstreamOf.has(node.id)) {
      issues.push({
        path: `network.nodes[${i}]`,
        value: node.id,
        rule: 'a source node cannot have an upstream pipe',
      });
    }
  });

  // Every node is reached from a source; whatever is not lies on a loop or is cut off.
  if (issues.length === 0) {
    const reached = new Set(sources.map((s) => s.id));
    const outgoing = new Map<string, string[]>();
    for (const p of pipes) outgoing.set(p.from, [...(outgoing.get(p.from) ?? []), p.to]);
    const stack = [...reached];
    while (stack.length > 0) {
      for (const next of outgoing.get(stack.pop()!) ?? []) {
        if (!reached.has(next)) {
          reached.add(next);
          stack.push(next);
        }
      }
    }
    nodes.forEach((node, i) => {
      if (reached.has(node.id)) return;
      const onLoop = upstreamOf.has(node.id);
      issues.push({
        path: `network.nodes[${i}]`,
        value: node.id,
        rule: onLoop
          ? 'node lies on a loop not fed by any source; the network must be a tree'
          : 'node is not connected to any source',
      });
    });
  }

  // Meters sit on meter nodes of the network.
  const nodeById = new Map(nodes.map((n) => [n.id, n]));
  const meterNodes = new Map<string, string>();
  site.meters.forEach((meter, i) => {
    const node = nodeById.get(meter.nodeId);
    if (!node) {
      issues.push({
        path: `meters[${i}].nodeId`,
        value: meter.nodeId,
        rule: 'a meter must sit on a node of the network',
      });
    } else if (node.kind !== 'meter') {
      issues.push({
        path: `meters[${i}].nodeId`,
        value: meter.nodeId,
        rule: `a meter must sit on a node of kind "meter", not "${node.kind}"`,
      });
    } else if (meterNodes.has(meter.nodeId)) {
      issues.push({
        path: `meters[${i}].nodeId`,
        value: meter.nodeId,
        rule: `node already carries meter ${meterNodes.get(meter.nodeId)}`,
      });
    } else {
      meterNodes.set(meter.nodeId, meter.id);
    }
  });

  // Fixtures stand in a known room or outdoor area and draw from a fixture node.
  site.fixtures.forEach((fixture, i) => {
    const inRoom = fixture.roomId !== undefined;
    const inArea = fixture.areaId !== undefined;
    if (inRoom === inArea) {
      issues.push({
        path: `fixtures[${i}]`,
        value: fixture.id,
        rule: 'a fixture names exactly one of roomId or areaId',
      });
    }
    if (inRoom && !roomIds.has(fixture.roomId!)) {
      issues.push({
        path: `fixtures[${i}].roomId`,
        value: fixture.roomId,
        rule: 'a fixture must stand in a room that exists in buildings[].floors[].rooms',
      });
    }
    if (inArea && !areaIds.has(fixture.areaId!)) {
      issues.push({
        path: `fixtures[${i}].areaId`,
        value: fixture.areaId,
        rule: 'a fixture must stand in an area listed in outdoor.irrigatedAreas',
      });
    }
    const node = nodeById.get(fixture.nodeId);
    if (!node) {
      issues.push({
        path: `fixtures[${i}].nodeId`,
        value: fixture.nodeId,
        rule: 'a fixture must draw from a node of the network',
      });
    } else if (node.kind !== 'fixture') {
      issues.push({
        path: `fixtures[${i}].nodeId`,
        value: fixture.nodeId,
        rule: `a fixture must draw from a node of kind "fixture", not "${node.kind}"`,
      });
    }
  });
  site.outdoor.roofs.forEach((roof, i) => {
    if (!buildingIds.has(roof.buildingId)) {
      issues.push({
        path: `outdoor.roofs[${i}].buildingId`,
        value: roof.buildingId,
        rule: 'a roof must belong to a building that exists',
      });
    }
  });

  // Meter levels follow the derived tree: level 1 has no meter above, deeper levels do.
  if (issues.length === 0) {
    const tree = deriveMeterTree(site);
    site.meters.forEach((meter, i) => {
      const parentId = tree.parentOf.get(meter.id) ?? null;
      const parent = site.meters.find((m) => m.id === parentId);
      if (meter.level === 1 && parent) {
        issues.push({
          path: `meters[${i}].level`,
          value: 1,
          rule: `a level-1 meter cannot sit below meter ${parent.id}`,
        });
      }
      // A reuse meter is fed from its own tank: it may head its own tree at level 2
      // (domain.md §3.1: each greywater or rainwater make-up is a level-2 unit).
      if (meter.level > 1 && !parent && isPotable(meter)) {
        issues.push({
          path: `meters[${i}].level`,
          value: meter.level,
          rule: 'a level-2 or level-3 meter needs a meter upstream of it',
        });
      }
      if (parent && meterSupply(parent) !== meterSupply(meter)) {
        issues.push({
          path: `meters[${i}].supply`,
          value: meterSupply(meter),
          rule:
            `a meter must measure the same water as the meter upstream (${parent.id}, ` +
            `${meterSupply(parent)}); a non-conventional supply is fed from its own source`,
        });
      }
      if (parent && parent.level >= meter.level) {
        issues.push({
          path: `meters[${i}].level`,
          value: meter.level,
          rule:
            `a meter must be at a deeper level than the meter upstream (${parent.id}, ` +
            `level ${parent.level})`,
        });
      }
    });
  }
  return issues;
}

/** Validates a parsed site file: shape first, then references and topology. */
export function validateSite(input: unknown): SiteValidation {
  const parsed = Site.safeParse(input);
  if (!parsed.success) return { ok: false, issues: shapeIssues(input, parsed.error) };
  const issues = referenceIssues(parsed.data);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, site: parsed.data, tree: deriveMeterTree(parsed.data) };
}

/** One line per issue, for logs and the command line. */
export function describeSiteIssues(issues: readonly SiteIssue[]): string {
  return issues
    .map((i) => `${i.path}: ${JSON.stringify(i.value) ?? 'undefined'} — ${i.rule}`)
    .join('\n');
}
