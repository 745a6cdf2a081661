import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import { screenshot } from '../support/browser';
import { startTestTwin, type TestTwin } from '../support/testTwin';
import { openTwinPage, submitEngineerToken } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const METER = 'M3-office-f3'; // register in m³
/** A message key or a reason code that leaked into the page instead of its translation. */
const UNTRANSLATED = /\b(?:engineer|quality|reason|health|error|unit)\.\w+|unit_mismatch/;

/** PB-11: three register values in m³, sent as litres. */
const pb11 = [
  { ts: '2026-03-01T08:00:00+08:00', value: 1532.41 },
  { ts: '2026-03-01T09:00:00+08:00', value: 1532.46 },
  { ts: '2026-03-01T10:00:00+08:00', value: 1532.53 },
].map((r) => ({ meter: METER, ...r, unit: 'L', kind: 'register' }));

describe('engineer sign-in and quarantine review in Chromium', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // Arrange: a twin fed only through the API, with the PB-11 readings held back.
    twin = await startTestTwin({ TWIN_SOURCES: 'none', TWIN_START: '2026-03-01T12:00:00+08:00' });
    const res = await fetch(`${twin.url}/api/v1/readings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${twin.server.ingestToken}`,
      },
      body: JSON.stringify({ readings: pb11 }),
    });
    const { results } = (await res.json()) as { results: Array<{ status: string }> };
    expect(results.map((r) => r.status)).toEqual(['quarantined', 'quarantined', 'quarantined']);
    twin.server.twin.step(Date.parse('2026-03-01T12:00:00+08:00'));

    ({ browser, page } = await openTwinPage(twin, { width: 1600, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('refuses a wrong token and signs in with the right one', async () => {
    const session = page.locator(byTestId(testIds.engineerSession));
    await expect.poll(() => session.getAttribute('data-session')).toBe('visitor');
    await page.locator(byTestId(testIds.engineerSignIn)).click();

    await submitEngineerToken(page, 'not-the-engineer-token');
    await expect
      .poll(() => page.locator(byTestId(testIds.engineerError)).textContent())
      .toBe('令牌不正确');
    await screenshot(page, 'engineer-sign-in-zh');

    await submitEngineerToken(page, twin.server.engineerToken);
    await expect.poll(() => session.getAttribute('data-session')).toBe('engineer');
    expect(await session.textContent()).toContain('已登录');
    // The cookie is out of the page's reach.
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('lists the quarantined readings with their reason in Chinese', async () => {
    await page.locator(byTestId(testIds.qualityToggle)).click();

    const panel = page.locator(byTestId(testIds.qualityPanel));
    await expect.poll(() => panel.getAttribute('data-state')).toBe('ready');
    expect(await panel.getAttribute('data-count')).toBe('3');
    const rows = panel.locator('tbody tr');
    expect(await rows.first().textContent()).toContain('2026-03-01 08:00');
    expect(await rows.first().textContent()).toContain('1532.41 L');
    expect(await rows.first().textContent()).toContain(
      '单位与水表不符：数据标为 L，水表计量单位为 m³',
    );
    expect(await panel.textContent()).not.toMatch(UNTRANSLATED);

    // The meter's own panel counts them too.
    await page.locator(byTestId(testIds.treeItem(METER))).click();
    const health = page.locator(byTestId(testIds.meterHealth));
    await expect.poll(() => health.textContent()).toContain('隔离 3');
    expect(await health.textContent()).toContain('最后读数 2026-03-01 10:00');
    expect(await health.textContent()).not.toMatch(UNTRANSLATED);
    await screenshot(page, 'engineer-quality-zh');
  });

  it('confirms the unit m³, after which the readings leave the list', async () => {
    const panel = page.locator(byTestId(testIds.qualityPanel));
    const firstId = Number(
      (await panel.locator('tbody tr').first().getAttribute('data-testid'))!.split('-').at(-1),
    );

    await page.locator(byTestId(testIds.confirmUnit(firstId, 'm3'))).click();
    await expect.poll(() => panel.getAttribute('data-count')).toBe('2');
    expect(await page.locator(byTestId(testIds.quarantineRow(firstId))).count()).toBe(0);
    await screenshot(page, 'engineer-quality-confirmed');

    for (let left = 2; left > 0; left--) {
      await panel.locator('tbody tr').first().locator('button').first().click();
      await expect.poll(() => panel.getAttribute('data-count')).toBe(String(left - 1));
    }
    await expect.poll(() => panel.getAttribute('data-state')).toBe('empty');
    expect(await panel.textContent()).toContain('暂无隔离读数');

    // The health line follows: nothing held back any more, and the chart has the 50 L and 70 L.
    const line = page.locator(byTestId(testIds.meterHealth));
    await expect.poll(() => line.textContent()).not.toContain('隔离');
    expect(await line.textContent()).toBe('最后读数 2026-03-01 10:00正常');
    const chart = page.locator(byTestId(testIds.meterChart));
    await expect.poll(() => chart.getAttribute('data-state')).toBe('ready');
    // The total names what it sums: the last 24 hours up to the chart's end.
    expect(await chart.textContent()).toMatch(/最近 24 小时合计（至 [\d-]+ [\d:]+） 0\.12 m³/);
    await page.locator(byTestId(testIds.qualityClose)).click();
    await screenshot(page, 'engineer-health-zh');
  });

  it('shows the engineer views in English', async () => {
    const line = page.locator(byTestId(testIds.meterHealth));
    await page.locator(byTestId(testIds.languageSwitch)).click();
    await expect.poll(() => line.textContent()).toContain('Last reading 2026-03-01 10:00');
    expect(await line.textContent()).not.toMatch(/[\u4e00-\u9fff]/);
    await page.locator(byTestId(testIds.qualityToggle)).click();
    await expect
      .poll(() => page.locator(byTestId(testIds.qualityPanel)).textContent())
      .toContain('No quarantined readings');
    await screenshot(page, 'engineer-en');
    await page.locator(byTestId(testIds.languageSwitch)).click();
  });

  it('signs out, closing the engineer panel', async () => {
    await page.locator(byTestId(testIds.engineerSignOut)).click();

    const session = page.locator(byTestId(testIds.engineerSession));
    await expect.poll(() => session.getAttribute('data-session')).toBe('visitor');
    expect(await page.locator(byTestId(testIds.qualityPanel)).count()).toBe(0);
    const answer = await page.evaluate(() => fetch('/api/v1/quarantine').then((r) => r.status));
    expect(answer).toBe(401);
  });
});
