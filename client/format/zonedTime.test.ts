import { describe, expect, it } from 'vitest';
import { formatWallMinute, wallTime, zonedDateForUplot } from './zonedTime';

const SHANGHAI = 'Asia/Shanghai';

describe('zoned time', () => {
  it('reads an instant on the wall clock of Shanghai (UTC+8, no DST)', () => {
    const ts = Date.UTC(2026, 11, 4, 6, 0, 30);

    expect(wallTime(ts, SHANGHAI)).toEqual({
      year: 2026,
      month: 12,
      day: 4,
      hour: 14,
      minute: 0,
      second: 30,
    });
  });

  it('formats the twin clock as YYYY-MM-DD HH:mm', () => {
    expect(formatWallMinute(Date.UTC(2026, 11, 4, 6, 0), SHANGHAI)).toBe('2026-12-04 14:00');
    expect(formatWallMinute(Date.UTC(2026, 11, 31, 16, 5), SHANGHAI)).toBe('2027-01-01 00:05');
  });

  it('gives uPlot a date whose local fields are building time', () => {
    const d = zonedDateForUplot(Date.UTC(2026, 5, 1, 23, 30) / 1000, SHANGHAI);

    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([
      2026, 5, 2, 7, 30,
    ]);
  });
});
