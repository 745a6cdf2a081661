import type { Logger } from 'pino';
import { ErrorCode } from '../models/errors';
import type { MeterHealth, QuarantinedReading } from '../models/health';
import type { MeterTree } from '../models/meterTree';
import { type Kpis, MeterStatus, type Tick, type Topology } from '../models/protocol';
import type { Reading } from '../models/reading';
import type { Meter, Site } from '../models/site';
import type { DemandModel } from '../simulations/demand';
import { ApiFailure } from './apiFailure';
import { localDayStartMs } from './calendarZone';
import type { Interval, MeterProfile } from './engine/consumption';
import {
  applyAnyReading,
  type EngineState,
  type KindContext,
  registerStateOf,
  stateKey,
} from './engine/dispatch';
import { createPipeFlowModel, type PipeFlowModel } from './pipeFlows';
import { applyStoredEvent, registerHealth, rejection, replayOrder } from './registerEvents';
import type { Store, StoredEvent, StoredReading } from './store';

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
  readonly logger: Logger;
  /** Recent ticks kept for clients that reconnect. */
  readonly tickHistory?: number;
}

/** Simulator register of one meter: its value and how much of each child it has passed on. */
interface SimRegister {
  registerL: number;
  lastTsMs: number;
  childSeenL: Record<string, number>;
}

type Outcome = string;

/** What ingest decided about one reading, and the interval it booked (or would book). */
export interface IngestOutcome {
  readonly outcome: Outcome | 'duplicate_seq';
  readonly flags: readonly string[];
  readonly interval: Interval | null;
}

/** A dry run's engine states and sequence numbers, carried from batch to batch. */
export interface PreviewScratch {
  readonly engine: Map<string, EngineState>;
  readonly seqs: Map<string, SeqSeen>;
}

export function newPreviewScratch(): PreviewScratch {
  return { engine: new Map(), seqs: new Map() };
}

const HOUR_MS = 3_600_000;
/** Outcomes that hold a reading back for an engineer. */
const QUARANTINE_REASONS = [
  'unit_mismatch',
  'suspect_jump',
  'suspect_decrease',
  'conflict',
  'late',
];
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
  private lastOutcome: Array<Outcome | null>;
  private tickNo!: number;
  private lastMs!: number | null;
  private readonly history: Tick[] = [];
  /** Why the last step could not be stored, if it could not. */
  private failure: { atMs: number; message: string } | null = null;
  private readonly listeners = new Set<(tick: Tick) => void>();

  constructor(options: TwinOptions) {
    const { site, tree, store } = options;
    this.site = site;
    this.tree = tree;
    this.store = store;
    this.replay = options.replay;
    this.demand = options.demand;
    this.log = options.logger;
    this.historySize = options.tickHistory ?? 600;

    // Meters in tree order, so tick arrays list parents before children.
    const byId = new Map(site.meters.map((m) => [m.id, m]));
    this.meters = tree.order.map((id) => byId.get(id)!);
    this.meterIndex = new Map(this.meters.map((m, i) => [m.id, i]));
    this.profiles = this.meters.map(meterProfile);
    this.level1 = Math.max(
      0,
      this.meters.findIndex((m) => m.level === 1),
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
  }

  /** Loads the twin's state from the store: at start, and after a step failed to commit. */
  private loadFromStore(): void {
    this.engine = this.store.engineStates();
    this.sim = new Map(Object.entries(this.store.kv<Record<string, SimRegister>>('sim') ?? {}));
    const booked = this.store.kv<Record<string, number>>('booked') ?? {};
    this.bookedL = Float64Array.from(this.meters, (m) => booked[m.id] ?? 0);
    this.tickNo = this.store.kv<number>('tick') ?? 0;
    this.lastMs = this.store.kv<number>('lastMs') ?? null;
    this.dayStartMs = this.lastMs === null ? 0 : localDayStartMs(this.lastMs, this.site.timeZone);
    this.todayL = new Float64Array(this.meters.length);
    if (this.lastMs !== null) {
      const today = this.store.volumesEndingBetween(this.dayStartMs, this.lastMs);
      this.meters.forEach((m, i) => {
        this.todayL[i] = today.get(m.id) ?? 0;
      });
    }
    const latest = this.store.latestIntervals();
    this.lastEndMs = this.meters.map((m) => latest.get(m.id)?.endMs ?? null);
  }

  /** Twin time of the last step, epoch ms; null before the first. */
  get timeMs(): number | null {
    return this.lastMs;
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
    const stored: StoredReading[] = [];
    const intervals: Array<{ meterId: string; interval: Interval }> = [];
    const touched = new Map<string, EngineState>();
    const events: Array<{ tsMs: number; order: number; run: () => void }> = [];
    for (const reading of this.replay?.readingsBetween(fromMs, toMs) ?? []) {
      events.push({
        tsMs: reading.tsMs,
        order: 0,
        run: () => this.ingest(this.inMeterUnit(reading), stored, intervals, touched),
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
            run: () => this.ingest(this.simulate(meter, t), stored, intervals, touched),
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
          ['booked', Object.fromEntries(this.meters.map((m, i) => [m.id, this.bookedL[i]!]))],
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
    const windowVolumes = this.store.volumesEndingBetween(toMs - FLOW_WINDOW_MS, toMs);
    const meterFlow = new Float64Array(this.meters.length);
    const status: MeterStatus[] = [];
    this.meters.forEach((m, i) => {
      const lastEnd = this.lastEndMs[i];
      const fresh =
        lastEnd !== null && lastEnd !== undefined && toMs - lastEnd <= this.profiles[i]!.gapMs;
      meterFlow[i] = fresh ? (windowVolumes.get(m.id) ?? 0) / (FLOW_WINDOW_MS / 1000) : 0;
      const outcome = this.lastOutcome[i];
      const suspect =
        outcome === 'suspect_decrease' || outcome === 'suspect_jump' || outcome === 'conflict';
      status.push(!fresh ? MeterStatus.noData : suspect ? MeterStatus.flagged : MeterStatus.ok);
    });
    const pipeFlow = new Float64Array(this.site.network.pipes.length);
    this.pipeFlows.compute(meterFlow, pipeFlow);

    // Publish.
    const level1Today = this.todayL[this.level1] ?? 0;
    const kpis: Kpis = {
      todayL: level1Today,
      flowLps: meterFlow[this.level1] ?? 0,
      perCapitaTodayL: level1Today / this.site.staff,
    };
    const tick: Tick = {
      tick: this.tickNo,
      tsMs: toMs,
      meterFlowLps: Array.from(meterFlow, round6),
      meterTodayL: Array.from(this.todayL, round6),
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
   * returned is an outcome stored. A reading repeating a meter's sequence number is a
   * duplicate when its time and value match, and a conflict otherwise.
   */
  ingestReadings(readings: readonly Reading[]): IngestOutcome[] {
    const stored: StoredReading[] = [];
    const intervals: Array<{ meterId: string; interval: Interval }> = [];
    const touched = new Map<string, EngineState>();
    const conflicts: Reading[] = [];
    const results = this.inTimeOrder(
      readings,
      new Map(),
      (reading) => this.ingest(reading, stored, intervals, touched),
      conflicts,
    );
    // Readings that contradict a sequence number are kept, as conflicts, for review.
    for (const reading of conflicts) stored.push({ reading, outcome: 'conflict' });
    try {
      this.store.commit({
        readings: stored,
        intervals,
        engineStates: touched,
        kv: new Map([
          ['booked', Object.fromEntries(this.meters.map((m, i) => [m.id, this.bookedL[i]!]))],
        ]),
      });
    } catch (err) {
      // Nothing was stored: forget what the twin learnt from these readings.
      this.loadFromStore();
      throw err;
    }
    return results;
  }

  /**
   * What `ingestReadings` would decide for these readings, changing nothing: the engine runs
   * on copies of the meters' states held in `scratch`, so a dry run can feed a long file batch
   * by batch. Start each dry run with a fresh `newPreviewScratch()`.
   */
  previewReadings(readings: readonly Reading[], scratch: PreviewScratch): IngestOutcome[] {
    return this.inTimeOrder(readings, scratch.seqs, (reading) => {
      const key = stateKey(reading.meterId, reading.kind);
      const prior = scratch.engine.get(key) ?? this.engine.get(key);
      const step = this.decide(reading, prior ?? null);
      if (step.state) scratch.engine.set(key, step.state);
      return { outcome: step.outcome, flags: step.interval?.flags ?? [], interval: step.interval };
    });
  }

  /** What the engine needs to know about meter `i` for any kind of reading. */
  private kindContext(i: number): KindContext {
    const meter = this.meters[i]!;
    return {
      profile: this.profiles[i]!,
      reportingMs: meter.reporting.mode === 'interval' ? meter.reporting.intervalS * 1000 : HOUR_MS,
      dayStart: meter.counterDayStart ?? { zone: this.site.timeZone, minuteOfDay: 0 },
    };
  }

  /** Readings held back for an engineer, oldest first. */
  quarantine(meterId?: string): QuarantinedReading[] {
    const units = new Map(this.meters.map((m) => [m.id, m.register.unit]));
    return this.store.readingsWithOutcome(QUARANTINE_REASONS, meterId).map((r) => ({
      id: r.id,
      meterId: r.meter,
      tsMs: r.ts,
      value: r.value,
      unit: r.unit,
      meterUnit: units.get(r.meter) ?? r.unit,
      source: r.source,
      reason: r.outcome,
    }));
  }

  /**
   * An engineer confirms the unit a quarantined reading's value is really in; the meter's
   * intervals are derived again from its stored readings with that reading included.
   */
  confirmUnit(readingId: number, unit: 'L' | 'm3'): { meterId: string; intervals: number } {
    const row = this.store.reading(readingId);
    if (!row)
      throw new ApiFailure(404, ErrorCode.notFound, `no stored reading with id ${readingId}`);
    if (row.outcome !== 'unit_mismatch') {
      throw new ApiFailure(
        409,
        ErrorCode.conflict,
        `reading ${readingId} is "${row.outcome}", not held for its unit; nothing to confirm`,
      );
    }
    const intervals = this.rederive(row.meter, { id: readingId, unit });
    return { meterId: row.meter, intervals };
  }

  /**
   * Derives a meter's intervals again from everything stored for it (readings and register
   * events, in time order) and replaces what was derived before, recording `added` events in
   * the same transaction. Returns the number of intervals.
   */
  rederive(
    meterId: string,
    confirmed?: { id: number; unit: 'L' | 'm3' },
    added: readonly StoredEvent[] = [],
  ): number {
    const i = this.meterIndex.get(meterId);
    if (i === undefined) throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter ${meterId}`);
    const meter = this.meters[i]!;

    // Run the engine over the stored readings and events, with the confirmed unit where there
    // is one.
    const intervals: Interval[] = [];
    const outcomes = new Map<number, string>();
    const states = new Map<string, EngineState>();
    const events = [...this.store.meterEvents(meterId), ...added];
    for (const item of replayOrder(this.store.meterReadings(meterId), events)) {
      if ('event' in item) {
        const prior = registerStateOf(states.get(meterId) ?? null);
        const step = applyStoredEvent(prior, item.event, this.profiles[i]!);
        states.set(meterId, step.state);
        if (step.interval) intervals.push(step.interval);
        continue;
      }
      const row = item.reading;
      const unit = row.id === confirmed?.id ? confirmed.unit : (row.confirmed_unit ?? null);
      if (unit === null && row.unit !== meter.register.unit) {
        outcomes.set(row.id, 'unit_mismatch');
        continue;
      }
      const reading: Reading = {
        meterId,
        tsMs: row.ts,
        value: row.value,
        unit: row.unit,
        kind: row.kind,
        source: row.source,
      };
      const key = stateKey(meterId, row.kind);
      const step = applyAnyReading(
        row.kind,
        states.get(key) ?? null,
        row.ts,
        engineValue(reading, unit ?? row.unit),
        this.kindContext(i),
        row.serial,
      );
      if (step.state) states.set(key, step.state);
      outcomes.set(row.id, step.outcome);
      if (step.interval) intervals.push(step.interval);
    }
    intervals.sort((a, b) => a.endMs - b.endMs);
    const before = this.store.volumesEndingBetween(-Infinity, Infinity).get(meterId) ?? 0;
    this.store.rederive(meterId, {
      intervals,
      outcomes,
      states,
      events: added,
      ...(confirmed ? { confirmed } : {}),
    });

    // Bring the live state in line with the store.
    for (const key of [...this.engine.keys()]) {
      if (key === meterId || key.startsWith(`${meterId}#`)) this.engine.delete(key);
    }
    for (const [key, state] of states) this.engine.set(key, state);
    const after = intervals.reduce((sum, iv) => sum + iv.volumeL, 0);
    this.bookedL[i]! += after - before;
    this.lastEndMs[i] = intervals.at(-1)?.endMs ?? null;
    if (this.lastMs !== null) {
      this.todayL[i] = this.store.volumesEndingBetween(this.dayStartMs, Infinity).get(meterId) ?? 0;
    }
    this.log.info(
      { meter: meterId, intervals: intervals.length, confirmed: confirmed?.id },
      'rederived',
    );
    return intervals.length;
  }

  /** Health of every meter from what the store holds, at the twin's current time. */
  health(stuckAfterMs = 72 * HOUR_MS): MeterHealth[] {
    const counts = this.store.healthCounts();
    const nowMs = this.lastMs;
    return this.meters.map((m, i) => {
      const c = counts.get(m.id);
      const lastTs = c?.lastTs ?? null;
      const quarantined = QUARANTINE_REASONS.reduce((n, r) => n + (c?.outcomes[r] ?? 0), 0);
      const lastUse = c?.lastUseMs ?? null;
      return {
        meterId: m.id,
        lastReadingMs: lastTs,
        silent: nowMs !== null && (lastTs === null || nowMs - lastTs > this.profiles[i]!.gapMs),
        // Stuck: readings keep coming but the register stopped moving (a meter that never
        // moved at all has no use to compare with, and is not called stuck).
        stuck: lastTs !== null && lastUse !== null && lastTs - lastUse >= stuckAfterMs,
        rollovers: c?.flags.rollover ?? 0,
        rebases: c?.flags.after_rebase ?? 0,
        glitches: c?.flags.glitch_decrease ?? 0,
        estimatedGaps: c?.flags.estimated_gap ?? 0,
        quarantined,
        ...registerHealth(registerStateOf(this.engine.get(m.id) ?? null), c?.flags),
      };
    });
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

  /** Converts a recorded reading to the unit its meter declares (the file's unit is known). */
  private inMeterUnit(reading: Reading): Reading {
    const meter = this.meters[this.meterIndex.get(reading.meterId) ?? -1];
    if (!meter || reading.value === null || meter.register.unit === reading.unit) return reading;
    const factor = reading.unit === 'L' ? 1 / 1000 : 1000;
    return { ...reading, unit: meter.register.unit, value: reading.value * factor };
  }

  /** The simulator's report of one meter at `tsMs`: its own area's use plus what its children passed on. */
  private simulate(meter: Meter, tsMs: number): Reading {
    const reg = this.sim.get(meter.id) ?? { registerL: 0, lastTsMs: tsMs, childSeenL: {} };
    let volumeL = this.demand!.areaVolumeL(meter.id, reg.lastTsMs, tsMs);
    for (const child of this.tree.childrenOf.get(meter.id) ?? []) {
      const booked = this.bookedL[this.meterIndex.get(child)!]!;
      volumeL += booked - (reg.childSeenL[child] ?? booked);
      reg.childSeenL[child] = booked;
    }
    reg.registerL += volumeL;
    reg.lastTsMs = tsMs;
    this.sim.set(meter.id, reg);
    // The meter reports whole litres, as its register shows.
    const shownL = Math.round(reg.registerL);
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

  /**
   * Runs readings through `apply` oldest first (ties in input order) and returns the outcomes
   * in input order. A reading whose meter and sequence number were seen (in `seqs`, or
   * stored) is a duplicate and is not applied.
   */
  private inTimeOrder(
    readings: readonly Reading[],
    seqs: Map<string, SeqSeen>,
    apply: (reading: Reading) => IngestOutcome,
    conflicts: Reading[] = [],
  ): IngestOutcome[] {
    const results: IngestOutcome[] = [];
    const order = readings
      .map((_, i) => i)
      .sort((a, b) => readings[a]!.tsMs - readings[b]!.tsMs || a - b);
    for (const i of order) {
      const reading = readings[i]!;
      const seqKey = reading.seq === undefined ? null : `${reading.meterId}\u0000${reading.seq}`;
      if (seqKey !== null) {
        // A sequence number seen before is a repeat if it carries the same time and value,
        // and a conflict (kept out of totals, stored for review) if it does not.
        const seen = seqs.get(seqKey) ?? this.store.seqReading(reading.meterId, reading.seq!);
        if (seen !== undefined) {
          const same = seen.tsMs === reading.tsMs && seen.value === reading.value;
          results[i] = { outcome: same ? 'duplicate_seq' : 'conflict', flags: [], interval: null };
          if (!same) conflicts.push(reading);
          continue;
        }
        seqs.set(seqKey, { tsMs: reading.tsMs, value: reading.value });
      }
      results[i] = apply(reading);
    }
    return results;
  }

  /** Validates a reading against its meter and runs the engine from `prior`; changes nothing. */
  private decide(
    reading: Reading,
    prior: EngineState | null,
  ): { outcome: Outcome; state: EngineState | null; interval: Interval | null } {
    const i = this.meterIndex.get(reading.meterId);
    if (i === undefined) return { outcome: 'unknown_meter', state: null, interval: null };
    const meter = this.meters[i]!;
    if (reading.unit !== meter.register.unit) {
      return { outcome: 'unit_mismatch', state: null, interval: null };
    }
    const value = engineValue(reading, reading.unit);
    if (value !== null && !(Math.abs(value) <= this.profiles[i]!.capacityL)) {
      // Beyond what the register can show (or not a number): neither a reading nor missing.
      return { outcome: 'out_of_range', state: null, interval: null };
    }
    const step = applyAnyReading(
      reading.kind,
      prior,
      reading.tsMs,
      value,
      this.kindContext(i),
      reading.serial ?? null,
    );
    if (step.outcome !== 'late') return step;

    // An older reading already stored (a file imported twice) is a repeat, not a late one.
    const storedValues = this.store.valuesAt(reading.meterId, reading.tsMs, reading.unit);
    if (storedValues.length === 0) return step;
    const repeat = storedValues.some((v) => v === reading.value);
    return { ...step, outcome: repeat ? 'duplicate' : 'conflict' };
  }

  /** Adds a booked interval of meter `i` to the live totals. */
  private account(i: number, interval: Interval): void {
    this.lastEndMs[i] = interval.endMs;
    this.bookedL[i]! += interval.volumeL;
    if (interval.endMs > this.dayStartMs) this.todayL[i]! += interval.volumeL;
  }

  /**
   * Applies a register event or an answer to a replacement question (see registerEvents.ts)
   * and commits it with the interval it books in one transaction. An event older than the
   * meter's last reading is stored and the meter derived again. Throws `ApiFailure` 404 for an
   * unknown meter, 409 when the engine refuses the values.
   */
  registerEvent(event: StoredEvent): { rederived: boolean; interval: Interval | null } {
    const i = this.meterIndex.get(event.meterId);
    if (i === undefined) {
      throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter ${event.meterId}`);
    }
    // Values the register cannot show, and a second event at the same instant, are refused.
    const capacityL = this.profiles[i]!.capacityL;
    const unit = this.meters[i]!.register.unit;
    const inUnit = (litres: number): number => (unit === 'm3' ? litres / 1000 : litres);
    for (const [field, valueL] of eventValuesL(event)) {
      if (!(valueL >= 0 && valueL <= capacityL)) {
        const shown = Number.isFinite(valueL) ? String(inUnit(valueL)) : 'too large to store';
        throw new ApiFailure(
          400,
          ErrorCode.badRequest,
          `body.${field}: ${shown} — must lie between 0 and the register's capacity ${inUnit(capacityL)} ${unit}`,
        );
      }
    }
    if (this.store.hasEventAt(event.meterId, event.tsMs, event.kind)) {
      throw new ApiFailure(
        409,
        ErrorCode.conflict,
        `meter ${event.meterId} already has a ${event.kind} at ${new Date(event.tsMs).toISOString()}`,
      );
    }
    const prior = registerStateOf(this.engine.get(event.meterId) ?? null);
    const step = applyStoredEvent(prior, event, this.profiles[i]!);
    if (step.outcome === 'rejected') {
      throw new ApiFailure(409, ErrorCode.conflict, rejection(event, prior));
    }
    if (step.outcome === 'late') {
      this.rederive(event.meterId, undefined, [event]);
      return { rederived: true, interval: null };
    }

    // Live state first, as ingest does: a failed commit reloads it from the store.
    this.engine.set(event.meterId, step.state);
    if (step.interval) this.account(i, step.interval);
    const intervals = step.interval ? [{ meterId: event.meterId, interval: step.interval }] : [];
    try {
      this.store.commit({
        readings: [],
        intervals,
        engineStates: new Map([[event.meterId, step.state]]),
        kv: new Map([
          ['booked', Object.fromEntries(this.meters.map((m, k) => [m.id, this.bookedL[k]!]))],
        ]),
        events: [event],
      });
    } catch (err) {
      this.loadFromStore();
      throw err;
    }
    return { rederived: false, interval: step.interval };
  }

  /** Runs a reading through the engine and records the outcome in the twin and the step. */
  private ingest(
    reading: Reading,
    stored: StoredReading[],
    intervals: Array<{ meterId: string; interval: Interval }>,
    touched: Map<string, EngineState>,
  ): IngestOutcome {
    const key = stateKey(reading.meterId, reading.kind);
    const result = this.decide(reading, this.engine.get(key) ?? null);
    stored.push({ reading, outcome: result.outcome });
    const i = this.meterIndex.get(reading.meterId);
    if (i === undefined || result.outcome === 'unit_mismatch') {
      return { outcome: result.outcome, flags: [], interval: null };
    }
    this.lastOutcome[i] = result.outcome;
    if (result.state !== null) {
      this.engine.set(key, result.state);
      touched.set(key, result.state);
    }
    if (result.interval) {
      intervals.push({ meterId: reading.meterId, interval: result.interval });
      this.account(i, result.interval);
    }
    return {
      outcome: result.outcome,
      flags: result.interval?.flags ?? [],
      interval: result.interval,
    };
  }
}

/** What a sequence number was first seen with. */
interface SeqSeen {
  readonly tsMs: number;
  readonly value: number | null;
}

/** The values of an event, in litres, by the request field they came from. */
function eventValuesL(event: StoredEvent): Array<[string, number]> {
  const body = event.body as Record<string, unknown>;
  const fields: Array<[string, string]> = [
    ['finalL', 'finalValue'],
    ['startL', 'startValue'],
    ['oldFinalL', 'oldFinalValue'],
    ['newStartL', 'newStartValue'],
  ];
  return fields
    .filter(([key]) => typeof body[key] === 'number')
    .map(([key, field]) => [field, body[key] as number]);
}

/** A reading's value for the engine: litres, or L/s for flow, read in `unit`. */
function engineValue(reading: Reading, unit: 'L' | 'm3'): number | null {
  if (reading.value === null) return null;
  if (reading.kind === 'flow') return round6(unit === 'm3' ? reading.value / 3.6 : reading.value);
  return round6(unit === 'm3' ? reading.value * 1000 : reading.value);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
