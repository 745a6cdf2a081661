import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Mosquitto, startMosquitto } from '../support/mosquitto';
import { startTestTwin, type TestTwin, tempDataDir, until } from '../support/testTwin';

const METER = 'M3-office-f3'; // register in m³
const TOPIC = `meters/${METER}/reading`;

let broker: Mosquitto;
let twin: TestTwin | null = null;
let publisher: MqttClient | null = null;

beforeAll(async () => {
  broker = await startMosquitto();
});

afterAll(async () => {
  await broker?.dispose();
});

afterEach(async () => {
  await publisher?.endAsync(true);
  publisher = null;
  await twin?.server.close();
  twin = null;
});

/** The twin with MQTT ingest from the test broker; meters take outside readings. */
async function startTwin(dataDir = tempDataDir()): Promise<TestTwin> {
  return startTestTwin({ TWIN_SOURCES: 'none', MQTT_URL: broker.url, DATA_DIR: dataDir });
}

/** A sender that records the twin's answers (`<topic>/result`) in arrival order. */
async function connectPublisher() {
  const client = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
  const answers: unknown[] = [];
  client.on('message', (_topic, payload) => answers.push(JSON.parse(payload.toString())));
  await client.subscribeAsync('meters/+/reading/result', { qos: 0 });
  publisher = client;
  return { client, answers };
}

/** Publishes at QoS 1; resolves once the broker has the message (its PUBACK). */
async function publish(client: MqttClient, payload: unknown, topic = TOPIC): Promise<void> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  await client.publishAsync(topic, body, { qos: 1 });
}

/** A reading of the test meter at 2026-03-01 `hhmm` local time, in m³. */
function reading(hhmm: string, value: number, seq?: number) {
  return {
    meter: METER,
    ts: `2026-03-01T${hhmm.slice(0, 2)}:${hhmm.slice(2)}:00+08:00`,
    value,
    unit: 'm3',
    kind: 'register',
    ...(seq === undefined ? {} : { seq }),
  };
}

async function volumes(): Promise<number[]> {
  const from = Date.parse('2026-02-28T00:00:00Z');
  const to = Date.parse('2026-03-02T00:00:00Z');
  const res = await fetch(`${twin!.url}/api/v1/meters/${METER}/intervals?from=${from}&to=${to}`);
  const body = (await res.json()) as { intervals: Array<{ volumeL: number }> };
  return body.intervals.map((i) => i.volumeL);
}

/** Polls the intervals API until it shows `expected` litres, or fails after the deadline. */
async function untilVolumes(expected: number[], timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await volumes();
    if (JSON.stringify(got) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) {
      throw new Error(`intervals ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('MQTT ingest', () => {
  it('stores readings published at QoS 1, taking the meter from the topic when left out', async () => {
    twin = await startTwin();
    await until(() => twin!.server.mqtt!.subscribed);
    const { client, answers } = await connectPublisher();

    const { meter: _, ...withoutMeter } = reading('1000', 5.0);
    await publish(client, withoutMeter);
    await publish(client, { readings: [reading('1005', 5.012)] });

    await untilVolumes([12]);
    await until(() => answers.length === 2);
    expect(answers).toEqual([
      { results: [{ index: 0, meter: METER, status: 'accepted' }] },
      { results: [{ index: 0, meter: METER, status: 'accepted' }] },
    ]);
  });

  it('stores a message delivered twice once (at-least-once in, exactly-once stored)', async () => {
    twin = await startTwin();
    await until(() => twin!.server.mqtt!.subscribed);
    const { client, answers } = await connectPublisher();

    await publish(client, reading('1000', 5.0, 101));
    await publish(client, reading('1005', 5.012, 102));
    await publish(client, reading('1005', 5.012, 102));
    await publish(client, reading('1010', 5.02));
    await publish(client, reading('1010', 5.02));

    await until(() => answers.length === 5);
    expect(
      answers.map((a) => (a as { results: Array<{ status: string }> }).results[0]!.status),
    ).toEqual(['accepted', 'accepted', 'duplicate', 'accepted', 'duplicate']);
    expect(await volumes()).toEqual([12, 8]);
    const outcomes = twin.server.store.readingOutcomes(METER);
    expect((outcomes.first ?? 0) + (outcomes.booked ?? 0)).toBe(3);
  });

  it('ignores invalid messages, stores nothing from them and keeps serving', async () => {
    twin = await startTwin();
    await until(() => twin!.server.mqtt!.subscribed);
    const { client, answers } = await connectPublisher();

    await publish(client, 'not json {');
    await publish(client, { ...reading('1000', 5.0), value: 'five' });
    await publish(client, { readings: [] });
    await publish(client, reading('1000', 5.0), 'meters/M3-office-f1/reading');
    await publish(client, {
      readings: [reading('1000', 5.0), { ...reading('1005', 5.012), x: 1 }],
    });
    await publish(client, reading('1100', 6.0));

    await until(() => answers.length === 6);
    expect(answers.slice(0, 5).map((a) => (a as { code: string }).code)).toEqual(
      Array(5).fill('bad_request'),
    );
    expect((answers[3] as { message: string }).message).toBe(
      'payload names meter "M3-office-f3", the topic "M3-office-f1"',
    );
    expect(answers[5]).toEqual({ results: [{ index: 0, meter: METER, status: 'accepted' }] });
    expect(twin.server.store.readingOutcomes(METER)).toEqual({ first: 1 });
    expect(twin.server.store.readingOutcomes('M3-office-f1')).toEqual({});
    expect((await fetch(`${twin.url}/api/v1/health`)).status).toBe(200);
  });

  it('reconnects by itself when the broker restarts', async () => {
    twin = await startTwin();
    const ingest = twin.server.mqtt!;
    await until(() => ingest.subscribed);
    let { client } = await connectPublisher();
    await publish(client, reading('1000', 5.0));

    await broker.stop();
    await until(() => !ingest.subscribed);
    await broker.start();
    await client.endAsync(true);
    ({ client } = await connectPublisher());
    await publish(client, reading('1005', 5.012));

    await untilVolumes([12]);
    await until(() => ingest.subscribed);
  });

  it('serves and closes while the broker is unreachable', async () => {
    await broker.stop();
    try {
      twin = await startTwin();

      const health = await fetch(`${twin.url}/api/v1/health`);
      await twin.server.close();
      twin = null;

      expect(health.status).toBe(200);
    } finally {
      await broker.start();
    }
  });

  it('stores what was published while the twin was down (persistent session)', async () => {
    const dataDir = tempDataDir();
    twin = await startTwin(dataDir);
    await until(() => twin!.server.mqtt!.subscribed);
    await twin.server.close();
    twin = null;

    const { client } = await connectPublisher();
    await publish(client, reading('1000', 5.0, 1));
    await publish(client, reading('1005', 5.012, 2));
    twin = await startTwin(dataDir);

    await untilVolumes([12]);
  });

  it('acknowledges only after the commit: a failed commit is delivered again', async () => {
    twin = await startTwin();
    const live = twin.server.twin;
    await until(() => twin!.server.mqtt!.subscribed);
    const { client } = await connectPublisher();
    await publish(client, reading('1000', 5.0, 1));
    await until(() => twin!.server.store.readingOutcomes(METER).first === 1);

    // The next commit fails as a full disk would; nothing of it is stored.
    const ingest = live.ingestReadings.bind(live);
    let failures = 0;
    live.ingestReadings = (readings) => {
      if (failures === 0) {
        failures += 1;
        throw new Error('disk I/O error');
      }
      return ingest(readings);
    };
    await publish(client, reading('1005', 5.012, 2));

    await untilVolumes([12]);
    expect(failures).toBe(1);
    expect(twin.server.store.readingOutcomes(METER)).toEqual({ first: 1, booked: 1 });
  });
});
