import type { Browser, Page } from 'playwright-core';
import { testIds } from '../../client/testIds';
import { launchChromium } from './browser';
import { startTestTwin, type TestTwin } from './testTwin';

const byTestId = (id: string) => `[data-testid="${id}"]`;

/** The real server with the built client, a day of history, ticking on its own. */
export async function startLiveTwin(env: Record<string, string> = {}): Promise<TestTwin> {
  const twin = await startTestTwin({
    TWIN_BACKFILL_DAYS: '1',
    TWIN_START: '2026-07-07T08:00:00+08:00',
    TWIN_TICK_MS: '400',
    ...env,
  });
  twin.server.startTicking();
  return twin;
}

/** Launches Chromium, opens the twin at the given viewport and waits until its scene is ready. */
export async function openTwinPage(
  twin: TestTwin,
  viewport: { width: number; height: number },
): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  await page.goto(twin.url);
  await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
    timeout: 120_000,
  });
  return { browser, page };
}

/** Types a token into the open engineer sign-in form and submits it. */
export async function submitEngineerToken(page: Page, token: string): Promise<void> {
  await page.locator(byTestId(testIds.engineerTokenInput)).fill(token);
  await page.locator(byTestId(testIds.engineerSubmit)).click();
}

/** Opens the engineer sign-in form and signs in with the token. */
export async function signInThroughUi(page: Page, token: string): Promise<void> {
  await page.locator(byTestId(testIds.engineerSignIn)).click();
  await submitEngineerToken(page, token);
}
