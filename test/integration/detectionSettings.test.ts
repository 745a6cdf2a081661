import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../models/alert';
import type { DetectionSettingView } from '../../models/detectionSettings';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

const HOUR = 3_600_000;
const SLOT = 15 * 60_000;
const T0 = Date.parse('2026-04-14T12:00:00+08:00');
const at = (iso: string) => Date.parse(`${iso}+08:00`);

let twin: TestTwin | null = null;
afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

const settingsOf = async (t: TestTwin) => {
  const res = await callTwin(t, 'GET', '/api/v1/detection/settings');
  expect(res.status).toBe(200);
  return Object.fromEntries(
    (res.body.settings as DetectionSettingView[]).map((s) => [s.key, s]),
  ) as Record<string, DetectionSettingView>;
};

/** Floor 2 with a running toilet: 45 L every 15 minutes from 18:00 to 08:00 the next day. */
async function runningToilet(t: TestTwin) {
  const readings = [];
  let litres = 100_000;
  for (let ts = T0; ts <= T0 + 24 * HOUR; ts += SLOT) {
    if (ts > at('2026-04-14T18:00:00') && ts <= at('2026-04-15T08:00:00')) litres += 45;
    readings.push({
      meter: 'M3-office-f2',
      ts,
      value: litres / 1000,
      unit: 'm3',
      kind: 'register',
    });
  }
  const res = await fetch(`${t.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${t.server.ingestToken}`,
    },
    body: JSON.stringify({ readings }),
  });
  expect(res.status).toBe(200);
  for (let ts = T0 + HOUR; ts <= at('2026-04-15T08:00:00'); ts += HOUR) {
    t.server.twin.step(ts);
    await new Promise((r) => setImmediate(r));
  }
  const alerts = await callTwin(t, 'GET', '/api/v1/alerts');
  return (alerts.body.alerts as Alert[]).map((a) => a.detector);
}

describe('detection thresholds as settings', () => {
  it('lists every threshold with its default, unit, source and status', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const settings = await settingsOf(twin);
    expect(settings.continuousRunHours).toEqual({
      key: 'continuousRunHours',
      value: 12,
      defaultValue: 12,
      unit: 'h',
      source: '§7.2, §7.4 (scaled to hours)',
      status: 'D',
    });
    expect(settings.nightWindow?.value).toEqual([1, 5]);
    expect(Object.keys(settings)).toHaveLength(25);
  });

  it('lets an engineer change one, keeps it across a restart, and the detectors use it', async () => {
    const dataDir = tempDataDir();
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    const change = { continuousMinFlowLph: 500 };
    expect(
      (await callTwin(twin, 'PATCH', '/api/v1/detection/settings', { body: change })).status,
    ).toBe(401);
    const { cookie } = await signInEngineer(twin);
    const res = await callTwin(twin, 'PATCH', '/api/v1/detection/settings', {
      body: change,
      cookie,
    });
    expect(res.status).toBe(200);
    await twin.server.close();

    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    expect((await settingsOf(twin)).continuousMinFlowLph?.value).toBe(500);
    // 180 L/h of running toilet is below the changed 500 L/h: no continuous-flow alert.
    expect(await runningToilet(twin)).not.toContain('continuous_flow');
  });

  it('with the defaults, the same running toilet is alarmed', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    expect(await runningToilet(twin)).toContain('continuous_flow');
  });

  it('refuses a bad value or combination, naming the field, the value and the rule', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const { cookie } = await signInEngineer(twin);
    const patch = (body: unknown) =>
      callTwin(twin!, 'PATCH', '/api/v1/detection/settings', { body, cookie });

    const bad = await patch({ nightPercentile: 1.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('body.nightPercentile: 1.5 — Too big: expected number to be <=1');
    const wrapped = await patch({ nightWindow: [5, 1] });
    expect(wrapped.status).toBe(400);
    expect(wrapped.body.message).toBe(
      'body.nightWindow: [5,1] — the night window must last 1 to 8 hours (from and to are local hours)',
    );
    const unknown = await patch({ nightPercentil: 0.2 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('nightPercentil');
    const pair = await patch({ balanceNightsN: 9 });
    expect(pair.status).toBe(400);
    expect(pair.body.issues).toEqual([
      {
        path: 'body.balanceNightsN',
        value: 9,
        rule: 'balanceNightsN must not exceed balanceNightsM',
      },
    ]);
    // Nothing was changed by the refused requests.
    expect((await settingsOf(twin)).balanceNightsN?.value).toBe(3);
    expect((await settingsOf(twin)).nightPercentile?.value).toBe(0.2);
  });
});
