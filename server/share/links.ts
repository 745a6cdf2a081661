import crypto from 'node:crypto';
import { z } from 'zod';
import { SHOW_SCENARIOS } from '../../models/lobby';
import type { ShareLink } from '../../models/share';

/**
 * Signed, revocable read-only links (issue #6). A token is `<payload>~<signature>`: the
 * payload (base64url JSON) bakes in the link's id, page and scenario; the signature is an
 * HMAC-SHA256 of the payload with a secret kept in the data folder. A token opens the public
 * view only while its signature checks out and its link is on the list and not revoked.
 */

/** Store key of the list of links (JSON in the kv table). */
export const SHARE_LINKS_KEY = 'shareLinks';

const Payload = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,32}$/),
    page: z.enum(['lobby', 'show']),
    scenario: z.enum(SHOW_SCENARIOS),
  })
  .strict();
type Payload = z.infer<typeof Payload>;

/** Why a token was refused; each maps to its own error message. */
export type TokenRefusal = 'malformed' | 'bad_signature' | 'unknown' | 'revoked';

export type TokenCheck =
  | { readonly ok: true; readonly link: ShareLink }
  | { readonly ok: false; readonly reason: TokenRefusal };

/** Where the list of links lives: the store's kv table. */
export interface LinkStore {
  kv<T>(key: string): T | undefined;
  setKv(key: string, value: unknown): void;
}

function sign(secret: string, payload: string): string {
  return crypto.createHmac('sha256', secret).update(payload).digest('base64url');
}

export class ShareLinks {
  constructor(
    private readonly store: LinkStore,
    private readonly secret: string,
    /** Wall clock, epoch ms: links are stamped in wall time, not twin time. */
    private readonly now: () => number = Date.now,
  ) {}

  list(): ShareLink[] {
    return this.store.kv<ShareLink[]>(SHARE_LINKS_KEY) ?? [];
  }

  ids(): Set<string> {
    return new Set(this.list().map((l) => l.id));
  }

  /** Makes a new link and its token. */
  create(page: ShareLink['page'], scenario: ShareLink['scenario']): ShareLink {
    const payload: Payload = { id: crypto.randomBytes(12).toString('base64url'), page, scenario };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    const link: ShareLink = {
      ...payload,
      // `~`, not `.`: a page path with a dot would be taken for a missing asset file.
      token: `${body}~${sign(this.secret, body)}`,
      createdMs: this.now(),
      revokedMs: null,
    };
    this.store.setKv(SHARE_LINKS_KEY, [...this.list(), link]);
    return link;
  }

  /** Revokes a link for good; false when there is no such link. */
  revoke(id: string): ShareLink | null {
    const links = this.list();
    const found = links.find((l) => l.id === id);
    if (!found) return null;
    const revoked: ShareLink = { ...found, revokedMs: found.revokedMs ?? this.now() };
    this.store.setKv(
      SHARE_LINKS_KEY,
      links.map((l) => (l.id === id ? revoked : l)),
    );
    return revoked;
  }

  /** Checks a presented token: well formed, signed by us, listed and not revoked. */
  check(token: string): TokenCheck {
    const parts = token.split('~');
    if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 512) {
      return { ok: false, reason: 'malformed' };
    }
    const [body, signature] = parts as [string, string];
    const expected = Buffer.from(sign(this.secret, body));
    const presented = Buffer.from(signature);
    if (presented.length !== expected.length || !crypto.timingSafeEqual(presented, expected)) {
      return { ok: false, reason: 'bad_signature' };
    }
    let payload: Payload;
    try {
      payload = Payload.parse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const link = this.list().find((l) => l.id === payload.id);
    if (!link) return { ok: false, reason: 'unknown' };
    if (link.revokedMs !== null) return { ok: false, reason: 'revoked' };
    return { ok: true, link };
  }
}
