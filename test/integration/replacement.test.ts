import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeterHealth } from '../../models/health';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const METER = 'M2-laundry'; // register in m³
const HOUR = 3_600_000;
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

type Row = [ts: string, value: number, serial?: string];

/** The laundry meter's serial in the site file: the meter installed before the exchange. */
const OLD = 'JL-DN32-2010-00234';

/** PB-04 readings around the 09:30 exchange (the `removed`/`installed` rows are events). */
const BEFORE: Row[] = [
  ['2026-03-10T08:00:00+08:00', 1532.41, OLD],
  ['2026-03-10T09:00:00+08:00', 1532.46, OLD],
];
const AFTER: Row[] = [
  ['2026-03-10T10:00:00+08:00', 0.02, 'NEW-102'],
  ['2026-03-10T11:00:00+08:00', 0.07, 'NEW-102'],
];
const EXCHANGE = '2026-03-10T09:30:00+08:00';

/** Posts register readings of the laundry meter; returns each [status, reason]. */
async function post(rows: Row[]) {
  const readings = rows.map(([ts, value, serial]) => ({
    meter: METER,
    ts,
    value,
    unit: 'm3',
    kind: 'register',
    ...(serial === undefined ? {} : { serial }),
  }));
  const res = await fetch(`${twin!.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${twin!.server.ingestToken}`,
    },
    body: JSON.stringify({ readings }),
  });
  const body = (await res.json()) as { results: Array<{ status: string; reason?: string }> };
  return body.results.map((r) => [r.status, r.reason ?? '']);
}

/** POSTs JSON to the twin, as an engineer or with the ingest token. */
async function send(route: string, body: unknown, as: 'engineer' | 'gateway' = 'engineer') {
  const token = as === 'engineer' ? twin!.server.engineerToken : twin!.server.ingestToken;
  const res = await fetch(`${twin!.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

/** The laundry meter's intervals as [end (ISO), litres, flags]. */
async function intervals() {
  const from = Date.parse('2026-03-10T00:00:00+08:00');
  const res = await fetch(
    `${twin!.url}/api/v1/meters/${METER}/intervals?from=${from}&to=${from + 24 * HOUR}`,
  );
  const body = (await res.json()) as {
    intervals: Array<{ endMs: number; volumeL: number; flags: string[] }>;
  };
  return body.intervals.map((i) => [new Date(i.endMs).toISOString(), i.volumeL, i.flags.join(',')]);
}

async function health(): Promise<MeterHealth> {
  const res = await fetch(`${twin!.url}/api/v1/health/meters`);
  const body = (await res.json()) as { meters: MeterHealth[] };
  return body.meters.find((m) => m.meterId === METER)!;
}

const REPLACEMENT = {
  kind: 'replacement',
  ts: EXCHANGE,
  oldFinalValue: 1532.47,
  newStartValue: 0,
  newSerial: 'NEW-102',
  unit: 'm3',
};

/** PB-04's expected intervals: 50 L, 30 L (10 old + 20 new), 50 L. */
const PB04 = [
  ['2026-03-10T01:00:00.000Z', 50, ''],
  ['2026-03-10T02:00:00.000Z', 30, 'meter_replacement'],
  ['2026-03-10T03:00:00.000Z', 50, ''],
];

describe('meter replacement and reset (PB-04)', () => {
  it('keeps one logical register across a replacement event', async () => {
    // Arrange
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    await post(BEFORE);

    // Act: the gateway reports the exchange, then the new meter's readings come.
    const event = await send(`/api/v1/meters/${METER}/events`, REPLACEMENT, 'gateway');
    const statuses = await post(AFTER);

    // Assert
    expect(event).toMatchObject({
      status: 200,
      body: { outcome: 'replacement', rederived: false, interval: null },
    });
    expect(statuses).toEqual([
      ['accepted', 'meter_replacement'],
      ['accepted', ''],
    ]);
    expect(await intervals()).toEqual(PB04);
    expect(await health()).toMatchObject({
      logicalRegisterL: 1_532_540,
      replacements: 1,
      openQuestions: [],
    });

    // Re-derivation replays the stored event among the readings.
    twin.server.twin.rederive(METER);
    expect(await intervals()).toEqual(PB04);
    expect((await health()).logicalRegisterL).toBe(1_532_540);
  });

  it('asks for the old final reading when the serial changes without an event', async () => {
    // Arrange
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    // Act: the new meter's value drops to 0.020 under a new serial; no event was sent.
    const statuses = await post([...BEFORE, ...AFTER]);
    const asked = await health();
    const answer = {
      firstNewTs: AFTER[0]![0],
      oldFinalValue: 1532.47,
      newStartValue: 0,
      unit: 'm3',
    };
    const byGateway = await send(`/api/v1/meters/${METER}/questions/answer`, answer, 'gateway');
    const answered = await send(`/api/v1/meters/${METER}/questions/answer`, answer);

    // Assert: nothing negative while the question was open, then the same as with the event.
    expect(statuses.map(([s, r]) => `${s}:${r}`)).toEqual([
      'accepted:',
      'accepted:',
      'accepted:possible_meter_replacement',
      'accepted:',
    ]);
    expect(asked.openQuestions).toEqual([
      {
        oldSerial: OLD,
        newSerial: 'NEW-102',
        lastOldTsMs: Date.parse(BEFORE[1]![0]),
        lastOldRegisterL: 1_532_460,
        firstNewTsMs: Date.parse(AFTER[0]![0]),
        firstNewValueL: 20,
      },
    ]);
    expect(asked.logicalRegisterL).toBeNull();
    expect(byGateway.status).toBe(401);
    expect(answered).toMatchObject({ status: 200, body: { interval: { volumeL: 30 } } });
    expect(await intervals()).toEqual(PB04);
    expect(await health()).toMatchObject({ logicalRegisterL: 1_532_540, openQuestions: [] });

    // Re-derivation replays the stored answer.
    twin.server.twin.rederive(METER);
    expect(await intervals()).toEqual(PB04);
  });

  it('stores no negative interval when the value falls to 0.000 under a new serial', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    await post([...BEFORE, [EXCHANGE, 0, 'NEW-102'], ...AFTER]);

    const volumes = (await intervals()).map(([, v]) => v as number);
    expect(volumes).toEqual([50, 20, 50]);
    expect((await health()).openQuestions?.map((q) => q.newSerial)).toEqual(['NEW-102']);
  });

  it('books a reset event without a negative interval', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const reset = { kind: 'reset', ts: EXCHANGE, finalValue: 1532.47, startValue: 0, unit: 'm3' };

    await post(BEFORE.map(([ts, v]) => [ts, v]));
    const event = await send(`/api/v1/meters/${METER}/events`, reset);
    await post(AFTER.map(([ts, v]) => [ts, v]));

    expect(event.status).toBe(200);
    expect((await intervals()).map(([, v, f]) => [v, f])).toEqual([
      [50, ''],
      [30, 'register_reset'],
      [50, ''],
    ]);
    expect(await health()).toMatchObject({ resets: 1, logicalRegisterL: 1_532_540 });
  });

  it('re-derives the same intervals with events, and applies a late event by re-deriving', async () => {
    // Arrange: the readings arrive first, the exchange is reported afterwards.
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    await post([...BEFORE, ...AFTER]);

    // Act
    const late = await send(`/api/v1/meters/${METER}/events`, REPLACEMENT);
    const afterEvent = await intervals();
    twin.server.twin.rederive(METER);

    // Assert
    expect(late.body).toMatchObject({ outcome: 'replacement', rederived: true });
    expect(afterEvent).toEqual(PB04);
    expect(await intervals()).toEqual(PB04);
    expect(await health()).toMatchObject({ openQuestions: [], logicalRegisterL: 1_532_540 });
  });

  it('refuses an event value beyond the register, and a second event at the same time', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const reset = { kind: 'reset', ts: EXCHANGE, finalValue: 1532.47, startValue: 0, unit: 'm3' };
    await post(BEFORE.map(([ts, v]) => [ts, v]));

    const huge = await send(`/api/v1/meters/${METER}/events`, { ...reset, finalValue: 1e308 });
    const first = await send(`/api/v1/meters/${METER}/events`, reset);
    const again = await send(`/api/v1/meters/${METER}/events`, reset);

    expect(huge.status).toBe(400);
    expect(huge.body.message).toBe(
      "body.finalValue: too large to store — must lie between 0 and the register's capacity " +
        '100000 m3',
    );
    expect(first.status).toBe(200);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
  });

  it('refuses values in another unit than the meter, naming field, value and rule', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const res = await send(`/api/v1/meters/${METER}/events`, { ...REPLACEMENT, unit: 'L' });
    const noAuth = await fetch(`${twin.url}/api/v1/meters/${METER}/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(REPLACEMENT),
    });

    expect(res.status).toBe(400);
    expect(res.body.message).toBe(
      `body.unit: "L" — values must be in the meter's register unit "m3"`,
    );
    expect(noAuth.status).toBe(401);
  });

  it('keeps booking from a register state stored before the logical register', async () => {
    // Arrange: a data folder whose laundry state has the older bare engine shape.
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const dataDir = twin.dataDir;
    await twin.server.close();
    const db = new Database(path.join(dataDir, 'twin.sqlite'));
    const old = {
      lastTsMs: Date.parse(BEFORE[1]![0]),
      registerL: 1_532_460,
      lastRawL: 1_532_460,
      candidate: null,
    };
    db.prepare('INSERT OR REPLACE INTO engine_state (meter, state) VALUES (?, ?)').run(
      METER,
      JSON.stringify(old),
    );
    db.close();

    // Act
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    const statuses = await post([['2026-03-10T10:00:00+08:00', 1532.49]]);

    // Assert
    expect(statuses).toEqual([['accepted', '']]);
    expect(await intervals()).toEqual([['2026-03-10T02:00:00.000Z', 30, '']]);
    expect((await health()).logicalRegisterL).toBe(1_532_490);
  });
});
