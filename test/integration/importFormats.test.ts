import { afterEach, describe, expect, it } from 'vitest';
import { allIntervals, postImport } from '../support/importApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

let twin: TestTwin | null = null;
afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

/** Volumes (L) and end times of a meter's stored intervals. */
function booked(meterId: string): Array<[string, number]> {
  return allIntervals(twin!, meterId).map((iv) => [new Date(iv.endMs).toISOString(), iv.volumeL]);
}

describe('import file layouts', () => {
  it('reads a decimal comma, a preamble line with a BOM and quotes, CRLF and meter ids as keys', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = [
      '\uFEFFMeter portal export "March" ; all meters',
      'meter;time;index (m³)',
      'M3-office-f1;01.03.2026 08:00;5,000',
      'M3-office-f1;01.03.2026 08:15;5,012',
      'M3-office-f1;01.03.2026 08:30;5,02',
      'M3-office-f2;01.03.2026 08:00;abc',
      'M3-office-f9;01.03.2026 08:00;1,5',
      '',
    ].join('\r\n');
    const mapping = {
      format: 'long',
      delimiter: ';',
      decimal: ',',
      headerRows: 1,
      columns: { meter: 'meter', time: 'time', value: 'index (m³)' },
      timeFormat: 'dd.MM.yyyy HH:mm',
      zone: 'Asia/Shanghai',
      unit: 'm3',
    };

    const { status, body } = await postImport(twin, mapping, csv);

    expect(status).toBe(200);
    expect(booked('M3-office-f1')).toEqual([
      ['2026-03-01T00:15:00.000Z', 12],
      ['2026-03-01T00:30:00.000Z', 8],
    ]);
    expect(body.rowsRead).toBe(5);
    expect(body.rejected.rows).toEqual([{ line: 6, reason: "unreadable value 'abc'" }]);
    expect(body.unmapped).toEqual({ 'M3-office-f9': 1 });
    expect(body.preview[0]).toMatchObject({ line: 3, time: '01.03.2026 08:00', value: 5 });
  });

  it('reads a wide file (a column per meter) with a BOM, CRLF, litres and an empty cell', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = [
      '\uFEFFtime,Floor 1 (L),Floor 2 (L),Note',
      '2026-03-01T08:00:00+08:00,1000,2000,start',
      '2026-03-01T08:15:00+08:00,1012,,',
      '2026-03-01T08:30,1020,2030,',
    ].join('\r\n');
    const mapping = {
      format: 'wide',
      columns: { time: 'time' },
      timeFormat: 'iso',
      zone: 'Asia/Shanghai',
      unit: 'L',
      meters: { 'Floor 1 (L)': 'M3-office-f1', 'Floor 2 (L)': 'M3-office-f2' },
    };

    const { status, body } = await postImport(twin, mapping, csv);

    expect(status).toBe(200);
    expect(booked('M3-office-f1')).toEqual([
      ['2026-03-01T00:15:00.000Z', 12],
      ['2026-03-01T00:30:00.000Z', 8],
    ]);
    expect(booked('M3-office-f2')).toEqual([['2026-03-01T00:30:00.000Z', 30]]);
    expect(body.readings).toBe(5);
    expect(body.emptyValues).toBe(1);
    expect(body.unmapped).toEqual({ Note: 1 });
    // Litres in the file, m³ on the meter: the value is converted as the mapping declares.
    expect(body.preview[0]).toMatchObject({ key: 'Floor 1 (L)', value: 1, unit: 'm3' });
  });

  it('rejects a local time the zone skips, with its line, and books across it', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = [
      'meter,time,value',
      'M3-office-f1,27/03/2016 01:30,1.000',
      'M3-office-f1,27/03/2016 02:30,1.001',
      'M3-office-f1,27/03/2016 03:30,1.002',
      'M3-office-f1,27/03/2016 04:30',
    ].join('\n');
    const mapping = {
      format: 'long',
      columns: { meter: 0, time: 1, value: 2 },
      timeFormat: 'dd/MM/yyyy HH:mm',
      zone: 'Europe/Madrid',
      unit: 'm3',
    };

    const { body } = await postImport(twin, mapping, csv);

    expect(body.rejected.rows).toEqual([
      {
        line: 3,
        reason:
          "local time '27/03/2016 02:30' does not exist in Europe/Madrid (skipped by a DST change)",
      },
      { line: 5, reason: 'expected at least 3 fields, got 2' },
    ]);
    // 01:30 CET → 03:30 CEST is one hour, 2 L.
    expect(booked('M3-office-f1')).toEqual([['2016-03-27T01:30:00.000Z', 2]]);
  });
});

describe('import errors', () => {
  it('names each mapping field at fault and stores nothing', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const mapping = {
      format: 'long',
      columns: { meter: 'meter', time: 'time' },
      zone: 'Mars/Olympus',
      unit: 'gal',
    };

    const { status, body } = await postImport(twin, mapping, 'meter,time,value\n');

    expect(status).toBe(400);
    expect(body.code).toBe('bad_request');
    expect(body.message).toContain('body.mapping.columns.value: missing');
    expect(body.message).toContain('body.mapping.timeFormat: missing');
    expect(body.message).toContain('body.mapping.zone: "Mars/Olympus" — zone must be an IANA');
    expect(body.message).toContain('body.mapping.unit: "gal"');
  });

  it('refuses an unknown meter, a column the header lacks, no token and a body over 8 MiB', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const mapping = {
      format: 'long',
      columns: { meter: 'meter', time: 'datetime', value: 'value' },
      timeFormat: 'iso',
      zone: 'UTC',
      unit: 'L',
    };
    const csv = 'meter,time,value\nM3-office-f1,2026-03-01T00:00:00Z,1\n';

    const noMeter = await postImport(twin, { ...mapping, meters: { a: 'M9-nowhere' } }, csv);
    const noColumn = await postImport(twin, mapping, csv);
    const anonymous = await postImport(twin, mapping, csv, { token: 'not-the-token' });
    const decimalComma = await postImport(twin, { ...mapping, decimal: ',' }, csv);
    const huge = await postImport(twin, mapping, `${csv}${'x'.repeat(9 * 2 ** 20)}`);

    expect(noMeter.status).toBe(400);
    expect(noMeter.body.message).toBe("mapping.meters.a: no site meter 'M9-nowhere'");
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.message).toBe(
      "line 1: no column 'datetime' (columns.time) in the header 'meter,time,value'",
    );
    expect(anonymous.status).toBe(401);
    expect(decimalComma.body.message).toContain(
      'body.mapping.decimal: "," — a decimal comma needs',
    );
    expect(huge.status).toBe(413);
    expect(huge.body.message).toBe(
      `file of ${Buffer.byteLength(csv) + 9 * 2 ** 20} bytes over the 8 MiB a file may have ` +
        'here; import larger files with `npm run import`',
    );
    // A file just under 8 MiB whose escapes make its JSON body larger is still taken.
    const lines = 'meter,time,value\n'.repeat(Math.floor((8 * 2 ** 20 - 1024) / 17));
    const escaped = await postImport(twin, mapping, lines);
    expect(escaped.status).not.toBe(413);
    expect(allIntervals(twin, 'M3-office-f1')).toEqual([]);
  });
});
