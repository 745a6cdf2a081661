import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import { screenshot } from '../support/browser';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** One part of the top bar as laid out: its box and whether its text is cut. */
interface Part extends Box {
  readonly name: string;
  readonly clipped: boolean;
}

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The bar's parts: brand, each KPI tile and each action, with their texts' clipping. */
function topbarParts(page: Page): Promise<Part[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('.topbar');
    if (!bar) return [];
    const cut = (e: Element) => e.scrollWidth > e.clientWidth + 1;
    const parts = [
      bar.querySelector('.brand'),
      ...bar.querySelectorAll('.kpi'),
      ...bar.querySelectorAll('.topbar-actions > *:not(.engineer), .topbar-actions .engineer > *'),
    ].filter((e): e is Element => e !== null && !e.classList.contains('signin-form'));
    return parts.map((e) => {
      const r = e.getBoundingClientRect();
      const texts = [e, ...e.querySelectorAll('.brand-title, .kpi-label, .kpi-value')];
      return {
        name: `${e.className} ${(e.textContent ?? '').slice(0, 24)}`,
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        clipped: texts.some(cut),
      };
    });
  });
}

/** Every part inside the window, none cut, none over another, all above the panels. */
async function expectCleanTopbar(page: Page, label: string): Promise<void> {
  const { width } = page.viewportSize()!;
  const parts = await topbarParts(page);
  expect(parts.length, label).toBeGreaterThan(5);
  for (const part of parts) {
    expect(part.clipped, `${label}: ${part.name} is cut`).toBe(false);
    expect(part.x, `${label}: ${part.name} left`).toBeGreaterThanOrEqual(0);
    expect(part.x + part.width, `${label}: ${part.name} right`).toBeLessThanOrEqual(width);
  }
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const [a, b] = [parts[i]!, parts[j]!];
      expect(intersects(a, b), `${label}: ${a.name} × ${b.name}`).toBe(false);
    }
  }

  // The panels start under the bar, however many rows it took (once it has been measured).
  const barBottom = Math.max(...parts.map((p) => p.y + p.height));
  const highestPanelTop = () =>
    page
      .locator('[data-covers]:not(.topbar)')
      .evaluateAll((list) => Math.min(...list.map((e) => e.getBoundingClientRect().top)));
  await expect
    .poll(highestPanelTop, { message: `${label}: a panel starts under the bar`, timeout: 5000 })
    .toBeGreaterThanOrEqual(barBottom);
}

describe('the top bar in both languages, signed in and out', () => {
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

  const sizes = [
    { width: 1280, height: 720 },
    { width: 1600, height: 900 },
    { width: 1920, height: 1080 },
  ];

  const setLang = async (lang: 'zh' | 'en') => {
    const toggle = page.locator(byTestId(testIds.languageSwitch));
    if ((await toggle.getAttribute('data-lang')) !== lang) await toggle.click();
    await expect.poll(() => toggle.getAttribute('data-lang')).toBe(lang);
  };

  const checkAllSizes = async (state: string) => {
    for (const lang of ['zh', 'en'] as const) {
      await setLang(lang);
      for (const size of sizes) {
        await page.setViewportSize(size);
        await page.waitForTimeout(100); // a frame for the panels to follow the bar
        await expectCleanTopbar(page, `${lang} ${size.width} ${state}`);
        if (size.width !== 1920) await screenshot(page, `topbar-${size.width}-${lang}-${state}`);
      }
    }
  };

  it('lays out cleanly for a visitor', async () => {
    await checkAllSizes('visitor');
  });

  it('lays out cleanly for a signed-in engineer, the title still whole', async () => {
    await page.setViewportSize(sizes[0]!);
    await signInThroughUi(page, twin.server.engineerToken);
    await expect
      .poll(() => page.locator(byTestId(testIds.engineerSession)).getAttribute('data-session'))
      .toBe('engineer');
    await checkAllSizes('engineer');
    expect(await page.locator('.brand-title').isVisible()).toBe(true);
  });

  it('stacks the bar and the panels without overlap on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of ['zh', 'en'] as const) {
      await setLang(lang);
      await page.waitForTimeout(100);
      const parts = await topbarParts(page);
      for (let i = 0; i < parts.length; i++) {
        for (let j = i + 1; j < parts.length; j++) {
          expect(intersects(parts[i]!, parts[j]!), `${parts[i]!.name} × ${parts[j]!.name}`).toBe(
            false,
          );
        }
        expect(parts[i]!.x + parts[i]!.width).toBeLessThanOrEqual(390);
      }
      // The bar, the tree, the floor controls and the alerts take turns down the page.
      const blocks = await page
        .locator('.topbar, .tree-panel, .view-controls, .alert-panel')
        .evaluateAll((list) => list.map((e) => e.getBoundingClientRect().toJSON() as Box));
      expect(blocks.length).toBe(4);
      for (let i = 0; i < blocks.length; i++) {
        for (let j = i + 1; j < blocks.length; j++) {
          expect(intersects(blocks[i]!, blocks[j]!), `${lang}: block ${i} × ${j}`).toBe(false);
        }
      }
      await screenshot(page, `topbar-390-${lang}`);
    }
  });
});
