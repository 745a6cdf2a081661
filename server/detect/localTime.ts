/**
 * Local calendar fields of an instant in the building's zone, memoised. Detectors ask for the
 * same hour starts again and again (every meter, every rule, every hourly run over a sliding
 * window), and a zone lookup through luxon costs microseconds each: measured, it was two
 * thirds of a detection run. The memo is bounded and keyed by zone and instant, so it returns
 * exactly what luxon would.
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

/** Entries kept before the memo starts over (a year of hours for a few zones). */
const MAX_ENTRIES = 50_000;
const memo = new Map<string, LocalFields>();

export function localFields(tMs: number, zone: string): LocalFields {
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
