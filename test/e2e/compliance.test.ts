import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import type { ComplianceReport } from '../../models/compliance';
import { ARTIFACTS, launchChromium, screenshot } from '../support/browser';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const HOUR = 3_600_000;
/** Twin time after the history: the page's default period is 2026-04-07 to 2026-04-13. */
const NOW = Date.parse('2026-04-14T00:00:00+08:00');

describe('compliance page in Chromium at 1600×900', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;
  let report: ComplianceReport;

  /** Scrolls a section to the top of the page and keeps the view as compliance-<name>.png. */
  const shoot = async (selector: string, name: string) => {
    await page.locator(selector).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, `compliance-${name}`);
  };

  beforeAll(async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'replay,sim' });
    for (let t = NOW - 7 * 24 * HOUR; t <= NOW; t += HOUR) twin.server.twin.step(t);
    const res = await fetch(`${twin.url}/api/v1/compliance/report?from=2026-04-07&to=2026-04-13`);
    report = (await res.json()) as ComplianceReport;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('is linked from the twin’s top bar', async () => {
    await page.goto(twin.url);
    const link = page.locator(byTestId(testIds.complianceLink));
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('/compliance');
    expect(await link.textContent()).toBe('合规');
  });

  it('shows the period’s indicators and balance as the API computes them', async () => {
    await page.goto(`${twin.url}/compliance`);
    await page.waitForSelector(`${byTestId(testIds.compliancePage)}[data-state="ready"]`);
    expect(await page.locator(byTestId(testIds.complianceFrom)).inputValue()).toBe('2026-04-07');

    // Indicators carry the API's values and verdicts.
    const k2 = report.indicators.find((i) => i.id === 'level2MeteringRate')!;
    const card = page.locator(byTestId(testIds.complianceIndicator('level2MeteringRate')));
    expect(Number(await card.getAttribute('data-value'))).toBeCloseTo(k2.value!, 9);
    expect(await card.getAttribute('data-pass')).toBe(String(k2.pass));

    // The balance table and the diagram.
    const intake = page.locator(
      `${byTestId(testIds.complianceBalanceRow('M1-main'))} [data-col="intakeM3"]`,
    );
    expect(Number(await intake.getAttribute('data-value'))).toBeCloseTo(
      report.balance.total.intakeM3,
      9,
    );
    const links = await page.locator(byTestId(testIds.complianceSankey)).getAttribute('data-links');
    expect(Number(links)).toBe(report.balance.links.length);
    await shoot(byTestId(testIds.compliancePage), 'indicators');
    await shoot('#cmp-balance h3 >> nth=0', 'sankey');
  });

  it('draws every meter of the network diagram', async () => {
    const boxes = page.locator(`${byTestId(testIds.complianceNetwork)} g[data-testid]`);
    expect(await boxes.count()).toBe(13);
    const main = page.locator(byTestId(testIds.complianceNetworkMeter('M1-main')));
    expect(await main.textContent()).toContain('JL-DN100-2019-00017 · DN100');
    await shoot('#cmp-network', 'network');
  });

  it('shows the ledgers and the scorecard, and an engineer’s score counts', async () => {
    await page.waitForSelector(`${byTestId(testIds.complianceLedger)}[data-state="ready"]`);
    await shoot('#cmp-ledger', 'ledger');
    const scorecard = page.locator(byTestId(testIds.complianceScorecard));
    await page.waitForSelector(`${byTestId(testIds.complianceScorecard)}[data-total]`);
    const before = Number(await scorecard.getAttribute('data-total'));

    // Sign in from the scorecard and score M1 (rules) with its evidence.
    await page.locator('.cmp-signin button').click();
    await page.locator(byTestId(testIds.engineerTokenInput)).fill(twin.server.engineerToken);
    await page.locator(byTestId(testIds.engineerSubmit)).click();
    await page.locator(byTestId(testIds.complianceScoreEdit('M1'))).click();
    await page.locator(byTestId(testIds.complianceScorePoints)).fill('3');
    await page
      .locator(byTestId(testIds.complianceScoreNote))
      .fill('《机关节水管理制度》2026年3月印发');
    await page.locator(byTestId(testIds.complianceScoreSave)).click();
    await page.waitForSelector(
      `${byTestId(testIds.complianceScorecard)}[data-total="${before + 3}"]`,
    );
    await shoot('#cmp-score', 'scorecard');
  });

  it('takes an entered unmetered use off the leak rate and applies a discharge share', async () => {
    // The engineer signed in above; 1.5 m³ of fire-hydrant test water on the 13th.
    const leak = report.indicators.find((i) => i.id === 'leakRate')!;
    const card = byTestId(testIds.complianceIndicator('leakRate'));
    await page.locator(byTestId(testIds.complianceUnmeteredM3)).fill('1.5');
    await page.locator(byTestId(testIds.complianceUnmeteredNote)).fill('消防栓试水');
    await page.locator(byTestId(testIds.complianceUnmeteredAdd)).click();
    const expected = (leak.numerator! - 1.5) / leak.denominator!;
    await page.waitForFunction(
      ([selector, value]) =>
        Math.abs(Number(document.querySelector(selector)?.getAttribute('data-value')) - value) <
        1e-9,
      [card, expected] as const,
    );
    expect(await page.locator(byTestId(testIds.complianceUnmetered)).textContent()).toContain(
      '消防栓试水',
    );

    // Toilets and washing discharge 50 % instead of the unconfirmed default 90 %.
    const row = report.balance.rows.find((r) => r.meterId === 'M3-office-f1')!;
    const usedM3 = row.consumedM3 + row.dischargedM3;
    const shares = byTestId(testIds.complianceShare('sanitary'));
    expect(await page.locator(shares).textContent()).toContain('待核实');
    await page.locator(`${shares} input`).fill('50');
    await page.locator(byTestId(testIds.complianceSharesSave)).click();
    const floor1 = byTestId(testIds.complianceBalanceRow('M3-office-f1'));
    const cell = `${floor1} [data-col="dischargedM3"]`;
    await page.waitForFunction(
      ([selector, value]) =>
        Math.abs(Number(document.querySelector(selector)?.getAttribute('data-value')) - value) <
        1e-9,
      [cell, usedM3 * 0.5] as const,
    );
    expect(await page.locator(shares).textContent()).toContain('工程师已设定');
    await shoot('#cmp-settings', 'settings');
  });

  it('translates every string, in Chinese and in English, and prints without controls', async () => {
    const zhText = await page.locator(byTestId(testIds.compliancePage)).textContent();
    expect(zhText ?? '').not.toMatch(/\bcmp\.[a-z]/);
    await page.locator(byTestId(testIds.languageSwitch)).click();
    await page.waitForSelector('html[lang="en"]');
    const enText = await page.locator(byTestId(testIds.compliancePage)).textContent();
    expect(enText ?? '').not.toMatch(/\bcmp\.[a-z]/);
    expect(enText ?? '').toContain('Water-balance test report');
    await shoot('#cmp-balance', 'balance-en');

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator(byTestId(testIds.compliancePrint)).isVisible()).toBe(false);
    await screenshot(page, 'compliance-print');
    const pdf = await page.pdf({
      path: path.join(ARTIFACTS, 'compliance-print.pdf'),
      format: 'A4',
      landscape: true,
    });
    expect(pdf.byteLength).toBeGreaterThan(50_000);
    await page.emulateMedia({ media: 'screen' });
  });
});
