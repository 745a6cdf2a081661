import express, { type Router } from 'express';
import type { Logger } from 'pino';
import type { ComplianceReport, Ledger } from '../../models/compliance';
import { ErrorCode } from '../../models/errors';
import {
  type ScorecardResponse,
  type ScorecardTemplate,
  ScoreEntryBody,
} from '../../models/scorecard';
import { ApiFailure, fieldIssuesOf } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import { meteringUnits } from './coverage';
import { DayPeriod } from './period';
import { type ComplianceInputs, complianceLedger, complianceReport } from './report';
import { scorecard } from './scorecard';
import type { ScoreStore } from './scoreStore';

export interface ScorecardRoutesOptions {
  readonly inputs: ComplianceInputs;
  readonly template: ScorecardTemplate;
  readonly scores: ScoreStore;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
  /** Wall clock, epoch ms: when an entry was made. */
  readonly now?: () => number;
}

/** Scores a period's report and daily ledger with the template and the stored entries. */
export function periodScorecard(
  inputs: Pick<ComplianceInputs, 'site' | 'tree'>,
  template: ScorecardTemplate,
  scores: ScoreStore,
): (report: ComplianceReport, daily: Ledger) => ScorecardResponse {
  return (report, daily) => {
    const units = meteringUnits(inputs.site, inputs.tree);
    return scorecard(template, scores.all(), { site: inputs.site, report, daily, units });
  };
}

/**
 * `GET /api/v1/compliance/scorecard?from=&to=` (readable by all) and
 * `PUT /api/v1/compliance/scorecard/:itemId` (engineers: `{ points, note, by? }`).
 */
export function scorecardRoutes(options: ScorecardRoutesOptions): Router {
  const { inputs, template, scores, sessions, now = Date.now } = options;
  const log = options.logger.child({ area: 'compliance' });
  const router = express.Router();
  const itemById = new Map(template.items.map((i) => [i.id, i]));

  router.get('/api/v1/compliance/scorecard', (req, res) => {
    const parsed = DayPeriod.safeParse(req.query);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = String(issue.path[0] ?? 'query');
      const value = JSON.stringify((req.query as Record<string, unknown>)[field] ?? null);
      throw new ApiFailure(
        400,
        ErrorCode.badRequest,
        `query.${field}: ${value} — ${issue.message}`,
      );
    }
    const { from, to } = parsed.data;
    const report = complianceReport(inputs, from, to);
    const daily = complianceLedger(inputs, from, to, 'day');
    res.setHeader('Cache-Control', 'no-store');
    res.json(periodScorecard(inputs, template, scores)(report, daily));
  });

  router.put(
    '/api/v1/compliance/scorecard/:itemId',
    requireEngineer(sessions),
    express.json({ limit: '16kb' }),
    (req, res) => {
      const itemId = String(req.params.itemId);
      const item = itemById.get(itemId);
      if (!item) {
        throw new ApiFailure(
          404,
          ErrorCode.notFound,
          `no scorecard item ${JSON.stringify(itemId)}`,
        );
      }
      if (item.auto !== undefined) {
        throw new ApiFailure(
          409,
          ErrorCode.conflict,
          `item ${itemId} is scored from the twin's data`,
        );
      }
      const parsed = ScoreEntryBody.safeParse(req.body ?? {});
      const issues = parsed.success ? [] : fieldIssuesOf('body', req.body, parsed.error);
      if (parsed.success && parsed.data.points > item.points) {
        issues.push({
          path: 'body.points',
          value: parsed.data.points,
          rule: `at most ${item.points} points (item ${itemId})`,
        });
      }
      if (!parsed.success || issues.length > 0) {
        const first = issues[0]!;
        const message = `${first.path}: ${JSON.stringify(first.value)} — ${first.rule}`;
        throw new ApiFailure(400, ErrorCode.badRequest, message, issues);
      }
      const entry = {
        points: parsed.data.points,
        note: parsed.data.note,
        by: parsed.data.by ?? 'engineer',
        atMs: now(),
      };
      scores.put(itemId, entry);
      log.info({ item: itemId, points: entry.points }, 'self-assessment item scored');
      res.json({ itemId, entry });
    },
  );

  return router;
}
