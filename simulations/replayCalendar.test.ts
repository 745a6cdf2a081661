import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { createReplayCalendar } from './replayCalendar';

const calendar = createReplayCalendar('2016-03-01', '2017-02-28');

/** Every date from `from` to `to`, inclusive, as YYYY-MM-DD. */
function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const end = DateTime.fromISO(to, { zone: 'UTC' });
  for (let d = DateTime.fromISO(from, { zone: 'UTC' }); d <= end; d = d.plus({ days: 1 })) {
    out.push(d.toISODate() ?? '');
  }
  return out;
}

const weekday = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).weekday;
const dayNumber = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).toMillis() / 86_400_000;

describe('createReplayCalendar', () => {
  it('measures the recording', () => {
    expect(calendar.recordingDays).toBe(365);
  });

  it('plays a recorded day of the same weekday on every building day, 2016 … 2045', () => {
    const mismatches = datesBetween('2016-01-01', '2045-12-31').filter((date) => {
      const recorded = calendar.recordedDayFor(date);
      return recorded !== null && weekday(recorded.recordedDateIso) !== weekday(date);
    });

    expect(mismatches).toEqual([]);
  });

  it('maps each day of 2026 to a recorded day within the recording', () => {
    const recorded = datesBetween('2026-01-01', '2026-12-31').map((d) =>
      calendar.recordedDayFor(d),
    );

    const outside = recorded.filter(
      (r) => r === null || r.recordedDateIso < '2016-03-01' || r.recordedDateIso > '2017-02-28',
    );

    expect(outside).toEqual([]);
  });

  it('replays the recording on its own dates in its first year', () => {
    const dates = datesBetween('2016-03-01', '2017-02-27');

    expect(dates.map((d) => calendar.recordedDayFor(d))).toEqual(
      dates.map((d) => ({ recordedDateIso: d, cycle: 0 })),
    );
  });

  it('moves to consecutive recorded days except at each yearly seam', () => {
    const seams: string[] = [];
    const dates = datesBetween('2017-01-01', '2031-12-31');
    dates.forEach((date, i) => {
      const previous = i === 0 ? null : calendar.recordedDayFor(dates[i - 1] ?? '');
      const current = calendar.recordedDayFor(date);
      if (previous === null || current === null) return;
      const step = dayNumber(current.recordedDateIso) - dayNumber(previous.recordedDateIso);
      if (step !== 1 || current.cycle !== previous.cycle) seams.push(date);
    });

    // The anchors, each the Tuesday nearest 1 March; 2025 and 2031 follow a silent week.
    expect(seams).toEqual([
      '2017-02-28',
      '2018-02-27',
      '2019-02-26',
      '2021-03-02',
      '2022-03-01',
      '2023-02-28',
      '2024-02-27',
      '2026-03-03',
      '2027-03-02',
      '2028-02-29',
      '2029-02-27',
      '2030-02-26',
    ]);
  });

  it('starts each year at the first recorded day with the next cycle', () => {
    expect(calendar.recordedDayFor('2026-03-02')).toEqual({
      recordedDateIso: '2017-02-27',
      cycle: 9,
    });
    expect(calendar.recordedDayFor('2026-03-03')).toEqual({
      recordedDateIso: '2016-03-01',
      cycle: 10,
    });
    expect(calendar.anchorOf(2026)).toBe('2026-03-03');
  });

  it('is silent for the days a 371-day year has beyond the recording', () => {
    const silent = datesBetween('2025-02-20', '2025-03-10').filter(
      (d) => calendar.recordedDayFor(d) === null,
    );

    expect(silent).toEqual([
      '2025-02-26',
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
      '2025-03-03',
    ]);
    expect(calendar.recordedDayFor('2025-02-25')).toEqual({
      recordedDateIso: '2017-02-28',
      cycle: 8,
    });
  });

  it('counts cycles back before the recording', () => {
    expect(calendar.recordedDayFor('2016-02-29')).toEqual({
      recordedDateIso: '2017-02-27',
      cycle: -1,
    });
  });

  it('refuses dates that are not YYYY-MM-DD', () => {
    expect(() => calendar.recordedDayFor('2026-02-30')).toThrow(
      "replayCalendar: buildingLocalDateIso must be a date YYYY-MM-DD, got '2026-02-30'",
    );
    expect(() => createReplayCalendar('2017-01-01', '2016-01-01')).toThrow(
      'replayCalendar: lastDateIso 2016-01-01 is before 2017-01-01',
    );
  });
});
