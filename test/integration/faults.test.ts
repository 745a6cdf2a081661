import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../models/alert';
import { loadConfig } from '../../server/config';
import { createLogger } from '../../server/logger';
import { createTwinServer } from '../../server/twinServer';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

const HOUR = 3_600_000;
const START = '2026-07-07T08:00:00+08:00';
const START_MS = Date.parse(START);

const twins: TestTwin[] = [];
afterEach(async () => {
  for (const t of twins.splice(0)) await t.server.close();
});

async function start(env: Record<string, string>): Promise<TestTwin> {
  const twin = await startTestTwin({ TWIN_START: START, ...env });
  twins.push(twin);
  return twin;
}

/** Steps hour by hour over [fromMs, toMs], letting the hourly detection run after each step. */
async function stepHours(twin: TestTwin, fromMs: number, toMs: number): Promise<void> {
  for (let t = fromMs; t <= toMs; t += HOUR) {
    twin.server.twin.step(t);
    await new Promise((r) => setImmediate(r));
  }
}

async function alerts(twin: TestTwin): Promise<Alert[]> {
  const res = await fetch(`${twin.url}/api/v1/alerts`);
  return ((await res.json()) as { alerts: Alert[] }).alerts;
}

function scenarioFile(faults: unknown[]): string {
  const file = path.join(tempDataDir(), 'scenario.json');
  fs.writeFileSync(file, JSON.stringify({ faults }));
  return file;
}

describe('fault scenarios in the running twin', () => {
  it('the default scenario: the riser seepage is alarmed on its metering area with its rate', async () => {
    const twin = await start({ TWIN_SCENARIO: 'samples/scenarios/default.json' });
    // A week of history, then the seepage starts three hours after the start.
    await stepHours(twin, START_MS - 7 * 24 * HOUR, START_MS + 8 * HOUR);

    const seepage = (await alerts(twin)).filter(
      (a) => a.meterId === 'M2-office' && a.detector === 'balance',
    );
    expect(seepage).toHaveLength(1);
    const [alert] = seepage;
    // Found within five twin hours of its start, on the area that holds the pipe.
    expect(alert!.openedMs).toBeGreaterThan(START_MS + 3 * HOUR);
    expect(alert!.openedMs).toBeLessThanOrEqual(START_MS + 8 * HOUR);
    expect(alert!.suspects.map((s) => s.pipeId)).toContain('p-ob-riser-base');
    expect(alert!.suspects).toHaveLength(11);
    // The estimate is the imbalance: 120 L/h, to the litre the registers show.
    expect(alert!.lossLph).toBeGreaterThan(115);
    expect(alert!.lossLph).toBeLessThan(125);
  });

  it('a stuck meter stops registering while its parent still registers the water', async () => {
    const stuckFrom = START_MS + 2 * HOUR;
    const file = scenarioFile([
      { kind: 'stuck_meter', meterId: 'M2-canteen', startsAt: new Date(stuckFrom).toISOString() },
    ]);
    const faulty = await start({ TWIN_SCENARIO: file, TWIN_SOURCES: 'sim' });
    const healthy = await start({ TWIN_SOURCES: 'sim' });
    for (const twin of [faulty, healthy]) await stepHours(twin, START_MS, START_MS + 12 * HOUR);

    const volume = (twin: TestTwin, meter: string) =>
      twin.server.store.meterVolume(meter, stuckFrom + HOUR, START_MS + 12 * HOUR);
    // The canteen cooks from 06:00: its own meter shows nothing, the healthy one plenty.
    expect(volume(faulty, 'M2-canteen')).toBe(0);
    expect(volume(healthy, 'M2-canteen')).toBeGreaterThan(500);
    // The main meter passes the same water either way (up to the registers' whole litres).
    expect(Math.abs(volume(faulty, 'M1-main') - volume(healthy, 'M1-main'))).toBeLessThanOrEqual(2);
  });

  it('names a scenario file that does not exist and how to run without one', () => {
    const file = path.join(tempDataDir(), 'missing.json');
    const config = loadConfig({ DATA_DIR: tempDataDir(), TWIN_SCENARIO: file, PORT: '0' });
    expect(() => createTwinServer(config, createLogger('silent'))).toThrow(
      `scenario file ${file} is invalid:\n` +
        `(file): ${JSON.stringify(file)} — no such file; set TWIN_SCENARIO=none to run without`,
    );
  });

  it('refuses a scenario that does not fit the site, naming each fault', () => {
    const file = scenarioFile([
      { kind: 'seepage', pipeId: 'p-nowhere', rateLph: 10, startsAfterH: 1 },
      { kind: 'stuck_meter', meterId: 'M3-office-f1', startsAfterH: 1 },
      { kind: 'burst', pipeId: 'p-ls-head', rateLph: 0, startsAfterH: 1 },
    ]);
    const config = loadConfig({ DATA_DIR: tempDataDir(), TWIN_SCENARIO: file, PORT: '0' });
    expect(() => createTwinServer(config, createLogger('silent'))).toThrow(
      `scenario file ${file} is invalid:\n` +
        'faults[2].rateLph: 0 — Too small: expected number to be >0',
    );
    fs.writeFileSync(
      file,
      JSON.stringify({
        faults: [
          { kind: 'seepage', pipeId: 'p-nowhere', rateLph: 10, startsAfterH: 1 },
          { kind: 'stuck_meter', meterId: 'M3-office-f1', startsAfterH: 1 },
        ],
      }),
    );
    expect(() => createTwinServer(config, createLogger('silent'))).toThrow(
      `scenario file ${file} is invalid:\n` +
        'faults[0].pipeId: "p-nowhere" — is not a pipe of the site\n' +
        'faults[1].meterId: "M3-office-f1" — is fed by recorded data; only a simulated meter ' +
        'can be made to stick',
    );
  });

  it('keeps a balance alert open while a floor meter is silent, and resolves it once all report', async () => {
    const twin = await start({ TWIN_SOURCES: 'none' });
    const T0 = Date.parse('2026-04-14T00:00:00+08:00');
    const SLOT = 15 * 60_000;
    // Office meter: the five floors' 20 L each per slot, plus 30 L (120 L/h) lost for 12 h.
    // Floor 1 falls silent from hour 12 to hour 48; the loss stops at hour 12.
    const floors = ['M3-office-f1', 'M3-office-f2', 'M3-office-f3', 'M3-office-f4', 'M3-office-f5'];
    const readings: unknown[] = [];
    const litres = new Map<string, number>([
      ['M2-office', 500_000],
      ...floors.map((f) => [f, 100_000] as const),
    ]);
    for (let t = T0; t <= T0 + 80 * HOUR; t += SLOT) {
      const hour = (t - T0) / HOUR;
      if (t > T0) {
        for (const f of floors) litres.set(f, litres.get(f)! + 20);
        litres.set('M2-office', litres.get('M2-office')! + 100 + (hour <= 12 ? 30 : 0));
      }
      for (const [meter, value] of litres) {
        if (meter === 'M3-office-f1' && hour > 12 && hour < 48) continue;
        readings.push({ meter, ts: t, value: value / 1000, unit: 'm3', kind: 'register' });
      }
    }
    const res = await fetch(`${twin.url}/api/v1/readings`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${twin.server.ingestToken}`,
      },
      body: JSON.stringify({ readings }),
    });
    expect(res.status).toBe(200);

    const balance = async () =>
      (await alerts(twin)).filter((a) => a.meterId === 'M2-office' && a.detector === 'balance');
    await stepHours(twin, T0 + HOUR, T0 + 12 * HOUR);
    expect((await balance()).map((a) => a.status)).toEqual(['open']);
    // 36 h later: no judged hour yet (floor 1 silent), so the alert stays open.
    await stepHours(twin, T0 + 13 * HOUR, T0 + 47 * HOUR);
    expect((await balance()).map((a) => a.status)).toEqual(['open']);
    // Floor 1 reports again (its catch-up hour is estimated); after 24 judged quiet hours the
    // alert resolves itself.
    await stepHours(twin, T0 + 48 * HOUR, T0 + 80 * HOUR);
    expect((await balance()).map((a) => a.status)).toEqual(['resolved']);
  });
});
