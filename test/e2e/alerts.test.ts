import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIds } from '../../client/testIds';
import { screenshot } from '../support/browser';
import { startTestTwin, type TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;
const HOUR = 3_600_000;
const SLOT = 15 * 60_000;
const LEAKY = 'M3-office-f2';
/** Twin time of the first readings: 2026-04-14 12:00 in Asia/Shanghai. */
const T0 = Date.parse('2026-04-14T12:00:00+08:00');
const at = (iso: string) => Date.parse(`${iso}+08:00`);

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A running toilet on floor 2: 45 L every 15 minutes from 18:00 to 08:00 the next day. */
function runningToilet() {
  const readings = [];
  let litres = 100_000;
  for (let t = T0; t <= T0 + 48 * HOUR; t += SLOT) {
    if (t > at('2026-04-14T18:00:00') && t <= at('2026-04-15T08:00:00')) litres += 45;
    readings.push({ meter: LEAKY, ts: t, value: litres / 1000, unit: 'm3', kind: 'register' });
  }
  return readings;
}

describe('leak alerts in the twin, in Chromium at 1280×720', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;
  let areaPipes: string[];
  let otherPipe: string;
  let alertId: number;

  beforeAll(async () => {
    // Arrange: a twin fed only through the API; the running toilet opens an alert at 06:00.
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const res = await fetch(`${twin.url}/api/v1/readings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${twin.server.ingestToken}`,
      },
      body: JSON.stringify({ readings: runningToilet() }),
    });
    expect(res.status).toBe(200);
    const state = twin.server.twin;
    for (let t = (state.timeMs ?? T0 - HOUR) + HOUR; t <= at('2026-04-15T06:00:00'); t += HOUR) {
      state.step(t);
    }
    const alerts = (await (await fetch(`${twin.url}/api/v1/alerts?status=open`)).json()) as {
      alerts: Array<{ id: number; meterId: string }>;
    };
    expect(alerts.alerts.map((a) => a.meterId)).toEqual([LEAKY]);
    alertId = alerts.alerts[0]!.id;
    const site = (await (await fetch(`${twin.url}/api/v1/site`)).json()) as {
      site: { network: { pipes: Array<{ id: string }> } };
      meterTree: Array<{ id: string; areaPipes: string[] }>;
    };
    areaPipes = site.meterTree.find((m) => m.id === LEAKY)!.areaPipes;
    otherPipe = site.site.network.pipes.find((p) => !areaPipes.includes(p.id))!.id;

    ({ browser, page } = await openTwinPage(twin, { width: 1280, height: 720 }));
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('lists the alert in plain Chinese with its time and status', async () => {
    const list = page.locator(byTestId(testIds.alertList));
    await expect.poll(() => list.getAttribute('data-count'), { timeout: 10_000 }).toBe('1');
    const item = page.locator(byTestId(testIds.alertItem(alertId)));
    expect(await item.getAttribute('data-status')).toBe('open');
    const text = await item.textContent();
    expect(text).toContain('办公楼2层：夜间持续用水约 180 L/h，疑似漏水（置信度 75%）');
    expect(text).toContain('2026-04-15 06:00');
    expect(text).toContain('待处理');
  });

  it('colours the suspect pipes warm and leaves the others at their flow colour', async () => {
    await expect
      .poll(() => page.evaluate(() => window.__twin?.suspectPipeCount() ?? 0), { timeout: 10_000 })
      .toBe(areaPipes.length);
    const colour = (id: string) => page.evaluate((p) => window.__twin?.pipeColor(p) ?? null, id);
    const [r, g, b] = (await colour(areaPipes[0]!))!;
    expect(r).toBeGreaterThan(0.9);
    expect(r).toBeGreaterThan(g! + 0.3);
    expect(r).toBeGreaterThan(b! + 0.5);
    const [r2, g2, b2] = (await colour(otherPipe))!;
    // Still or flowing water: grey to blue, never black, never warm.
    expect(b2).toBeGreaterThanOrEqual(r2!);
    expect(r2! + g2! + b2!).toBeGreaterThan(0.1);
    await screenshot(page, 'alerts-1280-list');
  });

  it('opens the evidence chart and flies to the suspect pipes on a click', async () => {
    await page.locator(byTestId(testIds.alertItem(alertId))).click();

    const evidence = page.locator(byTestId(testIds.alertEvidence));
    await expect.poll(() => evidence.getAttribute('data-alert-id')).toBe(String(alertId));
    expect(await evidence.getAttribute('data-points')).toBe('12');
    expect(await evidence.locator('canvas').count()).toBeGreaterThan(0);
    expect(await evidence.textContent()).toContain('逐时流量');
    // Visitors see no acknowledge control.
    expect(await page.locator(byTestId(testIds.alertAck)).count()).toBe(0);
    // The floor-2 meter sits inside the flown-to view.
    await expect
      .poll(() => page.evaluate((id) => window.__twin?.meterScreenPosition(id) ?? null, LEAKY), {
        timeout: 10_000,
      })
      .not.toBeNull();

    // Nothing overlaps: list, evidence, tree and view controls each keep their place.
    const boxes = await page
      .locator('[data-covers]')
      .evaluateAll((list) => list.map((e) => e.getBoundingClientRect().toJSON() as Box));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        expect(intersects(boxes[i]!, boxes[j]!), `${i} × ${j}`).toBe(false);
      }
    }
    await page.waitForTimeout(1200); // the 0.9 s flight, for the picture
    await screenshot(page, 'alerts-1280-evidence');
  });

  it('lets a signed-in engineer acknowledge with a note', async () => {
    await signInThroughUi(page, twin.server.engineerToken);
    const ack = page.locator(byTestId(testIds.alertAck));
    await expect.poll(() => ack.count()).toBe(1);
    expect(await ack.textContent()).toBe('确认');

    const note = '2层卫生间水箱浮球卡住，已报修';
    await page.locator(byTestId(testIds.alertAckNote)).fill(note);
    await ack.click();

    const item = page.locator(byTestId(testIds.alertItem(alertId)));
    await expect.poll(() => item.getAttribute('data-status')).toBe('acknowledged');
    expect(await item.textContent()).toContain('已确认');
    expect(await page.locator(byTestId(testIds.alertEvidence)).textContent()).toContain(
      '工程师 已确认：2层卫生间水箱浮球卡住，已报修',
    );
    expect(await ack.count()).toBe(0);
    const stored = (await (await fetch(`${twin.url}/api/v1/alerts/${alertId}`)).json()) as {
      alert: { status: string; ackNote: string };
    };
    expect(stored.alert).toMatchObject({
      status: 'acknowledged',
      ackNote: '2层卫生间水箱浮球卡住，已报修',
    });
    await screenshot(page, 'alerts-1280-acknowledged');
  });
});
