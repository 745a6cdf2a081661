import express, { type Request, type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { ErrorCode } from '../../models/errors';
import type { MeterTree } from '../../models/meterTree';
import { parseScenario } from '../../models/retrofit';
import {
  DEFAULT_CALIBRATION_DAYS,
  MAX_CALIBRATION_DAYS,
  type RetrofitContextResponse,
} from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import type { WeatherYear } from '../../models/weatherYear';
import { projectScenario } from '../../simulations/retrofit/projection';
import { projectionToWire } from '../../simulations/retrofit/projectionWire';
import { ApiFailure } from '../apiFailure';
import { servedDefaults, servedUsageDefaults, weatherSummary } from './contextParts';
import { type MeteredSource, meteredPeriod } from './meteredPeriod';

export interface RetrofitRoutesOptions {
  readonly twin: { readonly site: Site; readonly tree: MeterTree; readonly timeMs: number | null };
  readonly store: MeteredSource;
  readonly weather: WeatherYear;
  readonly logger: Logger;
}

const DaysQuery = z.object({
  days: z.coerce
    .number({ message: 'must be a number of days' })
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .max(MAX_CALIBRATION_DAYS, `must be at most ${MAX_CALIBRATION_DAYS} days`)
    .default(DEFAULT_CALIBRATION_DAYS),
});

/**
 * The retrofit planner's API, readable by everyone (a projection changes nothing):
 * `GET /api/v1/retrofit/defaults[?days=]`, the context the browser projects with, and
 * `POST /api/v1/retrofit/projection[?days=]`, a scenario projected on the server with the
 * same pure code, calibrated to the metered totals of the `days` days before the twin's today.
 */
export function retrofitRoutes({ twin, store, weather, logger }: RetrofitRoutesOptions): Router {
  const log = logger.child({ area: 'retrofit' });
  const router = express.Router();
  const meterIds = twin.site.meters.map((m) => m.id);
  const summary = weatherSummary(weather);

  /** The period of a request, or a 400 naming the value and the rule. */
  const daysOf = (req: Request): number => {
    const parsed = DaysQuery.safeParse(req.query);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({
        path: 'query.days',
        value: (req.query as Record<string, unknown>).days ?? null,
        rule: issue.message,
      }));
      throw new ApiFailure(400, ErrorCode.badRequest, describeIssues(issues), issues);
    }
    return parsed.data.days;
  };
  const metered = (days: number) =>
    meteredPeriod(store, meterIds, twin.site.timeZone, twin.timeMs, days);

  router.get('/api/v1/retrofit/defaults', (req, res) => {
    const body: RetrofitContextResponse = {
      defaults: servedDefaults(),
      usageDefaults: servedUsageDefaults(),
      weather,
      weatherSummary: summary,
      metered: metered(daysOf(req)),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.post('/api/v1/retrofit/projection', express.json({ limit: '64kb' }), (req, res) => {
    const days = daysOf(req);
    const parsed = parseScenario(req.body, twin.site);
    if (!parsed.ok) {
      // At most 20 issues, so a body of thousands of bad rows gets a short answer.
      const issues = parsed.issues.slice(0, 20).map((i) => ({
        ...i,
        path: i.path === '(root)' ? 'body' : `body.${i.path}`,
      }));
      throw new ApiFailure(400, ErrorCode.invalidScenario, describeIssues(issues), issues);
    }
    const context = metered(days);
    const startMs = performance.now();
    const projection = projectScenario({
      site: twin.site,
      scenario: parsed.scenario,
      weather,
      ...(context?.period ? { metered: context.period } : {}),
    });
    const durationMs = Math.round(performance.now() - startMs);
    log.info({ scenario: parsed.scenario.name, days, durationMs }, 'projection');
    res.json({ projection: projectionToWire(projection), metered: context });
  });

  return router;
}

/** The first issue in words, for the message beside the structured list. */
export function describeIssues(
  issues: ReadonlyArray<{ path: string; value: unknown; rule: string }>,
) {
  const first = issues[0];
  if (!first) return 'invalid request';
  const value = JSON.stringify(first.value) ?? 'missing';
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first.path}: ${shown} — ${first.rule}${more}`;
}
