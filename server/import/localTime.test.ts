import { describe, expect, it } from 'vitest';
import { createTimeReader } from './localTime';

const iso = (read: ReturnType<ReturnType<typeof createTimeReader>>) =>
  'reason' in read ? read.reason : new Date(read.tsMs).toISOString();

describe('createTimeReader', () => {
  it('reads local times in the declared zone', () => {
    const read = createTimeReader('dd/MM/yyyy HH:mm:ss', 'Europe/Madrid');
    expect(iso(read('09/05/2016 10:00:00', 'a'))).toBe('2016-05-09T08:00:00.000Z');
    expect(iso(read('09/01/2016 10:00:00', 'a'))).toBe('2016-01-09T09:00:00.000Z');
  });

  it('puts a repeated fall-back wall time first at the earlier, then at the later offset', () => {
    const read = createTimeReader('dd/MM/yyyy HH:mm:ss', 'Europe/Madrid');
    const times = ['02:08:19', '02:08:19', '02:08:19'].map((t) => read(`30/10/2016 ${t}`, 'a'));
    expect(times.map(iso)).toEqual([
      '2016-10-30T00:08:19.000Z',
      '2016-10-30T01:08:19.000Z',
      '2016-10-30T01:08:19.000Z',
    ]);
    expect(times.map((t) => 'laterOffset' in t && t.laterOffset)).toEqual([false, true, true]);
  });

  it('tracks the repeated hour per file key, and follows a wall clock that steps back', () => {
    const read = createTimeReader('dd/MM/yyyy HH:mm', 'Europe/Madrid');
    expect(iso(read('30/10/2016 02:50', 'a'))).toBe('2016-10-30T00:50:00.000Z');
    expect(iso(read('30/10/2016 02:10', 'b'))).toBe('2016-10-30T00:10:00.000Z');
    // Key a's clock went back from 02:50 to 02:10: the clocks were put back in between.
    expect(iso(read('30/10/2016 02:10', 'a'))).toBe('2016-10-30T01:10:00.000Z');
    expect(iso(read('30/10/2016 02:40', 'a'))).toBe('2016-10-30T01:40:00.000Z');
  });

  it('refuses a wall time the zone skips, and an unreadable one', () => {
    const read = createTimeReader('dd/MM/yyyy HH:mm', 'Europe/Madrid');
    expect(iso(read('27/03/2016 02:30', 'a'))).toBe(
      "local time '27/03/2016 02:30' does not exist in Europe/Madrid (skipped by a DST change)",
    );
    expect(iso(read('31/02/2016 10:00', 'a'))).toMatch(/^unreadable time '31\/02\/2016 10:00'/);
  });

  it('keeps the instant of a time with an offset, in ISO and in a format', () => {
    const readIso = createTimeReader('iso', 'Asia/Shanghai');
    expect(iso(readIso('2026-03-01T08:00:00+02:00', 'a'))).toBe('2026-03-01T06:00:00.000Z');
    expect(iso(readIso('2026-03-01T08:00:00Z', 'a'))).toBe('2026-03-01T08:00:00.000Z');
    expect(iso(readIso('2026-03-01T08:00:00', 'a'))).toBe('2026-03-01T00:00:00.000Z');
    expect(iso(readIso('2026-03-01', 'a'))).toBe('2026-02-28T16:00:00.000Z');
    const readOffset = createTimeReader("yyyy-MM-dd'T'HH:mmZZ", 'Asia/Shanghai');
    expect(iso(readOffset('2026-03-01T08:00+01:00', 'a'))).toBe('2026-03-01T07:00:00.000Z');
  });
});
