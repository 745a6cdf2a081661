import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GradeChoice, starterDraft } from '../../client/planner/plannerDraft';
import { runDraft } from '../../client/planner/runPlanner';
import { testIds } from '../../client/testIds';
import type { RetrofitContextResponse } from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;
type Rgb = [number, number, number];

describe('retrofit planner in Chromium at 1600×900', () => {
  let twin: TestTwin;
  let browser: Browser;
  let page: Page;
  let site: Site;
  let context: RetrofitContextResponse;
  let toiletPipe: string;
  let mainPipe: string;

  /** Potable m³ a year the starter scenario saves with toilets at `grade`, by the pure core. */
  const expectedSaving = (grade: GradeChoice) => {
    const draft = starterDraft('x');
    const run = runDraft(
      { ...draft, swaps: { ...draft.swaps, toilet: { ...draft.swaps.toilet, grade } } },
      site,
      context,
    );
    if (!run.ok) throw new Error('scenario refused');
    return run.projection.totalBeforeM3 - run.projection.totalAfterM3;
  };
  const shownSaving = async () =>
    Number(await page.locator(byTestId(testIds.plannerSaved(0))).getAttribute('data-value'));
  const pipeColour = () =>
    page.evaluate((id) => window.__twin?.pipeColor(id) ?? null, toiletPipe) as Promise<Rgb | null>;

  beforeAll(async () => {
    twin = await startLiveTwin();
    site = ((await (await fetch(`${twin.url}/api/v1/site`)).json()) as { site: Site }).site;
    const defaults = await fetch(`${twin.url}/api/v1/retrofit/defaults?days=7`);
    context = (await defaults.json()) as RetrofitContextResponse;
    // The pipe that feeds the first toilet: it carries only that toilet's water.
    const toilet = site.fixtures.find((f) => f.type === 'toilet')!;
    toiletPipe = site.network.pipes.find((p) => p.to === toilet.nodeId)!.id;
    // The pipe from the source: it carries the whole site's water, hour by hour.
    const source = site.network.nodes.find((n) => n.kind === 'source')!;
    mainPipe = site.network.pipes.find((p) => p.from === source.id)!.id;
    ({ browser, page } = await openTwinPage(twin, { width: 1600, height: 900 }));
    await signInThroughUi(page, twin.server.engineerToken);
    await page.waitForSelector(`${byTestId(testIds.engineerSession)}[data-session="engineer"]`);
  });

  afterAll(async () => {
    await browser?.close();
    await twin?.server.close();
  });

  it('shows the saving the projection computes, and a new one when a parameter changes', async () => {
    // Arrange: open the planner and wait for its data.
    await page.locator(byTestId(testIds.plannerToggle)).click();
    await page.waitForSelector(`${byTestId(testIds.plannerPanel)}[data-state="ready"]`);
    expect(await shownSaving()).toBeCloseTo(expectedSaving(2), 6);

    // Act: toilets to grade 1 instead of grade 2.
    await page.locator(byTestId(testIds.plannerGrade('toilet'))).selectOption('1');

    // Assert: the saving follows, to the figure the pure core gives.
    const expected = expectedSaving(1);
    await page.waitForFunction(
      ([id, v]) =>
        Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value')) > v,
      [testIds.plannerSaved(0), expectedSaving(2)] as const,
    );
    expect(await shownSaving()).toBeCloseTo(expected, 6);
    expect(await page.locator(byTestId(testIds.plannerSaved(0))).textContent()).toContain(
      Math.round(expected).toLocaleString('en-US'),
    );
    await expect(page.locator(byTestId(testIds.plannerYuan(0))).textContent()).resolves.toBe(
      '未设水价',
    );
  });

  it('draws the projection on the pipes with a banner, and changes it with the parameter', async () => {
    const measured = await pipeColour();

    // Act: show the scenario on the model.
    await page.locator(byTestId(testIds.plannerOnTwin)).check();
    await page.waitForFunction(() => window.__twin?.projectionActive === true);
    // Violet, not a measured colour: red above green (a live tick may repaint first).
    await page.waitForFunction(
      ([id, before]) => {
        const rgb = window.__twin?.pipeColor(id);
        return rgb && JSON.stringify(rgb) !== before && rgb[0] > rgb[1];
      },
      [toiletPipe, JSON.stringify(measured)] as const,
    );
    const flowGrade1 = await page.evaluate((id) => window.__twin?.projectedFlowLps(id), toiletPipe);
    await expect(page.locator(byTestId(testIds.projectionBanner)).textContent()).resolves.toContain(
      '推演 · 非实测',
    );

    // Act: back to grade 3 toilets, which flush more.
    await page.locator(byTestId(testIds.plannerGrade('toilet'))).selectOption('3');
    // One toilet's day mean is below the still-water threshold, so its flow, not its colour.
    await page.waitForFunction(([id, before]) => window.__twin?.projectedFlowLps(id) !== before, [
      toiletPipe,
      flowGrade1,
    ] as const);
    const flowGrade3 = await page.evaluate((id) => window.__twin?.projectedFlowLps(id), toiletPipe);
    expect(flowGrade3).toBeGreaterThan(flowGrade1!);
    // Violet, not the measured blue-cyan: red above green.
    const projectedGrade3 = (await pipeColour())!;
    expect(projectedGrade3[0]).toBeGreaterThan(projectedGrade3[1]);

    // Act: replay the typical day, one hour a second from midnight.
    await page.locator(byTestId(testIds.projectionPlay)).click();
    await page.waitForFunction(() => window.__twin?.projectionPlaying === true);
    // The last sample of each hour: well after the pipe draw repainted for it.
    const samples = await page.evaluate(
      ([pipeId, labelId]) =>
        new Promise<Record<number, { colour: number[]; flow: number; label: string }>>((done) => {
          const seen: Record<number, { colour: number[]; flow: number; label: string }> = {};
          const timer = setInterval(() => {
            const twin = window.__twin;
            const hour = twin?.projectionHour;
            if (!twin || hour === null || hour === undefined) return;
            seen[hour] = {
              colour: twin.pipeColor(pipeId) ?? [],
              flow: twin.projectedFlowLps(pipeId) ?? Number.NaN,
              label: document.querySelector(`[data-testid="${labelId}"]`)?.textContent ?? '',
            };
            if (hour === 11) {
              clearInterval(timer);
              done(seen);
            }
          }, 50);
        }),
      [mainPipe, testIds.projectionHour] as const,
    );
    await page.screenshot({ path: '/tmp/retrofit-replay.png' });
    const night = samples[3]!;
    const busy = samples[10]!;

    // Assert: the hour shows in the banner, and the busy hour draws more water than the night.
    expect(night.label).toContain('典型日 03:00');
    expect(busy.label).toContain('典型日 10:00');
    expect(busy.flow).toBeGreaterThan(night.flow);
    expect(busy.colour).not.toEqual(night.colour);
    // Still the projection's violet, not a measured colour.
    expect(busy.colour[0]).toBeGreaterThan(busy.colour[1]!);

    // Act: pause. Assert: the hour stays put.
    await page.locator(byTestId(testIds.projectionPlay)).click();
    await page.waitForFunction(() => window.__twin?.projectionPlaying === false);
    const paused = await page.evaluate(() => window.__twin?.projectionHour);
    await page.waitForTimeout(2500);
    expect(await page.evaluate(() => window.__twin?.projectionHour)).toBe(paused);
    await expect(
      page.locator(byTestId(testIds.projectionPlay)).getAttribute('data-playing'),
    ).resolves.toBe('false');

    // Screenshots in both languages, to be looked at.
    await page.screenshot({ path: '/tmp/retrofit-planner-zh.png' });
    await page.locator(byTestId(testIds.languageSwitch)).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.screenshot({ path: '/tmp/retrofit-planner-en.png' });
    await page.locator('.planner-charts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/retrofit-planner-en-charts.png' });
    await page.locator('.planner-results').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('.planner-form').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: '/tmp/retrofit-planner-en-lower.png' });

    // Act: back to measured colours.
    await page.locator(byTestId(testIds.plannerOnTwin)).uncheck();
    await page.waitForFunction(() => window.__twin?.projectionActive === false);
    expect(await page.locator(byTestId(testIds.projectionBanner)).count()).toBe(0);
    await page.waitForFunction(
      ([id, before]) => JSON.stringify(window.__twin?.pipeColor(id)) !== before,
      [toiletPipe, JSON.stringify(projectedGrade3)] as const,
    );
  });
});
