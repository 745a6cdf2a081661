/**
 * Which pipes a candidate points to, and how strongly (DESIGN §8, domain.md §7.3).
 *
 * What is implemented:
 * - the suspects are the pipes of the raising meter's own metering area (`tree.areaPipes`):
 *   child meters measure what flows below them, so water lost below a child shows on the
 *   child, not in the parent's imbalance or rise;
 * - narrowing: a candidate is dropped when a descendant meter raised a candidate of the same
 *   detector over an overlapping window that explains most of its loss (`explainShare`); the
 *   lower meter's smaller area then carries the suspicion;
 * - every suspect pipe carries the candidate's confidence;
 * - widening: a burst seen on a parent before a child meter has reported over its window
 *   cannot be placed above or below that child yet, so the child's whole subtree joins the
 *   suspects at half the confidence (`withUnreportedChildren`); once the child reports, the
 *   lower meter's own candidate narrows it.
 * - ranking by fixture branch: a continuous or night flow that one fixture left running could
 *   draw (`fixtureMaxDrawLph`) keeps its confidence on the branches of the fixtures that can
 *   draw it, and the rest of the area drops to half (`rankByFixtureBranches`).
 * Not implemented: ranking by pipe age or material.
 */

import type { LeakCandidate } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import type { MeterTree } from '../../models/meterTree';
import type { Fixture, Site } from '../../models/site';

/**
 * Confidence 0–1 from how far the evidence exceeds its limit (`ratio` = value / limit, ≥ 1)
 * and how persistent it is (`persistence`: flagged windows / windows the rule needs, ≥ 1).
 * Half from each: 1 − 1/ratio and 1 − 1/(2·persistence) both start at 0 and 0.5 at the limit
 * and approach 1. A choice of the twin (D), rounded to 0.01.
 */
export function confidenceOf(ratio: number, persistence: number): number {
  const strength = ratio > 1 ? 1 - 1 / ratio : 0;
  const lasting = persistence > 0 ? 1 - 1 / (2 * persistence) : 0;
  return Math.round(Math.min(1, Math.max(0, 0.5 * strength + 0.5 * lasting)) * 100) / 100;
}

/** The candidate with its meter's area pipes as suspects. */
export function withAreaSuspects(candidate: LeakCandidate, tree: MeterTree): LeakCandidate {
  const pipes = tree.areaPipes.get(candidate.meterId) ?? [];
  return {
    ...candidate,
    suspects: pipes.map((pipeId) => ({ pipeId, confidence: candidate.confidence })),
  };
}

/** The pipes of a meter's area and of every area below it. */
function subtreePipes(tree: MeterTree, meterId: string): string[] {
  const pipes: string[] = [];
  const stack = [meterId];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    pipes.push(...(tree.areaPipes.get(id) ?? []));
    stack.push(...(tree.childrenOf.get(id) ?? []));
  }
  return pipes;
}

/**
 * The candidate with the subtrees of the child meters that have not reported up to its
 * window's end (`reportedUntilMs`: end of each meter's latest interval) added to its
 * suspects at half its confidence.
 */
export function withUnreportedChildren(
  candidate: LeakCandidate,
  tree: MeterTree,
  reportedUntilMs: ReadonlyMap<string, number>,
): LeakCandidate {
  const silent = (tree.childrenOf.get(candidate.meterId) ?? []).filter(
    (id) => (reportedUntilMs.get(id) ?? -Infinity) < candidate.window.endMs,
  );
  if (silent.length === 0) return candidate;
  const confidence = Math.round(candidate.confidence * 50) / 100;
  return {
    ...candidate,
    suspects: [
      ...candidate.suspects,
      ...silent.flatMap((id) => subtreePipes(tree, id).map((pipeId) => ({ pipeId, confidence }))),
    ],
  };
}

function isDescendant(tree: MeterTree, meterId: string, ancestorId: string): boolean {
  for (let up = tree.parentOf.get(meterId); up != null; up = tree.parentOf.get(up)) {
    if (up === ancestorId) return true;
  }
  return false;
}

/**
 * Drops each candidate that a lower meter's candidate of the same detector explains: their
 * windows overlap and the lower loss is at least `explainShare` of this one.
 */
export function narrowToLowest(
  candidates: readonly LeakCandidate[],
  tree: MeterTree,
  explainShare: number = DETECTION_DEFAULTS.explainShare.value,
): LeakCandidate[] {
  return candidates.filter(
    (upper) =>
      !candidates.some(
        (lower) =>
          lower !== upper &&
          lower.detector === upper.detector &&
          isDescendant(tree, lower.meterId, upper.meterId) &&
          lower.window.startMs < upper.window.endMs &&
          upper.window.startMs < lower.window.endMs &&
          lower.lossLph >= explainShare * upper.lossLph,
      ),
  );
}

/**
 * The most a fixture left running can draw, L/h: its rated flow, or for a cistern or flush
 * valve its volume per use refilled every minute (a fill valve that never closes). A choice
 * of the twin (D).
 */
export function fixtureMaxDrawLph(fixture: Fixture): number {
  const { flowLps, volumePerUseL } = fixture.spec;
  return flowLps !== undefined ? flowLps * 3600 : (volumePerUseL ?? 0) * 60;
}

/**
 * Ranks a continuous or night-flow candidate's suspects: when some fixtures of the area could
 * draw its loss by running on, their branch pipes keep the candidate's confidence and every
 * other pipe of the area drops to half of it. Other detectors are returned as they are.
 */
export function rankByFixtureBranches(
  candidate: LeakCandidate,
  site: Site,
  tree: MeterTree,
): LeakCandidate {
  if (candidate.detector !== 'continuous_flow' && candidate.detector !== 'night_flow') {
    return candidate;
  }
  const inArea = new Set(tree.areaFixtures.get(candidate.meterId) ?? []);
  const branchTo = new Map(site.network.pipes.map((p) => [p.to, p.id]));
  const explaining = new Set(
    site.fixtures
      .filter((f) => inArea.has(f.id) && fixtureMaxDrawLph(f) >= candidate.lossLph)
      .flatMap((f) => branchTo.get(f.nodeId) ?? []),
  );
  if (explaining.size === 0) return candidate;
  const lower = Math.round(candidate.confidence * 50) / 100;
  return {
    ...candidate,
    suspects: candidate.suspects.map((s) =>
      explaining.has(s.pipeId) ? s : { pipeId: s.pipeId, confidence: lower },
    ),
  };
}

/** m³/day of a loss rate in L/h. */
export function m3PerDay(lossLph: number): number {
  return (lossLph * 24) / 1000;
}
