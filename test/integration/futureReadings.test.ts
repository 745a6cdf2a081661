import { afterEach, describe, expect, it } from 'vitest';
import { allIntervals, postImport } from '../support/importApi';
import { postReadings } from '../support/ingestApi';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const METER = 'M2-laundry'; // register in m³
const START = '2026-07-01T00:00:00+08:00';
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

/** A twin fed from outside only, whose time has reached `START`. */
async function twinAtStart(): Promise<TestTwin> {
  const started = await startTestTwin({ TWIN_SOURCES: 'none', TWIN_START: START });
  started.server.twin.step(Date.parse(START));
  return started;
}

async function post(readings: unknown[]) {
  return postReadings(twin!, readings);
}

const register = (ts: string | number, value: number) => ({
  meter: METER,
  ts,
  value,
  unit: 'm3',
  kind: 'register',
});

describe('readings timed after twin time', () => {
  it('refuses a reading from the future, and the meter goes on taking real ones', async () => {
    twin = await twinAtStart();

    const future = await post([register('2099-01-01T03:00:00+08:00', 10.4)]);
    const real = await post([
      register('2026-06-30T23:00:00+08:00', 10),
      register('2026-07-01T00:00:00+08:00', 10.1),
    ]);

    expect(future.body.results).toEqual([
      {
        index: 0,
        meter: METER,
        status: 'rejected',
        reason: 'future',
        detail:
          'reading time 2098-12-31T19:00:00.000Z is later than twin time ' +
          '2026-06-30T16:00:00.000Z plus 15 min of clock tolerance',
      },
    ]);
    expect(real.body.results).toEqual([
      { index: 0, meter: METER, status: 'accepted' },
      { index: 1, meter: METER, status: 'accepted' },
    ]);
    expect(allIntervals(twin, METER).map((iv) => iv.volumeL)).toEqual([100]);
    expect(twin.server.store.readingOutcomes(METER)).toEqual({ booked: 1, first: 1 });
  });

  it('takes a reading up to 15 minutes ahead of twin time, for meter clock drift', async () => {
    twin = await twinAtStart();

    const { body } = await post([
      register('2026-07-01T00:15:00+08:00', 10),
      register('2026-07-01T00:15:01+08:00', 10.1),
    ]);

    expect(body.results?.map((r) => r.status)).toEqual(['accepted', 'rejected']);
  });

  it('reports future rows of an imported file as refused, with their lines, and stores none', async () => {
    twin = await twinAtStart();
    const csv = [
      'meter,time,value',
      `${METER},2026-06-30T22:00:00+08:00,10`,
      `${METER},2099-01-01T03:00:00+08:00,10.4`,
      `${METER},2026-06-30T23:00:00+08:00,10.1`,
    ].join('\n');
    const mapping = {
      format: 'long',
      columns: { meter: 'meter', time: 'time', value: 'value' },
      timeFormat: 'iso',
      zone: 'Asia/Shanghai',
      unit: 'm3',
    };

    const { status, body } = await postImport(twin, mapping, csv);

    expect(status).toBe(200);
    expect(body.rejected.rows).toEqual([
      {
        line: 3,
        reason:
          'future: reading time 2098-12-31T19:00:00.000Z is later than twin time ' +
          '2026-06-30T16:00:00.000Z plus 15 min of clock tolerance',
      },
    ]);
    expect(allIntervals(twin, METER).map((iv) => iv.volumeL)).toEqual([100]);
  });
});
