import crypto from 'node:crypto';
import express, { type Request, type RequestHandler, type Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import { type SessionState, SignInBody } from '../../models/engineer';
import { ErrorCode } from '../../models/errors';
import { ApiFailure } from '../apiFailure';
import { bearerMatches, resolveToken } from '../ingest/token';
import type { SessionKeeper } from './sessionStore';

/** Cookie that carries an engineer's session id (never the token itself). */
export const SESSION_COOKIE = 'twin_engineer';
/** How long a session lasts after sign-in, ms. */
export const SESSION_TTL_MS = 12 * 3_600_000;
/** Open sessions kept at most; the oldest goes first. Only token holders can open one. */
const MAX_SESSIONS = 1000;
/** Sign-in attempts one client may make per minute. */
const SIGN_INS_PER_MINUTE = 10;

/**
 * The engineer token: `TWIN_ENGINEER_TOKEN` when set, else generated into (and later read
 * from) `DATA_DIR/engineer-token`, readable by its owner only.
 */
export function resolveEngineerToken(
  fromEnv: string | undefined,
  dataDir: string,
  logger: Logger,
): string {
  return resolveToken(
    fromEnv,
    dataDir,
    'engineer-token',
    logger.child({ area: 'engineer' }),
    'sign in with it on the dashboard (工程师登录), or send it as "Authorization: Bearer <token>"',
  );
}

/** Engineer sessions, kept by a `SessionKeeper` when given (a restart then keeps them). */
export interface EngineerSessions {
  /** How long a session lasts after sign-in, ms. */
  readonly ttlMs: number;
  /** Opens a session when `presented` is the engineer token; its id, or null. */
  signIn(presented: string): string | null;
  signOut(sessionId: string | undefined): void;
  /**
   * Whether a request comes from an engineer: an open session cookie, or (for scripts) the
   * engineer token as `Authorization: Bearer <token>`.
   */
  isEngineer(req: Request): boolean;
}

export interface SessionOptions {
  readonly token: string;
  readonly ttlMs?: number;
  /** Wall clock, epoch ms; sessions expire in wall time, not twin time. */
  readonly now?: () => number;
  /** Keeps sessions across restarts; without one they live in memory only. */
  readonly keeper?: SessionKeeper;
}

const hashOf = (sessionId: string) =>
  crypto.createHash('sha256').update(sessionId).digest('base64url');

/** Compares two secrets in constant time, whatever their lengths. */
function sameSecret(presented: string, token: string): boolean {
  const digest = (s: string) => crypto.createHash('sha256').update(s).digest();
  return crypto.timingSafeEqual(digest(presented), digest(token));
}

/** One cookie's value from a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export function createEngineerSessions({
  token,
  ttlMs = SESSION_TTL_MS,
  now = Date.now,
  keeper,
}: SessionOptions): EngineerSessions {
  /** Session-id hash → expiry, epoch ms; insertion order is sign-in order. */
  const expiries = keeper?.load() ?? new Map<string, number>();
  const drop = (idHash: string) => {
    expiries.delete(idHash);
    keeper?.remove(idHash);
  };

  const isOpen = (sessionId: string | undefined): boolean => {
    if (sessionId === undefined) return false;
    const idHash = hashOf(sessionId);
    const expiresMs = expiries.get(idHash);
    if (expiresMs === undefined) return false;
    if (expiresMs > now()) return true;
    drop(idHash);
    return false;
  };

  return {
    ttlMs,
    signIn(presented) {
      if (!sameSecret(presented, token)) return null;
      // Drop expired sessions, then the oldest while over the cap.
      const nowMs = now();
      for (const [idHash, expiresMs] of expiries) if (expiresMs <= nowMs) drop(idHash);
      while (expiries.size >= MAX_SESSIONS) {
        const oldest = expiries.keys().next().value;
        if (oldest === undefined) break;
        drop(oldest);
      }
      const sessionId = crypto.randomBytes(32).toString('base64url');
      expiries.set(hashOf(sessionId), nowMs + ttlMs);
      keeper?.put(hashOf(sessionId), nowMs + ttlMs);
      return sessionId;
    },
    signOut(sessionId) {
      if (sessionId !== undefined) drop(hashOf(sessionId));
    },
    isEngineer(req) {
      return (
        isOpen(readCookie(req.headers.cookie, SESSION_COOKIE)) ||
        (req.headers.authorization !== undefined && bearerMatches(req.headers.authorization, token))
      );
    },
  };
}

/** Refuses a request that does not come from an engineer with 401 `unauthorized`. */
export function requireEngineer(sessions: EngineerSessions): RequestHandler {
  return (req, _res, next) => {
    if (!sessions.isEngineer(req)) {
      throw new ApiFailure(
        401,
        ErrorCode.unauthorized,
        'engineer sign-in required: POST /api/v1/session with {"token": "<engineer token>"}',
      );
    }
    next();
  };
}

/**
 * `GET /api/v1/session` (am I signed in?), `POST` (sign in with `{ token }`; sets an httpOnly,
 * SameSite=Strict cookie) and `DELETE` (sign out).
 */
export function sessionRoutes(sessions: EngineerSessions, logger: Logger): Router {
  const log = logger.child({ area: 'engineer' });
  const router = express.Router();
  const answer = (engineer: boolean): SessionState => ({ engineer });

  router.get('/api/v1/session', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(answer(sessions.isEngineer(req)));
  });

  router.post(
    '/api/v1/session',
    rateLimit({
      windowMs: 60_000,
      limit: SIGN_INS_PER_MINUTE,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      handler: (_req, res) => {
        res.status(429).json({
          code: ErrorCode.rateLimited,
          message: `more than ${SIGN_INS_PER_MINUTE} sign-in attempts a minute; wait a minute`,
        });
      },
    }),
    express.json({ limit: '4kb' }),
    (req, res) => {
      const parsed = SignInBody.safeParse(req.body);
      if (!parsed.success) {
        // Name the field and the rule, but never echo what was typed into a token field.
        const issue = parsed.error.issues[0]!;
        const field = ['body', ...issue.path.map(String)].join('.');
        throw new ApiFailure(400, ErrorCode.badRequest, `${field}: ${issue.message}`);
      }
      const sessionId = sessions.signIn(parsed.data.token);
      if (sessionId === null) {
        log.warn({ ip: req.ip }, 'engineer sign-in refused');
        throw new ApiFailure(401, ErrorCode.unauthorized, 'the engineer token is not valid');
      }
      res.cookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: req.secure,
        maxAge: sessions.ttlMs,
      });
      log.info({ ip: req.ip }, 'engineer signed in');
      res.json(answer(true));
    },
  );

  router.delete('/api/v1/session', (req, res) => {
    sessions.signOut(readCookie(req.headers.cookie, SESSION_COOKIE));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
    res.json(answer(false));
  });

  return router;
}
