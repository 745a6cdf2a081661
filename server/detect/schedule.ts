/**
 * Scheduled uses (irrigation programme, cooling season, canteen preparation) that flow rules
 * must not alarm. The schedule is passed in by the caller; times are local to the building.
 */

import type { ScheduledUse } from '../../models/detection';
import { type LocalFields, localFields } from './localTime';

/** The scheduled use covering `tMs` (epoch ms) on `meterId`, or undefined. */
export function scheduledAt(
  schedule: readonly ScheduledUse[],
  meterId: string,
  tMs: number,
  zone: string,
): ScheduledUse | undefined {
  if (!schedule.some((u) => u.meterId === meterId)) return undefined;
  return scheduledAtLocal(schedule, meterId, localFields(tMs, zone));
}

/** The same, for an instant whose local fields the caller already has. */
export function scheduledAtLocal(
  schedule: readonly ScheduledUse[],
  meterId: string,
  local: LocalFields,
): ScheduledUse | undefined {
  const hour = local.hourOfDay;
  return schedule.find((use) => {
    if (use.meterId !== meterId) return false;
    if (use.months !== undefined && !use.months.includes(local.month)) return false;
    if (use.hours === undefined) return true;
    const [from, to] = use.hours;
    return from <= to ? hour >= from && hour < to : hour >= from || hour < to;
  });
}
