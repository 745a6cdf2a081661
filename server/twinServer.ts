import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Logger } from 'pino';
import type { MeterTree } from '../models/meterTree';
import type { ClockInfo } from '../models/protocol';
import { parseWeatherYearCsv } from '../models/weatherYear';
import { KNOWN_HOLIDAY_YEARS } from '../simulations/calendar';
import { createDemandModel } from '../simulations/demand';
import { NO_FAULTS } from '../simulations/faults';
import { AlertDesk } from './alerts/alertDesk';
import { AlertStore } from './alerts/alertStore';
import { DetectionRunner } from './alerts/detectionRunner';
import { DetectionSettingsStore } from './alerts/detectionSettingsRoutes';
import { createApp } from './app';
import { type Clock, liveClock, replayClock } from './clock';
import { loadScorecardTemplate } from './compliance/scoreStore';
import { type Config, SAMPLE_WEATHER, SAMPLE_WEATHER_SOURCE } from './config';
import { type DataDirLock, lockDataDir } from './dataDirLock';
import { resolveEngineerToken } from './engineer/session';
import { withDemandFaults, withReplayFaults } from './faultSources';
import { type MqttIngest, startMqttIngest } from './ingest/mqttIngest';
import { resolveToken } from './ingest/token';
import { attachRealtime, type TwinIo } from './realtime';
import { loadFaultPlan } from './scenarioLoader';
import { loadSiteFile } from './siteLoader';
import { parseDaiadCsv } from './sources/daiadCsv';
import { loadReplayMapping } from './sources/replayMapping';
import { createReplaySource } from './sources/replaySource';
import { Store } from './store';
import { type ReplayFeed, Twin } from './twin';

const HOUR_MS = 3_600_000;
/** Store key of the twin time fault scenarios count from. */
const FAULT_ANCHOR_KEY = 'faultAnchorMs';

export interface TwinServer {
  readonly twin: Twin;
  /** Bearer token for `POST /api/v1/readings`. */
  readonly ingestToken: string;
  /** Token an engineer signs in with (`POST /api/v1/session`). */
  readonly engineerToken: string;
  readonly store: Store;
  /** Leak alerts: stored, served over HTTP and Socket.IO. */
  readonly alerts: AlertDesk;
  readonly io: TwinIo;
  readonly http: http.Server;
  /** MQTT ingest; null when `MQTT_URL` is unset. */
  readonly mqtt: MqttIngest | null;
  /** Listens on the configured port (0 picks a free one) and returns the port. */
  listen(): Promise<number>;
  /** Starts stepping the twin every `tickMs` from the clock. */
  startTicking(): void;
  close(): Promise<void>;
}

/** Builds the recorded-data feed from the mapping file next to the recorded file. */
function loadReplay(mappingPath: string, meterIds: ReadonlySet<string>, zone: string): ReplayFeed {
  const mapping = loadReplayMapping(mappingPath);
  for (const entry of mapping.meters) {
    if (!meterIds.has(entry.meterId)) {
      throw new Error(
        `${mappingPath}: meters[].meterId ${JSON.stringify(entry.meterId)} is not a meter of ` +
          `the site`,
      );
    }
  }
  const file = path.resolve(path.dirname(mappingPath), mapping.file);
  const parsed = parseDaiadCsv(fs.readFileSync(file, 'utf8'), mapping.zone);
  const source = createReplaySource({ parsed, mapping, buildingZone: zone });
  return {
    meterIds: new Set(mapping.meters.map((m) => m.meterId)),
    readingsBetween: (fromMs, toMs) => source.readingsBetween(fromMs, toMs),
  };
}

/** Opens the store in the data folder, with errors that name the folder or file at fault. */
function openStore(dataDir: string): Store {
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new Error(`DATA_DIR ${dataDir} is not a folder`);
  }
  const file = path.join(dataDir, 'twin.sqlite');
  try {
    return new Store(file);
  } catch (err) {
    throw new Error(`cannot open the store ${file}: ${(err as Error).message}`);
  }
}

/**
 * Wires the twin from its configuration: site, store, sources, clock, HTTP and Socket.IO.
 * Throws (before listening) when the site file or the replay mapping is invalid.
 */
export function createTwinServer(
  config: Config,
  logger: Logger,
  wall: () => number = Date.now,
): TwinServer {
  // One writer per data folder; the lock goes with close() or with a start that fails.
  const lock = lockDataDir(config.dataDir, 'a running twin');
  try {
    return wireTwinServer(config, logger, wall, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

function wireTwinServer(
  config: Config,
  logger: Logger,
  wall: () => number,
  lock: DataDirLock,
): TwinServer {
  const { site, tree } = loadSiteFile(config.sitePath);
  const scorecard = loadScorecardTemplate(config.scorecardPath);
  const store = openStore(config.dataDir);
  const meterIds = new Set(site.meters.map((m) => m.id));
  const recorded = config.sources.replay
    ? loadReplay(config.replayMappingPath, meterIds, site.timeZone)
    : null;
  const simulated = config.sources.sim
    ? createDemandModel(site, tree, { seed: config.seed, backgroundLeakLps: 0.01 })
    : null;

  // Where a new twin's clock starts; fault times count from it, kept for every restart.
  const firstStartMs =
    store.kv<number>(FAULT_ANCHOR_KEY) ??
    store.kv<number>('lastMs') ??
    config.clock.startMs ??
    Math.floor(wall() / HOUR_MS) * HOUR_MS;
  const faults = config.scenarioPath
    ? loadFaultPlan(config.scenarioPath, site, tree, {
        anchorMs: firstStartMs,
        recordedMeters: recorded?.meterIds ?? new Set(),
      })
    : NO_FAULTS;
  const replay = recorded && withReplayFaults(recorded, faults);
  const demand = simulated && withDemandFaults(simulated, faults);
  const twin = new Twin({
    site,
    tree,
    store,
    replay,
    demand,
    faults,
    logger: logger.child({ area: 'twin' }),
  });

  const clockInfo: ClockInfo =
    config.clock.mode === 'live' ? { mode: 'live' } : { mode: 'replay', speed: config.clock.speed };

  const clientDir = path.resolve('dist/client');
  const ingestToken = resolveToken(config.ingestToken, config.dataDir, 'ingest-token', logger);
  const engineerToken = resolveEngineerToken(config.engineerToken, config.dataDir, logger);
  const alerts = new AlertDesk({
    store: new AlertStore(store.database()),
    tariff: site.tariff,
    nowMs: () => twin.timeMs,
    logger: logger.child({ area: 'alerts' }),
  });
  const weather = parseWeatherYearCsv(
    fs.readFileSync(path.resolve(SAMPLE_WEATHER), 'utf8'),
    SAMPLE_WEATHER_SOURCE,
  );
  const detectionSettings = new DetectionSettingsStore(store, logger.child({ area: 'detect' }));
  // Signs the read-only share links; kept in the data folder so links outlive restarts.
  const shareSecret = resolveToken(
    undefined,
    config.dataDir,
    'share-secret',
    logger,
    'it signs the public share links; keep it private (a new one invalidates every link)',
  );
  const app = createApp({
    twin,
    store,
    logger,
    clientDir,
    ingestToken,
    engineerToken,
    alerts,
    detectionSettings,
    weather,
    shareSecret,
    scorecard,
  });
  const server = http.createServer(app);
  const io = attachRealtime(server, twin, clockInfo, logger, alerts);

  // Detectors run after the step that crosses each twin hour (after its tick is sent).
  const runner = new DetectionRunner({
    site,
    tree,
    db: store.database(),
    intervals: (meterId, fromMs, toMs) => store.intervals(meterId, fromMs, toMs),
    desk: alerts,
    logger,
    lumpySources: lumpySources(tree, twin.sourceOf),
    thresholds: () => detectionSettings.get(),
  });
  twin.onTick((tick) => runner.stepped(tick.tsMs));
  const mqtt = config.mqtt
    ? startMqttIngest({ twin, config: config.mqtt, dataDir: config.dataDir, logger })
    : null;
  let timer: NodeJS.Timeout | null = null;

  return {
    twin,
    ingestToken,
    engineerToken,
    store,
    alerts,
    io,
    http: server,
    mqtt,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : config.port);
        });
      }),
    startTicking() {
      if (timer) return;

      // A new store starts at the configured time with some days of history; an old one
      // resumes where it stopped. This runs once the port is ours, so a start that cannot
      // listen writes nothing.
      if (store.kv(FAULT_ANCHOR_KEY) === undefined) {
        store.setKv(FAULT_ANCHOR_KEY, firstStartMs);
      }
      let startMs = twin.timeMs ?? firstStartMs;
      if (twin.timeMs === null && config.backfillDays > 0) {
        const from = startMs - config.backfillDays * 24 * HOUR_MS;
        twin.step(from);
        for (let t = from + HOUR_MS; t <= startMs; t += HOUR_MS) twin.step(t);
        startMs = twin.timeMs ?? startMs;
        logger.info({ days: config.backfillDays, tick: twin.tick }, 'backfilled history');
      }
      const clock: Clock =
        config.clock.mode === 'live'
          ? liveClock(wall)
          : replayClock(startMs, config.clock.speed, wall);
      twin.runBy(clock);
      logger.info(
        { twinTime: new Date(clock.nowMs()).toISOString(), tick: twin.tick },
        'twin clock running',
      );

      let warnedCalendar = false;
      timer = setInterval(() => {
        try {
          const nowMs = clock.nowMs();
          if (
            demand &&
            !warnedCalendar &&
            new Date(nowMs).getUTCFullYear() > KNOWN_HOLIDAY_YEARS.last
          ) {
            warnedCalendar = true;
            logger.warn(
              { year: new Date(nowMs).getUTCFullYear() },
              `the simulator knows China's holidays up to ${KNOWN_HOLIDAY_YEARS.last}; later ` +
                `years use Monday–Friday`,
            );
          }
          twin.step(nowMs);
        } catch (err) {
          logger.error({ err }, 'step failed');
        }
      }, config.tickMs);
    },
    close: async () => {
      if (timer) clearInterval(timer);
      // Stop taking readings before the store they go to closes.
      await mqtt?.close();
      // A client's open keep-alive connection (a lobby screen polling) must not hold the stop:
      // what has not closed within a second is cut.
      const cut = setTimeout(() => server.closeAllConnections(), 1000);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      clearTimeout(cut);
      store.close();
      lock.release();
    },
  };
}

/**
 * For each simulated meter, the recorded or ingested meters below it, reached through
 * simulated meters only: their volumes reach it in their own reporting steps.
 */
function lumpySources(
  tree: MeterTree,
  sourceOf: ReadonlyMap<string, string>,
): Map<string, string[]> {
  const below = (id: string): string[] =>
    (tree.childrenOf.get(id) ?? []).flatMap((child) =>
      sourceOf.get(child) === 'sim' ? below(child) : [child],
    );
  return new Map(
    tree.order.filter((id) => sourceOf.get(id) === 'sim').map((id) => [id, below(id)]),
  );
}
