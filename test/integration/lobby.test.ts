import { afterEach, describe, expect, it } from 'vitest';
import type { LobbySettings, LobbyView, ShowView } from '../../models/lobby';
import type { PublicView, ShareLink } from '../../models/share';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR_MS = 3_600_000;
const START_MS = Date.parse('2026-04-14T00:00:00+08:00');

let twin: TestTwin | undefined;
afterEach(async () => {
  await twin?.server.close();
  twin = undefined;
});

/** A twin with a few hours of data and an engineer's session cookie. */
async function steppedTwin(env: Record<string, string> = {}) {
  const started = await startTestTwin(env);
  twin = started;
  for (let h = 0; h <= 6; h++) started.server.twin.step(START_MS + h * HOUR_MS);
  const { cookie } = await signInEngineer(started);
  return { twin: started, cookie };
}

describe('GET /api/v1/lobby', () => {
  it('serves figures from the store, the default slogans and no stale flag while data flows', async () => {
    const { twin } = await steppedTwin();

    const res = await callTwin(twin, 'GET', '/api/v1/lobby');
    const view = res.body as LobbyView;

    expect(res.status).toBe(200);
    expect(view.stale).toBe(false);
    expect(view.twinTimeMs).toBe(START_MS + 6 * HOUR_MS);
    expect(view.kpis.todayM3).toBeGreaterThan(0);
    expect(view.kpis.meteringRate).toBeGreaterThan(0);
    expect(view.kpis.leakRate).toBeCloseTo(1 - view.kpis.meteringRate!, 9);
    expect(view.slogans.zh[0]).toBe('节约用水，从我做起');
    expect(view.tiles).toEqual([
      'today',
      'month',
      'perCapita',
      'leakRate',
      'meteringRate',
      'saved',
    ]);
  });
});

describe('lobby settings', () => {
  it('refuses writes without an engineer session', async () => {
    const { twin } = await steppedTwin();
    const res = await callTwin(twin, 'PUT', '/api/v1/lobby/settings', { body: {} });
    expect(res.status).toBe(401);
  });

  it('names the field, the value and the rule of each rejected value', async () => {
    const { twin, cookie } = await steppedTwin();
    const current = (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body
      .settings as LobbySettings;

    const res = await callTwin(twin, 'PUT', '/api/v1/lobby/settings', {
      cookie,
      body: { ...current, tour: [{ kind: 'overview', seconds: 1 }] },
    });

    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: 'body.tour[0].seconds', value: 1, rule: 'must be at least 3 seconds' },
    ]);
    expect(res.body.message).toBe('body.tour[0].seconds: 1 — must be at least 3 seconds');
  });

  it('refuses a tour stop at a meter the site does not have', async () => {
    const { twin, cookie } = await steppedTwin();
    const current = (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body
      .settings as LobbySettings;

    const res = await callTwin(twin, 'PUT', '/api/v1/lobby/settings', {
      cookie,
      body: { ...current, tour: [{ kind: 'meter', meterId: 'M9-nowhere', seconds: 10 }] },
    });

    expect(res.status).toBe(400);
    expect(res.body.issues).toEqual([
      { path: 'body.tour[0].meterId', value: 'M9-nowhere', rule: 'no such meter' },
    ]);
  });

  it('keeps saved settings across a restart on the same data folder', async () => {
    const first = await steppedTwin();
    const current = (
      await callTwin(first.twin, 'GET', '/api/v1/lobby/settings', {
        cookie: first.cookie,
      })
    ).body.settings as LobbySettings;
    const edited = {
      ...current,
      slogans: { zh: ['一滴水，一份责任'], en: ['Every drop matters'] },
      tiles: ['leakRate', 'today'],
    };
    const saved = await callTwin(first.twin, 'PUT', '/api/v1/lobby/settings', {
      cookie: first.cookie,
      body: edited,
    });
    expect(saved.status).toBe(200);
    await first.twin.server.close();
    twin = undefined;

    twin = await startTestTwin({ DATA_DIR: first.twin.dataDir });
    const view = (await callTwin(twin, 'GET', '/api/v1/lobby')).body as LobbyView;

    expect(view.slogans).toEqual({ zh: ['一滴水，一份责任'], en: ['Every drop matters'] });
    expect(view.tiles).toEqual(['leakRate', 'today']);
  });
});

describe('share links', () => {
  async function createLink(t: TestTwin, cookie: string): Promise<ShareLink & { url: string }> {
    const res = await callTwin(t, 'POST', '/api/v1/share', {
      cookie,
      body: { page: 'show', scenario: 'fixtures' },
    });
    expect(res.status).toBe(201);
    return res.body.link;
  }

  it('opens the public view with the scenario baked in and no meter ids or serials', async () => {
    const { twin, cookie } = await steppedTwin();
    const link = await createLink(twin, cookie);

    const res = await callTwin(twin, 'GET', `/api/v1/public/${link.token}`);
    const view = res.body as PublicView;

    expect(res.status).toBe(200);
    expect(view.page).toBe('show');
    expect(view.timeZone).toBe('Asia/Shanghai');
    expect(view.savings?.scenario).toBe('fixtures');
    expect(view.savings!.afterM3).toBeLessThan(view.savings!.beforeM3);
    const text = JSON.stringify(view);
    for (const meter of twin.server.twin.site.meters) {
      expect(text).not.toContain(meter.serial);
      expect(text).not.toContain(`"${meter.id}"`);
    }
    expect(link.url).toBe(`${twin.url}/public/${link.token}`);
  });

  it('refuses a token whose signature was tampered with', async () => {
    const { twin, cookie } = await steppedTwin();
    const link = await createLink(twin, cookie);
    const [body, signature] = link.token.split('~') as [string, string];
    const forged = `${body}~${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;

    const res = await callTwin(twin, 'GET', `/api/v1/public/${forged}`);

    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      code: 'forbidden',
      message: 'this link was not signed by this twin',
    });
  });

  it('refuses a link signed by another twin (another data folder)', async () => {
    const other = await startTestTwin();
    const { cookie: otherCookie } = await signInEngineer(other);
    const foreign = await createLink(other, otherCookie);
    await other.server.close();
    const { twin } = await steppedTwin();

    const res = await callTwin(twin, 'GET', `/api/v1/public/${foreign.token}`);

    expect(res.status).toBe(403);
  });

  it('refuses a revoked link, and revoking needs an engineer', async () => {
    const { twin, cookie } = await steppedTwin();
    const link = await createLink(twin, cookie);

    const anonymous = await callTwin(twin, 'DELETE', `/api/v1/share/${link.id}`);
    const revoked = await callTwin(twin, 'DELETE', `/api/v1/share/${link.id}`, { cookie });
    const res = await callTwin(twin, 'GET', `/api/v1/public/${link.token}`);

    expect(anonymous.status).toBe(401);
    expect(revoked.status).toBe(200);
    expect(res.status).toBe(410);
    expect(res.body).toEqual({ code: 'revoked', message: 'this link has been revoked' });
  });

  it('refuses every write under the public path', async () => {
    const { twin, cookie } = await steppedTwin();
    const link = await createLink(twin, cookie);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      const res = await callTwin(twin, method, `/api/v1/public/${link.token}`, { body: {} });
      expect(res.status, method).toBe(405);
      expect(res.body.code).toBe('read_only');
    }
  });

  it('puts the chosen link on the show QR code', async () => {
    const { twin, cookie } = await steppedTwin();
    const link = await createLink(twin, cookie);
    const current = (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body
      .settings as LobbySettings;
    await callTwin(twin, 'PUT', '/api/v1/lobby/settings', {
      cookie,
      body: { ...current, show: { ...current.show, qrLinkId: link.id } },
    });

    const show = (await callTwin(twin, 'GET', '/api/v1/show')).body as ShowView;

    expect(show.qrUrl).toBe(link.url);
    expect(show.leakPipeIds.length).toBeGreaterThan(0);
  });
});
