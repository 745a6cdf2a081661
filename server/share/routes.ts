import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { ErrorCode } from '../../models/errors';
import {
  CreateShareBody,
  type PublicFlows,
  type PublicScene,
  type PublicView,
  type ShareLink,
} from '../../models/share';
import type { Site } from '../../models/site';
import { ApiFailure } from '../apiFailure';
import { type EngineerSessions, requireEngineer } from '../engineer/session';
import { describeIssues, publicUrl } from '../lobby/routes';
import type { SavingsCache } from '../lobby/savings';
import { loadLobbySettings, type SettingsStore } from '../lobby/settings';
import { type LobbySources, lobbyView } from '../lobby/view';
import type { ShareLinks, TokenRefusal } from './links';
import { type PublicGeometry, publicGeometry } from './publicScene';

export interface ShareRoutesOptions {
  readonly sources: LobbySources;
  readonly settingsStore: SettingsStore;
  readonly links: ShareLinks;
  readonly savings: SavingsCache;
  readonly sessions: EngineerSessions;
  readonly logger: Logger;
}

const REFUSALS: Readonly<Record<TokenRefusal, string>> = {
  malformed: 'this link is not a share link',
  bad_signature: 'this link was not signed by this twin',
  unknown: 'this link is not known to this twin',
  revoked: 'this link has been revoked',
};

/** The link a public token opens; throws 403, or 410 once revoked, when it opens none. */
function linkOf(links: ShareLinks, token: unknown): ShareLink {
  const checked = links.check(String(token));
  if (!checked.ok) {
    if (checked.reason === 'revoked') {
      throw new ApiFailure(410, ErrorCode.revoked, REFUSALS.revoked);
    }
    throw new ApiFailure(403, ErrorCode.forbidden, REFUSALS[checked.reason]);
  }
  return checked.link;
}

/**
 * Share links: engineers make (`POST /api/v1/share`), list (`GET`) and revoke
 * (`DELETE /api/v1/share/:id`) them; anyone with a valid token reads
 * `GET /api/v1/public/:token`, the building to draw (`…/scene`) and its flows (`…/flows`).
 * Every other method under `/api/v1/public` is refused: the public view has no write path.
 */
export function shareRoutes(options: ShareRoutesOptions): Router {
  const { sources, settingsStore, links, savings, sessions } = options;
  const log = options.logger.child({ area: 'share' });
  const router = express.Router();

  router.get('/api/v1/share', requireEngineer(sessions), (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ links: links.list().map((l) => ({ ...l, url: publicUrl(req, l.token) })) });
  });

  router.post(
    '/api/v1/share',
    requireEngineer(sessions),
    express.json({ limit: '4kb' }),
    (req, res) => {
      const parsed = CreateShareBody.safeParse(req.body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => ({
          path: ['body', ...i.path.map(String)].join('.'),
          value: (req.body as Record<string, unknown> | undefined)?.[String(i.path[0])] ?? null,
          rule: i.message,
        }));
        throw new ApiFailure(400, ErrorCode.badRequest, describeIssues(issues), issues);
      }
      const link = links.create(parsed.data.page, parsed.data.scenario);
      log.info({ link: link.id, page: link.page }, 'share link created');
      res.status(201).json({ link: { ...link, url: publicUrl(req, link.token) } });
    },
  );

  router.delete('/api/v1/share/:id', requireEngineer(sessions), (req, res) => {
    const revoked = links.revoke(String(req.params.id));
    if (!revoked) {
      throw new ApiFailure(
        404,
        ErrorCode.notFound,
        `no share link with id ${String(req.params.id).slice(0, 40)}`,
      );
    }
    log.info({ link: revoked.id }, 'share link revoked');
    res.json({ link: revoked });
  });

  router.get('/api/v1/public/:token', (req, res) => {
    const link = linkOf(links, req.params.token);
    const view = lobbyView(sources, loadLobbySettings(settingsStore, sources.twin.site));
    const body: PublicView = {
      page: link.page,
      siteName: sources.twin.site.name,
      timeZone: sources.twin.site.timeZone,
      twinTimeMs: view.twinTimeMs,
      stale: view.stale,
      kpis: view.kpis,
      alerts: view.alerts,
      slogans: view.slogans,
      savings: savings.get(link.scenario),
    };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  // Made once per site: the site of a running twin does not change.
  let geometry: { readonly of: Site; readonly value: PublicGeometry } | null = null;
  const publicSceneOf = (): PublicGeometry => {
    const { site, topology } = sources.twin;
    if (geometry?.of !== site) geometry = { of: site, value: publicGeometry(site, topology) };
    return geometry.value;
  };

  router.get('/api/v1/public/:token/scene', (req, res) => {
    linkOf(links, req.params.token);
    const body: PublicScene = { ...publicSceneOf(), state: sources.twin.current };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.get('/api/v1/public/:token/flows', (req, res) => {
    linkOf(links, req.params.token);
    const body: PublicFlows = { state: sources.twin.current };
    res.setHeader('Cache-Control', 'no-store');
    res.json(body);
  });

  router.all('/api/v1/public/{*rest}', (req) => {
    throw new ApiFailure(
      405,
      ErrorCode.readOnly,
      `${req.method} is not allowed: public views are read-only`,
    );
  });

  return router;
}
