import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import type { DetectionSettingView } from '../../models/detectionSettings';
import { screenshot } from '../support/browser';
import { startTestTwin, type TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;

describe('detection thresholds in Chromium at 1600×900', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'sim' });
    twin.server.twin.step(Date.parse('2026-04-14T01:00:00+08:00'));
    ({ browser, page } = await openTwinPage(twin, { width: 1600, height: 900 }));
    await signInThroughUi(page, twin.server.engineerToken);
    await page.locator(byTestId(testIds.qualityToggle)).click();
    await page.locator(byTestId(testIds.qualityTab('thresholds'))).click();
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  const stored = async (key: string) => {
    const res = await fetch(`${twin.url}/api/v1/detection/settings`);
    const body = (await res.json()) as { settings: DetectionSettingView[] };
    return body.settings.find((s) => s.key === key)?.value;
  };

  it('lists every threshold with its basis, in Chinese', async () => {
    const table = page.locator(byTestId(testIds.thresholds));
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(25);
    const row = table.locator('tr[data-key="continuousRunHours"]');
    expect(await row.textContent()).toContain('持续用水：不间断小时数');
    expect(await row.textContent()).toContain('推导值');
    // The basis is said in words, not as section numbers of the design notes.
    expect(await row.textContent()).toContain('智能水表产品的默认告警（Flume）');
    expect(await table.textContent()).not.toContain('§');
    const rule = table.locator('tr[data-key="balanceTolerance"] select');
    expect(await rule.locator('option').allTextContents()).toEqual([
      '最不利叠加（各表误差相加）',
      '统计叠加（k 倍均方根）',
    ]);
    await screenshot(page, 'thresholds-1600-zh');
  });

  it('saves a change, and refuses text that is not a number without saving', async () => {
    await page.locator(byTestId(testIds.thresholdInput('continuousRunHours'))).fill('10');
    await page.locator(byTestId(testIds.thresholdsSave)).click();
    const notice = page.locator(byTestId(testIds.thresholdsNotice));
    await expect.poll(() => notice.textContent()).toBe('已保存');
    expect(await stored('continuousRunHours')).toBe(10);

    // Text that is not a number holds Save back and says why, before any request.
    const input = page.locator(byTestId(testIds.thresholdInput('nightPercentile')));
    const saveButton = page.locator(byTestId(testIds.thresholdsSave));
    await input.fill('二成');
    await expect.poll(() => notice.textContent()).toBe('“夜间最小流量：正常用水分位数”须为数字');
    expect(await saveButton.isDisabled()).toBe(true);

    // The server's refusal names the setting as the table does.
    await input.fill('1.5');
    await saveButton.click();
    await expect
      .poll(() => notice.textContent())
      .toBe('未保存：夜间最小流量：正常用水分位数: 1.5 — Too big: expected number to be <=1');
    expect(await stored('nightPercentile')).toBe(0.2);

    // Clearing the field replaces the stale refusal with the reason Save waits.
    await input.fill('');
    await expect.poll(() => notice.textContent()).toBe('“夜间最小流量：正常用水分位数”须为数字');
    expect(await saveButton.isDisabled()).toBe(true);
    await screenshot(page, 'thresholds-cleared-1600-zh');
  });
});
