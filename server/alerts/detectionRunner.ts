import type Database from 'better-sqlite3';
import type { Logger } from 'pino';
import type { HourVolume, LeakCandidate, ScheduledUse } from '../../models/detection';
import { DEFAULT_DETECTION_SETTINGS, type DetectionSettings } from '../../models/detectionSettings';
import type { MeterTree } from '../../models/meterTree';
import type { Site } from '../../models/site';
import { detectBalance } from '../detect/balance';
import { detectContinuousFlow, servesIntermittentFixtures } from '../detect/continuousFlow';
import { detectHighFlow } from '../detect/highFlow';
import {
  narrowToLowest,
  rankByFixtureBranches,
  withAreaSuspects,
  withUnreportedChildren,
} from '../detect/localise';
import { detectNightFlow } from '../detect/nightFlow';
import type { Interval } from '../engine/interval';
import type { AlertDesk } from './alertDesk';
import { hourInputs } from './detectorInputs';
import { siteSchedule } from './siteSchedule';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Settings of the runner, with their defaults (choices of the twin, D). */
export interface DetectionRunnerSettings {
  /** Days of hourly data the detectors read: two weeks cover night learning (7) and N of M (7). */
  readonly windowDays: number;
  /**
   * Days of intervals high flow reads: two weeks of history (a week-long holiday leaves a
   * working week in it) plus its one-day look-back.
   */
  readonly highFlowDays: number;
  /** An active alert resolves once its evidence has stopped this long, h of twin time. */
  readonly resolveAfterHours: number;
  /** Zero hours in a row after which a meter's zeros are not evidence (health: 72 h stuck). */
  readonly stuckHours: number;
  /** Between hourly runs, the burst rule runs every this many twin minutes. */
  readonly burstEveryMinutes: number;
}

export const RUNNER_DEFAULTS: DetectionRunnerSettings = {
  windowDays: 14,
  highFlowDays: 15,
  resolveAfterHours: 24,
  stuckHours: 72,
  burstEveryMinutes: 5,
};

/** What a run covers: every detector, or the burst rule alone (between hourly runs). */
export type RunScope = 'all' | 'high_flow';

export interface DetectionRunnerOptions {
  readonly site: Site;
  readonly tree: MeterTree;
  readonly db: Database.Database;
  /** Intervals of one meter ending in (fromMs, toMs], oldest first (`Store.intervals`). */
  readonly intervals: (meterId: string, fromMs: number, toMs: number) => readonly Interval[];
  readonly desk: AlertDesk;
  readonly logger: Logger;
  readonly settings?: Partial<DetectionRunnerSettings>;
  /**
   * For a simulated meter, the recorded or ingested meters below it (through simulated meters
   * only) whose volumes reach it in their own reporting steps. See `withoutChildLumps`.
   */
  readonly lumpySources?: ReadonlyMap<string, readonly string[]>;
  /** The detectors' thresholds, read at every run (engineers may change them). */
  readonly thresholds?: () => DetectionSettings;
}

/**
 * Runs the leak detectors over the store after the twin's steps, at most once per twin hour
 * (when a step crosses an hour boundary), and keeps the alerts in line with what they find:
 * a candidate with new evidence opens an alert unless its meter and detector already have an
 * active one (which then takes the later evidence); an active alert whose evidence has
 * stopped for `resolveAfterHours`, with the meter reporting meanwhile, resolves itself.
 */
export class DetectionRunner {
  private readonly site: Site;
  private readonly tree: MeterTree;
  private readonly db: Database.Database;
  private readonly intervals: DetectionRunnerOptions['intervals'];
  private readonly desk: AlertDesk;
  private readonly log: Logger;
  private readonly settings: DetectionRunnerSettings;
  private readonly schedule: readonly ScheduledUse[];
  private readonly lumpySources: ReadonlyMap<string, readonly string[]>;
  private readonly thresholds: () => DetectionSettings;
  /** Meters whose fixtures all draw intermittently: the continuous-flow rule applies. */
  private readonly intermittent: ReadonlySet<string>;
  /** Twin hour (ms / HOUR_MS, floored) of the last run. */
  private lastHour: number | null = null;
  /** Burst slot (ms / burstEveryMinutes, floored) of the last run. */
  private lastSlot: number | null = null;
  /** Twin time of the latest step not yet run, epoch ms, and what it must cover. */
  private pendingMs: number | null = null;
  private pendingScope: RunScope = 'high_flow';
  private scheduled = false;

  constructor(options: DetectionRunnerOptions) {
    this.site = options.site;
    this.tree = options.tree;
    this.db = options.db;
    this.intervals = options.intervals;
    this.desk = options.desk;
    this.log = options.logger.child({ area: 'detect' });
    this.settings = { ...RUNNER_DEFAULTS, ...options.settings };
    this.schedule = siteSchedule(options.site, options.tree);
    this.lumpySources = options.lumpySources ?? new Map();
    this.thresholds = options.thresholds ?? (() => DEFAULT_DETECTION_SETTINGS);
    this.intermittent = new Set(
      options.site.meters
        .map((m) => m.id)
        .filter((id) => servesIntermittentFixtures(options.site, options.tree, id)),
    );
  }

  /**
   * Called after every step with its twin time: runs every detector when the step crossed an
   * hour, the burst rule alone when it crossed a burst slot.
   */
  stepped(nowMs: number): void {
    const hour = Math.floor(nowMs / HOUR_MS);
    const slot = Math.floor(nowMs / (this.settings.burstEveryMinutes * 60_000));
    const newHour = this.lastHour === null || hour > this.lastHour;
    if (!newHour && this.lastSlot !== null && slot <= this.lastSlot) return;
    this.lastHour = Math.max(hour, this.lastHour ?? hour);
    this.lastSlot = Math.max(slot, this.lastSlot ?? slot);
    if (newHour) this.pendingScope = 'all';

    // Run after the tick has gone out, and once for a burst of steps: a fast replay or a
    // backfill crosses many hours at once, and a run looks back over days anyway.
    this.pendingMs = nowMs;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      const at = this.pendingMs;
      const scope = this.pendingScope;
      if (at === null) return;
      this.pendingMs = null;
      this.pendingScope = 'high_flow';
      try {
        this.run(at, scope);
      } catch (err) {
        // A failed run must not fail the twin: the next hour runs again.
        this.log.error({ err, twinMs: at }, 'detection run failed');
      }
    });
  }

  /** Runs the detectors of `scope` at twin time `nowMs` and updates the alerts. */
  run(nowMs: number, scope: RunScope = 'all'): void {
    const started = performance.now();
    const { candidates, hours } = this.detect(nowMs, scope);

    // The latest candidate per meter and detector carries the newest evidence.
    const latest = new Map<string, LeakCandidate>();
    for (const c of candidates) {
      const key = `${c.meterId}|${c.detector}`;
      const seen = latest.get(key);
      if (seen === undefined || c.window.endMs > seen.window.endMs) latest.set(key, c);
    }

    const resolveAfterMs = this.settings.resolveAfterHours * HOUR_MS;
    let opened = 0;
    this.desk.batch(() => {
      // Open or extend.
      for (const c of latest.values()) {
        const active = this.desk.active(c.meterId, c.detector);
        if (active !== undefined) {
          if (c.window.endMs > active.evidenceEndMs) this.desk.update(active.id, c);
          continue;
        }
        // Evidence an alert already covered, or that stopped long ago, opens nothing.
        const covered = this.desk.coveredUntil(c.meterId, c.detector) ?? -Infinity;
        if (c.window.endMs <= covered || nowMs - c.window.endMs >= resolveAfterMs) continue;
        this.desk.open(c, nowMs);
        opened += 1;
      }

      // Resolve what has stopped (hourly: a burst run reads no hours).
      for (const alert of scope === 'all' ? this.desk.unresolved() : []) {
        if (nowMs - alert.window.endMs < resolveAfterMs) continue;
        // A balance is only clear for hours it could judge: the meter and every child
        // reported (a silent or stuck floor meter does not make a seepage stop).
        const judged =
          alert.detector === 'balance'
            ? [alert.meterId, ...(this.tree.childrenOf.get(alert.meterId) ?? [])]
            : [alert.meterId];
        const byStart = judged.map(
          (id) => new Map((hours.get(id) ?? []).map((h) => [h.startMs, h] as const)),
        );
        const reported = (hours.get(alert.meterId) ?? []).filter(
          (h) =>
            h.startMs >= alert.window.endMs &&
            h.endMs <= nowMs &&
            byStart.every((m) => {
              const x = m.get(h.startMs);
              return (
                x !== undefined && reportedHour(x) && x.suspect !== true && x.stillZero !== true
              );
            }),
        ).length;
        if (reported >= this.settings.resolveAfterHours) this.desk.autoResolve(alert.id, nowMs);
      }
    });
    this.log.debug(
      {
        twinMs: nowMs,
        candidates: candidates.length,
        opened,
        durationMs: Math.round(performance.now() - started),
      },
      'detection run',
    );
  }

  /**
   * Every detector's candidates at `nowMs`, with suspects, narrowed to the lowest meter; and
   * the hourly series they read.
   */
  detect(
    nowMs: number,
    scope: RunScope = 'all',
  ): { candidates: LeakCandidate[]; hours: Map<string, HourVolume[]> } {
    const t = this.thresholds();
    if (scope === 'high_flow') return { candidates: this.bursts(nowMs, t), hours: new Map() };
    const zone = this.site.timeZone;
    const toMs = Math.floor(nowMs / HOUR_MS) * HOUR_MS;
    const fromMs = toMs - this.settings.windowDays * DAY_MS;
    const hours = hourInputs(this.db, {
      meterIds: this.tree.order,
      fromMs,
      toMs,
      stuckHours: this.settings.stuckHours,
      stillHours: t.stillHours,
      stillUseDays: t.stillUseDays,
    });

    const found: LeakCandidate[] = detectBalance(
      { site: this.site, tree: this.tree, hours, nowMs },
      {
        tolerance: { rule: t.balanceTolerance, sigmaK: t.balanceSigmaK, rangeRatio: t.rangeRatio },
        consecutiveHours: t.balanceConsecutiveHours,
        nightsN: t.balanceNightsN,
        nightsM: t.balanceNightsM,
        nightWindow: t.nightWindow,
      },
    );
    for (const meterId of this.tree.order) {
      // The night and continuous rules judge meters with no meter below: above one, the
      // balance judges the meter's own area, and the children's flows would hide in the sum.
      if ((this.tree.childrenOf.get(meterId) ?? []).length > 0) continue;
      const series = {
        meterId,
        hours: hours.get(meterId) ?? [],
        zone,
        nowMs,
        schedule: this.schedule,
      };
      const own = [
        ...detectNightFlow(series, {
          nightWindow: t.nightWindow,
          learnNights: t.nightLearnNights,
          percentile: t.nightPercentile,
          minLearnt: t.nightMinLearnt,
          minRiseLph: t.nightMinRiseLph,
          relRise: t.nightRelRise,
          riseN: t.nightRiseN,
          riseM: t.nightRiseM,
        }),
      ];
      if (this.intermittent.has(meterId)) {
        own.push(
          ...detectContinuousFlow(series, {
            runHours: t.continuousRunHours,
            minFlowLph: t.continuousMinFlowLph,
            nightWindow: t.nightWindow,
            nightHours: t.continuousNightHours,
          }),
        );
      }
      for (const c of own) {
        found.push(rankByFixtureBranches(withAreaSuspects(c, this.tree), this.site, this.tree));
      }
    }
    found.push(...this.bursts(nowMs, t));
    const candidates = narrowToLowest(found, this.tree, t.explainShare);
    return { candidates, hours };
  }

  /** The burst rule on every meter at `nowMs`, with suspects, narrowed to the lowest meter. */
  private bursts(nowMs: number, t: DetectionSettings): LeakCandidate[] {
    const intervalsOf = new Map(
      this.tree.order.map((id) => [
        id,
        this.intervals(id, nowMs - this.settings.highFlowDays * DAY_MS, nowMs),
      ]),
    );
    const reportedUntil = new Map(
      [...intervalsOf].map(([id, list]) => [id, list.at(-1)?.endMs ?? -Infinity]),
    );
    const found = this.tree.order.flatMap((meterId) => {
      const intervals = withoutChildLumps(
        intervalsOf.get(meterId) ?? [],
        (this.lumpySources.get(meterId) ?? []).map((id) => intervalsOf.get(id) ?? []),
      );
      const zone = this.site.timeZone;
      const options = {
        floorLpm: t.highFlowFloorLpm,
        historyFactor: t.highFlowHistoryFactor,
        todWindowH: t.highFlowTodWindowH,
        minMinutes: t.highFlowMinMinutes,
        minHistory: t.highFlowMinHistory,
      };
      const input = { meterId, intervals, zone, nowMs, schedule: this.schedule };
      return detectHighFlow(input, options).map((c) =>
        withUnreportedChildren(withAreaSuspects(c, this.tree), this.tree, reportedUntil),
      );
    });
    return narrowToLowest(found, this.tree, t.explainShare);
  }
}

/** An hour the meter reported a measured volume for (zero included; stuck zeros too). */
function reportedHour(hour: HourVolume): boolean {
  return hour.volumeL !== null && !hour.estimated;
}

/**
 * A meter's intervals without those in which a lumpy child's interval ended: a simulated
 * parent passes on a recorded child's volume as the child reports it, so an hour's recorded
 * use (or a gap's catch-up) lands in one parent interval as a lump, which is not a burst.
 * A real parent meter measures its own flow and has no lumpy children.
 */
export function withoutChildLumps(
  intervals: readonly Interval[],
  lumpyChildren: ReadonlyArray<readonly Interval[]>,
): readonly Interval[] {
  const ends = new Set<number>();
  for (const child of lumpyChildren) for (const i of child) if (i.volumeL > 0) ends.add(i.endMs);
  if (ends.size === 0) return intervals;
  const sorted = [...ends].sort((a, b) => a - b);
  return intervals.filter((i) => {
    // The first lump end after the interval's start, by binary search.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= i.startMs) lo = mid + 1;
      else hi = mid;
    }
    return !(lo < sorted.length && sorted[lo]! <= i.endMs);
  });
}
