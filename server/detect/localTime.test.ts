import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localFields } from './localTime';

describe('localFields', () => {
  it('agrees with luxon every 7 minutes through DST changes and half-hour zones', () => {
    const zones = ['Asia/Shanghai', 'Europe/Madrid', 'America/New_York', 'Asia/Kolkata'];
    // Through the spring-forward and fall-back weeks of 2016 and a stretch of 2026.
    const spans = [
      ['2016-03-25T00:00:00Z', '2016-03-29T00:00:00Z'],
      ['2016-10-28T00:00:00Z', '2016-11-08T00:00:00Z'],
      ['2026-07-01T00:00:00Z', '2026-07-03T00:00:00Z'],
    ];
    for (const zone of zones) {
      for (const [from, to] of spans) {
        for (let t = Date.parse(from!); t < Date.parse(to!); t += 7 * 60_000) {
          const local = DateTime.fromMillis(t, { zone });
          expect(localFields(t, zone)).toEqual({
            hourOfDay: local.hour + local.minute / 60,
            hour: local.hour,
            month: local.month,
            isoDate: local.toISODate(),
            nextIsoDate: local.plus({ days: 1 }).toISODate(),
          });
        }
      }
    }
  });
});
