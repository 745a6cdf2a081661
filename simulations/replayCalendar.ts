import { DateTime } from 'luxon';

/**
 * Places recorded days onto the building's calendar so that a replayed Monday is a recorded
 * Monday and a replayed March is (within three days) a recorded March: office water use
 * follows the working week first and the season second. Times of day are kept as written.
 *
 * The rule, for a recording that runs from `firstDate` to `lastDate` (local dates, inclusive):
 * 1. Each year Y has an anchor A(Y): the date with `firstDate`'s weekday nearest to
 *    `firstDate`'s month-day in Y (never a tie: the nearest lies within ±3 days). A(first
 *    year) is `firstDate` itself.
 * 2. A building date D belongs to the year Y whose anchor is the last one on or before D:
 *    A(D's year) if D is on or after it, else A(D's year − 1).
 * 3. The recorded date is R = firstDate + (D − A(Y)) days, and the cycle is
 *    k = Y − (first year): it counts how often the replay has wrapped back to the start.
 *
 * Consecutive anchors are 364 or 371 days apart (a whole number of weeks), so weekdays always
 * match. A recording of 365 days (52 weeks and a day) therefore does not fit every year
 * exactly, and we neither repeat nor stretch recorded days:
 * - in a 364-day year the recording's last day is not played; the register's seam
 *   (see the replay source) carries that day's water forward in one interval;
 * - in a 371-day year (about one year in six) the days after the recording's end have no
 *   recorded day: `recordedDayFor` returns null, and the replay is silent for those 6 days
 *   rather than invent water.
 * Within a year, consecutive building days map to consecutive recorded days; the only seam
 * is at each anchor. A recording longer than 371 days plays only its first 364 or 371 days.
 */

/** Where a building date's water comes from. */
export interface RecordedDay {
  /** Recorded local date, YYYY-MM-DD. */
  readonly recordedDateIso: string;
  /** Wraps since the recording's first year; negative before it. */
  readonly cycle: number;
}

export interface ReplayCalendar {
  /** First recorded local date, YYYY-MM-DD. */
  readonly firstDateIso: string;
  /** Last recorded local date, YYYY-MM-DD. */
  readonly lastDateIso: string;
  /** Length of the recording, days, both ends included. */
  readonly recordingDays: number;
  /** The recorded day played on a building-local date (YYYY-MM-DD); null when none is. */
  recordedDayFor(buildingLocalDateIso: string): RecordedDay | null;
  /** First building date of year `year`'s replay (its anchor), YYYY-MM-DD. */
  anchorOf(year: number): string;
}

/** Builds the calendar for a recording spanning `firstDateIso` … `lastDateIso`. */
export function createReplayCalendar(firstDateIso: string, lastDateIso: string): ReplayCalendar {
  const first = parseDate(firstDateIso, 'firstDateIso');
  const last = parseDate(lastDateIso, 'lastDateIso');
  const recordingDays = daysBetween(first, last) + 1;
  if (recordingDays < 1) {
    throw new Error(`replayCalendar: lastDateIso ${lastDateIso} is before ${firstDateIso}`);
  }

  const anchorOf = (year: number): DateTime => {
    // Feb 29 has no twin in common years; the 28th stands in for it.
    const monthStart = DateTime.utc(year, first.month, 1);
    const base = monthStart.set({ day: Math.min(first.day, monthStart.daysInMonth ?? 28) });
    // Shift to the recording's weekday by −3 … +3 days.
    const shift = (((first.weekday - base.weekday) % 7) + 7) % 7;
    return base.plus({ days: shift > 3 ? shift - 7 : shift });
  };

  return {
    firstDateIso: first.toISODate() ?? firstDateIso,
    lastDateIso: last.toISODate() ?? lastDateIso,
    recordingDays,
    anchorOf: (year) => anchorOf(year).toISODate() ?? '',
    recordedDayFor(buildingLocalDateIso) {
      // Find the year whose anchor is the last one on or before the date.
      const date = parseDate(buildingLocalDateIso, 'buildingLocalDateIso');
      let year = date.year;
      let anchor = anchorOf(year);
      if (date < anchor) {
        year -= 1;
        anchor = anchorOf(year);
      }

      // Same offset from the anchor as from the recording's first day.
      const dayInYear = daysBetween(anchor, date);
      if (dayInYear >= recordingDays) return null;
      return {
        recordedDateIso: first.plus({ days: dayInYear }).toISODate() ?? '',
        cycle: year - first.year,
      };
    },
  };
}

function parseDate(iso: string, name: string): DateTime {
  const date = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!date.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    throw new Error(`replayCalendar: ${name} must be a date YYYY-MM-DD, got '${iso}'`);
  }
  return date;
}

/** Whole days from `a` to `b`, both UTC midnights. */
function daysBetween(a: DateTime, b: DateTime): number {
  return Math.round(b.diff(a, 'days').days);
}
