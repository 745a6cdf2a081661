import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario } from '../../models/retrofit';
import type { RetrofitContextResponse } from '../../models/retrofitApi';
import { parseWeatherYearCsv } from '../../models/weatherYear';
import { SAMPLE_WEATHER, SAMPLE_WEATHER_SOURCE } from '../../server/config';
import { projectScenario } from '../../simulations/retrofit/projection';
import type { ProjectionWire } from '../../simulations/retrofit/projectionWire';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
/** Twin time after the history below: 2026-04-14 00:00 in Asia/Shanghai. */
const T_END = Date.parse('2026-04-14T00:00:00+08:00');

const weather = parseWeatherYearCsv(fs.readFileSync(SAMPLE_WEATHER, 'utf8'), SAMPLE_WEATHER_SOURCE);
const toilets = {
  name: 'toilets to grade 1',
  fixtureSwaps: [{ fixtureType: 'toilet', target: { kind: 'grade', grade: 1 } }],
  rainwater: { tankM3: 20, uses: ['irrigation'] },
};

interface ProjectionBody {
  readonly projection: ProjectionWire;
  readonly metered: RetrofitContextResponse['metered'];
}

let twin: TestTwin;

const post = (body: string, query = '') =>
  fetch(`${twin.url}/api/v1/retrofit/projection${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

beforeAll(async () => {
  // Arrange: two days of simulated meters in the store, ending at local midnight.
  twin = await startTestTwin({ TWIN_SOURCES: 'sim' });
  const state = twin.server.twin;
  for (let t = T_END - 48 * HOUR; t <= T_END; t += HOUR) state.step(t);
});

afterAll(async () => {
  await twin.server.close();
});

describe('retrofit planner API', () => {
  it('serves every default with its source and status, and the weather year', async () => {
    const res = await fetch(`${twin.url}/api/v1/retrofit/defaults?days=1`);
    const body = (await res.json()) as RetrofitContextResponse;

    expect(res.status).toBe(200);
    expect(body.defaults.find((d) => d.key === 'toiletGradeL')).toEqual({
      key: 'toiletGradeL',
      value: [4, 5, 6.4],
      unit: 'L/flush',
      source: '§1.2',
      status: 'U',
      unconfirmed: true,
    });
    expect(body.usageDefaults.map((d) => d.key)).toContain('wcUsesMale');
    expect(body.weather.days).toHaveLength(365);
    expect(body.weatherSummary).toMatchObject({ year: 2013, rainMm: 752.1 });
    expect(body.metered).toMatchObject({ days: 1, fromIso: '2026-04-13', toIso: '2026-04-13' });
  });

  it('calibrates to what each meter booked over the period', async () => {
    const res = await post(JSON.stringify(toilets), '?days=1');
    const { projection, metered } = (await res.json()) as ProjectionBody;

    expect(res.status).toBe(200);
    const from = Date.parse('2026-04-13T00:00:00+08:00');
    const site = twin.server.twin.site;
    for (const meter of site.meters) {
      const booked = twin.server.store.meterVolume(meter.id, from, T_END) / 1000;
      expect(metered?.period?.meteredM3[meter.id]).toBeCloseTo(booked, 9);
    }
    // Each area: the scaled model plus the residual is what its meter saw.
    expect(projection.calibration?.areas).toHaveLength(site.meters.length);
    for (const area of projection.calibration?.areas ?? []) {
      expect(area.scale * area.modelledM3 + area.residualM3).toBeCloseTo(area.meteredM3, 6);
    }
  });

  it('answers with the same projection the pure core computes', async () => {
    const res = await post(JSON.stringify(toilets), '?days=1');
    const { projection, metered } = (await res.json()) as ProjectionBody;

    const site = twin.server.twin.site;
    const parsed = parseScenario(toilets, site);
    if (!parsed.ok) throw new Error('scenario refused');
    const expected = projectScenario({
      site,
      scenario: parsed.scenario,
      weather,
      ...(metered?.period ? { metered: metered.period } : {}),
    });
    expect(projection.totalBeforeM3).toBeCloseTo(expected.totalBeforeM3, 9);
    expect(projection.totalAfterM3).toBeCloseTo(expected.totalAfterM3, 9);
    expect(projection.totalAfterM3).toBeLessThan(projection.totalBeforeM3);
    expect(projection.rainwater?.inflowM3).toHaveLength(365);
    expect(projection.savedYuanPerYear).toBeNull();
  });

  it('works uncalibrated when no meter covers the period', async () => {
    const res = await post(JSON.stringify({ name: 'none' }), '?days=30');
    const { projection, metered } = (await res.json()) as ProjectionBody;

    expect(res.status).toBe(200);
    expect(metered?.period).toBeNull();
    expect(metered?.meters.every((m) => !m.used && m.coverage < 0.95)).toBe(true);
    expect(projection.calibration).toBeNull();
  });

  it('refuses a bad scenario naming each field, value and rule', async () => {
    const bad = { name: 'bad', rainwater: { tankM3: -5, uses: ['irrigation'] }, extra: 1 };
    const res = await post(JSON.stringify(bad));
    const body = await res.json();

    expect(res.status).toBe(400);
    expect(body.code).toBe('invalid_scenario');
    expect(body.issues).toContainEqual({
      path: 'body.rainwater.tankM3',
      value: -5,
      rule: 'a tank size must be greater than 0',
    });
    expect(body.issues.map((i: { path: string }) => i.path)).toContain('body');
    expect(body.message).toMatch(/^body/);
  });

  it('refuses a room the site does not have', async () => {
    const swap = { fixtureType: 'toilet', roomId: 'nowhere', target: { kind: 'grade', grade: 1 } };
    const res = await post(JSON.stringify({ name: 'x', fixtureSwaps: [swap] }));

    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([
      { path: 'body.fixtureSwaps[0].roomId', value: 'nowhere', rule: 'no such room' },
    ]);
  });

  it('refuses a bad period naming the value and the rule', async () => {
    const res = await post(JSON.stringify(toilets), '?days=0');

    expect(res.status).toBe(400);
    expect((await res.json()).issues).toEqual([
      { path: 'query.days', value: '0', rule: 'must be at least 1 day' },
    ]);
  });

  it('survives malformed, oversized and odd bodies', async () => {
    const answers = await Promise.all([
      post('{"name":'),
      post('[1,2,3]'),
      post('null'),
      post(JSON.stringify({ name: 'x'.repeat(100_000) })),
      post(JSON.stringify({ name: 'deep', fixtureSwaps: new Array(5000).fill({}) })),
    ]);

    expect(answers.map((r) => r.status)).toEqual([400, 400, 400, 413, 400]);
    const health = await fetch(`${twin.url}/api/v1/health`);
    expect(health.status).toBe(200);
  });
});
