import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GradeChoice,
  type PlannerDraft,
  starterDraft,
} from '../../client/planner/plannerDraft';
import { runDraft } from '../../client/planner/runPlanner';
import { testIds } from '../../client/testIds';
import type { RetrofitContextResponse, SavedScenariosResponse } from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import { screenshot } from '../support/browser';
import type { TestTwin } from '../support/testTwin';
import { openTwinPage, signInThroughUi, startLiveTwin } from '../support/twinPage';

const byTestId = (id: string) => `[data-testid="${id}"]`;
type Rgb = [number, number, number];
type Ran = Extract<ReturnType<typeof runDraft>, { ok: true }>;

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
  /** A figure the pure core gives for the starter scenario changed by `change`. */
  const expected = (change: (d: PlannerDraft) => PlannerDraft, pick: (r: Ran) => number) => {
    const run = runDraft(change(starterDraft('x')), site, context);
    if (!run.ok) throw new Error('scenario refused');
    return pick(run);
  };
  const numberAt = async (testId: string) =>
    Number(await page.locator(byTestId(testId)).getAttribute('data-value'));
  const savedScenarios = async () =>
    (
      (await (
        await fetch(`${twin.url}/api/v1/retrofit/scenarios`)
      ).json()) as SavedScenariosResponse
    ).scenarios;
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
    await page.waitForSelector(
      `${byTestId(testIds.plannerPanel)}[data-state="ready"][data-loaded="true"]`,
    );
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
      '未设水价或污水费',
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
    const colourGrade1 = await pipeColour();
    // One toilet's day mean is below the still-water threshold; its colour follows all the same.
    await page.waitForFunction(([id, before]) => window.__twin?.projectedFlowLps(id) !== before, [
      toiletPipe,
      flowGrade1,
    ] as const);
    await page.waitForFunction(
      ([id, before]) => JSON.stringify(window.__twin?.pipeColor(id)) !== before,
      [toiletPipe, JSON.stringify(colourGrade1)] as const,
    );
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
    await screenshot(page, 'retrofit-replay');
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
    await screenshot(page, 'retrofit-planner-zh');
    await page.locator(byTestId(testIds.languageSwitch)).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await screenshot(page, 'retrofit-planner-en');
    await page.locator('.planner-charts').scrollIntoViewIfNeeded();
    await screenshot(page, 'retrofit-planner-en-charts');
    await page.locator('.planner-results').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.locator('.planner-form').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenshot(page, 'retrofit-planner-en-lower');

    // Act: back to measured colours.
    await page.locator(byTestId(testIds.plannerOnTwin)).uncheck();
    await page.waitForFunction(() => window.__twin?.projectionActive === false);
    expect(await page.locator(byTestId(testIds.projectionBanner)).count()).toBe(0);
    await page.waitForFunction(
      ([id, before]) => JSON.stringify(window.__twin?.pipeColor(id)) !== before,
      [toiletPipe, JSON.stringify(projectedGrade3)] as const,
    );
  });

  it('chooses reuse, a single room and a name, and keeps them across a reload', async () => {
    // Arrange: the page is in English now; the default name follows the language.
    await expect(page.locator(byTestId(testIds.plannerTab(0))).textContent()).resolves.toBe(
      'Scenario 1',
    );
    await expect(page.locator(byTestId(testIds.plannerName)).inputValue()).resolves.toBe(
      'Scenario 1',
    );
    const grade3 = (d: PlannerDraft): PlannerDraft => ({
      ...d,
      swaps: { ...d.swaps, toilet: { ...d.swaps.toilet, grade: 3 } },
    });
    const rainM3 = testIds.plannerReplaced('rainwater', 0);
    expect(await numberAt(rainM3)).toBeCloseTo(
      expected(grade3, (r) => r.projection.annual.replacedM3.rainwater),
      6,
    );

    // Act: rain water for irrigation only, no longer for flushing.
    await page.locator(byTestId(testIds.plannerChoice('rain-use', 'toiletFlushing'))).uncheck();

    // Assert: the rain it replaces follows, to the figure the pure core gives.
    const irrigationOnly = (d: PlannerDraft): PlannerDraft => ({
      ...grade3(d),
      rainwater: { ...d.rainwater, uses: ['irrigation'] },
    });
    const rainIrrigation = expected(
      irrigationOnly,
      (r) => r.projection.annual.replacedM3.rainwater,
    );
    await page.waitForFunction(
      ([id, v]) =>
        Math.abs(
          Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value')) - v,
        ) < 1e-6,
      [rainM3, rainIrrigation] as const,
    );

    // Act: grade 1 toilets in the accessible toilet only, and a name of our own.
    const room = page.locator(byTestId(testIds.plannerSwapRoom('toilet')));
    await expect(room.locator('option[value="room:ob-f1-accessible"]').textContent()).resolves.toBe(
      'Office · Floor 1 · Accessible toilet',
    );
    await page.locator(byTestId(testIds.plannerGrade('toilet'))).selectOption('1');
    await room.selectOption('room:ob-f1-accessible');
    await page.locator(byTestId(testIds.plannerName)).fill('Rain for lawns');

    // Assert: the saving is that of the one room; the server holds the scenario.
    const oneRoom = (d: PlannerDraft): PlannerDraft => ({
      ...irrigationOnly(d),
      swaps: {
        ...d.swaps,
        toilet: { ...d.swaps.toilet, grade: 1, roomId: 'ob-f1-accessible' },
      },
    });
    const oneRoomSaving = expected(
      oneRoom,
      (r) => r.projection.totalBeforeM3 - r.projection.totalAfterM3,
    );
    await page.waitForFunction(
      ([id, v]) =>
        Math.abs(
          Number(document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-value')) - v,
        ) < 1e-6,
      [testIds.plannerSaved(0), oneRoomSaving] as const,
    );
    await expect
      .poll(async () => (await savedScenarios())[0]?.scenario.name, { timeout: 10_000 })
      .toBe('Rain for lawns');
    expect((await savedScenarios())[0]?.scenario).toMatchObject({
      fixtureSwaps: [{ fixtureType: 'toilet', roomId: 'ob-f1-accessible' }],
      rainwater: { uses: ['irrigation'] },
    });

    // Act: reload the page (back in Chinese) and open the planner again.
    await page.reload();
    await page.waitForFunction(() => window.__twin?.sceneReady === true, null, {
      timeout: 120_000,
    });
    await page.waitForSelector(`${byTestId(testIds.engineerSession)}[data-session="engineer"]`);
    await page.locator(byTestId(testIds.plannerToggle)).click();
    await page.waitForSelector(
      `${byTestId(testIds.plannerPanel)}[data-state="ready"][data-loaded="true"]`,
    );

    // Assert: the scenario is as it was left.
    await expect(page.locator(byTestId(testIds.plannerName)).inputValue()).resolves.toBe(
      'Rain for lawns',
    );
    await expect(room.inputValue()).resolves.toBe('room:ob-f1-accessible');
    await expect(
      page.locator(byTestId(testIds.plannerChoice('rain-use', 'toiletFlushing'))).isChecked(),
    ).resolves.toBe(false);
    expect(await shownSaving()).toBeCloseTo(oneRoomSaving, 6);

    // Act: add a scenario. Assert: its default name is in Chinese, then in English.
    await page.locator(byTestId(testIds.plannerAdd)).click();
    await expect(page.locator(byTestId(testIds.plannerTab(1))).textContent()).resolves.toBe(
      '方案 2',
    );
    await screenshot(page, 'retrofit-planner-choices-zh');
    await page.locator(byTestId(testIds.languageSwitch)).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expect(page.locator(byTestId(testIds.plannerTab(1))).textContent()).resolves.toBe(
      'Scenario 2',
    );
    await screenshot(page, 'retrofit-planner-choices-en');
  });
});
