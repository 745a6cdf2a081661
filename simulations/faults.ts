import type { Fault, FaultScenario } from '../models/faults';
import type { MeterTree } from '../models/meterTree';
import type { Site } from '../models/site';
import type { SiteIssue } from '../models/siteValidation';

/**
 * A fault scenario placed on a site and in time: which metering area each leak draws from,
 * which pipe is really at fault, and the litres it adds over any range. Stateless, like the
 * demand model: the volume over [a, c) equals [a, b) + [b, c).
 */

const HOUR_MS = 3_600_000;

export interface PlacedFault {
  readonly fault: Fault;
  /** Index in the scenario file. */
  readonly index: number;
  readonly startMs: number;
  /** Infinity when the fault lasts to the end of the run. */
  readonly endMs: number;
  /** The meter whose own metering area holds the fault (the stuck meter itself). */
  readonly meterId: string;
  /** The pipe that really loses water (a running fixture's branch); null for a stuck meter. */
  readonly pipeId: string | null;
}

export interface FaultPlan {
  readonly faults: readonly PlacedFault[];
  /** Litres lost by leaks in `meterId`'s own area over [fromMs, toMs). */
  extraAreaL(meterId: string, fromMs: number, toMs: number): number;
  /** Litres lost by leaks in `meterId`'s own area from the first fault to `tsMs`. */
  extraUntilL(meterId: string, tsMs: number): number;
  /** Whether `meterId`'s register is stuck at `tsMs` (start inclusive, end exclusive). */
  stuckAt(meterId: string, tsMs: number): boolean;
}

export type PlaceResult =
  | { readonly ok: true; readonly plan: FaultPlan }
  | { readonly ok: false; readonly issues: readonly SiteIssue[] };

export interface PlaceOptions {
  /** Twin time the relative start times (`startsAfterH`) count from, epoch ms. */
  readonly anchorMs: number;
  /** Meters fed by recorded data: they cannot be made to stick. */
  readonly recordedMeters?: ReadonlySet<string>;
}

/** Places every fault, or names every reference that does not fit the site. */
export function placeFaults(
  site: Site,
  tree: MeterTree,
  scenario: FaultScenario,
  options: PlaceOptions,
): PlaceResult {
  const pipes = new Set(site.network.pipes.map((p) => p.id));
  const meters = new Set(site.meters.map((m) => m.id));
  const fixtures = new Map(site.fixtures.map((f) => [f.id, f]));
  const branchTo = new Map(site.network.pipes.map((p) => [p.to, p.id]));
  const fixtureMeter = new Map<string, string>();
  for (const [meterId, ids] of tree.areaFixtures)
    for (const id of ids) fixtureMeter.set(id, meterId);

  const issues: SiteIssue[] = [];
  const placed: PlacedFault[] = [];
  scenario.faults.forEach((fault, index) => {
    const at = `faults[${index}]`;
    const startMs =
      fault.startsAt === undefined
        ? options.anchorMs + (fault.startsAfterH ?? 0) * HOUR_MS
        : Date.parse(fault.startsAt);
    const endMs = fault.durationH === undefined ? Infinity : startMs + fault.durationH * HOUR_MS;
    const place = (meterId: string, pipeId: string | null) =>
      placed.push({ fault, index, startMs, endMs, meterId, pipeId });

    if (fault.kind === 'stuck_meter') {
      if (!meters.has(fault.meterId)) {
        issues.push({
          path: `${at}.meterId`,
          value: fault.meterId,
          rule: 'is not a meter of the site',
        });
      } else if (options.recordedMeters?.has(fault.meterId)) {
        issues.push({
          path: `${at}.meterId`,
          value: fault.meterId,
          rule: 'is fed by recorded data; only a simulated meter can be made to stick',
        });
      } else {
        place(fault.meterId, null);
      }
    } else if (fault.kind === 'running_fixture') {
      const fixture = fixtures.get(fault.fixtureId);
      const meterId = fixtureMeter.get(fault.fixtureId);
      if (!fixture) {
        issues.push({
          path: `${at}.fixtureId`,
          value: fault.fixtureId,
          rule: 'is not a fixture of the site',
        });
      } else if (meterId === undefined) {
        issues.push({
          path: `${at}.fixtureId`,
          value: fault.fixtureId,
          rule: 'is upstream of every meter',
        });
      } else {
        place(meterId, branchTo.get(fixture.nodeId) ?? null);
      }
    } else {
      const meterId = tree.pipeMeter.get(fault.pipeId);
      if (!pipes.has(fault.pipeId)) {
        issues.push({
          path: `${at}.pipeId`,
          value: fault.pipeId,
          rule: 'is not a pipe of the site',
        });
      } else if (meterId == null) {
        issues.push({
          path: `${at}.pipeId`,
          value: fault.pipeId,
          rule: 'is upstream of every meter',
        });
      } else {
        place(meterId, fault.pipeId);
      }
    }
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, plan: planOf(placed) };
}

function planOf(faults: readonly PlacedFault[]): FaultPlan {
  const leaksOf = new Map<string, PlacedFault[]>();
  const stuckOf = new Map<string, PlacedFault[]>();
  for (const f of faults) {
    const into = f.fault.kind === 'stuck_meter' ? stuckOf : leaksOf;
    into.set(f.meterId, [...(into.get(f.meterId) ?? []), f]);
  }
  const extraAreaL = (meterId: string, fromMs: number, toMs: number) => {
    let litres = 0;
    for (const f of leaksOf.get(meterId) ?? []) {
      if (f.fault.kind === 'stuck_meter') continue;
      const overlapMs = Math.min(toMs, f.endMs) - Math.max(fromMs, f.startMs);
      if (overlapMs > 0) litres += (f.fault.rateLph * overlapMs) / HOUR_MS;
    }
    return litres;
  };
  return {
    faults,
    extraAreaL,
    extraUntilL: (meterId, tsMs) => extraAreaL(meterId, -Infinity, tsMs),
    stuckAt: (meterId, tsMs) =>
      (stuckOf.get(meterId) ?? []).some((f) => tsMs >= f.startMs && tsMs < f.endMs),
  };
}

/** A plan with no faults. */
export const NO_FAULTS: FaultPlan = planOf([]);
