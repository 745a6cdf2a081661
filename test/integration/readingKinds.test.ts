import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

let twin: TestTwin | null = null;
afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

type Row = [ts: string, value: number | null];

/** Posts readings of one meter and kind over HTTP; returns the statuses. */
async function post(meter: string, kind: string, unit: 'L' | 'm3', rows: Row[]) {
  const res = await fetch(`${twin!.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${twin!.server.ingestToken}`,
    },
    body: JSON.stringify({
      readings: rows.map(([ts, value]) => ({ meter, ts, value, unit, kind })),
    }),
  });
  const body = await res.json();
  return (body.results as Array<{ status: string }>).map((r) => r.status);
}

async function intervals(meter: string) {
  const from = Date.parse('2026-01-01T00:00:00Z');
  const to = Date.parse('2026-02-28T00:00:00Z');
  const res = await fetch(`${twin!.url}/api/v1/meters/${meter}/intervals?from=${from}&to=${to}`);
  const body = (await res.json()) as {
    intervals: Array<{ endMs: number; volumeL: number; flags: string[] }>;
  };
  return body.intervals.map((i) => [new Date(i.endMs).toISOString(), i.volumeL, i.flags.join(',')]);
}

describe('reading kinds over HTTP', () => {
  it('books a daily total that restarts at local midnight without a negative interval (PB-01)', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const statuses = await post('M2-canteen', 'daily_total', 'm3', [
      ['2026-01-14T22:00:00+08:00', 0.41],
      ['2026-01-14T23:00:00+08:00', 0.455],
      ['2026-01-15T00:00:00+08:00', 0],
      ['2026-01-15T01:00:00+08:00', 0.012],
      ['2026-01-15T02:00:00+08:00', 0.012],
    ]);
    expect(statuses.every((s) => s === 'accepted')).toBe(true);
    expect(await intervals('M2-canteen')).toEqual([
      ['2026-01-14T15:00:00.000Z', 45, ''],
      ['2026-01-14T16:00:00.000Z', 0, 'source_reset'],
      ['2026-01-14T17:00:00.000Z', 12, ''],
      ['2026-01-14T18:00:00.000Z', 0, ''],
    ]);
  });

  it("follows a counter whose day starts at the gateway's UTC midnight (PB-05)", async () => {
    // A site whose floor-3 gateway restarts its day counter at 00:00 UTC (08:00 Beijing).
    const site = JSON.parse(fs.readFileSync('samples/sites/county-water-bureau.json', 'utf8'));
    const meter = site.meters.find((m: { id: string }) => m.id === 'M3-office-f3');
    meter.counterDayStart = { zone: 'UTC', minuteOfDay: 0 };
    const dir = tempDataDir();
    const file = path.join(dir, 'site.json');
    fs.writeFileSync(file, JSON.stringify(site));
    twin = await startTestTwin({ TWIN_SOURCES: 'none', TWIN_SITE: file });

    await post('M3-office-f3', 'daily_total', 'm3', [
      ['2026-02-03T06:00:00+08:00', 0.905],
      ['2026-02-03T07:00:00+08:00', 0.912],
      ['2026-02-03T08:00:00+08:00', 0],
      ['2026-02-03T09:00:00+08:00', 0.03],
    ]);

    expect((await intervals('M3-office-f3')).map(([, v, f]) => [v, f])).toEqual([
      [7, ''],
      [0, 'source_reset'],
      [30, ''],
    ]);
  });

  it('books interval volumes as sent, and refuses a negative one', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const statuses = await post('M2-bath', 'interval_volume', 'm3', [
      ['2026-01-10T10:00:00+08:00', 0.02],
      ['2026-01-10T10:15:00+08:00', 0.015],
      ['2026-01-10T10:30:00+08:00', -0.005],
      ['2026-01-10T10:45:00+08:00', 0.01],
    ]);
    expect(statuses).toEqual(['accepted', 'accepted', 'quarantined', 'accepted']);
    expect((await intervals('M2-bath')).map(([, v]) => v)).toEqual([20, 15, 10]);
  });

  it('integrates instantaneous flow between samples', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    // m³/h for an m³ meter: 3.6 m³/h = 1 L/s, then 7.2 m³/h = 2 L/s.
    await post('M2-laundry', 'flow', 'm3', [
      ['2026-01-10T10:00:00+08:00', 3.6],
      ['2026-01-10T10:01:00+08:00', 3.6],
      ['2026-01-10T10:02:00+08:00', 7.2],
    ]);
    // Trapezoids: 60 s × 1 L/s, then 60 s × 1.5 L/s.
    expect((await intervals('M2-laundry')).map(([, v]) => v)).toEqual([60, 90]);
  });
});
