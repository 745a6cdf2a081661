import { DateTime } from 'luxon';
import { isWorkingDay } from '../calendar';

/**
 * Calendar days for planning: each local date with its month and whether it is a mainland
 * working day. A baseline day's demand depends only on (month, working), so a year reduces
 * to 24 cells.
 */
export interface PlanningDay {
  readonly dateIso: string;
  /** 1 = January … 12 = December. */
  readonly month: number;
  readonly working: boolean;
}

/** Number of (month, day kind) cells. */
export const CELLS = 24;

/** The cell of a month (1–12) and day kind: working days even, rest days odd. */
export function cellOf(month: number, working: boolean): number {
  return (month - 1) * 2 + (working ? 0 : 1);
}

/** Every date from `fromIso` to `toIso`, both included. */
export function planningDays(fromIso: string, toIso: string): PlanningDay[] {
  const from = DateTime.fromISO(fromIso, { zone: 'utc' });
  const to = DateTime.fromISO(toIso, { zone: 'utc' });
  if (!from.isValid || !to.isValid || to < from) {
    throw new Error(`planning calendar: "${fromIso}" to "${toIso}" is not a date range`);
  }
  const days: PlanningDay[] = [];
  for (let d = from; d <= to; d = d.plus({ days: 1 })) {
    const dateIso = d.toISODate()!;
    days.push({ dateIso, month: d.month, working: isWorkingDay(dateIso) });
  }
  return days;
}

/** How many days of each cell a list of days holds. */
export function cellCounts(days: readonly PlanningDay[]): Float64Array {
  const counts = new Float64Array(CELLS);
  for (const day of days) counts[cellOf(day.month, day.working)]! += 1;
  return counts;
}
