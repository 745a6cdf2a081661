import fs from 'node:fs';
import { DateTime } from 'luxon';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../models/importSummary';
import type { SeriesResponse } from '../../models/protocol';
import { allIntervals, mappingFile, postImport } from '../support/importApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
const MADRID = 'Europe/Madrid';
const HOURLY_FILE = 'samples/daiad/swm_trialA_subset.csv';
const SANJOAN_FILE = 'samples/daiad/swm_trialA_SanJoan.csv';
const KEY = 'df789230-d273-4fd0-aa24-6f5419469295'; // → M3-office-f1 in daiad-hourly.mapping.json

/** One key's rows of the hourly file, read independently of the importer, in file order. */
function hourlyRows(key: string): Array<{ tsMs: number; valueL: number }> {
  const seenWall = new Set<string>();
  return fs
    .readFileSync(HOURLY_FILE, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith(`${key};`))
    .map((line) => {
      const [, wall, reading] = line.split(';') as [string, string, string];
      // Luxon reads a repeated (fall-back) wall time at the later offset; the file's first
      // copy of it is the earlier instant, an hour before, showing the same wall clock.
      const dt = DateTime.fromFormat(wall, 'dd/MM/yyyy HH:mm:ss', { zone: MADRID });
      const earlier = dt.minus({ hours: 1 });
      const first = !seenWall.has(wall) && earlier.toFormat('dd/MM/yyyy HH:mm:ss') === wall;
      seenWall.add(wall);
      return { tsMs: (first ? earlier : dt).toMillis(), valueL: Number(reading) };
    });
}

describe('import of the DAIAD hourly file', () => {
  let twin: TestTwin;
  let summary: ImportSummary;
  beforeAll(async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = fs.readFileSync(HOURLY_FILE, 'utf8');
    const answer = await postImport(twin, mappingFile('daiad-hourly.mapping.json'), csv);
    expect(answer.status).toBe(200);
    summary = answer.body;
  });
  afterAll(async () => {
    await twin.server.close();
  });

  it('reads every row: one reading each, none rejected, all eight keys mapped', () => {
    expect(summary.rowsRead).toBe(56_972);
    expect(summary.readings).toBe(56_972);
    expect(summary.rejected.count).toBe(0);
    expect(summary.unmapped).toEqual({});
    expect(Object.keys(summary.meters)).toHaveLength(8);
    expect(summary.meters['M3-office-f1']!.readings).toBe(8671);
  });

  it('stores for a clean week exactly the hourly volumes the file implies', async () => {
    // Arrange: the week of Monday 9 May 2016 (no gap, no fall); each interval belongs to the
    // hour its closing reading falls in (the store's rule, PB-07).
    const from = DateTime.fromISO('2016-05-09T00:00', { zone: MADRID }).toMillis();
    const to = from + 7 * 24 * HOUR;
    const rows = hourlyRows(KEY);
    const expected = new Map<number, number>();
    for (let i = 1; i < rows.length; i++) {
      const hour = Math.floor((rows[i]!.tsMs - 1) / HOUR) * HOUR;
      if (hour < from || hour >= to) continue;
      expected.set(hour, (expected.get(hour) ?? 0) + rows[i]!.valueL - rows[i - 1]!.valueL);
    }

    // Act
    const res = await fetch(
      `${twin.url}/api/v1/meters/M3-office-f1/series?from=${from}&to=${to}&step=hour`,
    );
    const body = (await res.json()) as SeriesResponse;

    // Assert
    expect(expected.size).toBe(168);
    expect(body.points).toHaveLength(168);
    for (const p of body.points) expect(p.volumeL).toBeCloseTo(expected.get(p.tsMs)!, 6);
    // Together they are the register's rise over the week: 4995 L.
    const registerAt = (ms: number) => rows.filter((r) => r.tsMs <= ms).at(-1)!.valueL;
    const weekL = [...expected.values()].reduce((a, v) => a + v, 0);
    expect(weekL).toBe(registerAt(to) - registerAt(from));
    expect(weekL).toBe(4995);
  });

  it('reads the repeated DST hour at the later offset: 25 readings, nothing counted twice', async () => {
    const from = DateTime.fromISO('2016-10-30T00:00', { zone: MADRID }).toMillis();
    const to = DateTime.fromISO('2016-10-31T00:00', { zone: MADRID }).toMillis();
    const rows = hourlyRows(KEY);
    const before = rows.filter((r) => r.tsMs <= from).at(-1)!;
    const last = rows.filter((r) => r.tsMs <= to).at(-1)!;

    const res = await fetch(
      `${twin.url}/api/v1/meters/M3-office-f1/intervals?from=${from}&to=${to}`,
    );
    const { intervals } = (await res.json()) as {
      intervals: Array<{ endMs: number; volumeL: number }>;
    };

    // 25 local hours, 25 readings: the second 02:08:19 is 01:08:19Z, an hour after the first.
    expect(to - from).toBe(25 * HOUR);
    expect(intervals).toHaveLength(25);
    const repeat = intervals.find((iv) => iv.endMs === Date.parse('2016-10-30T01:08:19Z'));
    expect(repeat?.volumeL).toBe(0);
    expect(intervals.some((iv) => iv.endMs === Date.parse('2016-10-30T00:08:19Z'))).toBe(true);
    const dayL = intervals.reduce((a, iv) => a + iv.volumeL, 0);
    expect(dayL).toBeCloseTo(last.valueL - before.valueL, 6);
    expect(summary.laterOffsetRows).toBe(6);
    expect(summary.notes.rows.filter((n) => n.meter === 'M3-office-f1')).toEqual([]);
  });
});

/** SanJoan rows of one user, read independently: file line, date and index in m³. */
function sanJoanRows(user: string): Array<{ line: number; date: string; valueM3: number }> {
  return fs
    .readFileSync(SANJOAN_FILE, 'utf8')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => text.startsWith(`${user};`))
    .map(({ text, line }) => {
      const [, date, value] = text.split(';') as [string, string, string];
      return { line, date, valueM3: Number(value) };
    })
    .sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line);
}

describe('import of the DAIAD quarterly billing file (meter replacements)', () => {
  let twin: TestTwin | null = null;
  afterEach(async () => {
    await twin?.server.close();
    twin = null;
  });

  it('books no negative interval, reports every drop and every same-date repeat', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const mapping = mappingFile('daiad-sanjoan.mapping.json');
    const { status, body } = await postImport(twin, mapping, fs.readFileSync(SANJOAN_FILE, 'utf8'));
    expect(status).toBe(200);

    let drops = 0;
    let repeats = 0;
    for (const [user, meter] of Object.entries(mapping.meters as Record<string, string>)) {
      // Arrange: what the file says, per user in date order. A 0 after a large index is no
      // reading; a fall is a replacement the engine must hold, then measure on from.
      const rows = sanJoanRows(user);
      const expectedDrops: number[] = [];
      const expectedRepeats: Array<{ line: number; firstLine: number }> = [];
      const firstOfDate = new Map<string, number>();
      let last: number | null = null;
      let expectedM3 = 0;
      for (const row of rows) {
        const firstLine = firstOfDate.get(row.date);
        if (firstLine !== undefined) {
          expectedRepeats.push({ line: row.line, firstLine });
          continue;
        }
        firstOfDate.set(row.date, row.line);
        if (row.valueM3 === 0 && last !== null && last > 1) continue;
        if (last !== null && row.valueM3 < last) expectedDrops.push(row.line);
        if (last !== null) expectedM3 += Math.max(0, row.valueM3 - last);
        last = row.valueM3;
      }
      const notes = body.notes.rows.filter((n) => n.meter === meter);
      const stored = allIntervals(twin, meter);

      // Assert: no negative volume; each drop held and named; each repeat reported.
      expect(stored.every((iv) => iv.volumeL >= 0)).toBe(true);
      expect(stored.reduce((a, iv) => a + iv.volumeL, 0)).toBeCloseTo(expectedM3 * 1000, 6);
      expect(stored.filter((iv) => iv.flags.includes('after_rebase'))).toHaveLength(
        expectedDrops.length,
      );
      for (const line of expectedDrops) {
        expect(notes.find((n) => n.line === line)).toMatchObject({
          status: 'quarantined',
          reason: 'suspect_decrease',
          hint: expect.stringContaining('replacement'),
        });
      }
      const suspectLines = new Set(
        notes.filter((n) => n.reason === 'suspect_decrease').map((n) => n.line),
      );
      for (const { line, firstLine } of expectedRepeats) {
        const note = notes.find((n) => n.line === line);
        // A repeat of a reading the engine holds as suspect is held with it, not booked.
        const held = suspectLines.has(firstLine) && note?.reason === 'suspect_decrease';
        expect(held || note?.status === 'duplicate' || note?.status === 'conflict').toBe(true);
      }
      drops += expectedDrops.length;
      repeats += expectedRepeats.length;
    }
    expect(drops).toBe(9);
    expect(repeats).toBe(51);
  });

  it('a dry run stores nothing and says what the real run then stores', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const mapping = mappingFile('daiad-sanjoan.mapping.json');
    const csv = fs.readFileSync(SANJOAN_FILE, 'utf8');

    const intervalsApi = async () => {
      const from = Date.parse('2017-03-01T00:00:00Z');
      const to = Date.parse('2017-04-01T00:00:00Z');
      const res = await fetch(
        `${twin!.url}/api/v1/meters/M2-canteen/intervals?from=${from}&to=${to}`,
      );
      return ((await res.json()) as { intervals: unknown[] }).intervals;
    };

    const dry = await postImport(twin, mapping, csv, { dryRun: true });
    const apiAfterDry = await intervalsApi();
    const storedAfterDry = allIntervals(twin, 'M2-canteen');
    const outcomesAfterDry = twin.server.store.readingOutcomes('M2-canteen');
    const real = await postImport(twin, mapping, csv, { dryRun: false });

    expect(dry.status).toBe(200);
    expect(dry.body.dryRun).toBe(true);
    expect(apiAfterDry).toEqual([]);
    expect(storedAfterDry).toEqual([]);
    expect(outcomesAfterDry).toEqual({});
    expect(await intervalsApi()).toHaveLength(1);
    expect(real.body.dryRun).toBe(false);
    expect(real.body.meters).toEqual(dry.body.meters);
    expect(real.body.notes).toEqual(dry.body.notes);
    expect(dry.body.preview[0]).toMatchObject({
      line: 2,
      key: 'e3a797d4-701f-4b90-ae12-73088d0505c9',
    });
    expect(allIntervals(twin, 'M2-canteen').length).toBe(
      dry.body.meters['M2-canteen']!.intervals.count,
    );
  });
});
