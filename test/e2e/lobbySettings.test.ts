import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LobbySettings } from '../../models/lobby';
import { screenshot } from '../support/browser';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi, startLiveTwin } from '../support/twinPage';

const LIVE_ENV = {
  TWIN_BACKFILL_DAYS: '1',
  TWIN_START: '2026-07-07T08:00:00+08:00',
  TWIN_TICK_MS: '400',
};
const NEW_SLOGAN = '一水多用，循环利用';
const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The settings as stored, read back through the API with a fresh engineer session. */
async function storedSettings(twin: TestTwin): Promise<LobbySettings> {
  const { cookie } = await signInEngineer(twin);
  return (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body.settings;
}

/** Opens `/lobby` and waits for its figures. */
async function openLobby(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}/lobby`);
  await page.waitForSelector('[data-testid="lobby"][data-current="true"]', { timeout: 120_000 });
  return page;
}

describe('the lobby and show settings panel', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    twin = await startLiveTwin();
    ({ browser, page } = await openTwinPage(twin, { width: 1920, height: 1080 }));
    await signInThroughUi(page, twin.server.engineerToken);
    await page.waitForSelector('[data-testid="engineer-session"][data-session="engineer"]');
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('saves a slogan and a hidden tile that /lobby shows, and they survive a restart', async () => {
    // Arrange: the panel, opened from the dashboard's engineer bar.
    await page.locator(byTestId('lobby-settings-toggle')).click();
    const slogans = page.locator(byTestId('settings-slogansZh'));
    await slogans.waitFor();

    // Act: a new first slogan, the month tile unticked, saved.
    await slogans.fill(`${NEW_SLOGAN}\n${await slogans.inputValue()}`);
    await page.locator(byTestId('settings-tile-month')).uncheck();
    await page.locator(byTestId('settings-save')).click();
    await page.waitForSelector('[data-testid="settings-status"][data-kind="saved"]');
    expect(await page.locator(byTestId('settings-status')).textContent()).toBe('已保存');
    await screenshot(page, 'lobby-settings-saved');
    // Two software-rendered scenes at once starve each other on a small machine.
    await page.close();

    // Assert: the lobby shows the slogan and not the hidden tile.
    const lobby = await openLobby(browser, twin.url);
    expect(await lobby.locator(byTestId('lobby-ticker')).textContent()).toContain(NEW_SLOGAN);
    expect(await lobby.locator(byTestId('lobby-tile-month')).count()).toBe(0);
    expect(await lobby.locator('[data-testid^="lobby-tile-"]').count()).toBe(5);
    await lobby.close();

    // Act: restart the server on the same data folder and port.
    const port = new URL(twin.url).port;
    await twin.server.close();
    twin = await startTestTwin({ ...LIVE_ENV, DATA_DIR: twin.dataDir, PORT: port });
    twin.server.startTicking();

    // Assert: the restarted lobby still shows them.
    const after = await openLobby(browser, twin.url);
    expect(await after.locator(byTestId('lobby-ticker')).textContent()).toContain(NEW_SLOGAN);
    expect(await after.locator(byTestId('lobby-tile-month')).count()).toBe(0);
    await screenshot(after, 'lobby-settings-after-restart');
    await after.close();
    const stored = await storedSettings(twin);
    expect(stored.slogans.zh[0]).toBe(NEW_SLOGAN);
    expect(stored.tiles).not.toContain('month');
  });

  it('refuses an invalid value with a translated message and stores nothing', async () => {
    // Arrange: the panel of a fresh page, signed in again after the restart.
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(twin.url);
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });
    await signInThroughUi(page, twin.server.engineerToken);
    await page.locator(byTestId('lobby-settings-toggle')).click();
    await page.locator(byTestId('settings-slogansZh')).waitFor();
    const before = await storedSettings(twin);

    // Act: another slogan and a word where a number of m³ belongs.
    await page.locator(byTestId('settings-slogansZh')).fill('这一条不应保存');
    await page.locator(byTestId('settings-unmetered')).fill('许多');
    await page.locator(byTestId('settings-save')).click();

    // Assert: the message names the field and the value in Chinese; nothing changed.
    await page.waitForSelector('[data-testid="settings-status"][data-kind="error"]');
    expect(await page.locator(byTestId('settings-status')).textContent()).toBe(
      '未保存：已知未计量用水中的 “许多” 不符合要求，已保存的设置没有改动',
    );
    await screenshot(page, 'lobby-settings-refused');
    expect(await storedSettings(twin)).toEqual(before);
    const lobby = await openLobby(browser, twin.url);
    expect(await lobby.locator(byTestId('lobby-ticker')).textContent()).not.toContain(
      '这一条不应保存',
    );
    await lobby.close();
  });
});
