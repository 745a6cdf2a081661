import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../models/compliance';
import type {
  ComplianceSettingsResponse,
  KnownUnmeteredUse,
} from '../../models/complianceSettings';
import { levelM3 as levelM3Of } from '../support/storedVolumes';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
/** The period: 2026-04-12 and 13 in Asia/Shanghai, the twin stepped hourly across it. */
const FROM_MS = Date.parse('2026-04-12T00:00:00+08:00');
const TO_MS = Date.parse('2026-04-14T00:00:00+08:00');
const PERIOD = 'from=2026-04-12&to=2026-04-13';

let twin: TestTwin;
const send = (method: string, path: string, body: unknown, token: string | null) =>
  fetch(`${twin.url}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
const report = async () =>
  (await (
    await fetch(`${twin.url}/api/v1/compliance/report?${PERIOD}`)
  ).json()) as ComplianceReport;
/** What the store holds over the period, m³. */
const levelM3 = (level: number) => levelM3Of(twin, level, FROM_MS, TO_MS);

beforeAll(async () => {
  twin = await startTestTwin({ TWIN_SOURCES: 'sim' });
  for (let t = FROM_MS - 6 * HOUR; t <= TO_MS + 2 * HOUR; t += HOUR) twin.server.twin.step(t);
});

afterAll(async () => {
  await twin.server.close();
});

describe('known unmetered uses', () => {
  it('subtracts an entered fire-hydrant test from the leak rate and lists it', async () => {
    const v1 = levelM3(1);
    const v2 = levelM3(2);
    const before = (await report()).indicators.find((i) => i.id === 'leakRate')!;
    expect(before.value).toBeCloseTo((v1 - v2) / v1, 9);

    // Half of what level 2 did not see was a fire-hydrant test on the 13th.
    const m3 = Math.round(((v1 - v2) / 2) * 1000) / 1000;
    const token = twin.server.engineerToken;
    const body = { dateIso: '2026-04-13', m3, note: '消防栓试水 fire-hydrant test' };
    const res = await send('POST', '/api/v1/compliance/unmetered', body, token);
    expect(res.status).toBe(201);
    const use = (await res.json()) as KnownUnmeteredUse;
    expect(use).toMatchObject({ ...body, by: 'engineer' });

    const after = await report();
    const leak = after.indicators.find((i) => i.id === 'leakRate')!;
    expect(leak.value).toBeCloseTo((v1 - v2 - m3) / v1, 9);
    expect(after.leakByMonth[0]!.knownUnmeteredM3).toBe(m3);
    expect(after.knownUnmeteredUses).toEqual([use]);
    const xlsx = await fetch(`${twin.url}/api/v1/compliance/export.xlsx?${PERIOD}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('已知未计量 Known unmetered')!;
    expect(sheet.getRow(2).values).toEqual([undefined, '2026-04-13', m3, body.note, 'engineer']);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('0.00');

    // Removed, the leak rate is back where it was.
    const gone = await fetch(`${twin.url}/api/v1/compliance/unmetered/${use.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await gone.json()).toEqual({ removed: use.id });
    const again = (await report()).indicators.find((i) => i.id === 'leakRate')!;
    expect(again.value).toBeCloseTo((v1 - v2) / v1, 9);
  });

  it('counts the lobby settings steady unmetered use too, unless the query gives one', async () => {
    const v1 = levelM3(1);
    const v2 = levelM3(2);
    const token = twin.server.engineerToken;
    const current = await (
      await fetch(`${twin.url}/api/v1/lobby/settings`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    // 7.3 m³ an average month is 0.24 m³ a day: 0.48 m³ over the two days.
    const settings = { ...current.settings, knownUnmeteredM3PerMonth: 7.3 };
    expect((await send('PUT', '/api/v1/lobby/settings', settings, token)).status).toBe(200);

    const withSteady = await report();
    const given = (await (
      await fetch(`${twin.url}/api/v1/compliance/report?${PERIOD}&knownUnmeteredM3PerDay=0`)
    ).json()) as ComplianceReport;
    await send('PUT', '/api/v1/lobby/settings', current.settings, token);

    expect(withSteady.leakByMonth[0]!.knownUnmeteredM3).toBeCloseTo(0.48, 12);
    const leak = withSteady.indicators.find((i) => i.id === 'leakRate')!;
    expect(leak.value).toBeCloseTo((v1 - v2 - 0.48) / v1, 9);
    expect(given.leakByMonth[0]!.knownUnmeteredM3).toBe(0);
  });

  it('refuses entries without a token or with a bad value, naming field and rule', async () => {
    const body = { dateIso: '2026-04-13', m3: 1, note: 'x' };
    expect((await send('POST', '/api/v1/compliance/unmetered', body, null)).status).toBe(401);
    const token = twin.server.engineerToken;
    const res = await send('POST', '/api/v1/compliance/unmetered', { ...body, m3: -2 }, token);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: 'bad_request',
      message: 'body.m3: -2 — more than 0 m³',
    });
    const noNote = await send(
      'POST',
      '/api/v1/compliance/unmetered',
      { ...body, note: ' ' },
      token,
    );
    expect(((await noNote.json()) as { message: string }).message).toBe(
      'body.note: " " — a short text saying what the water was for',
    );
  });
});

describe('discharge shares', () => {
  it('lists every end use with its default, source and status (U: unconfirmed)', async () => {
    const res = await fetch(`${twin.url}/api/v1/compliance/settings`);
    const body = (await res.json()) as ComplianceSettingsResponse;
    expect(body.dischargeShare).toHaveLength(9);
    expect(body.dischargeShare.find((d) => d.category === 'canteen')).toMatchObject({
      value: 0.85,
      defaultValue: 0.85,
      status: 'U',
      overridden: false,
    });
  });

  it('splits office use by the share an engineer set, and restores the default', async () => {
    const token = twin.server.engineerToken;
    const row = async () =>
      (await report()).balance.rows.find((r) => r.meterId === 'M3-office-f1')!;
    const used = (r: Awaited<ReturnType<typeof row>>) => r.consumedM3 + r.dischargedM3;
    const start = await row();
    expect(start.category).toBe('sanitary');
    expect(start.dischargedM3).toBeCloseTo(used(start) * 0.9, 9);

    const res = await send(
      'PATCH',
      '/api/v1/compliance/settings',
      {
        dischargeShare: { sanitary: 0.75 },
      },
      token,
    );
    expect(res.status).toBe(200);
    const view = ((await res.json()) as ComplianceSettingsResponse).dischargeShare;
    expect(view.find((d) => d.category === 'sanitary')).toMatchObject({
      value: 0.75,
      defaultValue: 0.9,
      overridden: true,
    });
    const changed = await row();
    expect(changed.dischargedM3).toBeCloseTo(used(start) * 0.75, 9);
    expect(changed.consumedM3).toBeCloseTo(used(start) * 0.25, 9);

    await send(
      'PATCH',
      '/api/v1/compliance/settings',
      { dischargeShare: { sanitary: null } },
      token,
    );
    expect((await row()).dischargedM3).toBeCloseTo(used(start) * 0.9, 9);
  });

  it('refuses a share above 1, an unknown end use and a write without a token', async () => {
    const token = twin.server.engineerToken;
    const patch = (body: unknown, t: string | null = token) =>
      send('PATCH', '/api/v1/compliance/settings', body, t);
    expect((await patch({ dischargeShare: { canteen: 0.5 } }, null)).status).toBe(401);
    const high = await patch({ dischargeShare: { canteen: 1.2 } });
    expect(high.status).toBe(400);
    expect(((await high.json()) as { message: string }).message).toBe(
      'body.dischargeShare.canteen: 1.2 — a share from 0 to 1',
    );
    const unknown = await patch({ dischargeShare: { pool: 0.5 } });
    expect(((await unknown.json()) as { message: string }).message).toContain(
      'body.dischargeShare.pool',
    );
  });
});
