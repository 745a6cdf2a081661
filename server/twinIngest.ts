import { ErrorCode } from '../models/errors';
import type { Reading } from '../models/reading';
import { ApiFailure } from './apiFailure';
import type { Interval } from './engine/consumption';
import { applyAnyReading, type EngineState, registerStateOf, stateKey } from './engine/dispatch';
import { applyStoredEvent, rejection } from './registerEvents';
import type { StoredEvent, StoredReading } from './store';
import { account, engineValue, kindContext, type TwinCore } from './twinCore';
import { rederive } from './twinRederive';

/** What ingest decided about one reading, and the interval it booked (or would book). */
export interface IngestOutcome {
  readonly outcome: string | 'duplicate_seq';
  readonly flags: readonly string[];
  readonly interval: Interval | null;
}

/** What a sequence number was first seen with. */
export interface SeqSeen {
  readonly tsMs: number;
  readonly value: number | null;
}

/** A dry run's engine states and sequence numbers, carried from batch to batch. */
export interface PreviewScratch {
  readonly engine: Map<string, EngineState>;
  readonly seqs: Map<string, SeqSeen>;
}

export function newPreviewScratch(): PreviewScratch {
  return { engine: new Map(), seqs: new Map() };
}

/** What one step or ingest call gathers for its commit. */
export interface IngestBatch {
  readonly stored: StoredReading[];
  readonly intervals: Array<{ meterId: string; interval: Interval }>;
  readonly touched: Map<string, EngineState>;
}

/**
 * Ingests readings from outside the twin (HTTP, MQTT, import) through the same engine as
 * the built-in sources, in time order, and commits them before returning: an outcome
 * returned is an outcome stored. A reading repeating a meter's sequence number is a
 * duplicate when its time and value match, and a conflict otherwise.
 */
export function ingestReadings(core: TwinCore, readings: readonly Reading[]): IngestOutcome[] {
  const batch: IngestBatch = { stored: [], intervals: [], touched: new Map() };
  const conflicts: Reading[] = [];
  const results = inTimeOrder(
    core,
    readings,
    new Map(),
    (reading) => ingestOne(core, reading, batch),
    conflicts,
  );
  // Readings that contradict a sequence number are kept, as conflicts, for review.
  for (const reading of conflicts) batch.stored.push({ reading, outcome: 'conflict' });
  try {
    core.store.commit({
      readings: batch.stored,
      intervals: batch.intervals,
      engineStates: batch.touched,
      kv: new Map(),
    });
  } catch (err) {
    // Nothing was stored: forget what the twin learnt from these readings.
    core.loadFromStore();
    throw err;
  }
  return results;
}

/**
 * What `ingestReadings` would decide for these readings, changing nothing: the engine runs
 * on copies of the meters' states held in `scratch`, so a dry run can feed a long file batch
 * by batch. Start each dry run with a fresh `newPreviewScratch()`.
 */
export function previewReadings(
  core: TwinCore,
  readings: readonly Reading[],
  scratch: PreviewScratch,
): IngestOutcome[] {
  return inTimeOrder(core, readings, scratch.seqs, (reading) => {
    const key = stateKey(reading.meterId, reading.kind);
    const prior = scratch.engine.get(key) ?? core.engine.get(key);
    const step = decide(core, reading, prior ?? null);
    if (step.state) scratch.engine.set(key, step.state);
    return { outcome: step.outcome, flags: step.interval?.flags ?? [], interval: step.interval };
  });
}

/**
 * Runs readings through `apply` oldest first (ties in input order) and returns the outcomes
 * in input order. A reading whose meter and sequence number were seen (in `seqs`, or
 * stored) is a duplicate and is not applied.
 */
function inTimeOrder(
  core: TwinCore,
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
      const seen = seqs.get(seqKey) ?? core.store.seqReading(reading.meterId, reading.seq!);
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
function decide(
  core: TwinCore,
  reading: Reading,
  prior: EngineState | null,
): { outcome: string; state: EngineState | null; interval: Interval | null } {
  const i = core.meterIndex.get(reading.meterId);
  if (i === undefined) return { outcome: 'unknown_meter', state: null, interval: null };
  const meter = core.meters[i]!;
  if (reading.unit !== meter.register.unit) {
    return { outcome: 'unit_mismatch', state: null, interval: null };
  }
  const step = judge(core, i, reading, reading.unit, prior);
  if (step.outcome !== 'late') return step;

  // An older reading already stored (a file imported twice) is a repeat, not a late one.
  const storedValues = core.store.valuesAt(reading.meterId, reading.tsMs, reading.unit);
  if (storedValues.length === 0) return step;
  const repeat = storedValues.some((v) => v === reading.value);
  return { ...step, outcome: repeat ? 'duplicate' : 'conflict' };
}

/**
 * The checks every reading of meter `i` passes, its value read in `unit`: a value the
 * register can show, then the engine from `prior` (jumps, falls, lateness). Changes nothing;
 * shared by ingest and by re-derivation, so a reading confirmed later is judged as a fresh one.
 */
export function judge(
  core: TwinCore,
  i: number,
  reading: Reading,
  unit: 'L' | 'm3',
  prior: EngineState | null,
): { outcome: string; state: EngineState | null; interval: Interval | null } {
  const value = engineValue(reading, unit);
  if (reading.kind === 'flow' && value !== null && value < 0) {
    // A meter that measures one way cannot report water flowing back as use.
    return { outcome: 'negative_flow', state: null, interval: null };
  }
  if (value !== null && !(Math.abs(value) <= core.profiles[i]!.capacityL)) {
    // Beyond what the register can show (or not a number): neither a reading nor missing.
    return { outcome: 'out_of_range', state: null, interval: null };
  }
  const step = applyAnyReading(
    reading.kind,
    prior,
    reading.tsMs,
    value,
    kindContext(core, i),
    reading.serial ?? null,
  );

  // A first register reading from another meter than the one installed (the site file's, or
  // the last recorded exchange's) is an exchange seen in the data, as a serial change is;
  // with no reading of the old meter there is nothing to book across and nothing to ask.
  const installed =
    (prior === null ? null : registerStateOf(prior).serial) ?? core.meters[i]!.serial;
  const exchanged = reading.serial !== undefined && reading.serial !== installed;
  if (reading.kind === 'register' && step.outcome === 'first' && exchanged) {
    return { ...step, outcome: 'possible_meter_replacement' };
  }
  return step;
}

/** Runs a reading through the engine and records the outcome in the twin and the batch. */
export function ingestOne(core: TwinCore, reading: Reading, batch: IngestBatch): IngestOutcome {
  const key = stateKey(reading.meterId, reading.kind);
  const result = decide(core, reading, core.engine.get(key) ?? null);
  batch.stored.push({ reading, outcome: result.outcome });
  const i = core.meterIndex.get(reading.meterId);
  if (i === undefined || result.outcome === 'unit_mismatch') {
    return { outcome: result.outcome, flags: [], interval: null };
  }
  core.lastOutcome[i] = result.outcome;
  if (result.state !== null) {
    core.engine.set(key, result.state);
    batch.touched.set(key, result.state);
  }
  if (result.interval) {
    batch.intervals.push({ meterId: reading.meterId, interval: result.interval });
    account(core, i, result.interval);
  }
  return {
    outcome: result.outcome,
    flags: result.interval?.flags ?? [],
    interval: result.interval,
  };
}

/**
 * Applies a register event or an answer to a replacement question (see registerEvents.ts)
 * and commits it with the interval it books in one transaction. An event older than the
 * meter's last reading is stored and the meter derived again. Throws `ApiFailure` 404 for an
 * unknown meter, 409 when the engine refuses the values.
 */
export function registerEvent(
  core: TwinCore,
  event: StoredEvent,
): { rederived: boolean; interval: Interval | null } {
  const i = core.meterIndex.get(event.meterId);
  if (i === undefined) {
    throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter ${event.meterId}`);
  }
  // Values the register cannot show, and a second event at the same instant, are refused.
  const capacityL = core.profiles[i]!.capacityL;
  const unit = core.meters[i]!.register.unit;
  const inUnit = (litres: number): number => (unit === 'm3' ? litres / 1000 : litres);
  for (const [field, valueL] of eventValuesL(event)) {
    if (!(valueL >= 0 && valueL <= capacityL)) {
      const shown = Number.isFinite(valueL) ? String(inUnit(valueL)) : 'too large to store';
      throw new ApiFailure(
        400,
        ErrorCode.badRequest,
        `body.${field}: ${shown} — must lie between 0 and ` +
          `the register's capacity ${inUnit(capacityL)} ${unit}`,
      );
    }
  }
  if (core.store.hasEventAt(event.meterId, event.tsMs, event.kind)) {
    const at = new Date(event.tsMs).toISOString();
    throw new ApiFailure(
      409,
      ErrorCode.conflict,
      `meter ${event.meterId} already has a ${event.kind} at ${at}`,
    );
  }
  const prior = registerStateOf(core.engine.get(event.meterId) ?? null);
  const step = applyStoredEvent(prior, event, core.profiles[i]!);
  if (step.outcome === 'rejected') {
    throw new ApiFailure(409, ErrorCode.conflict, rejection(event, prior));
  }
  if (step.outcome === 'late') {
    rederive(core, event.meterId, { added: [event] });
    return { rederived: true, interval: null };
  }

  // Live state first, as ingest does: a failed commit reloads it from the store.
  core.engine.set(event.meterId, step.state);
  if (step.interval) account(core, i, step.interval);
  const intervals = step.interval ? [{ meterId: event.meterId, interval: step.interval }] : [];
  try {
    core.store.commit({
      readings: [],
      intervals,
      engineStates: new Map([[event.meterId, step.state]]),
      kv: new Map(),
      events: [event],
    });
  } catch (err) {
    core.loadFromStore();
    throw err;
  }
  return { rederived: false, interval: step.interval };
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
