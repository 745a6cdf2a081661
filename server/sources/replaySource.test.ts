import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Reading } from '../../models/reading';
import { type DaiadParseResult, parseDaiadCsv } from './daiadCsv';
import { loadReplayMapping, parseReplayMapping, type ReplayMapping } from './replayMapping';
import { createReplaySource, type ReplaySource } from './replaySource';

const SAMPLES = new URL('../../samples/', import.meta.url);
const ZONE = 'Asia/Shanghai';
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** df789230: first and last recorded register values, L. */
const F1_FIRST_L = 876471;
const F1_LAST_L = 1109253;

/** Epoch ms of a wall time in the building zone (Shanghai is +08:00 all year). */
const local = (isoWall: string) => Date.parse(`${isoWall}+08:00`);

let parsed: DaiadParseResult;
let mapping: ReplayMapping;
let source: ReplaySource;
beforeAll(() => {
  mapping = loadReplayMapping(fileURLToPath(new URL('replay-mapping.json', SAMPLES)));
  parsed = parseDaiadCsv(readFileSync(new URL(mapping.file, SAMPLES), 'utf8'), mapping.zone);
  source = createReplaySource({ parsed, mapping, buildingZone: ZONE });
});

function ofMeter(readings: readonly Reading[], meterId: string): Reading[] {
  return readings.filter((r) => r.meterId === meterId);
}

describe('createReplaySource', () => {
  it('replays a recorded day at the same wall times, as register readings in litres', () => {
    // Building 2016-03-01 is recorded 2016-03-01, cycle 0; the file's first f1 row is 00:12:37.
    const readings = source.readingsBetween(
      local('2016-03-01T00:00:00'),
      local('2016-03-01T02:00:00'),
    );

    expect(ofMeter(readings, 'M3-office-f1')).toEqual([
      {
        meterId: 'M3-office-f1',
        tsMs: local('2016-03-01T00:12:37'),
        value: 876471,
        unit: 'L',
        kind: 'register',
        source: 'replay',
      },
      {
        meterId: 'M3-office-f1',
        tsMs: local('2016-03-01T01:12:49'),
        value: 876480,
        unit: 'L',
        kind: 'register',
        source: 'replay',
      },
    ]);
  });

  it('is additive: (a, c] is (a, b] followed by (b, c]', () => {
    const a = local('2026-06-01T00:00:00');
    const b = local('2026-06-01T13:12:49');
    const c = local('2026-06-03T07:00:00');

    const whole = source.readingsBetween(a, c);
    const parts = [...source.readingsBetween(a, b), ...source.readingsBetween(b, c)];

    expect(parts).toEqual(whole);
    expect(whole.length).toBeGreaterThan(300);
  });

  it('gives the same readings hour by hour as for the whole year', () => {
    const start = local('2026-01-01T00:00:00');
    const hourly: Reading[] = [];
    for (let h = 0; h < 365 * 24; h++) {
      hourly.push(...source.readingsBetween(start + h * HOUR_MS, start + (h + 1) * HOUR_MS));
    }

    const yearly = source.readingsBetween(start, start + 365 * DAY_MS);

    expect(hourly).toEqual(yearly);
    expect(yearly.every((r, i) => i === 0 || (yearly[i - 1]?.tsMs ?? 0) <= r.tsMs)).toBe(true);
  });

  it('is deterministic: a fresh source, as after a restart, replays the same readings', () => {
    const from = local('2026-11-01T00:00:00');
    const first = source.readingsBetween(from, from + 3 * HOUR_MS);

    source.readingsBetween(local('2030-01-01T00:00:00'), local('2030-02-01T00:00:00'));
    const again = source.readingsBetween(from, from + 3 * HOUR_MS);
    const restarted = createReplaySource({ parsed, mapping, buildingZone: ZONE });

    expect(again).toEqual(first);
    expect(restarted.readingsBetween(from, from + 3 * HOUR_MS)).toEqual(first);
  });

  it('keeps (from, to]: a reading at `from` belongs to the previous window', () => {
    const at = local('2016-03-01T00:12:37');

    expect(ofMeter(source.readingsBetween(at, at + 1000), 'M3-office-f1')).toEqual([]);
    expect(ofMeter(source.readingsBetween(at - 1000, at), 'M3-office-f1')).toHaveLength(1);
    expect(source.readingsBetween(at, at)).toEqual([]);
  });

  it('lands the DST fall-back repeat on the same building instant as its first copy', () => {
    // Recorded 2016-10-30 is building 2026-11-01 (cycle 10).
    const readings = ofMeter(
      source.readingsBetween(local('2026-11-01T02:00:00'), local('2026-11-01T03:00:00')),
      'M3-office-f1',
    );
    const value = 1054832 + 10 * (F1_LAST_L - F1_FIRST_L);

    expect(readings.map((r) => [r.tsMs, r.value])).toEqual([
      [local('2026-11-01T02:08:19'), value],
      [local('2026-11-01T02:08:19'), value],
    ]);
  });

  it('never steps the register back at the yearly seam', () => {
    // 2026-03-02 plays recorded 2017-02-27 (cycle 9), 2026-03-03 recorded 2016-03-01 (cycle 10).
    const seam = local('2026-03-03T00:00:00');
    const before = source.readingsBetween(seam - DAY_MS, seam);
    const after = source.readingsBetween(seam, seam + DAY_MS);

    for (const { meterId } of mapping.meters) {
      const last = ofMeter(before, meterId).at(-1)?.value ?? Number.NaN;
      const next = ofMeter(after, meterId)[0]?.value ?? Number.NaN;
      expect(next, meterId).toBeGreaterThanOrEqual(last);
    }
    expect(ofMeter(after, 'M3-office-f1')[0]?.value).toBe(
      F1_FIRST_L + 10 * (F1_LAST_L - F1_FIRST_L),
    );
  });

  it('meets the next cycle exactly after a whole recording, across the silent week', () => {
    // 2025-02-25 plays the recording's last day (cycle 8); 2025-03-04 starts cycle 9.
    const before = source.readingsBetween(
      local('2025-02-25T00:00:00'),
      local('2025-02-26T00:00:00'),
    );
    const silent = source.readingsBetween(
      local('2025-02-26T00:00:00'),
      local('2025-03-04T00:00:00'),
    );
    const after = source.readingsBetween(
      local('2025-03-04T00:00:00'),
      local('2025-03-05T00:00:00'),
    );

    expect(silent).toEqual([]);
    expect(ofMeter(before, 'M3-office-f1').at(-1)?.value).toBe(
      F1_LAST_L + 8 * (F1_LAST_L - F1_FIRST_L),
    );
    expect(ofMeter(after, 'M3-office-f1')[0]?.value).toBe(F1_LAST_L + 8 * (F1_LAST_L - F1_FIRST_L));
  });

  it('multiplies values by the mapping scale', () => {
    const scaled = parseReplayMapping({
      ...mapping,
      meters: [
        {
          recordedKey: 'df789230-d273-4fd0-aa24-6f5419469295',
          meterId: 'M3-office-f1',
          scale: 2.5,
        },
      ],
    });
    const from = local('2016-03-01T00:00:00');

    const readings = createReplaySource({
      parsed,
      mapping: scaled,
      buildingZone: ZONE,
    }).readingsBetween(from, from + HOUR_MS);

    expect(readings.map((r) => r.value)).toEqual([876471 * 2.5]);
  });

  it('refuses a key that is not in the recording and a zone mismatch', () => {
    const unknown = parseReplayMapping({
      ...mapping,
      meters: [{ recordedKey: 'no-such-key', meterId: 'M3-office-f1' }],
    });

    expect(() => createReplaySource({ parsed, mapping: unknown, buildingZone: ZONE })).toThrow(
      "replaySource: recorded key 'no-such-key' (for meter 'M3-office-f1') has no reading in " +
        'the recording',
    );
    expect(() =>
      createReplaySource({
        parsed,
        mapping: { ...mapping, zone: 'Europe/Lisbon' },
        buildingZone: ZONE,
      }),
    ).toThrow(
      'replaySource: the recording was parsed in Europe/Madrid, the mapping declares Europe/Lisbon',
    );
  });
});
