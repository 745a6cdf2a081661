import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type DaiadParseResult,
  parseDaiadCsv,
  type RecordedReading,
  recordingDateSpan,
} from './daiadCsv';

const SAMPLE = new URL('../../samples/daiad/swm_trialA_subset.csv', import.meta.url);
const HEADER = 'user key;datetime;meter reading;diff';
const KEY = 'k1';
const HOUR_MS = 3_600_000;

/** A small file in the DAIAD format: header plus `datetime;reading` rows of key `k1`. */
function file(...rows: string[]): string {
  return [HEADER, ...rows.map((row) => `${KEY};${row};0`)].join('\n');
}

function readingsOf(parsed: DaiadParseResult, key: string): readonly RecordedReading[] {
  return parsed.byKey.get(key) ?? [];
}

function at(parsed: DaiadParseResult, keyPrefix: string, datetime: string): RecordedReading[] {
  const [date = '', time = ''] = datetime.split(' ');
  const [day, month, year] = date.split('/').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  const key = [...parsed.byKey.keys()].find((k) => k.startsWith(keyPrefix)) ?? '';
  return readingsOf(parsed, key).filter(
    ({ wall }) =>
      wall.year === year &&
      wall.month === month &&
      wall.day === day &&
      wall.hour === hour &&
      wall.minute === minute &&
      wall.second === second,
  );
}

describe('parseDaiadCsv on the shipped DAIAD subset', () => {
  let parsed: DaiadParseResult;
  beforeAll(() => {
    parsed = parseDaiadCsv(readFileSync(SAMPLE, 'utf8'), 'Europe/Madrid');
  });

  it('reads all 56 972 data rows, accepted or rejected', () => {
    const accepted = [...parsed.byKey.values()].reduce((n, list) => n + list.length, 0);

    expect(parsed.rowCount).toBe(56_972);
    expect(accepted + parsed.rejected.length).toBe(56_972);
    expect(parsed.byKey.size).toBe(8);
  });

  it('spans 2016-03-01 … 2017-02-28 in local dates', () => {
    expect(recordingDateSpan(parsed)).toEqual({
      firstDateIso: '2016-03-01',
      lastDateIso: '2017-02-28',
    });
  });

  it('keeps both copies of the DST fall-back row and marks the second', () => {
    const rows = at(parsed, 'df789230', '30/10/2016 02:08:19');

    expect(rows.map((r) => [r.line, r.valueL, r.dstRepeat ?? false])).toEqual([
      [5739, 1054832, false],
      [5740, 1054832, true],
    ]);
    // Equal value: the repeat is the later instant, +01:00 instead of +02:00.
    expect(rows.map((r) => new Date(r.utcMs).toISOString())).toEqual([
      '2016-10-30T00:08:19.000Z',
      '2016-10-30T01:08:19.000Z',
    ]);
  });

  it('has no 02:xx reading for any key on the spring-forward day', () => {
    const inGap = [...parsed.byKey.values()]
      .flat()
      .filter(({ wall }) => wall.year === 2016 && wall.month === 3 && wall.day === 27)
      .filter(({ wall }) => wall.hour === 2);
    const around = at(parsed, 'df789230', '27/03/2016 03:12:24');

    expect(inGap).toEqual([]);
    expect(around.map((r) => new Date(r.utcMs).toISOString())).toEqual([
      '2016-03-27T01:12:24.000Z',
    ]);
  });

  it('reads 4e+05 as 400 000 L', () => {
    const rows = at(parsed, '05be51c3', '03/08/2016 08:52:19');

    expect(rows.map((r) => r.valueL)).toEqual([400_000]);
  });

  it('keeps the −3 L glitch of be4c16fa as written', () => {
    const list = readingsOf(parsed, 'be4c16fa-197d-4006-a240-23275ea308fd');
    const i = list.findIndex((r) => r.line === 50801);

    expect(list[i]?.valueL).toBe(198351);
    expect((list[i]?.valueL ?? 0) - (list[i - 1]?.valueL ?? 0)).toBe(-3);
  });

  it('keeps the interleaved registers of 9348c9bb on 17/01/2017', () => {
    const noon = [12, 13, 14, 15].flatMap((hour) =>
      readingsOf(parsed, '9348c9bb-e66e-4970-94c8-609ba5461ef2')
        .filter(({ wall }) => wall.year === 2017 && wall.month === 1 && wall.day === 17)
        .filter(({ wall }) => wall.hour === hour),
    );

    expect(noon.map((r) => r.valueL)).toEqual([
      456017, 207814, 456273, 207851, 456353, 207886, 456427, 207907,
    ]);
  });

  it('sorts each key by instant', () => {
    for (const list of parsed.byKey.values()) {
      const sorted = list.every((r, i) => i === 0 || (list[i - 1]?.utcMs ?? 0) <= r.utcMs);
      expect(sorted).toBe(true);
    }
  });
});

describe('parseDaiadCsv rules', () => {
  it('rejects a wall time inside the spring-forward gap', () => {
    const parsed = parseDaiadCsv(file('27/03/2016 02:30:00;10'), 'Europe/Madrid');

    expect(parsed.byKey.size).toBe(0);
    expect(parsed.rejected).toEqual([
      {
        line: 2,
        raw: 'k1;27/03/2016 02:30:00;10;0',
        reason: 'local time does not exist in Europe/Madrid (skipped by a DST change)',
      },
    ]);
  });

  it('rejects bad rows with their line and keeps counting lines across blank ones', () => {
    const text = [
      HEADER,
      'k1;01/03/2016 00:00:00;abc;0',
      '',
      'k1;31/02/2016 00:00:00;1;0',
      'k1;2016-03-01 00:00:00;1;0',
      'k1;01/03/2016 00:00:00;;0',
      'k1;01/03/2016 00:00:00;1',
      ';01/03/2016 00:00:00;1;0',
      'k1;01/03/2016 00:00:00;7;0',
    ].join('\r\n');

    const parsed = parseDaiadCsv(text, 'Europe/Madrid');

    expect(parsed.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, "unparseable meter reading 'abc'"],
      [4, "no such date or time '31/02/2016 00:00:00'"],
      [5, "unparseable datetime '2016-03-01 00:00:00' (expected DD/MM/YYYY HH:MM:SS)"],
      [6, "unparseable meter reading ''"],
      [7, 'expected 4 fields, got 3'],
      [8, 'empty user key'],
    ]);
    expect(parsed.rejected[0]?.raw).toBe('k1;01/03/2016 00:00:00;abc;0');
    expect(readingsOf(parsed, KEY).map((r) => [r.line, r.valueL])).toEqual([[9, 7]]);
    expect(parsed.rowCount).toBe(7);
  });

  it('reads scientific notation', () => {
    const parsed = parseDaiadCsv(
      file('01/03/2016 00:00:00;4e+05', '01/03/2016 01:00:00;1.5E3'),
      'Europe/Madrid',
    );

    expect(readingsOf(parsed, KEY).map((r) => r.valueL)).toEqual([400_000, 1500]);
  });

  it('reads a fall-back repeat with a lower value as a duplicate of the first instant', () => {
    const parsed = parseDaiadCsv(
      file('30/10/2016 02:10:00;100', '30/10/2016 02:10:00;90'),
      'Europe/Madrid',
    );
    const [first, second] = readingsOf(parsed, KEY);

    expect(first?.utcMs).toBe(Date.parse('2016-10-30T02:10:00+02:00'));
    expect(second?.utcMs).toBe(first?.utcMs);
    expect(second?.dstRepeat).toBe(true);
  });

  it('puts rows after the repeat, or after a backward step, in the later hour', () => {
    const afterRepeat = parseDaiadCsv(
      file('30/10/2016 02:10:00;100', '30/10/2016 02:10:00;101', '30/10/2016 02:40:00;102'),
      'Europe/Madrid',
    );
    const afterStepBack = parseDaiadCsv(
      file('30/10/2016 02:40:00;100', '30/10/2016 02:20:00;101'),
      'Europe/Madrid',
    );

    expect(readingsOf(afterRepeat, KEY).map((r) => r.utcMs)).toEqual([
      Date.parse('2016-10-30T02:10:00+02:00'),
      Date.parse('2016-10-30T02:10:00+01:00'),
      Date.parse('2016-10-30T02:40:00+01:00'),
    ]);
    expect(readingsOf(afterStepBack, KEY).map((r) => [r.utcMs, r.dstRepeat ?? false])).toEqual([
      [Date.parse('2016-10-30T02:40:00+02:00'), false],
      [Date.parse('2016-10-30T02:20:00+01:00'), false],
    ]);
    expect(Date.parse('2016-10-30T02:20:00+01:00') - Date.parse('2016-10-30T02:40:00+02:00')).toBe(
      HOUR_MS - 20 * 60_000,
    );
  });

  it('sorts by instant and keeps file order for equal instants', () => {
    const parsed = parseDaiadCsv(
      file('01/03/2016 02:00:00;3', '01/03/2016 01:00:00;1', '01/03/2016 01:00:00;2'),
      'Europe/Madrid',
    );

    expect(readingsOf(parsed, KEY).map((r) => r.line)).toEqual([3, 4, 2]);
  });

  it('refuses a file with another header, and an unknown zone', () => {
    expect(() => parseDaiadCsv('User key;date;consumption\n', 'Europe/Madrid')).toThrow(
      "daiadCsv: expected header 'user key;datetime;meter reading;diff', got 'User " +
        "key;date;consumption'",
    );
    expect(() => parseDaiadCsv(file(), 'Europe/Atlantis')).toThrow(
      "daiadCsv: unknown time zone 'Europe/Atlantis'",
    );
  });
});
