import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import type { Alert } from '../../models/alert';
import { screenshot } from '../support/browser';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;

/**
 * What a new user sees after `npm start`: the shipped scenario's seepage on the buried riser
 * feed is found within seconds of replay, listed, and glows on its metering area's pipes.
 */
describe('the default run, in Chromium at 1600×900', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    twin = await startLiveTwin({ TWIN_SCENARIO: 'samples/scenarios/default.json' });
    ({ browser, page } = await openTwinPage(twin, { width: 1600, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('lists the seepage alarm on the office building and lights the riser feed', async () => {
    // Arrange: wait (in replay, one twin hour per 0.4 s) for the balance alarm to open.
    let seepage: Alert | undefined;
    await expect
      .poll(
        async () => {
          const res = await fetch(`${twin.url}/api/v1/alerts`);
          const { alerts } = (await res.json()) as { alerts: Alert[] };
          seepage = alerts.find((a) => a.meterId === 'M2-office' && a.detector === 'balance');
          return seepage !== undefined;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBe(true);

    // Assert: the list says it in plain Chinese, and the riser feed glows warm.
    const item = page.locator(byTestId(testIds.alertItem(seepage!.id)));
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('办公楼');
    await item.click();
    const colour = () => page.evaluate(() => window.__twin?.pipeColor('p-ob-riser-base') ?? null);
    await expect
      .poll(
        async () => {
          const [r, g, b] = (await colour()) ?? [0, 0, 0];
          return r! > 0.9 && r! > g! + 0.3 && r! > b! + 0.5;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    const evidence = page.locator(byTestId(testIds.alertEvidence));
    await expect.poll(() => evidence.getAttribute('data-alert-id')).toBe(String(seepage!.id));
    await screenshot(page, 'default-run-1600-seepage');
  });
});
