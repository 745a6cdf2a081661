import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import { screenshot } from '../support/browser';
import { startTestTwin, type TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const METER = 'M3-office-f3'; // register in m³
const HOUR = 3_600_000;
/** 2026-03-01 08:00 in the building's zone (Asia/Shanghai, no DST). */
const AT_8 = Date.parse('2026-03-01T08:00:00+08:00');
/** A message key or a server code that leaked into the page instead of its translation. */
const UNTRANSLATED = /\b(?:import|importCode|importReject|error|unit)\.\w+|glitch_decrease|\bn\/a'/;
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * An hourly register in m³ under the file key FL3-0453: one repeated row (line 5), one small
 * fall of 16 L (line 6, a glitch: booked as 0) and one unreadable value (line 8). Values are
 * binary fractions of a m³, so the volumes are exact: 125, 250, 0 and 250 L.
 */
const CSV = [
  'meter,time,value',
  'FL3-0453,2026-03-01 08:00,1200.125',
  'FL3-0453,2026-03-01 09:00,1200.250',
  'FL3-0453,2026-03-01 10:00,1200.500',
  'FL3-0453,2026-03-01 10:00,1200.500',
  'FL3-0453,2026-03-01 11:00,1200.484',
  'FL3-0453,2026-03-01 12:00,1200.750',
  'FL3-0453,2026-03-01 13:00,n/a',
].join('\n');

const mapping = (zone: string) => ({
  format: 'long',
  columns: { meter: 'meter', time: 'time', value: 'value' },
  timeFormat: 'yyyy-MM-dd HH:mm',
  zone,
  unit: 'm3',
  meters: { 'FL3-0453': METER },
});

describe('CSV upload page in Chromium', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;
  let csvFile: string;
  let panel: Locator;

  /** Intervals stored for the meter on 1 March, as the API lists them. */
  const storedIntervals = async () => {
    const res = await fetch(
      `${twin.url}/api/v1/meters/${METER}/intervals?from=${AT_8 - 8 * HOUR}&to=${AT_8 + 16 * HOUR}`,
    );
    const body = (await res.json()) as {
      intervals: Array<{ startMs: number; endMs: number; volumeL: number; flags: string[] }>;
    };
    return body.intervals;
  };
  const stat = (name: string) => page.locator(`${byTestId(testIds.importStat(name))} dd`);
  const rowsOf = (section: string) =>
    page
      .locator(`${byTestId(section)} tbody tr`)
      .evaluateAll((rows) =>
        rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)),
      );

  beforeAll(async () => {
    // Arrange: a twin fed only through the API, a CSV file on disk, a browser on the page.
    twin = await startTestTwin({ TWIN_SOURCES: 'none', TWIN_START: '2026-03-02T00:00:00+08:00' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-import-'));
    csvFile = path.join(dir, 'office-f3.csv');
    fs.writeFileSync(csvFile, CSV);

    ({ browser, page } = await openTwinPage(twin, { width: 1600, height: 900 }));
    panel = page.locator(byTestId(testIds.importPanel));
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('offers the page to a signed-in engineer, with the shipped mappings as presets', async () => {
    const session = page.locator(byTestId(testIds.engineerSession));
    await expect.poll(() => session.getAttribute('data-session')).toBe('visitor');
    expect(await page.locator(byTestId(testIds.importToggle)).count()).toBe(0);

    await signInThroughUi(page, twin.server.engineerToken);
    await expect.poll(() => session.getAttribute('data-session')).toBe('engineer');
    await page.locator(byTestId(testIds.importToggle)).click();

    await expect.poll(() => panel.getAttribute('data-state')).toBe('idle');
    const preset = page.locator(byTestId(testIds.importPreset));
    await expect
      .poll(() => preset.locator('option').allTextContents())
      .toEqual(['daiad-hourly', 'daiad-sanjoan', '自定义']);
    expect(await preset.inputValue()).toBe('daiad-hourly');
    const shown = JSON.parse(await page.locator(byTestId(testIds.importMapping)).inputValue());
    expect(shown.meters['1de2cf65-092d-4791-9257-374470bdb3c3']).toBe(METER);
    expect(await page.locator(byTestId(testIds.importPreview)).isDisabled()).toBe(true);
    expect(await page.locator(byTestId(testIds.importRun)).isDisabled()).toBe(true);
  });

  it('refuses a file over the upload limit, pointing to npm run import', async () => {
    await page.locator(byTestId(testIds.importFile)).setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(9 * 1024 * 1024, 'a'),
    });

    await expect
      .poll(() => page.locator(byTestId(testIds.importError)).textContent())
      .toBe('文件大小 9.0 MiB，超过网页导入上限 8.0 MiB；请在服务器上用 npm run import 导入');
    expect(await page.locator(byTestId(testIds.importPreview)).isDisabled()).toBe(true);
  });

  it('shows a mapping the server refuses as a translated error, and import stays closed', async () => {
    await page.locator(byTestId(testIds.importFile)).setInputFiles(csvFile);
    await expect
      .poll(() => page.locator(byTestId(testIds.importFileInfo)).textContent())
      .toBe(`office-f3.csv · ${CSV.length} B`);
    await page
      .locator(byTestId(testIds.importMapping))
      .fill(JSON.stringify(mapping('Asia/Shangai'), null, 2));
    expect(await page.locator(byTestId(testIds.importPreset)).inputValue()).toBe('');

    await page.locator(byTestId(testIds.importPreview)).click();

    const error = page.locator(byTestId(testIds.importError));
    await expect.poll(() => panel.getAttribute('data-state')).toBe('error');
    expect(await error.textContent()).toContain('服务器拒绝了映射或文件，请按详情修改后重新预览');
    expect(await error.locator('code').textContent()).toContain('body.mapping.zone');
    expect(await page.locator(byTestId(testIds.importRun)).isDisabled()).toBe(true);
    await error.locator('summary').click();
    await screenshot(page, 'import-error-zh');
  });

  it('previews parsed rows, outcomes and the intervals that would be booked, storing nothing', async () => {
    await page
      .locator(byTestId(testIds.importMapping))
      .fill(JSON.stringify(mapping('Asia/Shanghai'), null, 2));

    await page.locator(byTestId(testIds.importPreview)).click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('previewed');

    // The file: 7 data rows, 6 readings, the n/a row rejected.
    const summary = page.locator(byTestId(testIds.importSummary));
    expect(await summary.getAttribute('data-dry-run')).toBe('true');
    expect(await stat('rows').textContent()).toBe('7');
    expect(await stat('readings').textContent()).toBe('6');
    expect(await stat('rejected').textContent()).toBe('1');
    expect(await stat('unmapped').textContent()).toBe('0');
    expect(await stat('first').textContent()).toBe('2026-03-01 08:00');
    expect(await stat('last').textContent()).toBe('2026-03-01 12:00');
    expect(await rowsOf(testIds.importRejected)).toEqual([['8', '读数无法识别：n/a']]);

    // Per meter: 5 accepted, 1 duplicate; 4 intervals, 625 L, one glitch booked as 0.
    const meterCells = await page
      .locator(`${byTestId(testIds.importMeterRow(METER))} td`)
      .allTextContents();
    expect(meterCells).toEqual([
      '办公楼3层',
      '6',
      '5',
      '1',
      '0',
      '0',
      '重复读数 ×1',
      '4',
      '625 L',
      '小幅回落记为 0 ×1',
    ]);
    expect(await rowsOf(testIds.importFlagged)).toEqual([
      ['6', '办公楼3层', '2026-03-01 10:00', '2026-03-01 11:00', '0 L', '小幅回落记为 0'],
    ]);

    // The first readings in file order, each with its outcome.
    expect(await rowsOf(testIds.importPreviewTable)).toEqual([
      ['2', '办公楼3层', '2026-03-01 08:00', '2026-03-01 08:00', '1200.125 m³', '接受'],
      ['3', '办公楼3层', '2026-03-01 09:00', '2026-03-01 09:00', '1200.25 m³', '接受'],
      ['4', '办公楼3层', '2026-03-01 10:00', '2026-03-01 10:00', '1200.5 m³', '接受'],
      ['5', '办公楼3层', '2026-03-01 10:00', '2026-03-01 10:00', '1200.5 m³', '重复'],
      [
        '6',
        '办公楼3层',
        '2026-03-01 11:00',
        '2026-03-01 11:00',
        '1200.484 m³',
        '接受小幅回落记为 0',
      ],
      ['7', '办公楼3层', '2026-03-01 12:00', '2026-03-01 12:00', '1200.75 m³', '接受'],
    ]);
    expect(await panel.textContent()).not.toMatch(UNTRANSLATED);

    // Nothing was stored.
    expect(await storedIntervals()).toEqual([]);
    expect(await page.locator(byTestId(testIds.importRun)).isEnabled()).toBe(true);
    await screenshot(page, 'import-preview-zh');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'import-preview-zh-1280');
    await page.setViewportSize({ width: 1600, height: 900 });
  });

  it('imports on request: the intervals are stored with their volumes and flags', async () => {
    await page.locator(byTestId(testIds.importRun)).click();
    await expect.poll(() => panel.getAttribute('data-state')).toBe('imported');

    const summary = page.locator(byTestId(testIds.importSummary));
    expect(await summary.getAttribute('data-dry-run')).toBe('false');
    expect(await summary.textContent()).toContain('导入完成 · 以下内容已写入');
    expect(
      await page.locator(`${byTestId(testIds.importMeterRow(METER))} td`).allTextContents(),
    ).toEqual([
      '办公楼3层',
      '6',
      '5',
      '1',
      '0',
      '0',
      '重复读数 ×1',
      '4',
      '625 L',
      '小幅回落记为 0 ×1',
    ]);
    expect(await storedIntervals()).toEqual([
      { startMs: AT_8, endMs: AT_8 + HOUR, volumeL: 125, flags: [] },
      { startMs: AT_8 + HOUR, endMs: AT_8 + 2 * HOUR, volumeL: 250, flags: [] },
      { startMs: AT_8 + 2 * HOUR, endMs: AT_8 + 3 * HOUR, volumeL: 0, flags: ['glitch_decrease'] },
      { startMs: AT_8 + 3 * HOUR, endMs: AT_8 + 4 * HOUR, volumeL: 250, flags: [] },
    ]);
    // Importing the same answer again needs a new preview first.
    expect(await page.locator(byTestId(testIds.importRun)).isDisabled()).toBe(true);
    await screenshot(page, 'import-done-zh');
  });

  it('reads in English, and closes with the engineer control', async () => {
    await page.locator(byTestId(testIds.languageSwitch)).click();
    await expect
      .poll(() => page.locator(byTestId(testIds.importSummary)).textContent())
      .toContain('Imported · the following was stored');

    expect(await panel.textContent()).not.toMatch(CHINESE);
    expect(await panel.textContent()).not.toMatch(UNTRANSLATED);
    expect(
      await page.locator(`${byTestId(testIds.importMeterRow(METER))} td`).allTextContents(),
    ).toEqual([
      'Office building, floor 3',
      '6',
      '5',
      '1',
      '0',
      '0',
      'repeated reading ×1',
      '4',
      '625 L',
      'small fall booked as 0 ×1',
    ]);
    await screenshot(page, 'import-done-en');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'import-done-en-1280');
    await page.setViewportSize({ width: 1600, height: 900 });

    await page.locator(byTestId(testIds.importToggle)).click();
    expect(await panel.count()).toBe(0);
    await page.locator(byTestId(testIds.languageSwitch)).click();
  });
});
