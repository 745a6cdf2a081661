import { ErrorCode } from '../models/errors';
import type { QuarantinedReading } from '../models/health';
import type { Reading } from '../models/reading';
import { ApiFailure } from './apiFailure';
import type { Interval } from './engine/consumption';
import { applyAnyReading, type EngineState, registerStateOf, stateKey } from './engine/dispatch';
import { applyStoredEvent, replayOrder } from './registerEvents';
import type { StoredEvent } from './store';
import { engineValue, kindContext, type TwinCore } from './twinCore';
import { QUARANTINE_REASONS } from './twinHealth';

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

/**
 * An engineer confirms the unit a quarantined reading's value is really in; the meter's
 * intervals are derived again from its stored readings with that reading included.
 */
export function confirmUnit(
  core: TwinCore,
  readingId: number,
  unit: 'L' | 'm3',
): { meterId: string; intervals: number } {
  const row = core.store.reading(readingId);
  if (!row) throw new ApiFailure(404, ErrorCode.notFound, `no stored reading with id ${readingId}`);
  if (row.outcome !== 'unit_mismatch') {
    throw new ApiFailure(
      409,
      ErrorCode.conflict,
      `reading ${readingId} is "${row.outcome}", not held for its unit; nothing to confirm`,
    );
  }
  const intervals = rederive(core, row.meter, { id: readingId, unit });
  return { meterId: row.meter, intervals };
}

/**
 * Derives a meter's intervals again from everything stored for it (readings and register
 * events, in time order) and replaces what was derived before, recording `added` events in
 * the same transaction. Returns the number of intervals.
 */
export function rederive(
  core: TwinCore,
  meterId: string,
  confirmed?: { id: number; unit: 'L' | 'm3' },
  added: readonly StoredEvent[] = [],
): number {
  const i = core.meterIndex.get(meterId);
  if (i === undefined) throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter ${meterId}`);
  const meter = core.meters[i]!;
  const store = core.store;

  // Run the engine over the stored readings and events, with the confirmed unit where there
  // is one.
  const intervals: Interval[] = [];
  const outcomes = new Map<number, string>();
  const states = new Map<string, EngineState>();
  const events = [...store.meterEvents(meterId), ...added];
  for (const item of replayOrder(store.meterReadings(meterId), events)) {
    if ('event' in item) {
      const prior = registerStateOf(states.get(meterId) ?? null);
      const step = applyStoredEvent(prior, item.event, core.profiles[i]!);
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
      kindContext(core, i),
      row.serial,
    );
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
    { meter: meterId, intervals: intervals.length, confirmed: confirmed?.id },
    'rederived',
  );
  return intervals.length;
}
