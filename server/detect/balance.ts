/**
 * Balance detector (DESIGN §8, domain.md §3.4, §7.3): for every meter with child meters,
 * Δ = V_parent − Σ V_children − V_known_unmetered per hour and per night window, held against
 * the accuracy tolerance τ of `tolerance.ts`. Persistent excess (Δ > τ for N consecutive
 * hours, or on N of the last M nights) makes the parent's metering area suspect, with the
 * mean excess as the loss rate. An hour where any of the meters lacks evidence (null,
 * estimated, suspect) is not judged and breaks a run. Scheduled uses do not apply here: a
 * use that bypasses the child meters belongs in `unmeteredL`.
 */

import type { DetectionWindow, HourVolume, LeakCandidate } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import type { MeterTree } from '../../models/meterTree';
import type { Meter, Site } from '../../models/site';
import { balanceEvidenceL, evidenceL } from './hours';
import { confidenceOf, m3PerDay, withAreaSuspects } from './localise';
import { nightsOf } from './nights';
import { nOfM } from './persistence';
import { balanceToleranceL, type ToleranceOptions } from './tolerance';

export interface BalanceOptions {
  readonly tolerance?: ToleranceOptions;
  readonly consecutiveHours?: number;
  readonly nightsN?: number;
  readonly nightsM?: number;
  /** Local hours [from, to) of the night window. */
  readonly nightWindow?: readonly [number, number];
  /** Known unmetered use in the parent's area over an hour, L (fire tests, site hoses…). */
  readonly unmeteredL?: (meterId: string, hour: DetectionWindow) => number;
}

export interface BalanceInput {
  readonly site: Site;
  readonly tree: MeterTree;
  /** Hourly series per meter id. */
  readonly hours: ReadonlyMap<string, readonly HourVolume[]>;
  /** Twin time, epoch ms: hours ending later are not judged. */
  readonly nowMs: number;
}

/** One judged hour of a parent; delta and tau in L, null when not judged. */
interface Row {
  readonly hour: HourVolume;
  readonly deltaL: number | null;
  readonly tauL: number;
}

export function detectBalance(input: BalanceInput, options: BalanceOptions = {}): LeakCandidate[] {
  const meters = new Map(input.site.meters.map((m) => [m.id, m]));
  const candidates: LeakCandidate[] = [];
  for (const parentId of input.tree.order) {
    const childIds = input.tree.childrenOf.get(parentId) ?? [];
    const parent = meters.get(parentId);
    if (childIds.length === 0 || parent === undefined) continue;
    const children = childIds.flatMap((id) => meters.get(id) ?? []);
    const rows = judgeHours(input, parent, children, options);
    const hourly = hourlyCandidates(parentId, rows, options);
    const nightly = nightCandidates(parentId, rows, input.site.timeZone, options).filter(
      (n) => !hourly.some((h) => overlaps(h.window, n.window)),
    );
    for (const c of [...hourly, ...nightly]) candidates.push(withAreaSuspects(c, input.tree));
  }
  return candidates;
}

function judgeHours(
  input: BalanceInput,
  parent: Meter,
  children: readonly Meter[],
  options: BalanceOptions,
): Row[] {
  const byStart = (id: string) =>
    new Map((input.hours.get(id) ?? []).map((h) => [h.startMs, h] as const));
  const childHours = children.map((meter) => ({ meter, hours: byStart(meter.id) }));
  const rows: Row[] = [];
  for (const hour of input.hours.get(parent.id) ?? []) {
    if (hour.endMs > input.nowMs) break;

    // Every meter must have evidence for the hour, or the hour is not judged. A child's still
    // zero (perhaps a stuck register) counts as 0 with an allowance: the most it drew at that
    // hour on the seven days before, which it may have passed unseen.
    const parentL = balanceEvidenceL(hour);
    let allowanceL = 0;
    const childL = childHours.map(({ meter, hours }) => {
      const h = hours.get(hour.startMs);
      if (h === undefined) return { meter, volumeL: null };
      if (h.stillZero === true && evidenceL(h) === 0) {
        allowanceL += usualMaxL(hours, hour.startMs);
        return { meter, volumeL: 0 };
      }
      return { meter, volumeL: evidenceL(h) };
    });
    if (parentL === null || childL.some((c) => c.volumeL === null)) {
      rows.push({ hour, deltaL: null, tauL: 0 });
      continue;
    }

    // Δ against τ.
    const measured = childL.map(({ meter, volumeL }) => ({ meter, volumeL: volumeL ?? 0 }));
    const unmeteredL = options.unmeteredL?.(parent.id, hour) ?? 0;
    const deltaL = parentL - measured.reduce((s, c) => s + c.volumeL, 0) - unmeteredL;
    const tauL =
      balanceToleranceL(
        { meter: parent, volumeL: parentL },
        measured,
        (hour.endMs - hour.startMs) / 3_600_000,
        options.tolerance,
      ) + allowanceL;
    rows.push({ hour, deltaL, tauL });
  }
  return rows;
}

/** A meter's highest volume at the same hour on the seven days before `startMs`, L. */
function usualMaxL(hours: ReadonlyMap<number, HourVolume>, startMs: number): number {
  let max = 0;
  for (let day = 1; day <= 7; day++) {
    const h = hours.get(startMs - day * 86_400_000);
    const v = h === undefined ? null : evidenceL(h);
    if (v !== null && v > max) max = v;
  }
  return max;
}

function hourlyCandidates(
  meterId: string,
  rows: readonly Row[],
  options: BalanceOptions,
): LeakCandidate[] {
  const n = options.consecutiveHours ?? DETECTION_DEFAULTS.balanceConsecutiveHours.value;
  const flags = rows.map((r) => r.deltaL !== null && r.deltaL > r.tauL);
  return nOfM(flags, n, n).map(({ flagged }) => {
    const run = flagged.flatMap((i) => rows[i] ?? []);
    return candidate(meterId, run, run.length / n, run.length);
  });
}

function nightCandidates(
  meterId: string,
  rows: readonly Row[],
  zone: string,
  options: BalanceOptions,
): LeakCandidate[] {
  const window = options.nightWindow ?? DETECTION_DEFAULTS.nightWindow.value;
  const n = options.nightsN ?? DETECTION_DEFAULTS.balanceNightsN.value;
  const m = options.nightsM ?? DETECTION_DEFAULTS.balanceNightsM.value;
  const rowAt = new Map(rows.map((r) => [r.hour.startMs, r]));

  // One row per whole judged night: Δ and τ summed over its hours.
  const nights: Row[] = [];
  for (const night of nightsOf(
    rows.map((r) => r.hour),
    window,
    zone,
  )) {
    const nightRows = night.hours.flatMap((h) => rowAt.get(h.startMs) ?? []);
    const first = night.hours[0];
    const last = night.hours.at(-1);
    if (first === undefined || last === undefined || nightRows.some((r) => r.deltaL === null)) {
      continue;
    }
    nights.push({
      hour: { startMs: first.startMs, endMs: last.endMs, volumeL: null, estimated: false },
      deltaL: nightRows.reduce((s, r) => s + (r.deltaL ?? 0), 0),
      tauL: nightRows.reduce((s, r) => s + r.tauL, 0),
    });
  }

  const flags = nights.map((r) => r.deltaL !== null && r.deltaL > r.tauL);
  return nOfM(flags, n, m).map(({ flagged }) => {
    const picked = flagged.flatMap((i) => nights[i] ?? []);
    const hours = picked.reduce((s, r) => s + (r.hour.endMs - r.hour.startMs) / 3_600_000, 0);
    return candidate(meterId, picked, picked.length / n, hours);
  });
}

/** A candidate from flagged rows covering `hours` hours of evidence. */
function candidate(
  meterId: string,
  rows: readonly Row[],
  persistence: number,
  hours: number,
): LeakCandidate {
  const sumDelta = rows.reduce((s, r) => s + (r.deltaL ?? 0), 0);
  const sumTau = rows.reduce((s, r) => s + r.tauL, 0);
  const lossLph = sumDelta / hours;
  return {
    detector: 'balance',
    meterId,
    window: { startMs: rows[0]?.hour.startMs ?? 0, endMs: rows.at(-1)?.hour.endMs ?? 0 },
    suspects: [],
    confidence: confidenceOf(sumDelta / sumTau, persistence),
    lossLph,
    lossM3PerDay: m3PerDay(lossLph),
    evidence: {
      unit: 'L',
      points: rows.map((r) => ({ tMs: r.hour.startMs, value: r.deltaL ?? 0, limit: r.tauL })),
    },
  };
}

function overlaps(a: DetectionWindow, b: DetectionWindow): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}
