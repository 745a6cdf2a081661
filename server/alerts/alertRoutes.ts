import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import {
  AckAlertBody,
  ALERT_STATUSES,
  type AlertStatus,
  type AlertsResponse,
  ResolveAlertBody,
} from '../../models/alert';
import { ErrorCode } from '../../models/errors';
import { ApiFailure } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import { firstIssue } from '../ingest/readingsRoute';
import type { AlertDesk } from './alertDesk';

export interface AlertRoutesOptions {
  readonly desk: AlertDesk;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
}

const ListQuery = z.object({
  status: z
    .enum([...ALERT_STATUSES, 'all'], { message: 'one of open, acknowledged, resolved or all' })
    .default('all'),
});
const AlertParams = z.object({
  id: z.coerce.number().int('a whole alert id').positive('an alert id above 0'),
});

/**
 * The alert API: `GET /api/v1/alerts[?status=]` and `GET /api/v1/alerts/:id` (readable by all:
 * the main view lists alerts), `POST /api/v1/alerts/:id/ack` and `/resolve` (engineers only).
 */
export function alertRoutes({ desk, sessions, logger }: AlertRoutesOptions): Router {
  const log = logger.child({ area: 'alerts' });
  const router = express.Router();
  const engineerOnly = requireEngineer(sessions);

  /** The alert id of a request, or a 400 naming the value and the rule. */
  const alertId = (params: unknown): number => {
    const parsed = AlertParams.safeParse(params);
    if (!parsed.success) {
      throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('path', params, parsed.error));
    }
    return parsed.data.id;
  };

  router.get('/api/v1/alerts', (req, res) => {
    const parsed = ListQuery.safeParse(req.query);
    if (!parsed.success) {
      throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('query', req.query, parsed.error));
    }
    const { status } = parsed.data;
    const statuses: readonly AlertStatus[] = status === 'all' ? ALERT_STATUSES : [status];
    const body: AlertsResponse = { alerts: desk.list(statuses) };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.get('/api/v1/alerts/:id', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(desk.detail(alertId(req.params)));
  });

  router.post(
    '/api/v1/alerts/:id/ack',
    engineerOnly,
    express.json({ limit: '8kb' }),
    (req, res) => {
      const id = alertId(req.params);
      const body = AckAlertBody.safeParse(req.body ?? {});
      if (!body.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, body.error));
      }
      const alert = desk.acknowledge(id, body.data.note, body.data.by ?? 'engineer');
      log.info({ alert: id, meter: alert.meterId }, 'alert acknowledged');
      res.json({ alert });
    },
  );

  router.post(
    '/api/v1/alerts/:id/resolve',
    engineerOnly,
    express.json({ limit: '8kb' }),
    (req, res) => {
      const id = alertId(req.params);
      const body = ResolveAlertBody.safeParse(req.body ?? {});
      if (!body.success) {
        throw new ApiFailure(400, ErrorCode.badRequest, firstIssue('body', req.body, body.error));
      }
      const note = body.data.note === undefined || body.data.note === '' ? null : body.data.note;
      const alert = desk.resolveByHand(id, body.data.by ?? 'engineer', note);
      log.info({ alert: id, meter: alert.meterId }, 'alert resolved by hand');
      res.json({ alert });
    },
  );

  return router;
}
