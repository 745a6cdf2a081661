import { DateTime, IANAZone } from 'luxon';
import type { Reading } from '../../models/reading';
import { createReplayCalendar, type ReplayCalendar } from '../../simulations/replayCalendar';
import { type DaiadParseResult, isoDate, recordingDateSpan } from './daiadCsv';
import type { ReplayMapping } from './replayMapping';

/**
 * Replays a recorded file as live meter readings on the building's calendar.
 *
 * A reading recorded at wall time HH:MM:SS on recorded date R is replayed at wall time
 * HH:MM:SS, building zone, on every building date D that the replay calendar maps to R
 * (`simulations/replayCalendar.ts`). Wall times, not instants, are kept: office water follows
 * the local clock. Consequences, all left for ingest to see and flag:
 * - the second copy of a recorded DST fall-back row lands on the same building instant as the
 *   first copy (a duplicate or a conflict);
 * - the recorded spring-forward day has no 02:xx readings, so the replay has a gap there;
 * - in a building zone with DST, a wall time that does not exist moves forward by the gap and
 *   an ambiguous one takes Luxon's choice (Asia/Shanghai, the sample site, has neither).
 *
 * The register never jumps back at a yearly seam: in cycle k each meter's values are raised by
 * k × (last − first recorded value of its key), so the end of one cycle meets the start of the
 * next. Values are then multiplied by the mapping's `scale`.
 *
 * Stateless: `readingsBetween` is a pure function of its window, so a restarted server replays
 * the same readings. Recorded readings are indexed by recorded date once; the readings of a
 * few recent building dates are memoised, which keeps repeated one-hour queries cheap.
 */

export interface ReplaySourceOptions {
  /** The recorded file, parsed in the mapping's zone. */
  readonly parsed: DaiadParseResult;
  readonly mapping: ReplayMapping;
  /** IANA zone of the building (the site's `timeZone`). */
  readonly buildingZone: string;
}

export interface ReplaySource {
  readonly calendar: ReplayCalendar;
  /** Readings stamped in (fromMs, toMs], epoch ms, sorted by `tsMs`; ties in mapping order. */
  readingsBetween(fromMs: number, toMs: number): Reading[];
}

/** One recorded reading, reduced to what a replayed day needs. */
interface DayEntry {
  /** Seconds since local midnight of the recorded wall time. */
  readonly secondOfDay: number;
  /** Index into the mapped meters. */
  readonly meter: number;
  /** Register value as recorded, in the mapping's unit. */
  readonly value: number;
}

interface MappedMeter {
  readonly meterId: string;
  readonly scale: number;
  /** What one cycle adds to the register: last − first recorded value, recorded unit. */
  readonly cycleStep: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const MEMO_DAYS = 16;

/** Builds a replay source; throws when a mapped key has no reading or the zones disagree. */
export function createReplaySource(options: ReplaySourceOptions): ReplaySource {
  const { parsed, mapping, buildingZone } = options;
  if (!IANAZone.isValidZone(buildingZone)) {
    throw new Error(`replaySource: unknown building time zone '${buildingZone}'`);
  }
  if (parsed.zone !== mapping.zone) {
    throw new Error(
      `replaySource: the recording was parsed in ${parsed.zone}, the mapping declares ` +
        `${mapping.zone}`,
    );
  }
  const tz = IANAZone.create(buildingZone);
  const span = recordingDateSpan(parsed);
  const calendar = createReplayCalendar(span.firstDateIso, span.lastDateIso);

  // Resolve each mapped meter's recorded key and its per-cycle register step.
  const meters: MappedMeter[] = mapping.meters.map((entry) => {
    const recorded = parsed.byKey.get(entry.recordedKey);
    const firstValue = recorded?.[0]?.valueL;
    const lastValue = recorded?.[recorded.length - 1]?.valueL;
    if (firstValue === undefined || lastValue === undefined) {
      throw new Error(
        `replaySource: recorded key '${entry.recordedKey}' (for meter '${entry.meterId}') ` +
          'has no reading in the recording',
      );
    }
    return { meterId: entry.meterId, scale: entry.scale, cycleStep: lastValue - firstValue };
  });

  // Index recorded readings by recorded local date, in wall-clock order.
  const byRecordedDate = new Map<string, DayEntry[]>();
  mapping.meters.forEach((entry, meter) => {
    for (const reading of parsed.byKey.get(entry.recordedKey) ?? []) {
      const { hour, minute, second } = reading.wall;
      const date = isoDate(reading.wall);
      const day = byRecordedDate.get(date) ?? [];
      day.push({ secondOfDay: hour * 3600 + minute * 60 + second, meter, value: reading.valueL });
      byRecordedDate.set(date, day);
    }
  });
  // Stable: within a meter and second, file order (the DST repeat after its first copy).
  for (const day of byRecordedDate.values()) {
    day.sort((a, b) => a.secondOfDay - b.secondOfDay || a.meter - b.meter);
  }

  // All readings of one building date, memoised for the few most recent dates.
  const memo = new Map<string, readonly Reading[]>();
  const readingsOn = (date: DateTime): readonly Reading[] => {
    const iso = date.toISODate() ?? '';
    const cached = memo.get(iso);
    if (cached !== undefined) {
      memo.delete(iso);
      memo.set(iso, cached);
      return cached;
    }
    const readings = buildDay(date);
    memo.set(iso, readings);
    if (memo.size > MEMO_DAYS) memo.delete(memo.keys().next().value ?? '');
    return readings;
  };

  const buildDay = (date: DateTime): readonly Reading[] => {
    const recorded = calendar.recordedDayFor(date.toISODate() ?? '');
    const entries = recorded === null ? undefined : byRecordedDate.get(recorded.recordedDateIso);
    if (recorded === null || entries === undefined) return [];

    // Most dates have one offset all day: then a wall time is midnight plus seconds.
    const midnightAsUtc = Date.UTC(date.year, date.month - 1, date.day);
    const offsetMin = tz.offset(midnightAsUtc - DAY_MS);
    const steady = offsetMin === tz.offset(midnightAsUtc + 2 * DAY_MS);
    const instantOf = (secondOfDay: number): number =>
      steady
        ? midnightAsUtc + secondOfDay * 1000 - offsetMin * MINUTE_MS
        : DateTime.fromObject(
            {
              year: date.year,
              month: date.month,
              day: date.day,
              hour: Math.floor(secondOfDay / 3600),
              minute: Math.floor(secondOfDay / 60) % 60,
              second: secondOfDay % 60,
            },
            { zone: tz },
          ).toMillis();

    const readings = entries.map((entry): Reading => {
      const meter = meters[entry.meter]!;
      return {
        meterId: meter.meterId,
        tsMs: instantOf(entry.secondOfDay),
        value: (entry.value + recorded.cycle * meter.cycleStep) * meter.scale,
        unit: mapping.unit,
        kind: 'register',
        source: 'replay',
      };
    });
    if (!steady) readings.sort((a, b) => a.tsMs - b.tsMs);
    return readings;
  };

  return {
    calendar,
    readingsBetween(fromMs, toMs) {
      const out: Reading[] = [];
      if (!(toMs > fromMs)) return out;
      const lastDate = DateTime.fromMillis(toMs, { zone: tz }).startOf('day');
      for (
        let date = DateTime.fromMillis(fromMs, { zone: tz }).startOf('day');
        date <= lastDate;
        date = date.plus({ days: 1 })
      ) {
        for (const reading of readingsOn(date)) {
          if (reading.tsMs > fromMs && reading.tsMs <= toMs) out.push(reading);
        }
      }
      return out;
    },
  };
}
