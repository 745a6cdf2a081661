import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import { screenshot } from '../support/browser';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** Texts of the floor selector's building headings that are cut short. */
function cutFloorHeadings(page: Page): Promise<string[]> {
  return page
    .locator('.floor-building')
    .evaluateAll((list) =>
      list
        .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1)
        .map((e) => e.textContent ?? ''),
    );
}

/**
 * Alert items the list's visible box cuts through (neither wholly in nor wholly out), to a
 * pixel: scroll positions are whole pixels while text lines are not.
 */
function cutAlertItems(page: Page): Promise<number> {
  return page.locator(byTestId(testIds.alertListItems)).evaluate((list) => {
    const box = list.getBoundingClientRect();
    return Array.from(list.children).filter((item) => {
      const r = item.getBoundingClientRect();
      const inside = r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
      const outside = r.top >= box.bottom - 1 || r.bottom <= box.top + 1;
      return !inside && !outside;
    }).length;
  });
}

describe('floor headings and the alert list fit, in both languages', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    twin = await startLiveTwin();
    ({ browser, page } = await openTwinPage(twin, { width: 1280, height: 720 }));
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`shows whole building headings and whole alerts (${lang})`, async () => {
      const toggle = page.locator(byTestId(testIds.languageSwitch));
      if ((await toggle.getAttribute('data-lang')) !== lang) await toggle.click();
      await expect.poll(() => toggle.getAttribute('data-lang')).toBe(lang);

      for (const size of [
        { width: 1280, height: 720 },
        { width: 1600, height: 900 },
      ]) {
        await page.setViewportSize(size);
        expect(await cutFloorHeadings(page), `${lang} ${size.width}`).toEqual([]);
        // The live twin's leaks open alerts within its first day.
        await expect
          .poll(() => page.locator(byTestId(testIds.alertListItems)).count(), { timeout: 30_000 })
          .toBe(1);
        await expect
          .poll(() => cutAlertItems(page), { message: `${lang} ${size.width}`, timeout: 5000 })
          .toBe(0);
        await screenshot(page, `panel-fit-${size.width}-${lang}`);
      }
    });
  }
});
