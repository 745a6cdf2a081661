import { DateTime } from 'luxon';
import type { Period } from './complianceApi';

/** Preset periods of whole local days, ending with the day before the twin's current day. */

export type Preset = 'last7' | 'last30' | 'thisYear';

/** The preset period as of twin time `nowMs` in the building's zone. */
export function presetPeriod(preset: Preset, nowMs: number, zone: string): Period {
  const today = DateTime.fromMillis(nowMs, { zone }).startOf('day');
  const to = today.minus({ days: 1 });
  const from =
    preset === 'last7'
      ? today.minus({ days: 7 })
      : preset === 'last30'
        ? today.minus({ days: 30 })
        : today.startOf('year');
  // On 1 January "this year" has no whole day yet: show the day before.
  const start = DateTime.min(from, to);
  return { from: start.toISODate() ?? '', to: to.toISODate() ?? '' };
}

/** Whether the server will take the period: dates in order, at most 400 days. */
export function validPeriod(p: Period): boolean {
  const from = DateTime.fromISO(p.from);
  const to = DateTime.fromISO(p.to);
  return from.isValid && to.isValid && to >= from && to.diff(from, 'days').days < 400;
}
