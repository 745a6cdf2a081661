import express, { type Router } from 'express';
import type { Logger } from 'pino';
import {
  type ComplianceSettingsResponse,
  DischargeSharesPatch,
  dischargeShareViews,
  KnownUnmeteredUseBody,
} from '../../models/complianceSettings';
import { ErrorCode } from '../../models/errors';
import { ApiFailure, type FieldIssue, fieldIssuesOf } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import { DayPeriod } from './period';
import type { ComplianceSettingsStore } from './settingsStore';

export interface ComplianceSettingsRoutesOptions {
  readonly settings: ComplianceSettingsStore;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
  /** Wall clock, epoch ms: when an entry was made. */
  readonly now?: () => number;
}

function refuse(issues: readonly FieldIssue[]): never {
  const first = issues[0]!;
  const message = `${first.path}: ${JSON.stringify(first.value)} — ${first.rule}`;
  throw new ApiFailure(400, ErrorCode.badRequest, message, issues);
}

/**
 * The compliance report's engineer settings. Readable by all:
 * `GET /api/v1/compliance/settings` (discharge shares with default, source and status) and
 * `GET /api/v1/compliance/unmetered?from=&to=`. Engineers only: `PATCH …/settings`
 * (`{ dischargeShare: { canteen: 0.8, sanitary: null } }`, null restores the default),
 * `POST …/unmetered` (`{ dateIso, m3, note, by? }`) and `DELETE …/unmetered/:id`.
 */
export function complianceSettingsRoutes(options: ComplianceSettingsRoutesOptions): Router {
  const { settings, sessions, now = Date.now } = options;
  const log = options.logger.child({ area: 'compliance' });
  const router = express.Router();
  const view = (): ComplianceSettingsResponse => ({
    dischargeShare: dischargeShareViews(settings.dischargeShare()),
  });

  router.get('/api/v1/compliance/settings', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(view());
  });

  router.patch(
    '/api/v1/compliance/settings',
    requireEngineer(sessions),
    express.json({ limit: '8kb' }),
    (req, res) => {
      const parsed = DischargeSharesPatch.safeParse(req.body ?? {});
      if (!parsed.success) refuse(fieldIssuesOf('body', req.body, parsed.error));
      settings.updateDischargeShare(parsed.data);
      log.info({ changed: Object.keys(parsed.data.dischargeShare) }, 'discharge shares changed');
      res.json(view());
    },
  );

  router.get('/api/v1/compliance/unmetered', (req, res) => {
    const parsed = DayPeriod.safeParse(req.query);
    if (!parsed.success) refuse(fieldIssuesOf('query', req.query, parsed.error));
    res.setHeader('Cache-Control', 'no-store');
    res.json({ uses: settings.unmetered(parsed.data.from, parsed.data.to) });
  });

  router.post(
    '/api/v1/compliance/unmetered',
    requireEngineer(sessions),
    express.json({ limit: '8kb' }),
    (req, res) => {
      const parsed = KnownUnmeteredUseBody.safeParse(req.body ?? {});
      if (!parsed.success) refuse(fieldIssuesOf('body', req.body, parsed.error));
      const use = settings.addUnmetered(parsed.data, now());
      log.info({ id: use.id, date: use.dateIso, m3: use.m3 }, 'known unmetered use entered');
      res.status(201).json(use);
    },
  );

  router.delete('/api/v1/compliance/unmetered/:id', requireEngineer(sessions), (req, res) => {
    const raw = String(req.params.id);
    const id = /^\d{1,15}$/.test(raw) ? Number(raw) : null;
    if (id === null || !settings.removeUnmetered(id)) {
      throw new ApiFailure(
        404,
        ErrorCode.notFound,
        `params.id: ${JSON.stringify(raw)} — no known unmetered use with that id`,
      );
    }
    log.info({ id }, 'known unmetered use removed');
    res.json({ removed: id });
  });

  return router;
}
