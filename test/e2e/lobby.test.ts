import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshot } from '../support/browser';
import { startTestTwin, type TestTwin } from '../support/testTwin';
import { startLiveTwin } from '../support/twinPage';

const LIVE_ENV = {
  TWIN_BACKFILL_DAYS: '1',
  TWIN_START: '2026-07-07T08:00:00+08:00',
  TWIN_TICK_MS: '400',
};

/** Opens `/lobby` and waits for the scene and current figures. */
async function openLobby(browser: Browser, url: string, width: number, height: number) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(`${url}/lobby`);
  await page.waitForFunction(() => window.__twin?.sceneReady === true, null, { timeout: 120_000 });
  await page.waitForSelector('[data-testid="lobby"][data-current="true"]', { timeout: 30_000 });
  return page;
}

/**
 * Whether these characters render as distinct glyphs in the page's font. Missing glyphs all
 * draw the same box, so two different characters drawing the same pixels means a box.
 */
async function distinctGlyphs(page: Page, chars: string): Promise<boolean> {
  return page.evaluate((text) => {
    const font = getComputedStyle(document.querySelector('.lobby-header h1')!).fontFamily;
    const canvas = document.createElement('canvas');
    canvas.width = 48;
    canvas.height = 48;
    const ctx = canvas.getContext('2d')!;
    const seen = new Set<string>();
    for (const ch of text) {
      ctx.clearRect(0, 0, 48, 48);
      ctx.font = `40px ${font}`;
      ctx.fillText(ch, 4, 40);
      seen.add(Array.from(ctx.getImageData(0, 0, 48, 48).data).join(','));
    }
    return seen.size === [...text].length;
  }, chars);
}

/** Every tile lies inside the viewport (nothing cut off at the edges). */
async function tilesInside(page: Page): Promise<boolean> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid^="lobby-tile-"]')].every((el) => {
      const r = el.getBoundingClientRect();
      return r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight;
    }),
  );
}

describe('the lobby display layouts', () => {
  let twin: TestTwin;
  let browser: Browser;

  beforeAll(async () => {
    twin = await startLiveTwin();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('moves on through the tour and the show with their default stops, while they poll', async () => {
    // The default stops last longer than the 5-second poll of the page's figures.
    const page = await openLobby(browser, twin.url, 1280, 720);
    const tour = page.locator('[data-testid="lobby-tour"]');
    expect(await tour.getAttribute('data-tour-stop')).toBe('0');
    await expect
      .poll(() => tour.getAttribute('data-tour-stop'), { timeout: 40_000, interval: 500 })
      .toBe('1');
    await page.close();

    const show = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await show.goto(`${twin.url}/show`);
    const steps = show.locator('[data-testid="show"]');
    await expect.poll(() => steps.getAttribute('data-step'), { timeout: 60_000 }).toBe('building');
    await expect
      .poll(() => steps.getAttribute('data-step'), { timeout: 40_000, interval: 500 })
      .toBe('flows');
    await show.close();
  });

  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
    [1080, 1920],
  ] as const) {
    it(`shows every tile, the slogans and Chinese text at ${width}×${height}`, async () => {
      const page = await openLobby(browser, twin.url, width, height);

      await expect.poll(() => page.locator('[data-testid^="lobby-tile-"]').count()).toBe(6);
      expect(await page.locator('[data-testid="lobby-tile-today"]').textContent()).toMatch(/\d/);
      expect(await page.locator('[data-testid="lobby-ticker"]').textContent()).toContain(
        '节约用水，从我做起',
      );
      expect(await page.locator('[data-testid="lobby-alerts"]').isVisible()).toBe(true);
      expect(await tilesInside(page)).toBe(true);
      expect(await distinctGlyphs(page, '节水机关实时用漏损率')).toBe(true);
      // No control to click and no cursor.
      expect(await page.locator('button, input, select, a').count()).toBe(0);
      expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
      await screenshot(page, `lobby-${width}x${height}`);
      await page.close();
    });
  }
});

describe('the lobby recovers by itself', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    twin = await startLiveTwin();
    browser = await launchChromium();
    page = await openLobby(browser, twin.url, 1920, 1080);
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('says its figures are not current while the server is down, then comes back live', async () => {
    // Arrange: the lobby is live; remember where the realtime stream was.
    const port = new URL(twin.url).port;
    const tickBefore = (await page.evaluate(() => window.__twin?.lastTick)) ?? 0;

    // Act: stop the real server, then start it again on the same port and data folder.
    await twin.server.close();
    await page.waitForSelector('[data-testid="lobby"][data-current="false"]', { timeout: 15_000 });
    expect(await page.locator('[data-testid="lobby-status"]').textContent()).toContain(
      '数据暂未更新',
    );
    await screenshot(page, 'lobby-server-down');
    twin = await startTestTwin({ ...LIVE_ENV, DATA_DIR: twin.dataDir, PORT: port });
    twin.server.startTicking();

    // Assert: without a reload by hand, live ticks past the old ones and current figures.
    await page.waitForSelector('[data-testid="lobby"][data-current="true"]', { timeout: 60_000 });
    await expect
      .poll(() => page.evaluate(() => window.__twin?.lastTick ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(tickBefore);
    expect(await page.evaluate(() => window.__twin?.connection)).toBe('live');
    await screenshot(page, 'lobby-server-back');
  });

  it('reloads itself when a new client build is deployed', async () => {
    const index = path.resolve('dist/client/index.html');
    const original = fs.readFileSync(index, 'utf8');
    await page.evaluate(() => {
      (window as unknown as { beforeDeploy: boolean }).beforeDeploy = true;
    });
    try {
      fs.writeFileSync(index, `${original}<!-- redeployed -->\n`);
      await page.waitForFunction(
        () => !(window as unknown as { beforeDeploy?: boolean }).beforeDeploy,
        null,
        { timeout: 30_000 },
      );
      await page.waitForSelector('[data-testid="lobby"][data-current="true"]', { timeout: 60_000 });
    } finally {
      fs.writeFileSync(index, original);
    }
  });
});
