import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LobbySettings } from '../../models/lobby';
import { canvasColourCount, launchChromium, screenshot } from '../support/browser';
import { callTwin, signInEngineer } from '../support/engineerApi';
import type { TestTwin } from '../support/testTwin';
import { startLiveTwin } from '../support/twinPage';

describe('the publicity show and the public link', () => {
  let twin: TestTwin;
  let browser: Browser;
  let cookie: string;
  let link: { id: string; token: string; url: string };

  beforeAll(async () => {
    twin = await startLiveTwin();
    browser = await launchChromium();
    ({ cookie } = await signInEngineer(twin));
    link = (
      await callTwin(twin, 'POST', '/api/v1/share', {
        cookie,
        body: { page: 'show', scenario: 'fixtures' },
      })
    ).body.link;
    const current = (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body
      .settings as LobbySettings;
    const steps = current.show.steps.map((s) => ({ ...s, seconds: 4 }));
    await callTwin(twin, 'PUT', '/api/v1/lobby/settings', {
      cookie,
      body: { ...current, show: { ...current.show, steps, qrLinkId: link.id } },
    });
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('simulates a leak in the page only, highlights its pipes, then shows savings and a QR code', async () => {
    // The live twin may open real alerts meanwhile; the show's leak meter must get none.
    const settings = (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body
      .settings as LobbySettings;
    const leakMeter = settings.show.leakMeterId;
    const onLeakMeter = () =>
      twin.server.alerts
        .list(['open', 'acknowledged', 'resolved'])
        .filter((a) => a.meterId === leakMeter).length;
    const alertsBefore = onLeakMeter();
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${twin.url}/show`);
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });

    await page.waitForSelector('[data-testid="show"][data-step="leak"]', { timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => window.__twin?.suspectPipeCount() ?? 0))
      .toBeGreaterThan(0);
    expect(await page.locator('[data-testid="show-leak"]').textContent()).toContain('模拟演示');
    await screenshot(page, 'show-leak');
    // Nothing reached the server: the leak meter has no alert it did not have before.
    expect(onLeakMeter()).toBe(alertsBefore);

    await page.waitForSelector('[data-testid="show-savings"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="show-savings"]').textContent()).toContain('测算');
    await screenshot(page, 'show-savings');
    await page.waitForSelector('[data-testid="show-equivalents"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="show-equivalents"]').textContent()).toContain('估算');
    await page.waitForSelector('[data-testid="show-qr"] svg', { timeout: 30_000 });
    expect(await page.locator('[data-testid="show-qr"]').getAttribute('data-url')).toBe(link.url);
    await screenshot(page, 'show-qr');
    await page.close();
  });

  it('opens the public page read-only, with the building in 3D, and refuses every write', async () => {
    const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    const seen: string[] = [];
    page.on('request', (req) => seen.push(new URL(req.url()).pathname));
    await page.goto(link.url);
    await page.waitForSelector('[data-testid="public"][data-state="ready"]', { timeout: 30_000 });
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });
    expect(await page.locator('input, textarea, select, button, form').count()).toBe(0);
    // A show link leads with the scenario's savings, before the live figures.
    expect(await page.locator('[data-testid="public"]').getAttribute('data-page')).toBe('show');
    const savingsFirst = await page.evaluate(() => {
      const savings = document.querySelector('[data-testid="public-savings"]');
      const tiles = document.querySelector('[data-testid="lobby-tiles"]');
      return !!savings && !!tiles && !!(savings.compareDocumentPosition(tiles) & 4);
    });
    expect(savingsFirst).toBe(true);
    expect(await page.locator('[data-testid="public-scene"] canvas').count()).toBe(1);
    expect(await canvasColourCount(page)).toBeGreaterThan(20);
    const html = await page.content();
    for (const meter of twin.server.twin.site.meters) {
      expect(html).not.toContain(meter.serial);
      expect(html).not.toContain(`"${meter.id}"`);
    }
    // The page reads its token's public endpoints and the client files, nothing private.
    const api = [...new Set(seen.filter((p) => p.startsWith('/api/') || p.startsWith('/socket')))];
    const base = `/api/v1/public/${link.token}`;
    expect(api).toContain(`${base}/scene`);
    expect(api.filter((p) => ![base, `${base}/scene`, `${base}/flows`].includes(p))).toEqual([]);
    await screenshot(page, 'public-page');

    // Every write the product has, sent from the public page (same origin, no session).
    const writes: Array<[string, string]> = [
      ['PUT', '/api/v1/lobby/settings'],
      ['POST', '/api/v1/share'],
      ['DELETE', `/api/v1/share/${link.id}`],
      ['POST', '/api/v1/alerts/1/ack'],
      ['POST', '/api/v1/readings'],
      ['POST', '/api/v1/import?dryRun=false'],
      ['POST', `/api/v1/public/${link.token}`],
      ['PUT', `/api/v1/public/${link.token}`],
      ['DELETE', `/api/v1/public/${link.token}`],
      ['POST', `/api/v1/public/${link.token}/scene`],
      ['PUT', `/api/v1/public/${link.token}/flows`],
    ];
    const statuses = await page.evaluate(async (calls) => {
      const out: number[] = [];
      for (const [method, url] of calls) {
        const res = await fetch(url, {
          method,
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        out.push(res.status);
      }
      return out;
    }, writes);
    statuses.forEach((status, i) => {
      expect([401, 403, 405], writes[i]!.join(' ')).toContain(status);
    });
    await page.close();
  });

  it('refuses a revoked link with a plain message', async () => {
    await callTwin(twin, 'DELETE', `/api/v1/share/${link.id}`, { cookie });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(link.url);
    await page.waitForSelector('[data-testid="public"][data-state="refused"]', { timeout: 30_000 });
    expect(await page.locator('[data-testid="public"]').textContent()).toContain('已被撤销');
    await page.close();
  });
});
