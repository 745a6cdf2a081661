import type { Logger } from 'pino';
import type { MeterHealth, QuarantinedReading } from '../models/health';
import type { MeterTree } from '../models/meterTree';
import { MeterStatus, type Tick, type Topology } from '../models/protocol';
import type { Reading } from '../models/reading';
import { isPotable, type Meter, type Site } from '../models/site';
import type { DemandModel } from '../simulations/demand';
import { type FaultPlan, NO_FAULTS } from '../simulations/faults';
import { localDayStartMs } from './calendarZone';
import type { Clock } from './clock';
import type { Interval, MeterProfile } from './engine/consumption';
import type { EngineState } from './engine/dispatch';
import { createPipeFlowModel, type PipeFlowModel } from './pipeFlows';
import { siteKpis } from './siteKpis';
import type { Store, StoredEvent } from './store';
import { HOUR_MS, round6, type TwinCore } from './twinCore';
import { meterHealth } from './twinHealth';
import {
  type IngestBatch,
  type IngestOutcome,
  ingestOne,
  ingestReadings,
  type PreviewScratch,
  previewReadings,
  registerEvent,
} from './twinIngest';
import {
  type ConfirmedUnit,
  confirmUnit,
  type DismissedReading,
  dismissReading,
  quarantine,
  type RederiveOptions,
  rederive,
} from './twinRederive';

export { type IngestOutcome, newPreviewScratch, type PreviewScratch } from './twinIngest';

/** Where a meter's readings come from. */
export type MeterSource = 'replay' | 'sim' | 'ingest';

/** Anything that yields recorded readings for a window of twin time. */
export interface ReplayFeed {
  /** Meter ids this feed drives. */
  readonly meterIds: ReadonlySet<string>;
  /** Readings with a timestamp in (fromMs, toMs], ascending. */
  readingsBetween(fromMs: number, toMs: number): Reading[];
}

export interface TwinOptions {
  readonly site: Site;
  readonly tree: MeterTree;
  readonly store: Store;
  readonly replay: ReplayFeed | null;
  readonly demand: DemandModel | null;
  /** Injected meter faults (leaks enter through the demand model and the replay feed). */
  readonly faults?: FaultPlan;
  readonly logger: Logger;
  /** Recent ticks kept for clients that reconnect. */
  readonly tickHistory?: number;
}

/** Simulator register of one meter: its value and how much of each child it has passed on. */
interface SimRegister {
  registerL: number;
  lastTsMs: number;
  childSeenL: Record<string, number>;
  /**
   * Litres that passed while the register was stuck: never shown; a parent still sees them,
   * as its child's true use.
   */
  lostL?: number;
}

/** Window over which tick flows are averaged, ms. */
export const FLOW_WINDOW_MS = HOUR_MS;

/** Engine profile of a site meter. */
export function meterProfile(meter: Meter): MeterProfile {
  const unitL = meter.register.unit === 'm3' ? 1000 : 1;
  const intervalMs =
    meter.reporting.mode === 'interval' ? meter.reporting.intervalS * 1000 : HOUR_MS;
  return {
    capacityL: 10 ** meter.register.digits * unitL,
    maxFlowLps: meter.maxFlowM3h / 3.6,
    glitchToleranceL: 50,
    gapMs: Math.max(3 * intervalMs, 3 * HOUR_MS),
    zeroAsMissingAboveL: 1000,
  };
}

/**
 * The twin's state machine. `step(toMs)` advances twin time: it pulls readings from the
 * replay feed and the simulator, passes them through the consumption engine, commits
 * everything in one transaction and returns the tick that clients receive.
 */
export class Twin {
  readonly site: Site;
  readonly tree: MeterTree;
  readonly topology: Topology;
  readonly sourceOf: ReadonlyMap<string, MeterSource>;

  private readonly store: Store;
  private readonly replay: ReplayFeed | null;
  private readonly demand: DemandModel | null;
  private readonly faults: FaultPlan;
  private readonly log: Logger;
  private readonly meters: readonly Meter[];
  private readonly meterIndex: Map<string, number>;
  private readonly profiles: MeterProfile[];
  private readonly pipeFlows: PipeFlowModel;
  private readonly historySize: number;
  private readonly level1: number;

  private engine!: Map<string, EngineState>;
  private sim!: Map<string, SimRegister>;
  private bookedL!: Float64Array;
  private todayL!: Float64Array;
  private dayStartMs!: number;
  /** End of each meter's latest booked interval, epoch ms. */
  private lastEndMs!: Array<number | null>;
  private lastOutcome: Array<string | null>;
  private tickNo!: number;
  private lastMs!: number | null;
  private readonly history: Tick[] = [];
  /** Why the last step could not be stored, if it could not. */
  private failure: { atMs: number; message: string } | null = null;
  /** The clock the twin is stepped by, once it runs. */
  private clock: Clock | null = null;
  private readonly listeners = new Set<(tick: Tick) => void>();

  /** The state the ingest, re-derivation and health modules work on. */
  private readonly core: TwinCore;

  constructor(options: TwinOptions) {
    const { site, tree, store } = options;
    this.site = site;
    this.tree = tree;
    this.store = store;
    this.replay = options.replay;
    this.demand = options.demand;
    this.faults = options.faults ?? NO_FAULTS;
    this.log = options.logger;
    this.historySize = options.tickHistory ?? 600;

    // Meters in tree order, so tick arrays list parents before children.
    const byId = new Map(site.meters.map((m) => [m.id, m]));
    this.meters = tree.order.map((id) => byId.get(id)!);
    this.meterIndex = new Map(this.meters.map((m, i) => [m.id, i]));
    this.profiles = this.meters.map(meterProfile);
    // The intake shown as today's use: the potable main, not a rain or greywater supply.
    this.level1 = Math.max(
      0,
      this.meters.findIndex((m) => m.level === 1 && isPotable(m)),
    );
    const orderedSite: Site = { ...site, meters: [...this.meters] };
    this.pipeFlows = createPipeFlowModel(orderedSite, tree);
    this.topology = {
      meters: this.meters.map((m) => ({
        id: m.id,
        level: m.level,
        parentId: tree.parentOf.get(m.id) ?? null,
        nodeId: m.nodeId,
      })),
      pipes: site.network.pipes.map((p) => ({
        id: p.id,
        from: p.from,
        to: p.to,
        diameterMm: p.diameterMm,
      })),
    };
    this.sourceOf = new Map(
      this.meters.map((m) => [
        m.id,
        this.replay?.meterIds.has(m.id) ? 'replay' : this.demand ? 'sim' : 'ingest',
      ]),
    );

    // Resume from the store.
    this.loadFromStore();
    this.lastOutcome = this.meters.map(() => null);
    this.core = this.coreView();
  }

  /** A live view of the twin's state: reads always see the current maps and arrays. */
  private coreView(): TwinCore {
    const twin = this;
    return {
      site: this.site,
      store: this.store,
      log: this.log,
      meters: this.meters,
      meterIndex: this.meterIndex,
      profiles: this.profiles,
      get engine() {
        return twin.engine;
      },
      get bookedL() {
        return twin.bookedL;
      },
      get todayL() {
        return twin.todayL;
      },
      get dayStartMs() {
        return twin.dayStartMs;
      },
      get lastEndMs() {
        return twin.lastEndMs;
      },
      get lastOutcome() {
        return twin.lastOutcome;
      },
      get lastMs() {
        return twin.lastMs;
      },
      nowMs: () => this.nowMs(),
      loadFromStore: () => this.loadFromStore(),
    };
  }

  /** Loads the twin's state from the store: at start, and after a step failed to commit. */
  private loadFromStore(): void {
    this.engine = this.store.engineStates();
    this.sim = new Map(Object.entries(this.store.kv<Record<string, SimRegister>>('sim') ?? {}));
    // Everything a meter has booked is the sum of its stored intervals.
    this.bookedL = Float64Array.from(this.meters, (m) =>
      this.store.meterVolume(m.id, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    );
    this.tickNo = this.store.kv<number>('tick') ?? 0;
    this.lastMs = this.store.kv<number>('lastMs') ?? null;
    this.dayStartMs = this.lastMs === null ? 0 : localDayStartMs(this.lastMs, this.site.timeZone);
    this.todayL = new Float64Array(this.meters.length);
    if (this.lastMs !== null) {
      const lastMs = this.lastMs;
      this.meters.forEach((m, i) => {
        this.todayL[i] = this.store.meterVolume(m.id, this.dayStartMs, lastMs);
      });
    }
    const latest = this.store.latestIntervals();
    this.lastEndMs = this.meters.map((m) => latest.get(m.id)?.endMs ?? null);
  }

  /** Twin time of the last step, epoch ms; null before the first. */
  get timeMs(): number | null {
    return this.lastMs;
  }

  /**
   * Twin time now, epoch ms: the clock the twin is stepped by, or, before it runs, the time
   * of the last step; null for a twin that has never had a time.
   */
  nowMs(): number | null {
    return this.clock?.nowMs() ?? this.lastMs;
  }

  /** Names the clock the twin is stepped by, so readings can be judged against its time. */
  runBy(clock: Clock): void {
    this.clock = clock;
  }

  /** The last step's storage failure, cleared by the next successful step. */
  get lastFailure(): { atMs: number; message: string } | null {
    return this.failure;
  }

  get tick(): number {
    return this.tickNo;
  }

  /** The latest tick, if any step has run since start. */
  get current(): Tick | null {
    return this.history.at(-1) ?? null;
  }

  /** Ticks after `lastTick`, or null when some of them are no longer kept. */
  ticksAfter(lastTick: number): Tick[] | null {
    if (lastTick > this.tickNo) return null;
    if (lastTick === this.tickNo) return [];
    const first = this.history[0];
    if (!first || first.tick > lastTick + 1) return null;
    return this.history.slice(lastTick + 1 - first.tick);
  }

  onTick(listener: (tick: Tick) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Meter ids in the order tick arrays use. */
  meterIds(): string[] {
    return this.meters.map((m) => m.id);
  }

  /** Advances twin time to `toMs` (ignored if not after the last step) and emits a tick. */
  step(toMs: number): Tick | null {
    const fromMs = this.lastMs ?? toMs - HOUR_MS;
    if (toMs <= fromMs) return null;

    // A new local day restarts the day totals.
    const dayStart = localDayStartMs(toMs, this.site.timeZone);
    if (dayStart !== this.dayStartMs) {
      this.todayL.fill(0);
      this.dayStartMs = dayStart;
    }

    // Gather the step's events: recorded readings first, then simulator reports bottom-up.
    const batch: IngestBatch = { stored: [], intervals: [], touched: new Map() };
    const { stored, intervals, touched } = batch;
    const events: Array<{ tsMs: number; order: number; run: () => void }> = [];
    for (const reading of this.replay?.readingsBetween(fromMs, toMs) ?? []) {
      events.push({
        tsMs: reading.tsMs,
        order: 0,
        run: () => ingestOne(this.core, this.inMeterUnit(reading), batch),
      });
    }
    if (this.demand) {
      for (const meter of this.meters) {
        if (this.sourceOf.get(meter.id) !== 'sim') continue;
        const periodMs =
          meter.reporting.mode === 'interval' ? meter.reporting.intervalS * 1000 : 60_000;
        for (
          let t = Math.floor(fromMs / periodMs) * periodMs + periodMs;
          t <= toMs;
          t += periodMs
        ) {
          events.push({
            tsMs: t,
            order: 4 - meter.level,
            run: () => ingestOne(this.core, this.simulate(meter, t), batch),
          });
        }
      }
    }
    events.sort((a, b) => a.tsMs - b.tsMs || a.order - b.order);
    for (const event of events) event.run();

    // Commit the step before deriving flows from what is stored. If the commit fails, the
    // twin goes back to what the store holds, so the next step covers this window again:
    // the sources are deterministic, and nothing is lost or skipped.
    try {
      this.store.commit({
        readings: stored,
        intervals,
        engineStates: touched,
        kv: new Map<string, unknown>([
          ['tick', this.tickNo + 1],
          ['lastMs', toMs],
          ['sim', Object.fromEntries(this.sim)],
        ]),
      });
      this.failure = null;
    } catch (err) {
      this.failure = { atMs: toMs, message: (err as Error).message };
      this.loadFromStore();
      throw err;
    }
    this.tickNo += 1;
    this.lastMs = toMs;

    // Flows: every meter's mean over the same window (the last hour), so a parent and its
    // children are compared like for like whatever their reporting intervals.
    const meterFlow = new Float64Array(this.meters.length);
    const status: MeterStatus[] = [];
    this.meters.forEach((m, i) => {
      const lastEnd = this.lastEndMs[i];
      const fresh =
        lastEnd !== null && lastEnd !== undefined && toMs - lastEnd <= this.profiles[i]!.gapMs;
      const windowL = fresh ? this.store.meterVolume(m.id, toMs - FLOW_WINDOW_MS, toMs) : 0;
      meterFlow[i] = windowL / (FLOW_WINDOW_MS / 1000);
      const outcome = this.lastOutcome[i];
      const suspect =
        outcome === 'suspect_decrease' || outcome === 'suspect_jump' || outcome === 'conflict';
      status.push(!fresh ? MeterStatus.noData : suspect ? MeterStatus.flagged : MeterStatus.ok);
    });
    const pipeFlow = new Float64Array(this.site.network.pipes.length);
    this.pipeFlows.compute(meterFlow, pipeFlow);

    // Publish.
    const kpis = siteKpis({
      todayL: this.todayL[this.level1] ?? 0,
      flowLps: meterFlow[this.level1] ?? 0,
      lastEndMs: this.lastEndMs[this.level1] ?? null,
      dayStartMs: this.dayStartMs,
      fresh: status[this.level1] !== MeterStatus.noData,
      staff: this.site.staff,
    });
    const tick: Tick = {
      tick: this.tickNo,
      tsMs: toMs,
      meterFlowLps: Array.from(meterFlow, round6),
      meterTodayL: Array.from(this.todayL, round6),
      meterLastReadingMs: [...this.lastEndMs],
      meterStatus: status,
      pipeFlowLps: Array.from(pipeFlow, round6),
      kpis,
    };
    this.history.push(tick);
    if (this.history.length > this.historySize) this.history.shift();
    for (const listener of this.listeners) listener(tick);
    if (intervals.length > 0 || stored.length > 0) {
      this.log.debug(
        { tick: this.tickNo, readings: stored.length, intervals: intervals.length },
        'step',
      );
    }
    return tick;
  }

  /**
   * Ingests readings from outside the twin (HTTP, MQTT, import) through the same engine as
   * the built-in sources, in time order, and commits them before returning: an outcome
   * returned is an outcome stored. See twinIngest.ts.
   */
  ingestReadings(readings: readonly Reading[]): IngestOutcome[] {
    return ingestReadings(this.core, readings);
  }

  /**
   * What `ingestReadings` would decide for these readings, changing nothing. Start each dry
   * run with a fresh `newPreviewScratch()`.
   */
  previewReadings(readings: readonly Reading[], scratch: PreviewScratch): IngestOutcome[] {
    return previewReadings(this.core, readings, scratch);
  }

  /** Applies and commits a register event (see twinIngest.ts). */
  registerEvent(event: StoredEvent): { rederived: boolean; interval: Interval | null } {
    return registerEvent(this.core, event);
  }

  /** Readings held back for an engineer, oldest first. */
  quarantine(meterId?: string): QuarantinedReading[] {
    return quarantine(this.core, meterId);
  }

  /** An engineer confirms the unit of a quarantined reading (see twinRederive.ts). */
  confirmUnit(readingId: number, unit: 'L' | 'm3'): ConfirmedUnit {
    return confirmUnit(this.core, readingId, unit);
  }

  /** An engineer dismisses a quarantined reading (see twinRederive.ts). */
  dismissReading(readingId: number): DismissedReading {
    return dismissReading(this.core, readingId);
  }

  /** Derives a meter's intervals again from what is stored; returns their count. */
  rederive(meterId: string, options: RederiveOptions = {}): number {
    return rederive(this.core, meterId, options).intervals;
  }

  /** Health of every meter from what the store holds, at the twin's current time. */
  health(stuckAfterMs = 72 * HOUR_MS): MeterHealth[] {
    return meterHealth(this.core, stuckAfterMs);
  }

  /** Latest values per meter, for the REST API. */
  meterValues(meterId: string): {
    flowLps: number | null;
    todayL: number | null;
    lastReadingMs: number | null;
  } {
    const i = this.meterIndex.get(meterId);
    const tick = this.current;
    if (i === undefined) return { flowLps: null, todayL: null, lastReadingMs: null };
    return {
      flowLps: tick?.meterFlowLps[i] ?? null,
      todayL: tick?.meterTodayL[i] ?? null,
      lastReadingMs: this.lastEndMs[i] ?? null,
    };
  }

  /** Litres that passed the child meters of `meterId` over [fromMs, toMs) (see `simulate`). */
  private passedBelow(meterId: string, reg: SimRegister, fromMs: number, toMs: number): number {
    let litres = 0;
    for (const child of this.tree.childrenOf.get(meterId) ?? []) {
      if (this.sourceOf.get(child) === 'sim') {
        litres +=
          this.demand!.areaVolumeL(child, fromMs, toMs) +
          this.passedBelow(child, reg, fromMs, toMs);
      } else {
        const booked = this.bookedL[this.meterIndex.get(child)!]!;
        litres += booked - (reg.childSeenL[child] ?? booked);
        reg.childSeenL[child] = booked;
      }
    }
    return litres;
  }

  /** Converts a recorded reading to the unit its meter declares (the file's unit is known). */
  private inMeterUnit(reading: Reading): Reading {
    const meter = this.meters[this.meterIndex.get(reading.meterId) ?? -1];
    if (!meter || reading.value === null || meter.register.unit === reading.unit) return reading;
    const factor = reading.unit === 'L' ? 1 / 1000 : 1000;
    return { ...reading, unit: meter.register.unit, value: reading.value * factor };
  }

  /**
   * The simulator's report of one meter at `tsMs`: the water that passed it since its last
   * report. That is its own area's use plus, for each child meter, what passed the child:
   * a simulated child's true use at the same moments (so a parent never sees its children's
   * reports as lumps, and still sees water a stuck child does not register), a recorded or
   * ingested child's booked volume as it arrives.
   */
  private simulate(meter: Meter, tsMs: number): Reading {
    const reg = this.sim.get(meter.id) ?? { registerL: 0, lastTsMs: tsMs, childSeenL: {} };
    const volumeL =
      this.demand!.areaVolumeL(meter.id, reg.lastTsMs, tsMs) +
      this.passedBelow(meter.id, reg, reg.lastTsMs, tsMs);
    reg.registerL += volumeL;
    if (this.faults.stuckAt(meter.id, tsMs)) reg.lostL = (reg.lostL ?? 0) + volumeL;
    reg.lastTsMs = tsMs;
    this.sim.set(meter.id, reg);
    // The meter reports whole litres, as its register shows.
    const shownL = Math.round(reg.registerL - (reg.lostL ?? 0));
    const value = meter.register.unit === 'm3' ? shownL / 1000 : shownL;
    return {
      meterId: meter.id,
      tsMs,
      value,
      unit: meter.register.unit,
      kind: 'register',
      source: 'sim',
    };
  }
}
