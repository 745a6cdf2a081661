import type { CDPSession, Page } from 'playwright-core';
import { LobbySettings } from '../models/lobby';
import { launchChromium } from '../test/support/browser';
import { callTwin, signInEngineer } from '../test/support/engineerApi';
import { startTestTwin } from '../test/support/testTwin';

/**
 * Soak of the lobby display: the real server replays twin time fast while Chromium shows
 * `/lobby` with a short tour that loops many times. Measured in the page: the JS heap after a
 * forced garbage collection and the frame rate over 3 s, at the start, every minute, and at
 * the end. What is measured: `LOBBY_SOAK_WALL_S` seconds of wall time (default 180) during
 * which the twin replays `speed × wall` of twin time (default speed 3600: 180 twin hours).
 */

const WALL_S = Number(process.env.LOBBY_SOAK_WALL_S ?? 180);
const SPEED = Number(process.env.LOBBY_SOAK_SPEED ?? 3600);
const SAMPLE_EVERY_S = 60;

/** Frames the page draws in 3 s of requestAnimationFrame, per second. */
const FPS_OVER_3_S = `new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const step = () => {
    frames += 1;
    if (performance.now() - start < 3000) requestAnimationFrame(step);
    else resolve((frames * 1000) / (performance.now() - start));
  };
  requestAnimationFrame(step);
})`;

interface Sample {
  readonly wallS: number;
  readonly twinTime: string;
  readonly heapMiB: number;
  readonly fps: number;
  readonly lastTick: number;
}

async function sample(page: Page, cdp: CDPSession, wallS: number): Promise<Sample> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const fps = (await page.evaluate(FPS_OVER_3_S)) as number;
  const lastTick = (await page.evaluate(() => window.__twin?.lastTick)) ?? 0;
  const twinText = (await page.locator('[data-testid="lobby-status"]').textContent()) ?? '';
  return { wallS, twinTime: twinText, heapMiB: heap.usedSize / 2 ** 20, fps, lastTick };
}

const row = (s: Sample) =>
  `  t=${String(Math.round(s.wallS)).padStart(4)} s  heap ${s.heapMiB.toFixed(1).padStart(6)} MiB` +
  `  ${s.fps.toFixed(1).padStart(5)} fps  tick ${s.lastTick}  ${s.twinTime}`;

export async function benchLobbySoak(): Promise<void> {
  process.stdout.write(
    `lobby soak: ${WALL_S} s wall, replay ×${SPEED} ≈ ${((WALL_S * SPEED) / 3600).toFixed(0)} ` +
      'twin hours, 1920×1080, tour stops of 3 s\n',
  );
  const twin = await startTestTwin({
    TWIN_BACKFILL_DAYS: '1',
    TWIN_START: '2026-07-07T08:00:00+08:00',
    TWIN_REPLAY_SPEED: String(SPEED),
    TWIN_TICK_MS: '1000',
  });
  const browser = await launchChromium();
  try {
    // A short tour, so it loops many times within the soak.
    const { cookie } = await signInEngineer(twin);
    const current = LobbySettings.parse(
      (await callTwin(twin, 'GET', '/api/v1/lobby/settings', { cookie })).body.settings,
    );
    await callTwin(twin, 'PUT', '/api/v1/lobby/settings', {
      cookie,
      body: { ...current, tour: current.tour.map((s) => ({ ...s, seconds: 3 })) },
    });
    twin.server.startTicking();

    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(`${twin.url}/lobby`);
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });
    const startMs = Date.now();
    const samples: Sample[] = [await sample(page, cdp, 0)];
    process.stdout.write(`${row(samples[0]!)}\n`);
    while ((Date.now() - startMs) / 1000 < WALL_S) {
      const waitS = Math.min(SAMPLE_EVERY_S, WALL_S - (Date.now() - startMs) / 1000);
      await new Promise((r) => setTimeout(r, Math.max(0, waitS) * 1000));
      const s = await sample(page, cdp, (Date.now() - startMs) / 1000);
      samples.push(s);
      process.stdout.write(`${row(s)}\n`);
    }

    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const peak = Math.max(...samples.map((s) => s.heapMiB));
    process.stdout.write(
      `  heap start ${first.heapMiB.toFixed(1)} MiB → end ${last.heapMiB.toFixed(1)} MiB ` +
        `(peak ${peak.toFixed(1)}); fps start ${first.fps.toFixed(1)} → end ${last.fps.toFixed(1)}; ` +
        `${last.lastTick - first.lastTick} ticks applied\n`,
    );
  } finally {
    await browser.close();
    await twin.server.close();
  }
}
