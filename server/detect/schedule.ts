/**
 * Scheduled uses (irrigation programme, cooling season, canteen preparation) that flow rules
 * must not alarm. The schedule is passed in by the caller; times are local to the building.
 */

import type { ScheduledUse } from '../../models/detection';
import { localFields } from './localTime';

/** The scheduled use covering `tMs` (epoch ms) on `meterId`, or undefined. */
export function scheduledAt(
  schedule: readonly ScheduledUse[],
  meterId: string,
  tMs: number,
  zone: string,
): ScheduledUse | undefined {
  const uses = schedule.filter((u) => u.meterId === meterId);
  if (uses.length === 0) return undefined;
  const local = localFields(tMs, zone);
  const hour = local.hourOfDay;
  return uses.find((use) => {
    if (use.months !== undefined && !use.months.includes(local.month)) return false;
    if (use.hours === undefined) return true;
    const [from, to] = use.hours;
    return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
  });
}
