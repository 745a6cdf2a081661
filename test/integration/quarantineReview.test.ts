import { afterEach, describe, expect, it } from 'vitest';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { allIntervals } from '../support/importApi';
import { postReadings } from '../support/ingestApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const METER = 'M2-laundry'; // register in m³
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

async function post(readings: unknown[]) {
  return (await postReadings(twin!, readings)).body.results ?? [];
}

const register = (ts: string | number, value: number, unit = 'm3') => ({
  meter: METER,
  ts,
  value,
  unit,
  kind: 'register',
});

/** Three hourly readings booked, then one late and one in litres held back. */
async function meterWithHeldReadings(wrongUnitValue: number) {
  twin = await startTestTwin({ TWIN_SOURCES: 'none' });
  const cookie = (await signInEngineer(twin)).cookie;
  await post([
    register('2026-04-14T01:00:00+08:00', 10),
    register('2026-04-14T02:00:00+08:00', 10.1),
    register('2026-04-14T03:00:00+08:00', 10.15),
  ]);
  const held = await post([
    register(0, 10.4),
    register('2026-04-14T04:00:00+08:00', wrongUnitValue, 'L'),
  ]);
  const ids = twin.server.store.readingsWithOutcome(['late', 'unit_mismatch'], METER);
  return { cookie, held, lateId: ids[0]!.id, unitId: ids[1]!.id };
}

const outcomes = () =>
  twin!.server.store.meterReadings(METER).map((r) => [r.ts, r.outcome] as const);

describe('confirming the unit of a held reading', () => {
  it('books only the confirmed reading, after the checks a fresh reading gets', async () => {
    const { cookie, held, unitId } = await meterWithHeldReadings(1000);

    const confirm = await callTwin(twin!, 'POST', `/api/v1/quarantine/${unitId}/confirm-unit`, {
      body: { unit: 'm3' },
      cookie,
    });

    expect(held.map((r) => r.reason)).toEqual(['late', 'unit_mismatch']);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toEqual({
      readingId: unitId,
      meterId: METER,
      intervals: 2,
      status: 'quarantined',
      reason: 'suspect_jump',
      changed: [],
    });
    expect(allIntervals(twin!, METER).map((iv) => [iv.volumeL, iv.flags])).toEqual([
      [100, []],
      [50, []],
    ]);
    expect(outcomes()).toEqual([
      [0, 'late'],
      [Date.parse('2026-04-14T01:00:00+08:00'), 'first'],
      [Date.parse('2026-04-14T02:00:00+08:00'), 'booked'],
      [Date.parse('2026-04-14T03:00:00+08:00'), 'booked'],
      [Date.parse('2026-04-14T04:00:00+08:00'), 'suspect_jump'],
    ]);
  });

  it('books a confirmed reading that fits, and leaves the late one held', async () => {
    const { cookie, unitId } = await meterWithHeldReadings(10.2);

    const confirm = await callTwin(twin!, 'POST', `/api/v1/quarantine/${unitId}/confirm-unit`, {
      body: { unit: 'm3' },
      cookie,
    });

    expect(confirm.body).toEqual({
      readingId: unitId,
      meterId: METER,
      intervals: 3,
      status: 'accepted',
      changed: [],
    });
    expect(allIntervals(twin!, METER).map((iv) => iv.volumeL)).toEqual([100, 50, 50]);
    expect(outcomes()[0]).toEqual([0, 'late']);
  });

  it('holds a confirmed value beyond what the register can show', async () => {
    const { cookie, unitId } = await meterWithHeldReadings(1e12);

    const confirm = await callTwin(twin!, 'POST', `/api/v1/quarantine/${unitId}/confirm-unit`, {
      body: { unit: 'm3' },
      cookie,
    });

    const list = await callTwin(twin!, 'GET', `/api/v1/quarantine?meter=${METER}`, { cookie });

    expect(confirm.body).toMatchObject({ status: 'quarantined', reason: 'out_of_range' });
    expect(allIntervals(twin!, METER).map((iv) => iv.volumeL)).toEqual([100, 50]);
    expect(list.body.readings.map((r: { reason: string }) => r.reason)).toEqual([
      'late',
      'out_of_range',
    ]);
  });

  it('says which booked reading the confirmed one puts in doubt', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const cookie = (await signInEngineer(twin)).cookie;
    await post([
      register('2026-04-14T01:00:00+08:00', 10),
      register('2026-04-14T02:00:00+08:00', 10.5, 'L'),
      register('2026-04-14T03:00:00+08:00', 10.1),
    ]);
    const unitId = twin.server.store.readingsWithOutcome(['unit_mismatch'], METER)[0]!.id;

    const confirm = await callTwin(twin, 'POST', `/api/v1/quarantine/${unitId}/confirm-unit`, {
      body: { unit: 'm3' },
      cookie,
    });

    expect(confirm.body).toEqual({
      readingId: unitId,
      meterId: METER,
      intervals: 1,
      status: 'accepted',
      changed: [
        {
          id: unitId + 1,
          tsMs: Date.parse('2026-04-14T03:00:00+08:00'),
          from: 'booked',
          to: 'suspect_decrease',
        },
      ],
    });
    expect(allIntervals(twin, METER).map((iv) => iv.volumeL)).toEqual([500]);
  });

  it('answers 404 for an unknown reading id', async () => {
    const { cookie } = await meterWithHeldReadings(10.2);

    const confirm = await callTwin(twin!, 'POST', '/api/v1/quarantine/99999/confirm-unit', {
      body: { unit: 'm3' },
      cookie,
    });

    expect(confirm.status).toBe(404);
    expect(confirm.body).toEqual({
      code: 'not_found',
      message: 'no stored reading with id 99999',
    });
  });
});

describe('dismissing a held reading', () => {
  it('takes any quarantined reading off the list for good, engineers only', async () => {
    const { cookie, lateId, unitId } = await meterWithHeldReadings(1000);
    await callTwin(twin!, 'POST', `/api/v1/quarantine/${unitId}/confirm-unit`, {
      body: { unit: 'm3' },
      cookie,
    });

    const anonymous = await callTwin(twin!, 'POST', `/api/v1/quarantine/${lateId}/dismiss`);
    const jump = await callTwin(twin!, 'POST', `/api/v1/quarantine/${unitId}/dismiss`, { cookie });
    const late = await callTwin(twin!, 'POST', `/api/v1/quarantine/${lateId}/dismiss`, { cookie });
    const again = await callTwin(twin!, 'POST', `/api/v1/quarantine/${lateId}/dismiss`, { cookie });
    const unknown = await callTwin(twin!, 'POST', '/api/v1/quarantine/99999/dismiss', { cookie });
    const list = await callTwin(twin!, 'GET', '/api/v1/quarantine', { cookie });
    const next = await post([register('2026-04-14T05:00:00+08:00', 10.2)]);

    expect(anonymous.status).toBe(401);
    expect(jump.body).toEqual({ readingId: unitId, meterId: METER, intervals: 2, changed: [] });
    expect(late.body).toEqual({ readingId: lateId, meterId: METER, intervals: 2, changed: [] });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      code: 'conflict',
      message: `reading ${lateId} is "dismissed", not quarantined; nothing to dismiss`,
    });
    expect(unknown.status).toBe(404);
    expect(list.body).toEqual({ readings: [] });
    expect(next).toEqual([{ index: 0, meter: METER, status: 'accepted' }]);
    expect(allIntervals(twin!, METER).map((iv) => iv.volumeL)).toEqual([100, 50, 50]);
  });
});
