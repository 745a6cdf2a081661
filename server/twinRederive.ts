import type { OutcomeChange } from '../models/engineer';
import { ErrorCode } from '../models/errors';
import type { QuarantinedReading } from '../models/health';
import type { Reading } from '../models/reading';
import { ApiFailure } from './apiFailure';
import type { Interval } from './engine/consumption';
import { type EngineState, registerStateOf, stateKey } from './engine/dispatch';
import { futureReading } from './ingest/future';
import { applyStoredEvent, replayOrder } from './registerEvents';
import type { RawRow, StoredEvent } from './store';
import type { TwinCore } from './twinCore';
import { QUARANTINE_REASONS } from './twinHealth';
import { judge } from './twinIngest';

/**
 * Outcomes decided when a reading arrived, not by the engine's run over the meter: a reading
 * older than the meter's last one, one contradicting another at its time or sequence number,
 * one the register cannot show, one timed after twin time, one an engineer dismissed. They
 * keep their outcome when the meter is derived again and are never booked by it.
 */
const HELD_OUT = new Set(['late', 'conflict', 'out_of_range', 'future', 'dismissed']);

/** What a re-derivation did: the meter's intervals and readings whose outcome changed. */
export interface Rederived {
  readonly intervals: number;
  /** Outcome of every reading the run judged, by reading id. */
  readonly outcomes: ReadonlyMap<number, string>;
  readonly changed: OutcomeChange[];
}

/** What a re-derivation changes besides running the engine again. */
export interface RederiveOptions {
  /** A reading held for its unit, with the unit it is really in. */
  readonly confirmed?: { readonly id: number; readonly unit: 'L' | 'm3' };
  /** A held reading an engineer dismissed: never booked. */
  readonly dismissed?: number;
  /** Register events to record with the derivation. */
  readonly added?: readonly StoredEvent[];
}

/** Readings held back for an engineer, oldest first. */
export function quarantine(core: TwinCore, meterId?: string): QuarantinedReading[] {
  const units = new Map(core.meters.map((m) => [m.id, m.register.unit]));
  return core.store.readingsWithOutcome(QUARANTINE_REASONS, meterId).map((r) => ({
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

/** A dismissed reading's meter, its interval count and other readings whose outcome changed. */
export interface DismissedReading {
  readonly meterId: string;
  readonly intervals: number;
  readonly changed: OutcomeChange[];
}

/** A confirmed reading's meter and interval count, and what became of it and of others. */
export interface ConfirmedUnit extends DismissedReading {
  /** The confirmed reading's outcome, as ingest would name it (e.g. `booked`, `suspect_jump`). */
  readonly outcome: string;
}

/** A stored reading by id; 404 when there is none. */
function heldReading(core: TwinCore, readingId: number): RawRow {
  const row = core.store.reading(readingId);
  if (!row) throw new ApiFailure(404, ErrorCode.notFound, `no stored reading with id ${readingId}`);
  return row;
}

/**
 * An engineer confirms the unit a quarantined reading's value is really in; the meter's
 * intervals are derived again from its stored readings with that reading included, judged as
 * a fresh reading would be: it may stay held with another reason (a jump, a value the register
 * cannot show). Readings held for other reasons stay held.
 */
export function confirmUnit(core: TwinCore, readingId: number, unit: 'L' | 'm3'): ConfirmedUnit {
  const row = heldReading(core, readingId);
  if (row.outcome !== 'unit_mismatch') {
    throw new ApiFailure(
      409,
      ErrorCode.conflict,
      `reading ${readingId} is "${row.outcome}", not held for its unit; nothing to confirm`,
    );
  }
  const done = rederive(core, row.meter, { confirmed: { id: readingId, unit } });
  return {
    meterId: row.meter,
    intervals: done.intervals,
    outcome: done.outcomes.get(readingId) ?? row.outcome,
    changed: done.changed.filter((c) => c.id !== readingId),
  };
}

/**
 * An engineer dismisses a quarantined reading: it stays stored, is never booked, and leaves
 * the quarantine list; the meter is derived again without it.
 */
export function dismissReading(core: TwinCore, readingId: number): DismissedReading {
  const row = heldReading(core, readingId);
  if (!QUARANTINE_REASONS.includes(row.outcome)) {
    throw new ApiFailure(
      409,
      ErrorCode.conflict,
      `reading ${readingId} is "${row.outcome}", not quarantined; nothing to dismiss`,
    );
  }
  const done = rederive(core, row.meter, { dismissed: readingId });
  return {
    meterId: row.meter,
    intervals: done.intervals,
    changed: done.changed.filter((c) => c.id !== readingId),
  };
}

/**
 * Derives a meter's intervals again from everything stored for it (readings and register
 * events, in time order) and replaces what was derived before, recording `added` events in
 * the same transaction. Readings held out at arrival (see `HELD_OUT`) stay as they are.
 */
export function rederive(
  core: TwinCore,
  meterId: string,
  { confirmed, dismissed, added = [] }: RederiveOptions = {},
): Rederived {
  const i = core.meterIndex.get(meterId);
  if (i === undefined) throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter ${meterId}`);
  const meter = core.meters[i]!;
  const store = core.store;
  const nowMs = core.nowMs();

  // Run the engine over the stored readings and events, with the confirmed unit where there
  // is one.
  const intervals: Interval[] = [];
  const outcomes = new Map<number, string>();
  const states = new Map<string, EngineState>();
  const events = [...store.meterEvents(meterId), ...added];
  const rows = store.meterReadings(meterId);
  for (const item of replayOrder(rows, events)) {
    if ('event' in item) {
      const prior = registerStateOf(states.get(meterId) ?? null);
      const step = applyStoredEvent(prior, item.event, core.profiles[i]!);
      states.set(meterId, step.state);
      if (step.interval) intervals.push(step.interval);
      continue;
    }
    const row = item.reading;
    if (row.id === dismissed) {
      outcomes.set(row.id, 'dismissed');
      continue;
    }
    if (row.id !== confirmed?.id && HELD_OUT.has(row.outcome)) continue;
    if (futureReading(row.ts, nowMs) !== null) {
      outcomes.set(row.id, 'future');
      continue;
    }
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
      ...(row.serial === null ? {} : { serial: row.serial }),
    };
    const key = stateKey(meterId, row.kind);
    const step = judge(core, i, reading, unit ?? row.unit, states.get(key) ?? null);
    if (step.state) states.set(key, step.state);
    outcomes.set(row.id, step.outcome);
    if (step.interval) intervals.push(step.interval);
  }
  intervals.sort((a, b) => a.endMs - b.endMs);
  const before = store.meterVolume(meterId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  store.rederive(meterId, {
    intervals,
    outcomes,
    states,
    events: added,
    ...(confirmed ? { confirmed } : {}),
  });

  // Bring the live state in line with the store.
  const engine = core.engine;
  for (const key of [...engine.keys()]) {
    if (key === meterId || key.startsWith(`${meterId}#`)) engine.delete(key);
  }
  for (const [key, state] of states) engine.set(key, state);
  const after = intervals.reduce((sum, iv) => sum + iv.volumeL, 0);
  core.bookedL[i]! += after - before;
  core.lastEndMs[i] = intervals.at(-1)?.endMs ?? null;
  if (core.lastMs !== null) {
    core.todayL[i] = store.meterVolume(meterId, core.dayStartMs, Number.MAX_SAFE_INTEGER);
  }
  core.log.info(
    { meter: meterId, intervals: intervals.length, confirmed: confirmed?.id, dismissed },
    'rederived',
  );
  const changed = rows
    .filter((r) => outcomes.has(r.id) && outcomes.get(r.id) !== r.outcome)
    .map((r) => ({ id: r.id, tsMs: r.ts, from: r.outcome, to: outcomes.get(r.id)! }));
  return { intervals: intervals.length, outcomes, changed };
}
