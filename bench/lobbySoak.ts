import type { CDPSession, Page } from 'playwright-core';
import type { SceneStats } from '../client/testHooks';
import { LobbySettings } from '../models/lobby';
import { launchChromium } from '../test/support/browser';
import { callTwin, signInEngineer } from '../test/support/engineerApi';
import { startTestTwin } from '../test/support/testTwin';

/**
 * Soak of the lobby display: the real server replays twin time fast while Chromium shows
 * `/lobby` with a short tour that loops many times. Measured in the page, at the start, about
 * ten times along the way and at the end: the JS heap after a forced garbage collection, the
 * frame rate over one loop of the tour, the DOM nodes and event listeners (CDP `Performance.getMetrics`) and
 * what the 3D renderer holds (geometries, textures, programs, scene objects, draw calls).
 * What is measured: `LOBBY_SOAK_WALL_S` seconds of wall time (default 1800: half an hour)
 * during which the twin replays `speed × wall` of twin time (default speed 3600).
 */

const WALL_S = Number(process.env.LOBBY_SOAK_WALL_S ?? 1800);
const SPEED = Number(process.env.LOBBY_SOAK_SPEED ?? 3600);
const SAMPLE_EVERY_S = Math.max(30, WALL_S / 10);

/**
 * Frames per second over one whole loop of the tour, from the moment it enters its first stop
 * to the moment it enters it again. The stops differ a lot in cost (a floor plan draws four
 * times the triangles of the overview), so only whole loops compare like for like.
 */
const FPS_OVER_A_TOUR_LOOP = `new Promise((resolve) => {
  const tour = document.querySelector('[data-testid="lobby-tour"]');
  const stopOf = () => (tour ? tour.getAttribute('data-tour-stop') : null);
  const giveUpAt = performance.now() + 120000;
  let prev = stopOf();
  let start = null;
  let frames = 0;
  const step = () => {
    const now = performance.now();
    const stop = stopOf();
    const entered = stop === '0' && prev !== '0';
    prev = stop;
    if (start !== null) frames += 1;
    if (entered && start !== null) return resolve((frames * 1000) / (now - start));
    if (entered) start = now;
    if (now > giveUpAt) return resolve(start === null ? 0 : (frames * 1000) / (now - start));
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

interface Sample {
  readonly wallS: number;
  readonly twinTime: string;
  readonly heapMiB: number;
  readonly fps: number;
  readonly lastTick: number;
  readonly domNodes: number;
  readonly listeners: number;
  readonly scene: SceneStats | null;
  /**
   * Share of one core this process used since the previous sample, 0–1: the twin server,
   * which runs in it, and the bench's own driving of the page, idle between samples.
   */
  readonly serverCpu: number;
  /** Share of wall time the page's main thread was busy since the previous sample, 0–1. */
  readonly pageBusy: number;
  /** Time of one `GET /api/v1/lobby`, the view the page polls every 5 s, ms. */
  readonly lobbyMs: number;
}

/** Cumulative counters at the previous sample, to turn them into shares of an interval. */
interface Mark {
  readonly wallMs: number;
  readonly cpu: NodeJS.CpuUsage;
  /** The page's `TaskDuration`, s. */
  readonly taskS: number;
}

async function sample(
  page: Page,
  cdp: CDPSession,
  url: string,
  startMs: number,
  prev: Mark | null,
): Promise<{ sample: Sample; mark: Mark }> {
  const wallMs = Date.now();
  const cpu = process.cpuUsage();
  const askedMs = performance.now();
  await (await fetch(`${url}/api/v1/lobby`)).json();
  const lobbyMs = performance.now() - askedMs;
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: Array<{ name: string; value: number }>;
  };
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  const fps = (await page.evaluate(FPS_OVER_A_TOUR_LOOP)) as number;
  const lastTick = (await page.evaluate(() => window.__twin?.lastTick)) ?? 0;
  const scene = await page.evaluate(() => window.__twin?.sceneStats() ?? null);
  const twinText = (await page.locator('[data-testid="lobby-status"]').textContent()) ?? '';
  const taskS = metric('TaskDuration');
  const spanMs = prev === null ? 0 : wallMs - prev.wallMs;
  const cpuUs = prev === null ? 0 : cpu.user + cpu.system - prev.cpu.user - prev.cpu.system;
  return {
    sample: {
      wallS: (wallMs - startMs) / 1000,
      twinTime: twinText,
      heapMiB: heap.usedSize / 2 ** 20,
      fps,
      lastTick,
      domNodes: metric('Nodes'),
      listeners: metric('JSEventListeners'),
      scene,
      serverCpu: spanMs > 0 ? cpuUs / 1000 / spanMs : Number.NaN,
      pageBusy: spanMs > 0 && prev ? ((taskS - prev.taskS) * 1000) / spanMs : Number.NaN,
      lobbyMs,
    },
    mark: { wallMs, cpu, taskS },
  };
}

const pct = (share: number) => (Number.isNaN(share) ? '  —' : `${Math.round(share * 100)}%`);

const sceneText = (s: SceneStats | null) =>
  s === null
    ? 'scene —'
    : `geo ${s.geometries} tex ${s.textures} prog ${s.programs} obj ${s.objects} ` +
      `calls ${s.calls} tris ${s.triangles}`;

const row = (s: Sample) =>
  `  t=${String(Math.round(s.wallS)).padStart(4)} s  heap ${s.heapMiB.toFixed(1).padStart(6)} MiB` +
  `  ${s.fps.toFixed(1).padStart(5)} fps  dom ${s.domNodes} listeners ${s.listeners}  ` +
  `${sceneText(s.scene)}  server cpu ${pct(s.serverCpu)} page busy ${pct(s.pageBusy)} ` +
  `lobby view ${s.lobbyMs.toFixed(0)} ms  tick ${s.lastTick}  ${s.twinTime}`;

export async function benchLobbySoak(): Promise<void> {
  process.stdout.write(
    `lobby soak: ${WALL_S} s wall, replay ×${SPEED} ≈ ${((WALL_S * SPEED) / 3600).toFixed(0)} ` +
      'twin hours, 1920×1080, tour stops of 3 s; fps over one whole tour loop\n',
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
    await cdp.send('Performance.enable');
    await page.goto(`${twin.url}/lobby`);
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });
    const startMs = Date.now();
    const samples: Sample[] = [];
    let mark: Mark | null = null;
    for (;;) {
      const taken = await sample(page, cdp, twin.url, startMs, mark);
      mark = taken.mark;
      samples.push(taken.sample);
      process.stdout.write(`${row(taken.sample)}\n`);
      const leftS = WALL_S - (Date.now() - startMs) / 1000;
      if (leftS <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(SAMPLE_EVERY_S, leftS) * 1000));
    }

    const first = samples[0]!;
    const last = samples[samples.length - 1]!;
    const peak = Math.max(...samples.map((s) => s.heapMiB));
    process.stdout.write(
      `  heap start ${first.heapMiB.toFixed(1)} MiB → end ${last.heapMiB.toFixed(1)} MiB ` +
        `(peak ${peak.toFixed(1)}); fps start ${first.fps.toFixed(1)} → end ${last.fps.toFixed(1)}; ` +
        `${last.lastTick - first.lastTick} ticks applied\n` +
        `  dom nodes ${first.domNodes} → ${last.domNodes}; listeners ${first.listeners} → ` +
        `${last.listeners}\n  scene start: ${sceneText(first.scene)}\n` +
        `  scene end:   ${sceneText(last.scene)}\n` +
        `  server cpu ${pct(samples[1]?.serverCpu ?? Number.NaN)} → ${pct(last.serverCpu)}; ` +
        `page busy ${pct(samples[1]?.pageBusy ?? Number.NaN)} → ${pct(last.pageBusy)}; ` +
        `lobby view ${first.lobbyMs.toFixed(0)} → ${last.lobbyMs.toFixed(0)} ms\n`,
    );
  } finally {
    await browser.close();
    await twin.server.close();
  }
}
