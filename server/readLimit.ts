import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ErrorCode } from '../models/errors';

/**
 * API reads one client may make per second. A dashboard opens with about a dozen and the
 * lobby polls every few seconds; a client past this gets 429 at once, so a flood of heavy
 * reads (years of intervals) cannot hold the server from everyone else.
 */
export const READS_PER_SECOND = 50;

/** Limits GETs under /api per client; health stays open to monitoring. */
export function readLimit(perSecond = READS_PER_SECOND): RequestHandler {
  return rateLimit({
    windowMs: 1000,
    limit: perSecond,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'GET' || req.path === '/v1/health',
    handler: (_req, res) => {
      res.status(429).json({
        code: ErrorCode.rateLimited,
        message: `more than ${perSecond} API reads a second from one client; wait a second`,
      });
    },
  });
}
