import path from 'node:path';
import { z } from 'zod';

/** Where the sample site and the replay mapping ship. */
export const SAMPLE_SITE = 'samples/sites/county-water-bureau.json';
export const SAMPLE_REPLAY_MAPPING = 'samples/replay-mapping.json';
/** The shipped fault scenario: one scripted leak a new user sees detected. */
export const SAMPLE_SCENARIO = 'samples/scenarios/default.json';
/** The weather year of the retrofit planner (rain for tanks and irrigation). */
export const SAMPLE_WEATHER = 'samples/weather/shenyang-2013-daily.csv';
export const SAMPLE_WEATHER_SOURCE = 'Shenyang 2013 (UCI PM2.5 five cities)';
/** The self-assessment template (replace it when the official scoring table is issued). */
export const SAMPLE_SCORECARD = 'samples/compliance/scorecard-template.json';

const Sources = z
  .string()
  .refine((s) => s.trim() !== '', 'is empty; write none to run without sources')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x !== ''),
  )
  .pipe(z.array(z.enum(['replay', 'sim', 'none'], 'lists replay, sim or none, comma-separated')))
  .refine((list) => !(list.includes('none') && list.length > 1), 'none cannot be combined')
  .transform((list) => ({ replay: list.includes('replay'), sim: list.includes('sim') }));

/** Whether `filter` is a valid MQTT subscription: wildcards fill whole levels, `#` ends it. */
function isTopicFilter(filter: string): boolean {
  const levels = filter.split('/');
  return levels.every(
    (level, i) =>
      (level === '+' || !level.includes('+')) &&
      (level === '#' ? i === levels.length - 1 : !level.includes('#')),
  );
}

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  TWIN_SITE: z.string().min(1).default(SAMPLE_SITE),
  TWIN_REPLAY_MAPPING: z.string().min(1).default(SAMPLE_REPLAY_MAPPING),
  TWIN_SOURCES: Sources.default({ replay: true, sim: true }),
  /** Fault scenario file injected into the sources; `none` runs without faults. */
  TWIN_SCENARIO: z.string().min(1).default(SAMPLE_SCENARIO),
  /** Self-assessment scorecard template. */
  TWIN_SCORECARD: z.string().min(1).default(SAMPLE_SCORECARD),
  /** Twin ms per wall ms; 3600 plays one recorded hour per second. */
  TWIN_REPLAY_SPEED: z.coerce.number().positive().max(1_000_000).default(3600),
  /**
   * `replay` runs twin time at TWIN_REPLAY_SPEED from TWIN_START; `live` follows the wall clock.
   */
  TWIN_CLOCK: z.enum(['replay', 'live']).default('replay'),
  /** ISO time where a new twin's clock starts; default: the current hour. */
  TWIN_START: z
    .string()
    .refine((v) => z.iso.datetime({ offset: true }).safeParse(v).success, {
      message: 'must be an ISO time with an offset, e.g. 2026-07-01T00:00:00+08:00',
    })
    .refine((v) => {
      const year = new Date(v).getUTCFullYear();
      return year >= 2000 && year <= 2099;
    }, 'must lie in the years 2000–2099')
    .optional(),
  /** Wall ms between ticks. */
  TWIN_TICK_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** Days of history a new store is filled with before the first tick. */
  TWIN_BACKFILL_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  TWIN_SEED: z.coerce.number().int().default(20190315),
  /** Bearer token for writes; generated into DATA_DIR/ingest-token when unset. */
  TWIN_INGEST_TOKEN: z.string().min(16, 'a token of at least 16 characters').optional(),
  /** Engineer sign-in token; generated into DATA_DIR/engineer-token when unset. */
  TWIN_ENGINEER_TOKEN: z.string().min(16, 'a token of at least 16 characters').optional(),
  /** Broker to take readings from, e.g. `mqtt://127.0.0.1:1883`; no MQTT ingest when unset. */
  MQTT_URL: z
    .url({
      protocol: /^(mqtts?|wss?)$/,
      hostname: /^.+$/,
      message: 'an mqtt://, mqtts://, ws:// or wss:// URL with a host',
    })
    .optional(),
  /** Subscription; a `+` level is the meter id (see server/ingest/mqttIngest.ts). */
  MQTT_TOPIC: z
    .string()
    .min(1)
    .refine(isTopicFilter, 'an MQTT topic filter: + and # stand alone, # only last')
    .default('meters/+/reading'),
  MQTT_USERNAME: z.string().min(1).optional(),
  MQTT_PASSWORD: z.string().min(1).optional(),
  /** Broker session id; generated into DATA_DIR/mqtt-client-id when unset. */
  MQTT_CLIENT_ID: z.string().min(1).max(128).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export type MqttConfig = {
  url: string;
  topic: string;
  username: string | undefined;
  password: string | undefined;
  clientId: string | undefined;
};

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  sitePath: string;
  replayMappingPath: string;
  sources: { replay: boolean; sim: boolean };
  /** Fault scenario file; null runs without faults. */
  scenarioPath: string | null;
  /** Self-assessment scorecard template file. */
  scorecardPath: string;
  clock: { mode: 'replay' | 'live'; speed: number; startMs: number | null };
  tickMs: number;
  backfillDays: number;
  seed: number;
  ingestToken: string | undefined;
  engineerToken: string | undefined;
  /** MQTT ingest; null when `MQTT_URL` is unset. */
  mqtt: MqttConfig | null;
  logLevel: string | undefined;
};

/** Reads the configuration from environment variables; throws naming the variable at fault. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = String(i.path[0] ?? '');
      return `${name}=${JSON.stringify(env[name])}: ${i.message}`;
    });
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    sitePath: path.resolve(e.TWIN_SITE),
    replayMappingPath: path.resolve(e.TWIN_REPLAY_MAPPING),
    sources: e.TWIN_SOURCES,
    scenarioPath: e.TWIN_SCENARIO === 'none' ? null : path.resolve(e.TWIN_SCENARIO),
    scorecardPath: path.resolve(e.TWIN_SCORECARD),
    clock: {
      mode: e.TWIN_CLOCK,
      speed: e.TWIN_CLOCK === 'live' ? 1 : e.TWIN_REPLAY_SPEED,
      startMs: e.TWIN_START === undefined ? null : Date.parse(e.TWIN_START),
    },
    tickMs: e.TWIN_TICK_MS,
    backfillDays: e.TWIN_BACKFILL_DAYS,
    seed: e.TWIN_SEED,
    ingestToken: e.TWIN_INGEST_TOKEN,
    engineerToken: e.TWIN_ENGINEER_TOKEN,
    mqtt:
      e.MQTT_URL === undefined
        ? null
        : {
            url: e.MQTT_URL,
            topic: e.MQTT_TOPIC,
            username: e.MQTT_USERNAME,
            password: e.MQTT_PASSWORD,
            clientId: e.MQTT_CLIENT_ID,
          },
    logLevel: e.LOG_LEVEL,
  };
}
