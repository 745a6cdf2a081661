import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SavedScenariosResponse } from '../../models/retrofitApi';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

const ROUTE = '/api/v1/retrofit/scenarios';
const toilets = {
  name: 'Toilets to grade 1',
  fixtureSwaps: [
    { fixtureType: 'toilet', roomId: 'ob-f1-accessible', target: { kind: 'grade', grade: 1 } },
  ],
  greywater: { sources: ['showers'], uses: ['irrigation'], tankM3: 5 },
};
const rain = { name: 'Rain tank', rainwater: { tankM3: 20, uses: ['toiletFlushing'] } };

describe('saved retrofit scenarios', () => {
  const dataDir = tempDataDir();
  let twin: TestTwin;
  let cookie: string;

  beforeAll(async () => {
    twin = await startTestTwin({ DATA_DIR: dataDir });
    ({ cookie } = await signInEngineer(twin));
  });

  afterAll(async () => {
    await twin?.server.close();
  });

  it('keeps what an engineer saves, in the order first saved, across a restart', async () => {
    // Act: save two scenarios, then change the first.
    const a = await callTwin(twin, 'PUT', `${ROUTE}/s-a`, { body: rain, cookie });
    const b = await callTwin(twin, 'PUT', `${ROUTE}/s-b`, { body: toilets, cookie });
    const renamed = {
      ...rain,
      name: 'Rain tank, 30 m³',
      rainwater: { ...rain.rainwater, tankM3: 30 },
    };
    const again = await callTwin(twin, 'PUT', `${ROUTE}/s-a`, { body: renamed, cookie });
    expect([a.status, b.status, again.status]).toEqual([201, 201, 200]);

    // Act: restart the server on the same data folder.
    await twin.server.close();
    twin = await startTestTwin({ DATA_DIR: dataDir });

    // Assert: both are there, as last saved; reading needs no sign-in.
    const list = await callTwin(twin, 'GET', ROUTE);
    expect(list.status).toBe(200);
    expect((list.body as SavedScenariosResponse).scenarios).toEqual([
      { id: 's-a', scenario: renamed },
      { id: 's-b', scenario: toilets },
    ]);
    ({ cookie } = await signInEngineer(twin));
  });

  it('refuses a bad scenario naming path, value and rule, and keeps the stored one', async () => {
    // Act: a negative tank, then a room the site does not have.
    const bad = { ...toilets, greywater: { ...toilets.greywater, tankM3: -1 } };
    const res = await callTwin(twin, 'PUT', `${ROUTE}/s-b`, { body: bad, cookie });
    const swap = { fixtureType: 'toilet', roomId: 'nowhere', target: { kind: 'grade', grade: 1 } };
    const room = await callTwin(twin, 'PUT', `${ROUTE}/s-b`, {
      body: { ...toilets, fixtureSwaps: [swap] },
      cookie,
    });

    // Assert: 400s that name each field; the stored scenario is unchanged.
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'invalid_scenario',
      message: 'body.greywater.tankM3: -1 — a tank size must be greater than 0',
      issues: [
        {
          path: 'body.greywater.tankM3',
          value: -1,
          rule: 'a tank size must be greater than 0',
        },
      ],
    });
    expect(room.status).toBe(400);
    expect(room.body.issues).toEqual([
      { path: 'body.fixtureSwaps[0].roomId', value: 'nowhere', rule: 'no such room' },
    ]);
    const list = (await callTwin(twin, 'GET', ROUTE)).body as SavedScenariosResponse;
    expect(list.scenarios.find((s) => s.id === 's-b')?.scenario).toEqual(toilets);
  });

  it('refuses a price and a tank beyond their bounds with path, value and rule', async () => {
    // Act: a price of 1e308 yuan per m³, then a tank of 1e300 m³.
    const price = await callTwin(twin, 'PUT', `${ROUTE}/s-huge`, {
      body: { name: 'x', tariff: { waterYuanPerM3: 1e308 } },
      cookie,
    });
    const tank = await callTwin(twin, 'PUT', `${ROUTE}/s-huge`, {
      body: { name: 'x', rainwater: { tankM3: 1e300, uses: ['irrigation'] } },
      cookie,
    });

    // Assert: both refused, nothing stored.
    expect(price.status).toBe(400);
    expect(price.body.issues).toEqual([
      {
        path: 'body.tariff.waterYuanPerM3',
        value: 1e308,
        rule: 'a price must be at most 100 yuan/m³',
      },
    ]);
    expect(tank.status).toBe(400);
    expect(tank.body.issues).toEqual([
      {
        path: 'body.rainwater.tankM3',
        value: 1e300,
        rule: 'a tank size must be at most 10,000 m³',
      },
    ]);
    const list = await callTwin(twin, 'GET', ROUTE);
    const ids = (list.body as SavedScenariosResponse).scenarios.map((s) => s.id);
    expect(ids).not.toContain('s-huge');
  });

  it('refuses a bad id and unsigned writes, and deletes on request', async () => {
    const badId = await callTwin(twin, 'PUT', `${ROUTE}/${'x'.repeat(65)}`, { body: rain, cookie });
    const anonymous = await callTwin(twin, 'PUT', `${ROUTE}/s-c`, { body: rain });
    const anonymousDelete = await fetch(`${twin.url}${ROUTE}/s-a`, { method: 'DELETE' });

    expect(badId.status).toBe(400);
    expect(badId.body.issues).toEqual([
      {
        path: 'params.id',
        value: 'x'.repeat(65),
        rule: 'an id is 1–64 letters, digits or _ . : -',
      },
    ]);
    expect(anonymous.status).toBe(401);
    expect(anonymousDelete.status).toBe(401);

    // Act: delete the first; a second delete finds nothing.
    const gone = await fetch(`${twin.url}${ROUTE}/s-a`, { method: 'DELETE', headers: { cookie } });
    const twice = await fetch(`${twin.url}${ROUTE}/s-a`, { method: 'DELETE', headers: { cookie } });

    expect(gone.status).toBe(204);
    expect(twice.status).toBe(404);
    const list = (await callTwin(twin, 'GET', ROUTE)).body as SavedScenariosResponse;
    expect(list.scenarios.map((s) => s.id)).toEqual(['s-b']);
  });
});
