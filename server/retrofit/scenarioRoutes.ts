import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../../models/errors';
import { parseScenario } from '../../models/retrofit';
import {
  MAX_SAVED_SCENARIOS,
  type SavedScenario,
  type SavedScenariosResponse,
} from '../../models/retrofitApi';
import type { Site } from '../../models/site';
import { ApiFailure } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import { describeIssues } from './retrofitRoutes';
import type { ScenarioStore } from './scenarioStore';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

export interface ScenarioRoutesOptions {
  readonly site: Site;
  readonly scenarios: ScenarioStore;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
}

/**
 * The planner's saved scenarios: `GET /api/v1/retrofit/scenarios` (readable by everyone, as
 * the planner is), and for engineers `PUT /api/v1/retrofit/scenarios/:id` (a scenario the
 * schema and the site accept, or a 400 naming each field, value and rule; nothing is written
 * then) and `DELETE /api/v1/retrofit/scenarios/:id`.
 */
export function scenarioRoutes({
  site,
  scenarios,
  sessions,
  logger,
}: ScenarioRoutesOptions): Router {
  const log = logger.child({ area: 'retrofit' });
  const router = express.Router();

  /** The id of a request, or a 400 naming it and the rule. */
  const idOf = (raw: unknown): string => {
    const id = String(raw);
    if (ID.test(id)) return id;
    const issues = [
      { path: 'params.id', value: id, rule: 'an id is 1–64 letters, digits or _ . : -' },
    ];
    throw new ApiFailure(400, ErrorCode.badRequest, describeIssues(issues), issues);
  };

  router.get('/api/v1/retrofit/scenarios', (_req, res) => {
    const body: SavedScenariosResponse = { scenarios: scenarios.list() };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.put(
    '/api/v1/retrofit/scenarios/:id',
    requireEngineer(sessions),
    express.json({ limit: '64kb' }),
    (req, res) => {
      const id = idOf(req.params.id);
      const parsed = parseScenario(req.body, site);
      if (!parsed.ok) {
        const issues = parsed.issues.slice(0, 20).map((i) => ({
          ...i,
          path: i.path === '(root)' ? 'body' : `body.${i.path}`,
        }));
        throw new ApiFailure(400, ErrorCode.invalidScenario, describeIssues(issues), issues);
      }
      if (!scenarios.has(id) && scenarios.count() >= MAX_SAVED_SCENARIOS) {
        const message = `at most ${MAX_SAVED_SCENARIOS} scenarios are kept; delete one first`;
        throw new ApiFailure(409, ErrorCode.conflict, message);
      }
      const created = scenarios.put(id, parsed.scenario);
      log.info({ scenarioId: id, created }, 'retrofit scenario saved');
      const body: SavedScenario = { id, scenario: parsed.scenario };
      res.status(created ? 201 : 200).json(body);
    },
  );

  router.delete('/api/v1/retrofit/scenarios/:id', requireEngineer(sessions), (req, res) => {
    const id = idOf(req.params.id);
    if (!scenarios.delete(id)) {
      throw new ApiFailure(
        404,
        ErrorCode.notFound,
        `no saved scenario with id ${JSON.stringify(id)}`,
      );
    }
    log.info({ scenarioId: id }, 'retrofit scenario deleted');
    res.status(204).end();
  });

  return router;
}
