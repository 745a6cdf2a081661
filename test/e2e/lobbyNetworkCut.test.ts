import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRESH_FOR_MS } from '../../client/lobby/lobbyFeed';
import { launchChromium, screenshot } from '../support/browser';
import { startTcpProxy, type TcpProxy } from '../support/tcpProxy';
import type { TestTwin } from '../support/testTwin';
import { startLiveTwin } from '../support/twinPage';

/**
 * Socket.IO's defaults, which the twin keeps: the server pings every 25 s and gives up after
 * 20 s more without a pong. A cut longer than both, and longer than the lobby's freshness
 * limit, leaves no timer that could paper over it.
 */
const SOCKET_PING_INTERVAL_MS = 25_000;
const SOCKET_PING_TIMEOUT_MS = 20_000;
const CUT_MS = Math.max(FRESH_FOR_MS, SOCKET_PING_INTERVAL_MS + SOCKET_PING_TIMEOUT_MS) + 5_000;

/** The data time the status line shows, `YYYY-MM-DD HH:mm`, or null when it shows none. */
async function shownDataTime(page: Page): Promise<string | null> {
  const text = (await page.locator('[data-testid="lobby-status"]').textContent()) ?? '';
  return /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.exec(text)?.[0] ?? null;
}

describe('the lobby through a network cut', () => {
  let twin: TestTwin;
  let proxy: TcpProxy;
  let browser: Browser;

  beforeAll(async () => {
    twin = await startLiveTwin();
    proxy = await startTcpProxy(twin.url);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await twin?.server.close();
  });

  it('says its data is not current while the network is cut, then comes back live by itself', async () => {
    // Arrange: the lobby, reached through the proxy, is live; mark the page to see a reload.
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${proxy.url}/lobby`);
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });
    await page.waitForSelector('[data-testid="lobby"][data-current="true"]', { timeout: 30_000 });
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // Act: cut every connection and refuse new ones for longer than every timeout.
    proxy.cut();
    const cutAtMs = Date.now();
    const tickAtCut = (await page.evaluate(() => window.__twin?.lastTick)) ?? 0;
    await page.waitForSelector('[data-testid="lobby"][data-current="false"]', { timeout: 15_000 });
    await page.waitForSelector('[data-testid="lobby-status"][data-connection="reconnecting"]');
    const timeAtCut = await shownDataTime(page);
    await page.waitForTimeout(Math.max(0, CUT_MS - (Date.now() - cutAtMs)));

    // Assert, during the cut: the last figures stay, marked not current; nothing else shows.
    const status = page.locator('[data-testid="lobby-status"]');
    expect(await status.textContent()).toContain('数据暂未更新');
    expect(await status.textContent()).toContain('正在重新连接');
    expect(await status.getAttribute('data-current')).toBe('false');
    expect(await page.locator('[data-testid="lobby-tiles"].stale').count()).toBe(1);
    expect(await page.locator('[data-testid^="lobby-tile-"]').count()).toBeGreaterThan(0);
    expect(await shownDataTime(page)).toBe(timeAtCut);
    const body = (await page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/Error|at \S+ \(|正在恢复显示/);
    expect(proxy.refused).toBeGreaterThan(0);
    expect((await page.evaluate(() => window.__twin?.lastTick)) ?? 0).toBe(tickAtCut);
    await screenshot(page, 'lobby-network-cut');

    // Act: the network comes back.
    proxy.restore();

    // Assert: live again in the same document, with ticks and a data time after the cut.
    await page.waitForSelector('[data-testid="lobby"][data-current="true"]', { timeout: 60_000 });
    await expect
      .poll(() => page.evaluate(() => window.__twin?.lastTick ?? 0), { timeout: 30_000 })
      .toBeGreaterThan(tickAtCut);
    await expect.poll(() => shownDataTime(page), { timeout: 30_000 }).not.toBe(timeAtCut);
    expect((await shownDataTime(page))! > timeAtCut!).toBe(true);
    expect(await status.textContent()).toContain('数据时间');
    expect(await page.evaluate(() => window.__twin?.connection)).toBe('live');
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    await screenshot(page, 'lobby-network-back');
    await page.close();
  });
});
