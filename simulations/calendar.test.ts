import { afterEach, describe, expect, it } from 'vitest';
import { createLocalDays, isWorkingDay } from './calendar';

const HOUR_MS = 3_600_000;

describe('isWorkingDay', () => {
  it('follows weekdays, public holidays and adjusted working days (调休)', () => {
    expect(isWorkingDay('2026-03-10')).toBe(true); // Tuesday
    expect(isWorkingDay('2026-03-08')).toBe(false); // Sunday
    expect(isWorkingDay('2026-10-01')).toBe(false); // National Day, Thursday
    expect(isWorkingDay('2026-02-16')).toBe(false); // Spring Festival, Monday
    expect(isWorkingDay('2026-10-10')).toBe(true); // Saturday worked for National Day
    expect(isWorkingDay('2026-01-04')).toBe(true); // Sunday worked for New Year
  });

  it('rejects anything but YYYY-MM-DD', () => {
    expect(() => isWorkingDay('2026-3-1')).toThrow(/YYYY-MM-DD/);
    expect(() => isWorkingDay('2026-03-01T00:00')).toThrow(/YYYY-MM-DD/);
  });

  describe('on a machine west of UTC', () => {
    const savedTz = process.env.TZ;
    afterEach(() => {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    });

    it('still answers for the date asked (chinese-days reads strings as UTC)', () => {
      process.env.TZ = 'America/Los_Angeles';
      let working = 0;
      for (let day = 1; day <= 365; day++) {
        const iso = new Date(Date.UTC(2026, 0, day)).toISOString().slice(0, 10);
        if (isWorkingDay(iso)) working++;
      }

      expect(isWorkingDay('2026-10-01')).toBe(false);
      expect(isWorkingDay('2026-10-10')).toBe(true);
      expect(working).toBe(248);
    });
  });
});

describe('createLocalDays', () => {
  it('cuts days at local midnight in Asia/Shanghai', () => {
    const days = createLocalDays('Asia/Shanghai');
    const tsMs = Date.parse('2026-09-30T16:30:00Z'); // 00:30 on 1 October in Shanghai

    const day = days.dayAt(tsMs);

    expect(day.dateIso).toBe('2026-10-01');
    expect(day.startMs).toBe(Date.parse('2026-09-30T16:00:00Z'));
    expect(day.endMs - day.startMs).toBe(24 * HOUR_MS);
    expect(day.month).toBe(10);
    expect(day.working).toBe(false);
    expect(day.dayOrdinal).toBe(Date.UTC(2026, 9, 1) / 86_400_000);
    expect(days.timeOfDayMs(day, tsMs)).toBe(0.5 * HOUR_MS);
    expect(days.dayAt(day.endMs).dateIso).toBe('2026-10-02');
    expect(days.dayAt(day.startMs - 1).dateIso).toBe('2026-09-30');
    expect(days.dayAt(tsMs)).toBe(day);
  });

  it('keeps wall-clock time of day on a 23-hour DST day', () => {
    const days = createLocalDays('America/New_York');
    const tsMs = Date.parse('2026-03-08T08:30:00Z'); // 04:30 EDT, after the 02:00 jump

    const day = days.dayAt(tsMs);

    expect(day.dateIso).toBe('2026-03-08');
    expect(day.endMs - day.startMs).toBe(23 * HOUR_MS);
    expect(day.uniformOffset).toBe(false);
    expect(days.timeOfDayMs(day, tsMs)).toBe(4.5 * HOUR_MS);
  });

  it('refuses an unknown zone', () => {
    expect(() => createLocalDays('Mars/Olympus')).toThrow(/unknown time zone/);
  });
});
