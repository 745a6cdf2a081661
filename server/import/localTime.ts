import { DateTime } from 'luxon';
import { createLocalTimeResolver } from '../time/localWallTime';

/**
 * Reads the time column of an import (DESIGN §5: local times are read in the zone the import
 * declares, DST repeats and skips handled):
 * - a time with an offset (`Z`, `+02:00`; luxon tokens `Z`, `ZZ`, `ZZZ`, `z`) is that instant;
 * - a local time without one is read in the mapping's zone;
 * - a local time the zone skips (spring forward, e.g. 27/03/2016 02:30 in Madrid) is refused:
 *   no meter read then, and moving the row would invent an instant;
 * - a local time the zone repeats (fall back, e.g. 30/10/2016 02:08 in Madrid) is resolved per
 *   file key in file order: the first row at a wall time takes the earlier instant (summer
 *   offset), a second row at the same wall time the later one. Rows of that key later in the
 *   repeated hour stay on the later offset, and so does a row whose wall time steps back
 *   inside the hour, since recorders write the repeated hour in time order
 *   (`server/time/localWallTime.ts`).
 */

export type TimeRead =
  | { readonly tsMs: number; readonly laterOffset: boolean }
  | { readonly reason: string };

/** Reads one time cell; `key` is the file key the repeated-hour rule is tracked under. */
export type TimeReader = (text: string, key: string) => TimeRead;

/** An offset after a clock time: `Z`, `+02`, `+0200`, `+02:00`. */
const ISO_OFFSET = /\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;
/** Luxon tokens that make a parsed text an instant rather than a wall time. */
const INSTANT_TOKENS = /[zZ]/;

/** A parsed cell: an instant, or a wall time expressed as if it were UTC. */
type Parsed =
  | { readonly instantMs: number }
  | { readonly wallMs: number }
  | { readonly reason: string };

export function createTimeReader(format: string, zone: string): TimeReader {
  const parse = createParser(format);
  const resolve = createLocalTimeResolver(zone, { remember: 'lastDay' });

  // Long files repeat each time for every meter: keep the last parse.
  let lastText: string | null = null;
  let lastParsed: Parsed = { reason: '' };

  return (text, key) => {
    if (text !== lastText) {
      lastText = text;
      lastParsed = parse(text);
    }
    const parsed = lastParsed;
    if ('reason' in parsed) return parsed;
    if ('instantMs' in parsed) return { tsMs: parsed.instantMs, laterOffset: false };

    const placed = resolve(parsed.wallMs, key, undefined);
    if (placed === null) {
      return { reason: `local time '${text}' does not exist in ${zone} (skipped by a DST change)` };
    }
    return { tsMs: placed.tsMs, laterOffset: placed.laterOffset };
  };
}

/** Text → instant or wall time, by `iso` or a luxon format. */
function createParser(format: string): (text: string) => Parsed {
  if (format === 'iso') {
    return (text) => {
      const absolute = ISO_OFFSET.test(text);
      const dt = DateTime.fromISO(text, { zone: 'UTC', setZone: absolute });
      if (!dt.isValid) return { reason: `unreadable time '${text}' (expected ISO 8601)` };
      // Read in UTC, a wall time's epoch ms is its clock reading as if it were UTC.
      return absolute ? { instantMs: dt.toMillis() } : { wallMs: dt.toMillis() };
    };
  }
  const absolute = INSTANT_TOKENS.test(format.replace(/'[^']*'/g, ''));
  const parser = DateTime.buildFormatParser(format, { locale: 'en-US' });
  return (text) => {
    const dt = DateTime.fromFormatParser(text, parser, { zone: 'UTC', setZone: absolute });
    if (!dt.isValid) {
      return { reason: `unreadable time '${text}' (expected ${format}: ${dt.invalidExplanation})` };
    }
    return absolute ? { instantMs: dt.toMillis() } : { wallMs: dt.toMillis() };
  };
}
