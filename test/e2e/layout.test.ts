import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScreenPoint } from '../../client/testHooks';
import { testIds } from '../../client/testIds';
import { canvasColourCount, screenshot } from '../support/browser';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;
/** How far, in CSS pixels, a marker may land from where it was for "the same view". */
const SAME_VIEW_PX = 6;
/** How far a marker must move for "the camera went elsewhere". */
const MOVED_PX = 40;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const distance = (a: ScreenPoint | null, b: ScreenPoint) =>
  a === null ? Number.POSITIVE_INFINITY : Math.hypot(a.x - b.x, a.y - b.y);

describe('the dashboard at 1280×720', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;
  let overview: ScreenPoint;

  const markerAt = (meterId: string) =>
    page.evaluate((id) => window.__twin?.meterScreenPosition(id) ?? null, meterId);

  beforeAll(async () => {
    twin = await startLiveTwin();
    ({ browser, page } = await openTwinPage(twin, { width: 1280, height: 720 }));
    // The overview settles once the panels have taken their measured places under the top
    // bar (the camera frames the part of the view they leave free): wait until it holds still.
    let last: ScreenPoint | null = null;
    for (let tries = 0; tries < 50; tries++) {
      const now = await markerAt('M1-main');
      if (now !== null && last !== null && distance(now, last) < 0.5) break;
      last = now;
      await page.waitForTimeout(400);
    }
    overview = last!;
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('shows the whole-site meter and a level-3 label in the all-floors view', async () => {
    expect(overview).not.toBeNull();
    const shownLevel3 = () =>
      page
        .locator('[data-testid^="meter-label-M3-"][data-occluded="false"]')
        .evaluateAll((labels) => labels.length);

    await expect.poll(shownLevel3, { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'layout-1280-overview');
  });

  it('flies back to the overview with 全景 after the user turned the view', async () => {
    // Arrange: orbit the camera by dragging in the middle of the view.
    await page.mouse.move(700, 450);
    await page.mouse.down();
    await page.mouse.move(900, 380, { steps: 12 });
    await page.mouse.up();
    await expect
      .poll(async () => distance(await markerAt('M1-main'), overview))
      .toBeGreaterThan(MOVED_PX);

    // Act
    await page.locator(byTestId(testIds.resetView)).click();

    // Assert
    await expect
      .poll(async () => distance(await markerAt('M1-main'), overview), { timeout: 10_000 })
      .toBeLessThan(SAME_VIEW_PX);
  });

  it('returns to the overview when the chart of a selected meter closes', async () => {
    await page.locator(byTestId(testIds.treeItem('M3-office-f2'))).click();
    const chart = page.locator(byTestId(testIds.meterChart));
    await expect.poll(() => chart.getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
    await expect
      .poll(async () => distance(await markerAt('M1-main'), overview), { timeout: 10_000 })
      .toBeGreaterThan(MOVED_PX);

    await page.locator(byTestId(testIds.chartClose)).click();

    expect(await chart.count()).toBe(0);
    await expect
      .poll(async () => distance(await markerAt('M1-main'), overview), { timeout: 10_000 })
      .toBeLessThan(SAME_VIEW_PX);
  });

  it('frames a floor picked after a meter, with that floor meter labelled', async () => {
    // Arrange: a meter of floor 2 in focus, its chart open.
    await page.locator(byTestId(testIds.treeItem('M3-office-f2'))).click();
    await expect
      .poll(() => page.locator(byTestId(testIds.meterChart)).getAttribute('data-state'), {
        timeout: 30_000,
      })
      .toBe('ready');

    // Act
    await page.locator(byTestId(testIds.floorOption('ob-f3'))).click();

    // Assert: the floor's meter is on screen, its label shown and clear of every panel.
    const label = page.locator(byTestId(testIds.meterLabel('M3-office-f3')));
    await expect.poll(() => label.getAttribute('data-occluded'), { timeout: 10_000 }).toBe('false');
    await expect
      .poll(
        async () => {
          const box = await label.boundingBox();
          const panels = await page
            .locator('[data-covers]')
            .evaluateAll((list) => list.map((e) => e.getBoundingClientRect().toJSON() as Box));
          return (
            box !== null &&
            box.y > 0 &&
            box.y + box.height < 720 &&
            !panels.some((p) => intersects(p, box))
          );
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await markerAt('M3-office-f3')).not.toBeNull();
    expect(await canvasColourCount(page)).toBeGreaterThan(50);
    await screenshot(page, 'layout-1280-floor-3');
  });

  it('keeps every floor option clickable while the chart is open', async () => {
    const chart = page.locator(byTestId(testIds.meterChart));
    expect(await chart.count()).toBe(1);
    const options = page.locator(
      `${byTestId(testIds.floorSelector)} [data-testid^="floor-option-"]`,
    );
    const ids = await options.evaluateAll((list) => list.map((e) => e.getAttribute('data-testid')));
    expect(ids.length).toBe(10);

    for (const id of ids) {
      const option = page.locator(byTestId(id!));
      // Playwright's actionability check fails if anything covers the option.
      await option.click({ trial: true, timeout: 2000 });
      const box = (await option.boundingBox())!;
      const hit = await page.evaluate(
        ([x, y]) =>
          document.elementFromPoint(x!, y!)?.closest('[data-testid]')?.getAttribute('data-testid'),
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      expect(hit).toBe(id);
    }
    const chartBox = (await chart.boundingBox())!;
    for (const panel of [testIds.floorSelector, testIds.meterTree, testIds.resetView]) {
      expect(intersects(chartBox, (await page.locator(byTestId(panel)).boundingBox())!)).toBe(
        false,
      );
    }
  });
});
