import chineseDays from 'chinese-days';
import { DateTime } from 'luxon';

/**
 * Mainland-China working days and local days cut in the building's zone (DESIGN §5: days are
 * cut in the building's zone). Holidays and adjusted working days (调休) come from the
 * `chinese-days` package, which knows the State Council schedules 2004–2026; later years fall
 * back to "Monday to Friday" until the package learns them (update the package each December).
 */

/** Years whose holidays and adjusted working days `chinese-days` 1.5.7 knows. */
export const KNOWN_HOLIDAY_YEARS = { first: 2004, last: 2026 } as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Whether a local calendar date (`YYYY-MM-DD`) is a working day in mainland China: weekdays
 * that are not public holidays, plus weekend days declared working days (调休上班).
 */
export function isWorkingDay(localDateIso: string): boolean {
  const match = ISO_DATE.exec(localDateIso);
  if (!match) throw new Error(`calendar: expected a YYYY-MM-DD date, got "${localDateIso}"`);
  const [, year, month, day] = match;

  // chinese-days 1.5.7 reads a 'YYYY-MM-DD' string as UTC midnight but formats it with local
  // getters, so west of UTC it answers for the previous day. A local-noon Date avoids that.
  return chineseDays.isWorkday(new Date(Number(year), Number(month) - 1, Number(day), 12));
}

/** One local calendar day of a zone. */
export interface LocalDay {
  /** `YYYY-MM-DD` in the zone. */
  readonly dateIso: string;
  /** Local midnight that opens the day, epoch ms. */
  readonly startMs: number;
  /** Local midnight that closes the day (exclusive), epoch ms; 23 h or 25 h after on DST days. */
  readonly endMs: number;
  /** 1 = January … 12 = December. */
  readonly month: number;
  /** Days since 1970-01-01 of the local date; a stable integer key for per-day randomness. */
  readonly dayOrdinal: number;
  readonly working: boolean;
  /** UTC offset at the start of the day, minutes. */
  readonly offsetStartMin: number;
  /** False on the rare days whose UTC offset changes (DST). */
  readonly uniformOffset: boolean;
}

function buildLocalDay(tsMs: number, timeZone: string): LocalDay {
  const start = DateTime.fromMillis(tsMs, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new Error(`calendar: unknown time zone "${timeZone}"`);
  const end = start.plus({ days: 1 });
  const endMs = end.toMillis();
  const dateIso = start.toISODate()!;
  return {
    dateIso,
    startMs: start.toMillis(),
    endMs,
    month: start.month,
    dayOrdinal: Math.round(Date.UTC(start.year, start.month - 1, start.day) / DAY_MS),
    working: isWorkingDay(dateIso),
    offsetStartMin: start.offset,
    uniformOffset: DateTime.fromMillis(endMs - 1, { zone: timeZone }).offset === start.offset,
  };
}

/** Memoised local days of one zone, for hot loops that ask for the same days again and again. */
export interface LocalDays {
  readonly timeZone: string;
  /** The local day that contains `tsMs`. */
  dayAt(tsMs: number): LocalDay;
  /** Wall-clock time since local midnight at `tsMs` (which must lie in `day`), ms. */
  timeOfDayMs(day: LocalDay, tsMs: number): number;
}

export function createLocalDays(timeZone: string): LocalDays {
  // Local days keyed by every UTC day number they overlap; a UTC day meets at most two.
  const byUtcDay = new Map<number, LocalDay[]>();
  let last: LocalDay = buildLocalDay(0, timeZone);

  function dayAt(tsMs: number): LocalDay {
    if (tsMs >= last.startMs && tsMs < last.endMs) return last;

    const utcDay = Math.floor(tsMs / DAY_MS);
    for (const day of byUtcDay.get(utcDay) ?? []) {
      if (tsMs >= day.startMs && tsMs < day.endMs) {
        last = day;
        return day;
      }
    }

    const day = buildLocalDay(tsMs, timeZone);
    const lastUtcDay = Math.floor((day.endMs - 1) / DAY_MS);
    for (let key = Math.floor(day.startMs / DAY_MS); key <= lastUtcDay; key++) {
      const list = byUtcDay.get(key);
      if (list) list.push(day);
      else byUtcDay.set(key, [day]);
    }
    last = day;
    return day;
  }

  function timeOfDayMs(day: LocalDay, tsMs: number): number {
    if (day.uniformOffset) return tsMs - day.startMs;
    // DST day: wall time is elapsed time corrected by the offset change so far.
    const offsetMin = DateTime.fromMillis(tsMs, { zone: timeZone }).offset;
    const wallMs = tsMs - day.startMs + (offsetMin - day.offsetStartMin) * 60_000;
    return Math.min(Math.max(wallMs, 0), DAY_MS - 1);
  }

  return { timeZone, dayAt, timeOfDayMs };
}
