import type Database from 'better-sqlite3';
import type { HourVolume } from '../../models/detection';
import { DETECTION_DEFAULTS } from '../../models/detectionDefaults';
import { SUSPECT_FLAGS } from '../detect/hours';
import type { IntervalFlag } from '../engine/interval';

/**
 * The hourly series the detectors read, from the store's `hourly` table (DESIGN §6): one
 * query for every meter's hours over the window and one for the flagged intervals in it.
 * Hours are whole UTC hours as the table books them (whole local hours in Asia/Shanghai).
 *
 * Data-health guard (issue #4): an hour without a row is null (no data is not no use), an
 * hour touched by an `estimated_gap` interval is estimated, one touched by a stuck, rebased,
 * reset, rolled-over or replaced register is suspect. Every hour of a run of at least
 * `stuckHours` zero hours is a still zero (`stillZero`), and so is a zero hour inside a run of
 * `stillHours` or more when the meter drew water at that hour of the day on `stillUseDays` of
 * the seven days before: an office floor dry all morning on a working day is more likely a
 * stuck register than an empty building. The balance counts a child's still zero as 0 with an
 * allowance of its usual use at that hour, so a stuck child does not read as its parent's leak;
 * the meter's own night and continuous rules read it as a zero.
 */

const HOUR_MS = 3_600_000;

export interface HourInputOptions {
  readonly meterIds: readonly string[];
  /** Hours starting in [fromMs, toMs), epoch ms, whole hours. */
  readonly fromMs: number;
  readonly toMs: number;
  /** Zero hours in a row after which a meter's zeros are not trusted. */
  readonly stuckHours: number;
  /** A shorter zero run whose hours usually draw water is not trusted either, from this long. */
  readonly stillHours?: number;
  /** Days of the previous seven with use at the same hour that make a zero hour unusual. */
  readonly stillUseDays?: number;
}

export function hourInputs(
  db: Database.Database,
  options: HourInputOptions,
): Map<string, HourVolume[]> {
  const { fromMs, toMs } = options;

  // Every meter's stored hours in the window, and the spans of intervals whose register
  // cannot be trusted hour by hour; range reads on each table's (meter, time) key.
  const hourRows = db.prepare(
    'SELECT hour_ts, volume_l, estimated FROM hourly ' +
      'WHERE meter = ? AND hour_ts >= ? AND hour_ts < ?',
  );
  const flaggedRows = db.prepare(
    'SELECT start_ts, end_ts, flags FROM intervals ' +
      "WHERE meter = ? AND end_ts > ? AND start_ts < ? AND flags <> ''",
  );
  const stored = new Map<string, Map<number, { volumeL: number; estimated: boolean }>>();
  const bad = new Map<string, Array<{ startMs: number; endMs: number }>>();
  for (const meterId of options.meterIds) {
    const rows = hourRows.all(meterId, fromMs, toMs) as Array<{
      hour_ts: number;
      volume_l: number;
      estimated: number;
    }>;
    stored.set(
      meterId,
      new Map(rows.map((r) => [r.hour_ts, { volumeL: r.volume_l, estimated: r.estimated === 1 }])),
    );
    const flagged = flaggedRows.all(meterId, fromMs, toMs) as Array<{
      start_ts: number;
      end_ts: number;
      flags: string;
    }>;
    const spans = flagged
      .filter((f) => (f.flags.split(',') as IntervalFlag[]).some((flag) => SUSPECT_FLAGS.has(flag)))
      .map((f) => ({ startMs: f.start_ts, endMs: f.end_ts }));
    bad.set(meterId, spans);
  }

  // A full grid per meter, so a missing hour is a null hour and not a shorter night.
  const out = new Map<string, HourVolume[]>();
  for (const meterId of options.meterIds) {
    const byHour = stored.get(meterId);
    const spans = bad.get(meterId) ?? [];
    const hours: HourVolume[] = [];
    for (let startMs = fromMs; startMs < toMs; startMs += HOUR_MS) {
      const endMs = startMs + HOUR_MS;
      const row = byHour?.get(startMs);
      const suspect = spans.some((s) => s.startMs < endMs && s.endMs > startMs);
      const base = {
        startMs,
        endMs,
        volumeL: row?.volumeL ?? null,
        estimated: row?.estimated ?? false,
      };
      hours.push(suspect ? { ...base, suspect } : base);
    }
    out.set(
      meterId,
      markStillZeros(hours, {
        stuckHours: options.stuckHours,
        stillHours: options.stillHours ?? DETECTION_DEFAULTS.stillHours.value,
        stillUseDays: options.stillUseDays ?? DETECTION_DEFAULTS.stillUseDays.value,
      }),
    );
  }
  return out;
}

/**
 * Marks as still zeros every hour of a run of at least `stuckHours` zero-volume hours, and the
 * hours of a run of at least `stillHours` that usually draw water (see the module comment).
 * The meter's own night and continuous rules still read them as zeros: a stuck register
 * shows no rise, and an idle meter (a lawn in April) must still learn its quiet nights.
 */
export function markStillZeros(
  hours: readonly HourVolume[],
  rule: { stuckHours: number; stillHours: number; stillUseDays: number },
): HourVolume[] {
  const out = [...hours];
  const usual = (i: number) => {
    let used = 0;
    for (let day = 1; day <= 7; day++) if ((hours[i - 24 * day]?.volumeL ?? 0) > 0) used += 1;
    return used >= rule.stillUseDays;
  };
  let runStart = -1;
  for (let i = 0; i <= hours.length; i++) {
    const zero = i < hours.length && hours[i]?.volumeL === 0;
    if (zero && runStart < 0) runStart = i;
    if (zero || runStart < 0) continue;
    const length = i - runStart;
    for (let j = runStart; j < i; j++) {
      if (length >= rule.stuckHours || (length >= rule.stillHours && usual(j))) {
        out[j] = { ...hours[j]!, stillZero: true };
      }
    }
    runStart = -1;
  }
  return out;
}
