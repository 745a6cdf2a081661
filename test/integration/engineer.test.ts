import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeterHealth, QuarantinedReading } from '../../models/health';
import { type CallOptions, callTwin, signInEngineer } from '../support/engineerApi';
import { postReadings } from '../support/ingestApi';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

const METER = 'M3-office-f3'; // register in m³
const FROM_MS = Date.parse('2026-02-28T00:00:00Z');
const TO_MS = Date.parse('2026-03-02T00:00:00Z');
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

/** Calls the running twin. */
const call = (method: string, route: string, options?: CallOptions) =>
  callTwin(twin!, method, route, options);

/** Signs in with the server's engineer token; the `name=value` pair to send back. */
async function signIn(): Promise<string> {
  const res = await signInEngineer(twin!);
  expect(res.status).toBe(200);
  return res.cookie;
}

/** PB-11: a gateway labels m³ register values as litres. */
const pb11 = [
  { ts: '2026-03-01T08:00:00+08:00', value: 1532.41 },
  { ts: '2026-03-01T09:00:00+08:00', value: 1532.46 },
  { ts: '2026-03-01T10:00:00+08:00', value: 1532.53 },
].map((r) => ({ meter: METER, ...r, unit: 'L', kind: 'register' }));

async function post(readings: unknown[]) {
  return (await postReadings(twin!, readings)).body.results ?? [];
}

async function intervals() {
  const res = await call('GET', `/api/v1/meters/${METER}/intervals?from=${FROM_MS}&to=${TO_MS}`);
  return res.body.intervals as Array<{ endMs: number; volumeL: number; flags: string[] }>;
}

describe('engineer sign-in', () => {
  it('refuses engineer routes without a session, and keeps health readable by all', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const confirm = await call('POST', '/api/v1/quarantine/1/confirm-unit', {
      body: { unit: 'm3' },
    });
    const list = await call('GET', '/api/v1/quarantine');
    const health = await call('GET', '/api/v1/health/meters');
    const session = await call('GET', '/api/v1/session');

    expect(confirm.status).toBe(401);
    expect(confirm.body.code).toBe('unauthorized');
    expect(confirm.body.message).toContain('engineer sign-in required');
    expect(list.status).toBe(401);
    expect(health.status).toBe(200);
    expect(session.body).toEqual({ engineer: false });
  });

  it('refuses a wrong token and exchanges the right one for an httpOnly session cookie', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const wrong = await call('POST', '/api/v1/session', {
      body: { token: 'not-the-token-at-all' },
    });
    const right = await call('POST', '/api/v1/session', {
      body: { token: twin.server.engineerToken },
    });
    const cookie = right.setCookie[0]!.split(';')[0]!;

    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('unauthorized');
    expect(wrong.setCookie).toEqual([]);
    expect(right.body).toEqual({ engineer: true });
    expect(right.setCookie).toHaveLength(1);
    expect(right.setCookie[0]).toMatch(/^twin_engineer=[\w-]{43}; /);
    expect(right.setCookie[0]).toContain('HttpOnly');
    expect(right.setCookie[0]).toContain('SameSite=Strict');
    expect(right.setCookie[0]).toContain('Path=/');
    expect(right.setCookie[0]).not.toContain(twin.server.engineerToken);
    expect((await call('GET', '/api/v1/session', { cookie })).body).toEqual({ engineer: true });
    expect((await call('GET', '/api/v1/quarantine', { cookie })).body).toEqual({ readings: [] });

    // Signing out ends the session on the server, not only in the browser.
    const out = await call('DELETE', '/api/v1/session', { cookie });
    expect(out.body).toEqual({ engineer: false });
    expect((await call('GET', '/api/v1/quarantine', { cookie })).status).toBe(401);
  });

  it('keeps a session through a restart, and a signed-out one stays out', async () => {
    const dataDir = tempDataDir();
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    const kept = await signIn();
    const ended = await signIn();
    await call('DELETE', '/api/v1/session', { cookie: ended });
    await twin.server.close();

    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });

    expect((await call('GET', '/api/v1/session', { cookie: kept })).body).toEqual({
      engineer: true,
    });
    expect((await call('GET', '/api/v1/session', { cookie: ended })).body).toEqual({
      engineer: false,
    });
    // The database holds only hashes of session ids, never a cookie that would sign anyone in.
    const files = fs.readdirSync(dataDir).filter((f) => f.startsWith('twin.sqlite'));
    const stored = Buffer.concat(files.map((f) => fs.readFileSync(path.join(dataDir, f))));
    expect(stored.includes(Buffer.from(kept.split('=')[1]!))).toBe(false);
  });

  it('names the field, value and rule of a bad body; 404 and 409 for readings not held', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const cookie = await signIn();
    await post([{ ...pb11[0], unit: 'm3' }]);

    const noToken = await call('POST', '/api/v1/session', { body: {} });
    const badUnit = await call('POST', '/api/v1/quarantine/1/confirm-unit', {
      body: { unit: 'kg' },
      cookie,
    });
    const badId = await call('POST', '/api/v1/quarantine/abc/confirm-unit', {
      body: { unit: 'm3' },
      cookie,
    });
    const unknown = await call('POST', '/api/v1/quarantine/999/confirm-unit', {
      body: { unit: 'm3' },
      cookie,
    });
    const accepted = await call('POST', '/api/v1/quarantine/1/confirm-unit', {
      body: { unit: 'm3' },
      cookie,
    });

    expect(noToken.status).toBe(400);
    expect(noToken.body.message).toMatch(/^body\.token: /);
    expect(badUnit.status).toBe(400);
    expect(badUnit.body.message).toBe(
      'body.unit: "kg" — the unit the value is really in: "L" or "m3"',
    );
    expect(badId.status).toBe(400);
    expect(badId.body.message).toMatch(/^path\.id: "abc" — /);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('not_found');
    expect(accepted.status).toBe(409);
    expect(accepted.body.code).toBe('conflict');
  });

  it('generates an engineer token readable only by its owner when none is configured', async () => {
    const dataDir = tempDataDir();
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    const file = path.join(dataDir, 'engineer-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(twin.server.engineerToken);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(twin.server.engineerToken).not.toBe(twin.server.ingestToken);
  });
});

describe('quarantine review (PB-11)', () => {
  it('lists m³ values sent as litres, and books 50 L and 70 L once an engineer confirms m³', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const cookie = await signIn();

    // Arrange: three register values in m³, declared as litres.
    const results = await post(pb11);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['quarantined', 'unit_mismatch'],
      ['quarantined', 'unit_mismatch'],
      ['quarantined', 'unit_mismatch'],
    ]);
    const listed = (await call('GET', `/api/v1/quarantine?meter=${METER}`, { cookie })).body
      .readings as QuarantinedReading[];
    expect(listed.map((r) => [r.meterId, r.tsMs, r.value, r.unit, r.meterUnit, r.reason])).toEqual(
      pb11.map((r) => [METER, Date.parse(r.ts), r.value, 'L', 'm3', 'unit_mismatch']),
    );
    expect(await intervals()).toEqual([]);
    const before = (await call('GET', '/api/v1/health/meters')).body.meters as MeterHealth[];
    expect(before.find((h) => h.meterId === METER)?.quarantined).toBe(3);

    // Act: the engineer confirms the meter's unit for each.
    const answers = [];
    for (const r of listed) {
      answers.push(
        await call('POST', `/api/v1/quarantine/${r.id}/confirm-unit`, {
          body: { unit: 'm3' },
          cookie,
        }),
      );
    }

    // Assert: stored as 1 532 410 / 1 532 460 / 1 532 530 L, so the intervals are 50 L and 70 L.
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.at(-1)!.body).toEqual({
      readingId: listed[2]!.id,
      meterId: METER,
      intervals: 2,
      status: 'accepted',
      changed: [],
    });
    expect((await intervals()).map((i) => [i.endMs, i.volumeL])).toEqual([
      [Date.parse(pb11[1]!.ts), 50],
      [Date.parse(pb11[2]!.ts), 70],
    ]);
    expect((await call('GET', '/api/v1/quarantine', { cookie })).body).toEqual({ readings: [] });
    const health = (await call('GET', '/api/v1/health/meters')).body.meters as MeterHealth[];
    expect(health.map((h) => h.meterId).sort()).toEqual(
      twin.server.twin.site.meters.map((m) => m.id).sort(),
    );
    expect(health.every((h) => h.quarantined === 0)).toBe(true);
    expect(health.find((h) => h.meterId === METER)?.lastReadingMs).toBe(Date.parse(pb11[2]!.ts));
  });
});
