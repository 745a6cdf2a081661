import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeterSummary, SeriesResponse } from '../../models/protocol';
import { READS_PER_WINDOW } from '../../server/readLimit';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
const START = Date.parse('2026-04-14T00:00:00+08:00');

describe('HTTP API', () => {
  let twin: TestTwin;
  beforeAll(async () => {
    twin = await startTestTwin();
    for (let h = 0; h <= 47; h++) twin.server.twin.step(START + h * HOUR);
  });
  afterAll(async () => {
    await twin.server.close();
  });

  it('reports health with the tick and twin time', async () => {
    const body = await (await fetch(`${twin.url}/api/v1/health`)).json();
    expect(body).toMatchObject({
      status: 'ok',
      protocol: 1,
      tick: 48,
      twinTimeMs: START + 47 * HOUR,
    });
  });

  it('serves the validated site with the derived meter tree', async () => {
    const body = await (await fetch(`${twin.url}/api/v1/site`)).json();
    const tree = new Map<string, { parentId: string | null; children: string[] }>(
      body.meterTree.map((m: { id: string }) => [m.id, m]),
    );
    expect(tree.get('M1-main')?.parentId).toBeNull();
    expect(tree.get('M2-office')?.parentId).toBe('M1-main');
    expect(tree.get('M3-office-f3')?.parentId).toBe('M2-office');
    expect(tree.get('M2-office')?.children).toEqual(
      expect.arrayContaining([
        'M3-office-f1',
        'M3-office-f2',
        'M3-office-f3',
        'M3-office-f4',
        'M3-office-f5',
      ]),
    );
  });

  it('lists meters with level, parent, source and latest values', async () => {
    const { meters } = (await (await fetch(`${twin.url}/api/v1/meters`)).json()) as {
      meters: MeterSummary[];
    };
    const byId = new Map(meters.map((m) => [m.id, m]));
    expect(byId.get('M1-main')).toMatchObject({ level: 1, parentId: null, source: 'sim' });
    expect(byId.get('M3-office-f1')).toMatchObject({
      level: 3,
      parentId: 'M2-office',
      source: 'replay',
    });
    expect(byId.get('M1-main')!.todayL).toBeGreaterThan(0);
  });

  it('returns hourly volumes with null where there is no data', async () => {
    const res = await fetch(
      `${twin.url}/api/v1/meters/M1-main/series` +
        `?from=${START - 2 * HOUR}&to=${START + 24 * HOUR}&step=hour`,
    );
    const body = (await res.json()) as SeriesResponse;
    expect(body.points).toHaveLength(26);
    expect(body.points[0]).toEqual({ tsMs: START - 2 * HOUR, volumeL: null });
    expect(body.points.slice(2).every((p) => p.volumeL !== null && p.volumeL >= 0)).toBe(true);
  });

  it('sums a day series at local midnight', async () => {
    const hourly = (await (
      await fetch(
        `${twin.url}/api/v1/meters/M1-main/series?from=${START}&to=${START + 24 * HOUR}&step=hour`,
      )
    ).json()) as SeriesResponse;
    const daily = (await (
      await fetch(
        `${twin.url}/api/v1/meters/M1-main/series?from=${START}&to=${START + 24 * HOUR}&step=day`,
      )
    ).json()) as SeriesResponse;
    const sum = hourly.points.reduce((a, p) => a + (p.volumeL ?? 0), 0);
    expect(daily.points).toHaveLength(1);
    expect(daily.points[0]!.tsMs).toBe(START);
    expect(daily.points[0]!.volumeL).toBeCloseTo(sum, 6);
  });

  it('refuses bad queries with a code and a message naming the field', async () => {
    const bad = await fetch(`${twin.url}/api/v1/meters/M1-main/series?from=abc&to=1`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      code: 'bad_request',
      message: expect.stringContaining('from="abc"'),
    });

    const unknown = await fetch(`${twin.url}/api/v1/meters/nope/series?from=0&to=1`);
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).code).toBe('unknown_meter');

    const long = await fetch(
      `${twin.url}/api/v1/meters/M1-main/series?from=0&to=${400 * 24 * HOUR}&step=hour`,
    );
    expect(long.status).toBe(400);
    expect((await long.json()).code).toBe('range_too_long');

    const missing = await fetch(`${twin.url}/api/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      code: 'not_found',
      message: 'no API route GET /api/v1/nothing',
    });
  });

  it('answers a flood of reads from one client with 429, and health stays open', async () => {
    const answers = await Promise.all(
      Array.from({ length: READS_PER_WINDOW + 20 }, () => fetch(`${twin.url}/api/v1/session`)),
    );
    const health = await fetch(`${twin.url}/api/v1/health`);

    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(10);
    expect(await limited[0]!.json()).toEqual({
      code: 'rate_limited',
      message: `more than ${READS_PER_WINDOW} API reads in 10 s from one client; wait and retry`,
    });
    expect(health.status).toBe(200);
  });
});
