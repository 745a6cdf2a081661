import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import { ErrorCode } from '../../models/errors';
import type { IngestResult } from '../../models/ingest';
import type { MqttConfig } from '../config';
import type { Twin } from '../twin';
import { parseMessage, RESULT_LEVEL } from './mqttPayload';
import { ingestValidated } from './readingsRoute';

export interface MqttIngestOptions {
  readonly twin: Twin;
  readonly config: MqttConfig;
  /** Folder where a generated client id is kept, so the broker session outlives restarts. */
  readonly dataDir: string;
  readonly logger: Logger;
}

/** Wall ms between reconnect attempts: short, since readings queue at the broker meanwhile. */
const RECONNECT_PERIOD_MS = 1000;

export interface MqttIngest {
  /** Whether the client is connected and its subscription granted. */
  readonly subscribed: boolean;
  /** Disconnects cleanly; the broker keeps the session and queues readings meanwhile. */
  close(): Promise<void>;
}

/**
 * The client id the broker keeps our session under: `MQTT_CLIENT_ID`, or one generated into
 * the data folder on first start. Generated rather than derived from the host or the path, so
 * two twins on one broker never share a session by accident.
 */
export function resolveClientId(fromEnv: string | undefined, dataDir: string): string {
  if (fromEnv !== undefined) return fromEnv;
  const file = path.join(dataDir, 'mqtt-client-id');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const id = `water-twin-${crypto.randomBytes(6).toString('hex')}`;
  fs.writeFileSync(file, `${id}\n`);
  return id;
}

/** The broker URL without its password, for logs. */
function redacted(url: string): string {
  const u = new URL(url);
  if (u.password !== '') u.password = '***';
  return u.toString();
}

/**
 * Takes readings from an MQTT broker: subscribes to `config.topic` at QoS 1 and runs each
 * message through the same validation and ingest as `POST /api/v1/readings`.
 *
 * Delivery: the session is persistent (`clean: false`, a stable client id), so the broker
 * queues QoS 1 messages while the twin is down or reconnecting. A message is acknowledged
 * (PUBACK) only after its readings are committed: mqtt.js sends the PUBACK of a QoS 1 message
 * when `handleMessage` calls back, and handles one message at a time, so the handler ingests
 * synchronously and calls back last. A crash before the commit leaves the message unacknowledged
 * and the broker delivers it again; storage is idempotent (sequence numbers, same time and
 * value), so at-least-once delivery stores each reading once. (`customHandleAcks` would do
 * too, but mqtt.js honours it only on MQTT 5, and reason codes reach only MQTT 5 publishers.)
 *
 * Invalid messages are logged and acknowledged, since delivering them again cannot fix them.
 * The answer to each message is published, QoS 0, to `<topic>/result`: `{ results }` as the
 * HTTP API answers, or `{ code, message }` when the message was invalid.
 */
export function startMqttIngest({ twin, config, dataDir, logger }: MqttIngestOptions): MqttIngest {
  const log = logger.child({ area: 'mqtt' });
  const clientId = resolveClientId(config.clientId, dataDir);
  const client: MqttClient = mqtt.connect(config.url, {
    clientId,
    clean: false,
    reconnectPeriod: RECONNECT_PERIOD_MS,
    // Subscribed on every connect below, so a changed MQTT_TOPIC applies to an old session.
    resubscribe: false,
    // A late answer for a message the broker will deliver again is noise.
    queueQoSZero: false,
    ...(config.username === undefined ? {} : { username: config.username }),
    ...(config.password === undefined ? {} : { password: config.password }),
  });
  let subscribed = false;
  let closing = false;
  /** Set when a commit failed: nothing more is taken on this connection. */
  let broken = false;
  /** Last connection error logged, so an outage logs once and not on every retry. */
  let lastError: string | null = null;

  // Lifecycle: subscribe on each connect; connection errors are retried, not fatal.
  client.on('connect', (connack) => {
    broken = false;
    lastError = null;
    log.info(
      { url: redacted(config.url), clientId, sessionPresent: connack.sessionPresent },
      'connected',
    );
    client.subscribe(config.topic, { qos: 1 }, (err, granted) => {
      const qos = granted?.[0]?.qos;
      if (err || qos === undefined || qos > 1) {
        log.error({ err, topic: config.topic, qos }, 'subscription refused');
        return;
      }
      subscribed = true;
      log.info({ topic: config.topic, qos }, 'subscribed');
    });
  });
  client.on('close', () => {
    if (subscribed && !closing)
      log.warn({ url: redacted(config.url) }, 'disconnected; reconnecting');
    subscribed = false;
  });
  client.on('error', (err) => {
    if (err.message === lastError) return;
    lastError = err.message;
    log.warn({ err, url: redacted(config.url) }, 'broker connection problem');
  });

  /** Publishes the answer to a message next to its topic; best effort (QoS 0). */
  const answer = (topic: string, body: unknown) => {
    if (!client.connected) return;
    client.publish(`${topic}/${RESULT_LEVEL}`, JSON.stringify(body), { qos: 0 });
  };

  // Messages: mqtt.js sends the PUBACK once this calls back, and not when it calls back with
  // an error, so the callback comes only after the commit.
  client.handleMessage = (packet: IPublishPacket, done: (err?: Error) => void) => {
    const { topic } = packet;
    if (broken) {
      done(new Error('connection dropped after a failed commit'));
      return;
    }
    if (topic.split('/').at(-1) === RESULT_LEVEL) {
      // Our own answers, under a filter such as `meters/#`.
      done();
      return;
    }

    const parsed = parseMessage(config.topic, topic, packet.payload as Uint8Array);
    if (!parsed.ok) {
      log.warn({ topic, reason: parsed.reason }, 'ignored an invalid message');
      answer(topic, { code: ErrorCode.badRequest, message: parsed.reason });
      done();
      return;
    }

    let results: IngestResult[];
    try {
      results = ingestValidated(twin, parsed.readings);
    } catch (err) {
      // Nothing was stored. Leave the message unacknowledged and drop the connection: the
      // broker delivers it again after the reconnect.
      broken = true;
      log.error({ err, topic }, 'could not store readings; the broker will deliver them again');
      client.stream.destroy();
      done(err as Error);
      return;
    }

    const rejected = results.filter((r) => r.status === 'rejected');
    if (rejected.length > 0) {
      log.warn({ topic, rejected: rejected.map((r) => `${r.meter}: ${r.reason}`) }, 'refused');
    }
    log.debug({ topic, count: results.length, qos: packet.qos }, 'readings');
    answer(topic, { results });
    done();
  };

  return {
    get subscribed() {
      return subscribed;
    },
    close: async () => {
      closing = true;
      await client.endAsync();
      log.info('closed');
    },
  };
}
