/**
 * Wall-clock time in the building's zone, with `Intl` only (no zone tables of our own).
 * The twin's clock and the chart axes show building time whatever the viewer's zone is.
 */

/** Calendar fields of an instant as read on a wall clock in some zone. */
export interface WallTime {
  readonly year: number;
  /** 1…12 */
  readonly month: number;
  readonly day: number;
  /** 0…23 */
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of epoch-ms `tsMs` in `timeZone` (an IANA name). */
export function wallTime(tsMs: number, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(tsMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` of `tsMs` in `timeZone`, as the KPI strip shows the twin clock. */
export function formatWallMinute(tsMs: number, timeZone: string): string {
  const w = wallTime(tsMs, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

/**
 * uPlot's `tzDate`: a Date whose *local* fields equal the wall clock of `tsS` (epoch seconds)
 * in `timeZone`, so uPlot's local-time axis prints building time.
 */
export function zonedDateForUplot(tsS: number, timeZone: string): Date {
  const w = wallTime(tsS * 1000, timeZone);
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}
