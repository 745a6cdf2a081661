import { IANAZone } from 'luxon';

/**
 * Local wall times without an offset, placed on the time line of an IANA zone (DESIGN §5).
 * Shared by the CSV import's time reader (`server/import/localTime.ts`) and the replay parser
 * of the recorded DAIAD file (`server/sources/daiadCsv.ts`); each keeps its own text format,
 * reasons and result shape.
 *
 * A wall time is given as `wallMs`: its clock reading as if it were UTC, epoch ms. It can mean
 * - no instant: the zone skips it (spring forward, e.g. 27/03/2016 02:30 in Madrid);
 * - one instant: most of the time;
 * - two instants: the zone repeats it (fall back, e.g. 30/10/2016 02:08 in Madrid). Which one
 *   is resolved per key (the caller's file key), in file order, since recorders write the
 *   repeated hour in time order:
 *   - a wall time the key has not had yet in that hour takes the earlier instant (summer
 *     offset), unless the key has already moved to the later offset in that hour, or its wall
 *     time steps back inside the hour: then the later one;
 *   - a wall time the key already had takes the later instant, unless the caller's
 *     `repeatIsLater` says otherwise for it (given the first row at that wall time);
 *   - once a key took the later instant, its remaining rows in that hour take it too.
 */

/** Where one wall time of one key falls. */
export interface WallInstant<T> {
  /** The instant, epoch ms (UTC). */
  readonly tsMs: number;
  /** The later of two instants: the second pass through a repeated hour. */
  readonly laterOffset: boolean;
  /** When the key already had this wall time in the repeated hour: its first row there. */
  readonly repeatOf?: FirstAtWall<T>;
}

/** The first row of a key at one wall time inside a repeated hour. */
export interface FirstAtWall<T> {
  /** It took the later instant. */
  readonly laterOffset: boolean;
  /** What the caller gave with it. */
  readonly data: T;
}

export interface LocalTimeOptions {
  /**
   * What each key remembers of repeated hours: `lastDay` only the day of its latest row in one
   * (meeting another day starts afresh), `everyDay` each such day it has had.
   */
  readonly remember: 'lastDay' | 'everyDay';
}

/**
 * Places one row of `key` at wall time `wallMs` in the zone; `null` when the zone skips that
 * time. `data` is kept with the first row at a repeated wall time, for `repeatIsLater` (by
 * default a repeat is on the later pass). Rows must arrive in file order.
 */
export type LocalTimeResolver<T> = (
  wallMs: number,
  key: string,
  data: T,
  repeatIsLater?: (first: FirstAtWall<T>) => boolean,
) => WallInstant<T> | null;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Resolves local wall times in `zone`, an IANA zone name the caller has checked. */
export function createLocalTimeResolver<T = undefined>(
  zone: string,
  options: LocalTimeOptions,
): LocalTimeResolver<T> {
  const instantsOf = createOffsetTable(IANAZone.create(zone));
  const passes = createRepeatTracker<T>(options.remember);

  return (wallMs, key, data, repeatIsLater) => {
    const [early, late] = instantsOf(wallMs);
    if (early === undefined) return null;
    if (late === undefined) return { tsMs: early, laterOffset: false };
    const { later, first } = passes.place(key, wallMs, data, repeatIsLater);
    const tsMs = later ? late : early;
    return first === undefined
      ? { tsMs, laterOffset: later }
      : { tsMs, laterOffset: later, repeatOf: first };
  };
}

/**
 * The instants a wall time can mean in a zone, ascending: none (skipped), one, or two
 * (repeated). Most days have one offset all day; those are remembered per day, and only
 * days with an offset change ask the zone for each time.
 */
function createOffsetTable(tz: IANAZone): (wallMs: number) => number[] {
  const steadyOffsetMin = new Map<number, number | null>();
  return (wallMs) => {
    const day = Math.floor(wallMs / DAY_MS);
    let steady = steadyOffsetMin.get(day);
    if (steady === undefined) {
      // Offsets lie within ±14 h, so a day either side sees the offsets before and after.
      const before = tz.offset(day * DAY_MS - DAY_MS);
      steady = before === tz.offset(day * DAY_MS + 2 * DAY_MS) ? before : null;
      steadyOffsetMin.set(day, steady);
    }
    if (steady !== null) return [wallMs - steady * MINUTE_MS];

    // An offset change is near: each offset in force around it that maps back to this wall
    // time gives one instant.
    const offsets = new Set([tz.offset(wallMs - DAY_MS), tz.offset(wallMs + DAY_MS)]);
    const instants: number[] = [];
    for (const offsetMin of offsets) {
      const instant = wallMs - offsetMin * MINUTE_MS;
      if (tz.offset(instant) === offsetMin) instants.push(instant);
    }
    return instants.sort((a, b) => a - b);
  };
}

/** What one key has seen inside one repeated hour. */
interface RepeatedHour<T> {
  readonly day: number;
  /** First row per wall time. */
  readonly firstByWall: Map<number, FirstAtWall<T>>;
  /** The key has reached the second pass through the hour. */
  later: boolean;
  /** Wall time of the key's previous row in the hour. */
  lastWallMs: number;
}

/** Which pass through a repeated hour each key is on (rules in the module comment). */
function createRepeatTracker<T>(remember: LocalTimeOptions['remember']) {
  const hours = new Map<string, RepeatedHour<T>>();
  return {
    place(
      key: string,
      wallMs: number,
      data: T,
      repeatIsLater?: (first: FirstAtWall<T>) => boolean,
    ): { later: boolean; first: FirstAtWall<T> | undefined } {
      const day = Math.floor(wallMs / DAY_MS);
      // A repeated hour is told by its day.
      const hourKey = remember === 'everyDay' ? `${key} ${day}` : key;
      let hour = hours.get(hourKey);
      if (hour === undefined || hour.day !== day) {
        hour = { day, firstByWall: new Map(), later: false, lastWallMs: wallMs };
        hours.set(hourKey, hour);
      }
      const first = hour.firstByWall.get(wallMs);
      const later =
        first === undefined
          ? hour.later || wallMs < hour.lastWallMs
          : (repeatIsLater?.(first) ?? true);
      if (first === undefined) hour.firstByWall.set(wallMs, { laterOffset: later, data });
      if (later) hour.later = true;
      hour.lastWallMs = wallMs;
      return { later, first };
    },
  };
}
