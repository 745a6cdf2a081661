/**
 * Local calendar fields of an instant in the building's zone. Detectors ask for the same hours
 * again and again (every meter, every rule, every hourly run over a sliding window), and a
 * zone lookup through luxon costs microseconds each: measured, it was two thirds of a
 * detection run. The zone's offset is looked up once per UTC hour (memo bounded), and the
 * fields are what luxon gives for the same instant.
 */

import { DateTime } from 'luxon';

export interface LocalFields {
  /** Local hour with minutes as a fraction, 0–24. */
  readonly hourOfDay: number;
  /** Local whole hour, 0–23. */
  readonly hour: number;
  /** Local month, 1–12. */
  readonly month: number;
  /** Local date, `2016-08-22`. */
  readonly isoDate: string;
  /** The local date after it. */
  readonly nextIsoDate: string;
}

/** Entries kept before a memo starts over (a year of hours for a few zones). */
const MAX_ENTRIES = 50_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** The zone's UTC offset through one UTC hour, minutes; null when it changes inside it. */
const offsets = new Map<string, number | null>();

function offsetThroughHour(hourStartMs: number, zone: string): number | null {
  const key = `${zone}|${hourStartMs}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const first = DateTime.fromMillis(hourStartMs, { zone }).offset;
  const last = DateTime.fromMillis(hourStartMs + HOUR_MS - 1, { zone }).offset;
  const offset = first === last ? first : null;
  if (offsets.size >= MAX_ENTRIES) offsets.clear();
  offsets.set(key, offset);
  return offset;
}

const isoDateOf = (wall: Date) => wall.toISOString().slice(0, 10);

/**
 * The fields from the zone's offset, by plain date arithmetic on the wall-clock instant: one
 * luxon lookup per UTC hour instead of one per instant (detectors read every 5–15 minute
 * interval of two weeks, every hour). Hours in which the offset changes go through luxon.
 */
export function localFields(tMs: number, zone: string): LocalFields {
  const offset = offsetThroughHour(Math.floor(tMs / HOUR_MS) * HOUR_MS, zone);
  if (offset === null) return viaLuxon(tMs, zone);
  const wall = new Date(tMs + offset * MINUTE_MS);
  const hour = wall.getUTCHours();
  // The dates are strings most callers never read: made when asked for.
  return {
    hourOfDay: hour + wall.getUTCMinutes() / 60,
    hour,
    month: wall.getUTCMonth() + 1,
    get isoDate() {
      return isoDateOf(wall);
    },
    get nextIsoDate() {
      return isoDateOf(new Date(wall.getTime() + 24 * HOUR_MS));
    },
  };
}

const memo = new Map<string, LocalFields>();

function viaLuxon(tMs: number, zone: string): LocalFields {
  const key = `${zone}|${tMs}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  const local = DateTime.fromMillis(tMs, { zone });
  const fields: LocalFields = {
    hourOfDay: local.hour + local.minute / 60,
    hour: local.hour,
    month: local.month,
    isoDate: local.toISODate() ?? '',
    nextIsoDate: local.plus({ days: 1 }).toISODate() ?? '',
  };
  if (memo.size >= MAX_ENTRIES) memo.clear();
  memo.set(key, fields);
  return fields;
}
