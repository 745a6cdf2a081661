import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { ErrorCode } from '../models/errors';

/**
 * API reads one client may make in `READ_WINDOW_MS`: 50 a second on average. A dashboard opens
 * with about a dozen and the lobby polls every few seconds; a client past this gets 429 at
 * once, so a flood of heavy reads (years of intervals) cannot hold the server from everyone
 * else. Counted over ten seconds so a page's burst of requests on opening is never cut.
 */
export const READS_PER_WINDOW = 500;
export const READ_WINDOW_MS = 10_000;

/** Limits GETs under /api per client; health stays open to monitoring. */
export function readLimit(): RequestHandler {
  return rateLimit({
    windowMs: READ_WINDOW_MS,
    limit: READS_PER_WINDOW,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'GET' || req.path === '/v1/health',
    handler: (_req, res) => {
      res.status(429).json({
        code: ErrorCode.rateLimited,
        message:
          `more than ${READS_PER_WINDOW} API reads in ${READ_WINDOW_MS / 1000} s from one ` +
          'client; wait and retry',
      });
    },
  });
}
