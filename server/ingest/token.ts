import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * A bearer token for writes. Taken from the environment when set; otherwise read from, or on
 * first start generated into, a file in the data folder that only its owner can read. The
 * file's location is logged once, when it is created.
 */
export function resolveToken(
  fromEnv: string | undefined,
  dataDir: string,
  fileName: string,
  logger: Logger,
  /** What the logged line tells the operator to do with a new secret. */
  use = 'send it as "Authorization: Bearer <token>"',
): string {
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const file = path.join(dataDir, fileName);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const token = crypto.randomBytes(24).toString('base64url');
  fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
  logger.info({ file }, `generated a secret; ${use}`);
  return token;
}

/** Compares a presented bearer header with the token in constant time. */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
