import { afterEach, describe, expect, it } from 'vitest';
import type { PublicFlows, PublicScene, ShareLink } from '../../models/share';
import { Site } from '../../models/site';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR_MS = 3_600_000;
const START_MS = Date.parse('2026-04-14T00:00:00+08:00');

let twin: TestTwin | undefined;
afterEach(async () => {
  await twin?.server.close();
  twin = undefined;
});

/** A twin with a few hours of data and a public link to its lobby. */
async function sharedTwin(): Promise<{ twin: TestTwin; cookie: string; link: ShareLink }> {
  const started = await startTestTwin();
  twin = started;
  for (let h = 0; h <= 3; h++) started.server.twin.step(START_MS + h * HOUR_MS);
  const { cookie } = await signInEngineer(started);
  const res = await callTwin(started, 'POST', '/api/v1/share', {
    cookie,
    body: { page: 'lobby', scenario: 'fixtures' },
  });
  return { twin: started, cookie, link: res.body.link };
}

/** Every string value anywhere in a JSON value (object keys are field names, not data). */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

/** Every id and serial of the private site file, of every kind. */
function privateIdentifiers(site: Site): { ids: Set<string>; serials: string[] } {
  const ids = new Set<string>([site.id]);
  for (const b of site.buildings) {
    ids.add(b.id);
    for (const f of b.floors) {
      ids.add(f.id);
      for (const r of f.rooms) ids.add(r.id);
    }
  }
  for (const list of [
    site.fixtures,
    site.outdoor.irrigatedAreas,
    site.outdoor.roofs,
    site.network.nodes,
    site.network.pipes,
    site.meters,
  ])
    for (const item of list) ids.add(item.id);
  return { ids, serials: site.meters.map((m) => m.serial) };
}

describe('GET /api/v1/public/:token/scene', () => {
  it('gives the building and its flows with no serial and no id of the private site', async () => {
    const { twin, link } = await sharedTwin();
    const site = twin.server.twin.site;

    const res = await callTwin(twin, 'GET', `/api/v1/public/${link.token}/scene`);
    const scene = res.body as PublicScene;

    // The same building, valid as a site file, with flows lined up with its topology.
    expect(res.status).toBe(200);
    expect(Site.safeParse(scene.site).success).toBe(true);
    expect(scene.site.buildings.map((b) => b.footprint)).toEqual(
      site.buildings.map((b) => b.footprint),
    );
    expect(scene.site.network.pipes).toHaveLength(site.network.pipes.length);
    expect(scene.topology.pipes).toHaveLength(twin.server.twin.topology.pipes.length);
    expect(scene.topology.meters).toHaveLength(site.meters.length);
    expect(scene.state?.pipeFlowLps).toHaveLength(scene.topology.pipes.length);
    expect(scene.state?.tsMs).toBe(START_MS + 3 * HOUR_MS);
    expect(scene.site.meters.map((m) => m.serves)).toEqual(site.meters.map((m) => m.serves));

    // Nothing that identifies equipment: no value is a private id, none holds a serial.
    const { ids, serials } = privateIdentifiers(site);
    const values = stringsIn(scene);
    expect(values.filter((v) => ids.has(v))).toEqual([]);
    for (const serial of serials) expect(values.some((v) => v.includes(serial))).toBe(false);
    const text = JSON.stringify(scene);
    for (const meter of site.meters) {
      expect(text).not.toContain(meter.serial);
      expect(text).not.toContain(`"${meter.id}"`);
    }

    // Opaque ids still join: every pipe's ends are nodes of the public network.
    const nodes = new Set(scene.site.network.nodes.map((n) => n.id));
    for (const pipe of scene.topology.pipes) {
      expect(nodes.has(pipe.from) && nodes.has(pipe.to)).toBe(true);
    }
  });

  it('refreshes the flows, which carry no ids either', async () => {
    const { twin, link } = await sharedTwin();
    twin.server.twin.step(START_MS + 4 * HOUR_MS);

    const res = await callTwin(twin, 'GET', `/api/v1/public/${link.token}/flows`);
    const flows = res.body as PublicFlows;

    expect(res.status).toBe(200);
    expect(flows.state?.tsMs).toBe(START_MS + 4 * HOUR_MS);
    expect(stringsIn(flows)).toEqual([]);
  });

  it('refuses the scene and the flows once the link is revoked, and every write', async () => {
    const { twin, cookie, link } = await sharedTwin();

    for (const path of ['scene', 'flows']) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await callTwin(twin, method, `/api/v1/public/${link.token}/${path}`, {
          body: {},
        });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.body.code).toBe('read_only');
      }
    }
    await callTwin(twin, 'DELETE', `/api/v1/share/${link.id}`, { cookie });
    for (const path of ['scene', 'flows']) {
      const res = await callTwin(twin, 'GET', `/api/v1/public/${link.token}/${path}`);
      expect(res.status, path).toBe(410);
      expect(res.body).toEqual({ code: 'revoked', message: 'this link has been revoked' });
    }
    const forged = await callTwin(twin, 'GET', `/api/v1/public/not-a-token/scene`);
    expect(forged.status).toBe(403);
  });
});
