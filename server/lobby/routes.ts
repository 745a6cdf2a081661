import express, { type Request, type Router } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../../models/errors';
import type { LobbySettings, ShowView } from '../../models/lobby';
import { ApiFailure, type FieldIssue } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import type { ShareLinks } from '../share/links';
import type { SavingsCache } from './savings';
import {
  checkSettings,
  LOBBY_SETTINGS_KEY,
  loadLobbySettings,
  type SettingsStore,
} from './settings';
import { type LobbySources, lobbyView } from './view';

export interface LobbyRoutesOptions {
  readonly sources: LobbySources;
  readonly settingsStore: SettingsStore;
  readonly links: ShareLinks;
  readonly savings: SavingsCache;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
}

/** The message beside the structured issues: the first one in words. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'invalid request';
  const value = JSON.stringify(first.value) ?? 'missing';
  const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${first.path}: ${shown} — ${first.rule}${more}`;
}

/** The public address of a share token, on the host the request came to. */
export function publicUrl(req: Request, token: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/public/${encodeURIComponent(token)}`;
}

/**
 * The lobby display and the publicity show: `GET /api/v1/lobby` and `GET /api/v1/show`
 * (read by the unattended pages, no sign-in), `GET /api/v1/lobby/settings` and
 * `PUT /api/v1/lobby/settings` (engineers only; the body is checked field by field).
 */
export function lobbyRoutes(options: LobbyRoutesOptions): Router {
  const { sources, settingsStore, links, savings, sessions } = options;
  const log = options.logger.child({ area: 'lobby' });
  const router = express.Router();
  const site = sources.twin.site;
  const settings = (): LobbySettings => loadLobbySettings(settingsStore, site);

  router.get('/api/v1/lobby', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(lobbyView(sources, settings()));
  });

  router.get('/api/v1/show', (req, res) => {
    const current = settings();
    const { show } = current;
    const link =
      show.qrLinkId === null ? undefined : links.list().find((l) => l.id === show.qrLinkId);
    const body: ShowView = {
      ...lobbyView(sources, current),
      show,
      leakPipeIds: sources.twin.tree.areaPipes.get(show.leakMeterId) ?? [],
      qrUrl: link && link.revokedMs === null ? publicUrl(req, link.token) : null,
      savings: savings.get(show.scenario),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.get('/api/v1/lobby/settings', requireEngineer(sessions), (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ settings: settings() });
  });

  router.put(
    '/api/v1/lobby/settings',
    requireEngineer(sessions),
    express.json({ limit: '64kb' }),
    (req, res) => {
      const checked = checkSettings(req.body, site, links.ids());
      if (!checked.ok) {
        const issues = checked.issues.slice(0, 20);
        throw new ApiFailure(400, ErrorCode.badRequest, describeIssues(issues), issues);
      }
      settingsStore.setKv(LOBBY_SETTINGS_KEY, checked.settings);
      log.info({ tour: checked.settings.tour.length }, 'lobby settings saved');
      res.json({ settings: checked.settings });
    },
  );

  return router;
}
