import { DateTime } from 'luxon';
import type { MeteredContext, MeteredTotal } from '../../models/retrofitApi';

const HOUR_MS = 3_600_000;
/** A meter takes part in calibration when this share of the period's hours holds data. */
export const MIN_COVERAGE = 0.95;

/** What the metered period needs of the store. */
export interface MeteredSource {
  /** Volume booked on a meter in (fromMs, toMs], L. */
  meterVolume(meterId: string, fromMs: number, toMs: number): number;
  /** Hourly rows of a meter from `fromMs` to `toMs`. */
  hourly(meterId: string, fromMs: number, toMs: number): ReadonlyArray<{ hourMs: number }>;
}

/**
 * The metered totals of the `days` whole local days before the twin's current day, for
 * calibrating the planner's baseline. A meter whose hours are not covered well enough (new
 * meters, gaps, a twin that started recently) is listed but left out of the calibration, so
 * a short history never scales an area down to nothing.
 */
export function meteredPeriod(
  store: MeteredSource,
  meterIds: readonly string[],
  zone: string,
  twinTimeMs: number | null,
  days: number,
): MeteredContext | null {
  if (twinTimeMs === null) return null;

  // Step 1: the period, cut at local midnights in the building's zone.
  const today = DateTime.fromMillis(twinTimeMs, { zone }).startOf('day');
  const from = today.minus({ days });
  const fromMs = from.toMillis();
  const toMs = today.toMillis();
  const hours = Math.round((toMs - fromMs) / HOUR_MS);

  // Step 2: each meter's volume and how much of the period it covers.
  const meters = meterIds.map((meterId): MeteredTotal => {
    const covered = store.hourly(meterId, fromMs, toMs).length;
    const coverage = hours > 0 ? Math.min(1, covered / hours) : 0;
    const m3 = store.meterVolume(meterId, fromMs, toMs) / 1000;
    return { meterId, m3, coverage, used: coverage >= MIN_COVERAGE };
  });

  // Step 3: the projection's period from the meters with enough data.
  const used = meters.filter((m) => m.used);
  const fromIso = from.toISODate() ?? '';
  const toIso = today.minus({ days: 1 }).toISODate() ?? '';
  return {
    days,
    fromIso,
    toIso,
    meters,
    period:
      used.length > 0
        ? { fromIso, toIso, meteredM3: Object.fromEntries(used.map((m) => [m.meterId, m.m3])) }
        : null,
  };
}
