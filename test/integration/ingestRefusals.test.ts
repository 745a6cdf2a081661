import { afterEach, describe, expect, it } from 'vitest';
import { callTwin, signInEngineer } from '../support/engineerApi';
import { allIntervals, postImport } from '../support/importApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const METER = 'M2-laundry'; // register in m³
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

async function postRaw(body: string) {
  const res = await fetch(`${twin!.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${twin!.server.ingestToken}`,
    },
    body,
  });
  return { status: res.status, body: await res.json() };
}

const post = (readings: unknown[]) => postRaw(JSON.stringify({ readings }));

describe('readings ingest refuses what cannot be right', () => {
  it('names a body that is JSON but not an object with readings', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const none = await postRaw('null');
    const list = await postRaw('[]');

    expect(none).toEqual({
      status: 400,
      body: {
        code: 'bad_request',
        message: 'body: null — must be an object with "readings": [ … ]',
      },
    });
    expect(list.body.message).toBe('body: [] — must be an object with "readings": [ … ]');
  });

  it('refuses a negative flow and books nothing for it', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const flow = (ts: string, value: number) => ({
      meter: METER,
      ts,
      value,
      unit: 'm3',
      kind: 'flow',
    });

    const { body } = await post([
      flow('2026-01-10T10:00:00+08:00', 3.6),
      flow('2026-01-10T10:01:00+08:00', -7.2),
      flow('2026-01-10T10:02:00+08:00', 3.6),
    ]);

    expect(body.results).toEqual([
      { index: 0, meter: METER, status: 'accepted' },
      { index: 1, meter: METER, status: 'rejected', reason: 'negative_flow' },
      { index: 2, meter: METER, status: 'accepted' },
    ]);
    expect(allIntervals(twin, METER).map((iv) => iv.volumeL)).toEqual([120]);
  });

  it('lists a value beyond what the register can show in quarantine', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const cookie = (await signInEngineer(twin)).cookie;

    const { body } = await post([
      { meter: METER, ts: '2026-01-10T10:00:00+08:00', value: 1e308, unit: 'm3', kind: 'register' },
    ]);
    const list = await callTwin(twin, 'GET', '/api/v1/quarantine', { cookie });

    expect(body.results).toEqual([
      { index: 0, meter: METER, status: 'quarantined', reason: 'out_of_range' },
    ]);
    expect(list.body.readings).toEqual([
      {
        id: 1,
        meterId: METER,
        tsMs: Date.parse('2026-01-10T10:00:00+08:00'),
        value: 1e308,
        unit: 'm3',
        meterUnit: 'm3',
        source: 'ingest',
        reason: 'out_of_range',
      },
    ]);
  });

  it('calls a first reading from another meter than the site file names an exchange', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const reading = (ts: string, value: number, serial: string) => ({
      meter: METER,
      ts,
      value,
      unit: 'm3',
      kind: 'register',
      serial,
    });

    const { body } = await post([
      reading('2026-01-10T10:00:00+08:00', 0.02, 'NEW-102'),
      reading('2026-01-10T11:00:00+08:00', 0.07, 'NEW-102'),
    ]);

    expect(body.results).toEqual([
      { index: 0, meter: METER, status: 'accepted', reason: 'possible_meter_replacement' },
      { index: 1, meter: METER, status: 'accepted' },
    ]);
    expect(allIntervals(twin, METER).map((iv) => iv.volumeL)).toEqual([50]);
  });

  it("takes a first reading under the site file's serial as a plain reading", async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const { body } = await post([
      {
        meter: METER,
        ts: '2026-01-10T10:00:00+08:00',
        value: 1532.41,
        unit: 'm3',
        kind: 'register',
        serial: 'JL-DN32-2010-00234',
      },
    ]);

    expect(body.results).toEqual([{ index: 0, meter: METER, status: 'accepted' }]);
  });
});

describe('CSV columns that belong to no field', () => {
  it('refuses a readings CSV whose header names a column it does not read', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = [
      'meter,ts,value,unit,kind,scale',
      `${METER},2026-01-10T10:00:00+08:00,10.4,m3,register,0.001`,
    ].join('\n');

    const res = await fetch(`${twin.url}/api/v1/readings`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${twin.server.ingestToken}` },
      body: csv,
    });

    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'bad_request',
      message:
        "CSV body: unknown column 'scale' in the header; " +
        'columns are meter,ts,value,unit,kind,seq,serial',
    });
    expect(twin.server.store.readingOutcomes(METER)).toEqual({});
  });

  it('rejects an imported row with cells past the header, naming them, and imports the rest', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const csv = [
      'meter,time,value',
      `${METER},2026-01-10T10:00:00+08:00,10`,
      `${METER},2026-01-10T11:00:00+08:00,10400,L`,
      `${METER},2026-01-10T12:00:00+08:00,10.1,`,
    ].join('\n');
    const mapping = {
      format: 'long',
      columns: { meter: 'meter', time: 'time', value: 'value' },
      timeFormat: 'iso',
      zone: 'Asia/Shanghai',
      unit: 'm3',
    };

    const { body } = await postImport(twin, mapping, csv);

    expect(body.rejected.rows).toEqual([
      {
        line: 3,
        reason: "4 fields under a header of 3: cells past the header ('L') belong to no column",
      },
    ]);
    expect(allIntervals(twin, METER).map((iv) => iv.volumeL)).toEqual([100]);
  });
});
