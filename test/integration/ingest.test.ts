import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

const METER = 'M3-office-f3'; // register in m³
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

/** Posts a body to the ingest API of the running twin. */
async function post(body: unknown, options: { token?: string; type?: string } = {}) {
  const res = await fetch(`${twin!.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': options.type ?? 'application/json',
      authorization: `Bearer ${options.token ?? twin!.server.ingestToken}`,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function intervals(meter = METER) {
  const from = Date.parse('2026-02-28T00:00:00Z');
  const to = Date.parse('2026-03-02T00:00:00Z');
  const res = await fetch(`${twin!.url}/api/v1/meters/${meter}/intervals?from=${from}&to=${to}`);
  return (await res.json()).intervals as Array<{ endMs: number; volumeL: number; flags: string[] }>;
}

/** PB-09: a gateway re-sends after a reconnect (values in m³ for this meter). */
const resent = [
  {
    meter: METER,
    seq: 101,
    ts: '2026-03-01T10:00:00+08:00',
    value: 5.0,
    unit: 'm3',
    kind: 'register',
  },
  {
    meter: METER,
    seq: 102,
    ts: '2026-03-01T10:05:00+08:00',
    value: 5.012,
    unit: 'm3',
    kind: 'register',
  },
  {
    meter: METER,
    seq: 102,
    ts: '2026-03-01T10:05:00+08:00',
    value: 5.012,
    unit: 'm3',
    kind: 'register',
  },
  {
    meter: METER,
    seq: 103,
    ts: '2026-03-01T10:10:00+08:00',
    value: 5.02,
    unit: 'm3',
    kind: 'register',
  },
  {
    meter: METER,
    seq: 104,
    ts: '2026-03-01T10:10:00+08:00',
    value: 5.026,
    unit: 'm3',
    kind: 'register',
  },
];

describe('POST /api/v1/readings', () => {
  it('answers each reading: accepted, duplicate or conflict, and books only real use (PB-09)', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const { status, body } = await post({ readings: resent });

    expect(status).toBe(200);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
      'conflict',
    ]);
    expect((await intervals()).map((i) => i.volumeL)).toEqual([12, 8]);
  });

  it('refuses a body nested too deeply to show with a 400, not a server error', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const { status, body } = await post(deep);
    expect(status).toBe(400);
    expect(body.message).toContain('(a value nested too deeply to show)');
    expect((await fetch(`${twin.url}/api/v1/health`)).status).toBe(200);
  });

  it('takes the same readings as CSV', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = [
      'meter,ts,value,unit,kind,seq',
      ...resent.map((r) => `${r.meter},${r.ts},${r.value},${r.unit},${r.kind},${r.seq}`),
    ].join('\r\n');

    const { status, body } = await post(`\uFEFF${csv}\r\n`, { type: 'text/csv' });

    expect(status).toBe(200);
    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'accepted',
      'conflict',
    ]);
    expect((await intervals()).map((i) => i.volumeL)).toEqual([12, 8]);
  });

  it('keeps sequence numbers across a restart, so a re-sent batch is not counted twice', async () => {
    const dataDir = tempDataDir();
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    await post({ readings: resent.slice(0, 2) });
    await twin.server.close();

    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    const { body } = await post({ readings: resent.slice(0, 4) });

    expect(body.results.map((r: { status: string }) => r.status)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'accepted',
    ]);
    expect((await intervals()).map((i) => i.volumeL)).toEqual([12, 8]);
  });

  it('quarantines a reading in another unit than the meter declares (PB-11)', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const { body } = await post({
      readings: [
        {
          meter: METER,
          ts: '2026-03-01T08:00:00+08:00',
          value: 1532.41,
          unit: 'L',
          kind: 'register',
        },
      ],
    });
    expect(body.results).toEqual([
      { index: 0, meter: METER, status: 'quarantined', reason: 'unit_mismatch' },
    ]);
    expect(await intervals()).toEqual([]);
  });

  it('refuses a malformed body, naming the field, value and rule, and stores nothing', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const bad = [resent[0], { ...resent[1], value: 'abc' }];

    const { status, body } = await post({ readings: bad });
    await post({ readings: [resent[1]] });

    expect(status).toBe(400);
    expect(body.code).toBe('bad_request');
    expect(body.message).toContain('body.readings[1].value: "abc"');
    // Had the first reading of the refused body been stored, this would be an interval.
    expect(await intervals()).toEqual([]);
    const broken = await post('{"readings": [', {});
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('bad_request');
  });

  it('refuses writes without the token, and oversized bodies', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const anonymous = await post({ readings: resent }, { token: 'wrong-token' });
    const huge = await post(`{"readings":[${'0,'.repeat(600_000)}0]}`);

    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthorized');
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload_too_large');
    expect(await intervals()).toEqual([]);
  });

  it('rate-limits a flood with a clear error', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        post({ readings: [{ ...resent[0], seq: 1000 + i, ts: 1_772_330_400_000 + i * 60_000 }] }),
      ),
    );
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.body.code).toBe('rate_limited');
  });

  it('refuses readings for a meter that the replay or the simulator drives', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'replay,sim' });
    const { body } = await post({ readings: [resent[0]] });
    expect(body.results[0]).toEqual({
      index: 0,
      meter: METER,
      status: 'rejected',
      reason: 'meter_fed_by_replay',
    });
  });

  it('generates a token readable only by its owner when none is configured', async () => {
    const dataDir = tempDataDir();
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    const file = path.join(dataDir, 'ingest-token');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(twin.server.ingestToken);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('values and sequence numbers that cannot be right', () => {
  it('holds a value beyond what the register can show, instead of calling it missing', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const { body } = await post({
      readings: [
        { meter: METER, ts: '2026-03-01T10:00:00+08:00', value: 5, unit: 'm3', kind: 'register' },
        {
          meter: METER,
          ts: '2026-03-01T11:00:00+08:00',
          value: 1e308,
          unit: 'm3',
          kind: 'register',
        },
        {
          meter: METER,
          ts: '2026-03-01T12:00:00+08:00',
          value: 5.01,
          unit: 'm3',
          kind: 'register',
        },
      ],
    });
    expect(
      body.results.map((r: { status: string; reason?: string }) => [r.status, r.reason]),
    ).toEqual([
      ['accepted', undefined],
      ['quarantined', 'out_of_range'],
      ['accepted', undefined],
    ]);
    expect((await intervals()).map((i) => i.volumeL)).toEqual([10]);
  });

  it('calls a sequence number sent again with another value a conflict, and keeps it out of totals', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    await post({ readings: resent.slice(0, 2) });
    const { body } = await post({ readings: [{ ...resent[1], value: 5.03 }] });
    expect(body.results[0]).toMatchObject({ status: 'conflict' });
    expect((await intervals()).map((i) => i.volumeL)).toEqual([12]);
  });
});
