import { afterEach, describe, expect, it } from 'vitest';
import type { Alert, AlertEvent } from '../../models/alert';
import type { Fixture } from '../../models/site';
import { fixtureMaxDrawLph } from '../../server/detect/localise';
import { type CallOptions, callTwin, signInEngineer } from '../support/engineerApi';
import { postReadings } from '../support/ingestApi';
import { connectClient, startTestTwin, type TestTwin, until } from '../support/testTwin';

const HOUR = 3_600_000;
const SLOT = 15 * 60_000;
const LEAKY = 'M3-office-f2';
const CONTROL = 'M3-office-f3';
/** Twin time and the first readings: 2026-04-14 12:00 in Asia/Shanghai. */
const T0 = Date.parse('2026-04-14T12:00:00+08:00');
const at = (iso: string) => Date.parse(`${iso}+08:00`);

let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

/** Calls the running twin. */
const call = (method: string, route: string, options?: CallOptions) =>
  callTwin(twin!, method, route, options);

/**
 * A meter's 15-minute register readings (m³, 3 decimals) from T0 for `hours` hours; `drawnL`
 * gives the litres drawn in the slot ending at each time.
 */
function register(meter: string, hours: number, drawnL: (endMs: number) => number) {
  const readings = [];
  let litres = 100_000;
  for (let t = T0; t <= T0 + hours * HOUR; t += SLOT) {
    if (t > T0) litres += drawnL(t);
    readings.push({ meter, ts: t, value: litres / 1000, unit: 'm3', kind: 'register' });
  }
  return readings;
}

/** A running toilet: 0.05 L/s (45 L a slot) from 18:00 on 14 April to 08:00 on 15 April. */
const runningToilet = (endMs: number) =>
  endMs > at('2026-04-14T18:00:00') && endMs <= at('2026-04-15T08:00:00') ? 45 : 0;
/** An office floor: 20 L a slot from 09:00 to 18:00, nothing at night. */
const officeDay = (endMs: number) => {
  const hour = new Date(endMs + 8 * HOUR).getUTCHours();
  return hour >= 9 && hour < 18 ? 20 : 0;
};

async function post(readings: unknown[]) {
  expect((await postReadings(twin!, readings)).status).toBe(200);
}

/**
 * Steps twin time hour by hour from the last step to `toMs`, letting the event loop turn
 * after each step as it does between live ticks (detection runs once the tick is out).
 */
async function stepTo(toMs: number): Promise<void> {
  const state = twin!.server.twin;
  for (let t = (state.timeMs ?? T0 - HOUR) + HOUR; t <= toMs; t += HOUR) {
    state.step(t);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function listAlerts(status = 'all'): Promise<Alert[]> {
  const res = await call('GET', `/api/v1/alerts?status=${status}`);
  expect(res.status).toBe(200);
  return res.body.alerts;
}

describe('leak alerts', () => {
  it('opens, acknowledges and auto-resolves a running toilet on one floor', async () => {
    // Arrange: two floors over 48 h, the running toilet on one; a client listening.
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    await post([...register(LEAKY, 48, runningToilet), ...register(CONTROL, 48, officeDay)]);
    const site = (await call('GET', '/api/v1/site')).body;
    const areaPipes: string[] = site.meterTree.find(
      (m: { id: string }) => m.id === LEAKY,
    ).areaPipes;
    expect(areaPipes.length).toBeGreaterThan(0);
    const client = connectClient(twin.url);
    const events: AlertEvent[] = [];
    client.socket.on('alert', (e) => events.push(e));
    await client.connected;

    // Act: twin time runs to 06:00, when the flow has not stopped for 12 h across the night.
    await stepTo(at('2026-04-15T05:00:00'));
    expect(await listAlerts()).toEqual([]);
    await stepTo(at('2026-04-15T06:00:00'));

    // Assert: one open continuous-flow alert on that floor, its area's pipes suspect.
    const [opened, ...others] = await listAlerts('open');
    expect(others).toEqual([]);
    expect(opened).toMatchObject({
      detector: 'continuous_flow',
      meterId: LEAKY,
      status: 'open',
      openedMs: at('2026-04-15T06:00:00'),
      window: { startMs: at('2026-04-14T18:00:00'), endMs: at('2026-04-15T06:00:00') },
      // confidenceOf(180 L/h / 1 L/h, 12 h / 12 h) = 0.5·(1 − 1/180) + 0.5·0.5
      confidence: 0.75,
      lossYuanPerDay: null,
      ackNote: null,
    });
    expect(opened!.lossLph).toBe(180);
    expect(opened!.lossM3PerDay).toBe(4.32);
    // Branches of fixtures that could draw 180 L/h by running on keep the confidence; the
    // rest of the floor's pipes get half of it.
    const branchOf = new Map<string, string>(
      site.site.network.pipes.map((p: { id: string; to: string }) => [p.to, p.id]),
    );
    const explaining = new Set(
      site.site.fixtures
        .filter((f: Fixture) => fixtureMaxDrawLph(f) >= 180)
        .map((f: Fixture) => branchOf.get(f.nodeId)),
    );
    expect(opened!.suspects).toEqual(
      areaPipes.map((pipeId) => ({ pipeId, confidence: explaining.has(pipeId) ? 0.75 : 0.38 })),
    );
    expect(opened!.suspects.filter((s) => s.confidence === 0.75).length).toBeGreaterThan(5);
    expect(opened!.evidence.points).toHaveLength(12);
    expect(JSON.stringify(opened)).not.toContain('serial');
    await until(() => events.length >= 1);
    expect(events[0]).toEqual({ change: 'opened', alert: opened });

    // The flow goes on to 08:00: the same alert takes the later evidence.
    await stepTo(at('2026-04-15T09:00:00'));
    const [extended] = await listAlerts('open');
    expect(extended).toMatchObject({ id: opened!.id, confidence: 0.78 });
    expect(extended!.window).toEqual({
      startMs: at('2026-04-14T18:00:00'),
      endMs: at('2026-04-15T08:00:00'),
    });
    await until(() => events.some((e) => e.change === 'updated'));

    // A new client finds the alert in its snapshot.
    const late = connectClient(twin.url);
    await late.connected;
    await until(() => late.events.length >= 1);
    const snapshot = late.events[0];
    expect(snapshot?.type === 'snapshot' ? snapshot.data.alerts?.map((a) => a.id) : null).toEqual([
      opened!.id,
    ]);
    late.socket.close();

    // Acknowledging takes an engineer.
    const route = `/api/v1/alerts/${opened!.id}/ack`;
    const anonymous = await call('POST', route, { body: { note: 'seen' } });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthorized');
    const { cookie } = await signInEngineer(twin);
    const empty = await call('POST', route, { body: { note: ' ' }, cookie });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toBe(
      'body.note: " " — a note saying what was found or done, not empty',
    );
    const acked = await call('POST', route, {
      body: { note: 'flapper valve stuck on floor 2, plumber called' },
      cookie,
    });
    expect(acked.status).toBe(200);
    expect(acked.body.alert).toMatchObject({
      status: 'acknowledged',
      ackNote: 'flapper valve stuck on floor 2, plumber called',
      ackBy: 'engineer',
      ackMs: at('2026-04-15T09:00:00'),
    });
    expect((await call('POST', route, { body: { note: 'again' }, cookie })).status).toBe(409);
    expect(
      (await call('POST', '/api/v1/alerts/999/ack', { body: { note: 'x' }, cookie })).body,
    ).toEqual({ code: 'not_found', message: 'no alert with id 999' });
    await until(() => events.some((e) => e.change === 'acknowledged'));

    // The flow stopped at 08:00: 23 h later the alert is still acknowledged, 24 h later resolved.
    await stepTo(at('2026-04-16T07:00:00'));
    expect((await listAlerts('acknowledged')).map((a) => a.id)).toEqual([opened!.id]);
    await stepTo(at('2026-04-16T08:00:00'));
    const [resolved, ...more] = await listAlerts('all');
    expect(more).toEqual([]);
    expect(resolved).toMatchObject({
      id: opened!.id,
      status: 'resolved',
      resolvedMs: at('2026-04-16T08:00:00'),
      resolvedBy: 'auto',
      ackNote: 'flapper valve stuck on floor 2, plumber called',
    });
    await until(() => events.some((e) => e.change === 'resolved'));
    // One update for each hour the flow went on (07:00 and 08:00).
    expect(events.map((e) => e.change)).toEqual([
      'opened',
      'updated',
      'updated',
      'acknowledged',
      'resolved',
    ]);
    const detail = await call('GET', `/api/v1/alerts/${opened!.id}`);
    expect(detail.body.history.map((h: { change: string }) => h.change)).toEqual([
      'opened',
      'acknowledged',
      'resolved',
    ]);

    // The control floor, with the same hours of office use, raised nothing: the stopped run
    // opens no new alert either.
    await stepTo(at('2026-04-16T12:00:00'));
    expect((await listAlerts()).map((a) => a.meterId)).toEqual([LEAKY]);
    client.socket.close();
  });

  it('lets an engineer resolve by hand, and opens a new alert if the flow goes on', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    await post(register(LEAKY, 48, runningToilet));
    await stepTo(at('2026-04-15T06:00:00'));
    const [first] = await listAlerts('open');
    const { cookie } = await signInEngineer(twin);

    const resolved = await call('POST', `/api/v1/alerts/${first!.id}/resolve`, {
      body: { note: 'false alarm?', by: 'Wang' },
      cookie,
    });
    await stepTo(at('2026-04-15T07:00:00'));

    expect(resolved.status).toBe(200);
    expect(resolved.body.alert).toMatchObject({
      status: 'resolved',
      resolvedBy: 'engineer',
      resolvedMs: at('2026-04-15T06:00:00'),
    });
    const again = await call('POST', `/api/v1/alerts/${first!.id}/resolve`, { body: {}, cookie });
    expect(again.body).toEqual({
      code: 'conflict',
      message: `alert ${first!.id} is already resolved`,
    });
    const [second, ...rest] = await listAlerts('all');
    expect(rest.map((a) => a.id)).toEqual([first!.id]);
    expect(second).toMatchObject({
      status: 'open',
      openedMs: at('2026-04-15T07:00:00'),
      window: { startMs: at('2026-04-14T18:00:00'), endMs: at('2026-04-15T07:00:00') },
    });
    const detail = await call('GET', `/api/v1/alerts/${first!.id}`);
    expect(detail.body.history.at(-1)).toEqual({
      change: 'resolved',
      tMs: at('2026-04-15T06:00:00'),
      by: 'Wang',
      note: 'false alarm?',
    });
  });

  it('raises nothing on a leak-free floor over the same hours', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    await post([...register(LEAKY, 48, officeDay), ...register(CONTROL, 48, officeDay)]);
    const client = connectClient(twin.url);
    const events: AlertEvent[] = [];
    client.socket.on('alert', (e) => events.push(e));
    await client.connected;

    await stepTo(at('2026-04-16T12:00:00'));

    expect(await listAlerts()).toEqual([]);
    expect(events).toEqual([]);
    client.socket.close();
  });

  it('answers bad requests with the field, the value and the rule', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const status = await call('GET', '/api/v1/alerts?status=closed');
    const id = await call('GET', '/api/v1/alerts/abc');
    const resolveAnonymous = await call('POST', '/api/v1/alerts/1/resolve', { body: {} });

    expect(status).toMatchObject({
      status: 400,
      body: {
        code: 'bad_request',
        message: 'query.status: "closed" — one of open, acknowledged, resolved or all',
      },
    });
    expect(id.status).toBe(400);
    expect(id.body.message).toMatch(/^path\.id: "abc" — /);
    expect(resolveAnonymous.status).toBe(401);
  });
});
