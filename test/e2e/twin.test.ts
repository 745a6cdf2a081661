import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import { canvasColourCount, screenshot } from '../support/browser';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;

describe('the twin in Chromium', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    twin = await startLiveTwin();
    ({ browser, page } = await openTwinPage(twin, { width: 1600, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('draws the building, pipes and meters', async () => {
    expect(await canvasColourCount(page)).toBeGreaterThan(50);
    await screenshot(page, 'twin-zh');
  });

  it('updates a meter label as ticks arrive', async () => {
    const label = page.locator(byTestId(testIds.meterLabel('M1-main')));
    const seen = new Set<string | null>([await label.textContent()]);
    await expect
      .poll(async () => seen.add(await label.textContent()).size, { timeout: 30_000 })
      .toBeGreaterThan(1);
  });

  it('switches the interface between Chinese and English', async () => {
    const tile = page.locator(byTestId(testIds.kpiToday));
    const zh = await tile.textContent();
    expect(zh).toMatch(/[\u4e00-\u9fff]/);

    await page.locator(byTestId(testIds.languageSwitch)).click();
    await expect.poll(() => tile.textContent()).not.toBe(zh);
    const en = await tile.textContent();
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    await screenshot(page, 'twin-en');

    await page.locator(byTestId(testIds.languageSwitch)).click();
    await expect.poll(() => tile.textContent()).toMatch(/[\u4e00-\u9fff]/);
  });

  it('opens the chart of a meter clicked in the 3D view', async () => {
    // Arrange: where the level-2 canteen meter is drawn on the canvas.
    const canvas = page.locator(byTestId(testIds.canvas));
    const box = (await canvas.boundingBox())!;
    const point = await page.evaluate(
      () => window.__twin?.meterScreenPosition('M2-canteen') ?? null,
    );
    expect(point).not.toBeNull();

    // Act
    await page.mouse.click(box.x + point!.x, box.y + point!.y);

    // Assert
    const chart = page.locator(byTestId(testIds.meterChart));
    await expect
      .poll(() => chart.getAttribute('data-meter-id'), { timeout: 30_000 })
      .toBe('M2-canteen');
    await expect.poll(() => chart.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    await screenshot(page, 'twin-chart');
  });
});
