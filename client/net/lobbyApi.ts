import type { LobbySettings } from '../../models/lobby';
import type { ShareLink } from '../../models/share';
import { requestJson } from './api';

/** Calls of the lobby settings and share links (engineers only; cookie session). */

export type ListedLink = ShareLink & { readonly url: string };

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  ...(body === undefined
    ? {}
    : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
});

export function fetchLobbySettings(): Promise<{ settings: LobbySettings }> {
  return requestJson('/api/v1/lobby/settings');
}

export function saveLobbySettings(body: unknown): Promise<{ settings: LobbySettings }> {
  return requestJson('/api/v1/lobby/settings', json('PUT', body));
}

export function fetchShareLinks(): Promise<{ links: ListedLink[] }> {
  return requestJson('/api/v1/share');
}

export function createShareLink(
  page: ShareLink['page'],
  scenario: ShareLink['scenario'],
): Promise<{ link: ListedLink }> {
  return requestJson('/api/v1/share', json('POST', { page, scenario }));
}

export function revokeShareLink(id: string): Promise<{ link: ShareLink }> {
  return requestJson(`/api/v1/share/${encodeURIComponent(id)}`, json('DELETE'));
}
