/**
 * Night windows (domain.md §7.4: 01:00–05:00 local by default): hours grouped by the local
 * date whose night they belong to, in the building's zone.
 */

import type { HourVolume } from '../../models/detection';
import { localFields } from './localTime';

export interface Night {
  /** Local date of the night, `2016-08-22`. */
  readonly date: string;
  readonly hours: readonly HourVolume[];
}

/**
 * The hours whose local start lies in [fromHour, toHour) of each local date, in order; a
 * window with fromHour > toHour wraps midnight and belongs to the date it ends on.
 */
export function nightsOf(
  hours: readonly HourVolume[],
  window: readonly [number, number],
  zone: string,
): Night[] {
  const [fromHour, toHour] = window;
  const nights: Night[] = [];
  let current: { date: string; hours: HourVolume[] } | undefined;
  for (const hour of hours) {
    const local = localFields(hour.startMs, zone);
    const inside =
      fromHour <= toHour
        ? local.hour >= fromHour && local.hour < toHour
        : local.hour >= fromHour || local.hour < toHour;
    if (!inside) continue;
    const date = fromHour > toHour && local.hour >= fromHour ? local.nextIsoDate : local.isoDate;
    if (current?.date !== date) {
      current = { date, hours: [] };
      nights.push(current);
    }
    current.hours.push(hour);
  }
  return nights;
}
