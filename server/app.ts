import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ALERT_STATUSES } from '../models/alert';
import { unmeteredM3PerDay } from '../models/complianceDefaults';
import { ErrorCode } from '../models/errors';
import { type MeterSummary, PROTOCOL_VERSION, type SeriesResponse } from '../models/protocol';
import type { ScorecardTemplate } from '../models/scorecard';
import type { WeatherYear } from '../models/weatherYear';
import type { AlertDesk } from './alerts/alertDesk';
import { alertRoutes } from './alerts/alertRoutes';
import {
  type DetectionSettingsStore,
  detectionSettingsRoutes,
} from './alerts/detectionSettingsRoutes';
import { ApiFailure } from './apiFailure';
import { complianceRoutes } from './compliance/routes';
import { periodScorecard, scorecardRoutes } from './compliance/scorecardRoutes';
import { ScoreStore } from './compliance/scoreStore';
import { complianceSettingsRoutes } from './compliance/settingsRoutes';
import { ComplianceSettingsStore } from './compliance/settingsStore';
import { meterEventsRoutes } from './engineer/meterEventsRoutes';
import { engineerRoutes } from './engineer/routes';
import { createEngineerSessions } from './engineer/session';
import { sqliteSessionKeeper } from './engineer/sessionStore';
import { importRoute } from './import/importRoute';
import { importPresetsRoute } from './import/presetsRoute';
import { readingsRoute } from './ingest/readingsRoute';
import { lobbyRoutes } from './lobby/routes';
import { SavingsCache } from './lobby/savings';
import { loadLobbySettings } from './lobby/settings';
import { buildIdOf, type LobbySources } from './lobby/view';
import { readLimit } from './readLimit';
import { retrofitRoutes } from './retrofit/retrofitRoutes';
import { scenarioRoutes } from './retrofit/scenarioRoutes';
import { ScenarioStore } from './retrofit/scenarioStore';
import { ShareLinks } from './share/links';
import { shareRoutes } from './share/routes';
import type { Store } from './store';
import type { Twin } from './twin';

const HOUR_MS = 3_600_000;
/** Longest range one series call returns, per step. */
const MAX_RANGE_MS = { hour: 62 * 24 * HOUR_MS, day: 800 * 24 * HOUR_MS } as const;

/** A time bound in the query string: epoch ms written as digits. */
const EpochMs = z
  .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be one value') })
  .regex(/^\d{1,15}$/, 'must be epoch milliseconds (digits only)')
  .transform(Number);

const SeriesQuery = z
  .object({
    from: EpochMs,
    to: EpochMs,
    step: z.enum(['hour', 'day']).default('hour'),
  })
  .refine((q) => q.to > q.from, { message: 'to must be after from', path: ['to'] });

export interface AppDeps {
  readonly twin: Twin;
  readonly store: Store;
  readonly logger: Logger;
  /** Folder of the built client; not served when absent. */
  readonly clientDir: string | null;
  /** Bearer token that writes (ingest) must present. */
  readonly ingestToken: string;
  /** Token an engineer signs in with (quarantine review, import, …). */
  readonly engineerToken: string;
  /** Leak alerts; the alert routes are mounted when given. */
  readonly alerts?: AlertDesk;
  /** The detectors' thresholds; their routes are mounted when given. */
  readonly detectionSettings?: DetectionSettingsStore;
  /** The weather year of the retrofit planner; its routes are mounted when given. */
  readonly weather?: WeatherYear;
  /** Secret that signs share links (kept in the data folder). */
  readonly shareSecret: string;
  /** The self-assessment template; the scorecard routes are mounted when given. */
  readonly scorecard?: ScorecardTemplate;
}

/** The twin's HTTP app, separate from `listen` so tests can mount it on port 0. */
export function createApp({
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
}: AppDeps): express.Express {
  const log = logger.child({ area: 'http' });
  const app = express();
  app.disable('x-powered-by');
  app.use('/api', readLimit());
  const meterIds = new Set(twin.site.meters.map((m) => m.id));
  // Engineer-only routes take `requireEngineer(sessions)` from ./engineer/session.
  const sessions = createEngineerSessions({
    token: engineerToken,
    keeper: sqliteSessionKeeper(store.database()),
  });

  app.get('/api/v1/health', (_req, res) => {
    const failure = twin.lastFailure;
    res.status(failure ? 503 : 200).json({
      status: failure ? 'degraded' : 'ok',
      ...(failure ? { error: `cannot store twin data: ${failure.message}` } : {}),
      protocol: PROTOCOL_VERSION,
      tick: twin.tick,
      twinTimeMs: twin.timeMs,
    });
  });

  app.get('/api/v1/site', (_req, res) => {
    const { tree } = twin;
    res.json({
      site: twin.site,
      meterTree: twin.site.meters.map((m) => ({
        id: m.id,
        parentId: tree.parentOf.get(m.id) ?? null,
        children: tree.childrenOf.get(m.id) ?? [],
        areaPipes: tree.areaPipes.get(m.id) ?? [],
        areaFixtures: tree.areaFixtures.get(m.id) ?? [],
      })),
    });
  });

  app.get('/api/v1/meters', (_req, res) => {
    const meters: MeterSummary[] = twin.site.meters.map((m) => ({
      id: m.id,
      serial: m.serial,
      level: m.level,
      parentId: twin.tree.parentOf.get(m.id) ?? null,
      serves: m.serves,
      source: twin.sourceOf.get(m.id) ?? 'ingest',
      ...twin.meterValues(m.id),
    }));
    res.json({ meters });
  });

  /** A known meter and a valid time range from a request, or the error that says why not. */
  const meterRange = (req: Request, what: 'hourly series' | 'daily series' | 'interval list') => {
    const meterId = String(req.params.id);
    if (!meterIds.has(meterId)) {
      const shown = shorten(JSON.stringify(meterId));
      throw new ApiFailure(404, ErrorCode.unknownMeter, `no meter with id ${shown}`);
    }
    const parsed = SeriesQuery.safeParse(req.query);
    if (!parsed.success) throw queryFailure(parsed.error, req.query);
    const { from, to, step } = parsed.data;
    const maxMs = what === 'daily series' ? MAX_RANGE_MS.day : MAX_RANGE_MS.hour;
    if (to - from > maxMs) {
      const days = maxMs / (24 * HOUR_MS);
      const message =
        `to - from = ${to - from} ms: ${what === 'interval list' ? 'an' : 'a'} ` +
        `${what} spans at most ${days} days`;
      throw new ApiFailure(400, ErrorCode.rangeTooLong, message);
    }
    return { meterId, from, to, step };
  };

  app.get('/api/v1/meters/:id/series', (req, res) => {
    const what = req.query.step === 'day' ? 'daily series' : 'hourly series';
    const { meterId, from, to, step } = meterRange(req, what);
    res.json(series(store, twin.site.timeZone, meterId, from, to, step));
  });

  app.get('/api/v1/meters/:id/intervals', (req, res) => {
    const { meterId, from, to } = meterRange(req, 'interval list');
    res.json({ meterId, intervals: store.intervals(meterId, from, to) });
  });

  app.use(readingsRoute({ twin, token: ingestToken, logger }));
  app.use(
    importRoute({
      twin,
      token: ingestToken,
      isEngineer: (req) => sessions.isEngineer(req),
      logger,
    }),
  );
  app.use(importPresetsRoute({ logger }));
  app.use(engineerRoutes({ twin, sessions, logger }));
  app.use(meterEventsRoutes({ twin, sessions, ingestToken, logger }));
  if (alerts) app.use(alertRoutes({ desk: alerts, sessions, logger }));
  if (detectionSettings) {
    app.use(detectionSettingsRoutes({ settings: detectionSettings, sessions, logger }));
  }
  if (weather) {
    app.use(retrofitRoutes({ twin, store, weather, logger }));
    const scenarios = new ScenarioStore(store.database(), logger);
    app.use(scenarioRoutes({ site: twin.site, scenarios, sessions, logger }));
  }
  const complianceSettings = new ComplianceSettingsStore(
    store,
    logger.child({ area: 'compliance' }),
  );
  const compliance = {
    site: twin.site,
    tree: twin.tree,
    source: store,
    alerts: () => alerts?.list(ALERT_STATUSES) ?? [],
    settings: {
      dischargeShare: () => complianceSettings.dischargeShare(),
      unmetered: (fromIso: string, toIso: string) => complianceSettings.unmetered(fromIso, toIso),
      // One steady known unmetered use for the lobby and the report: the lobby settings' one.
      steadyUnmeteredM3PerDay: () =>
        unmeteredM3PerDay(loadLobbySettings(store, twin.site).knownUnmeteredM3PerMonth),
    },
  };
  const scores = scorecard ? new ScoreStore(store.database()) : null;
  const periodCard = scorecard && scores ? periodScorecard(compliance, scorecard, scores) : null;
  app.use(complianceRoutes(compliance, logger, periodCard ? { scorecard: periodCard } : {}));
  app.use(complianceSettingsRoutes({ settings: complianceSettings, sessions, logger }));
  if (scorecard && scores) {
    app.use(scorecardRoutes({ inputs: compliance, template: scorecard, scores, sessions, logger }));
  }

  // The lobby display, the publicity show, their settings and the read-only share links.
  const links = new ShareLinks(store, shareSecret);
  const savings = new SavingsCache(twin.site, weather);
  const sources: LobbySources = {
    twin,
    store,
    knownUnmetered: complianceSettings,
    ...(alerts ? { alerts } : {}),
    buildId: buildIdOf(clientDir),
  };
  const shared = { sources, settingsStore: store, links, savings, sessions, logger };
  app.use(lobbyRoutes(shared));
  app.use(shareRoutes(shared));

  app.use('/api', (req) => {
    throw new ApiFailure(
      404,
      ErrorCode.notFound,
      `no API route ${req.method} ${req.originalUrl.split('?')[0]}`,
    );
  });

  // The built client, with its pages (/, /lobby, …) all served by index.html.
  if (clientDir && fs.existsSync(path.join(clientDir, 'index.html'))) {
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    // Missing files (a stale asset name, a typo) are 404s, not the app's page.
    app.get('/{*page}', (req, res) => {
      if (path.extname(req.path) !== '') {
        res.status(404).type('text/plain').send('not found');
        return;
      }
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(path.join(clientDir, 'index.html'));
    });
  }

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ApiFailure) {
      const issues = err.issues ? { issues: err.issues } : {};
      res.status(err.status).json({ code: err.code, message: err.message, ...issues });
      return;
    }
    // Body-parser errors carry a type and a status.
    const type = (err as { type?: string }).type;
    if (type === 'entity.too.large') {
      res.status(413).json({
        code: ErrorCode.payloadTooLarge,
        message:
          `body larger than this request accepts ` +
          `(${(err as { limit?: number }).limit ?? '?'} bytes); send smaller batches`,
      });
      return;
    }
    if (
      type === 'entity.parse.failed' ||
      type === 'encoding.unsupported' ||
      type === 'charset.unsupported'
    ) {
      res.status(400).json({
        code: ErrorCode.badRequest,
        message: `body must be a JSON object: ${(err as Error).message}`,
      });
      return;
    }
    // Other client errors (a malformed %-escape in the path, say) keep their 4xx status.
    const status = (err as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res
        .status(status)
        .json({ code: ErrorCode.badRequest, message: shorten((err as Error).message) });
      return;
    }
    log.error({ err }, 'request failed');
    res.status(500).json({ code: ErrorCode.internal, message: 'internal error' });
  });
  return app;
}

/** A 400 naming the first query field at fault, its value and the rule. */
function queryFailure(error: z.ZodError, query: unknown): ApiFailure {
  const issue = error.issues[0]!;
  const field = String(issue.path[0] ?? 'query');
  const value = (query as Record<string, unknown>)[field];
  const shown = value === undefined ? '(missing)' : shorten(JSON.stringify(value) ?? '');
  return new ApiFailure(400, ErrorCode.badRequest, `${field}=${shown}: ${issue.message}`);
}

/** Volumes to the microlitre: float sums print without noise such as 151.00000000000003. */
function roundL(volumeL: number | undefined): number | null {
  return volumeL === undefined ? null : Math.round(volumeL * 1e6) / 1e6;
}

/** Keeps echoed input short in error messages. */
export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** Hourly or daily volumes of a meter; buckets without data are null, never 0. */
export function series(
  store: Store,
  zone: string,
  meterId: string,
  fromMs: number,
  toMs: number,
  step: 'hour' | 'day',
): SeriesResponse {
  if (step === 'hour') {
    const startMs = Math.floor(fromMs / HOUR_MS) * HOUR_MS;
    const rows = new Map(store.hourly(meterId, startMs, toMs).map((r) => [r.hourMs, r.volumeL]));
    const points = [];
    for (let t = startMs; t < toMs; t += HOUR_MS)
      points.push({ tsMs: t, volumeL: roundL(rows.get(t)) });
    return { meterId, step, points };
  }

  // Days are cut at local midnight in the building's zone.
  const points = [];
  let day = DateTime.fromMillis(fromMs, { zone }).startOf('day');
  const rows = store.hourly(meterId, day.toMillis(), toMs);
  let r = 0;
  while (day.toMillis() < toMs) {
    const next = day.plus({ days: 1 });
    let sum: number | null = null;
    for (; r < rows.length && rows[r]!.hourMs < next.toMillis(); r++)
      sum = (sum ?? 0) + rows[r]!.volumeL;
    points.push({ tsMs: day.toMillis(), volumeL: roundL(sum ?? undefined) });
    day = next;
  }
  return { meterId, step, points };
}
