import type {
  ConfirmUnitResponse,
  DismissResponse,
  MeterHealthResponse,
  QuarantineResponse,
  SessionState,
} from '../../models/engineer';
import { requestJson } from './api';

/**
 * Calls of the engineer API. The session lives in an httpOnly cookie the browser sends by
 * itself (same origin); the token typed at sign-in is sent once and never kept.
 */

function sendJson<T>(method: 'POST' | 'DELETE', url: string, body?: unknown): Promise<T> {
  return requestJson(url, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
}

/** Whether this browser holds an engineer session. */
export function fetchSession(signal?: AbortSignal): Promise<SessionState> {
  return requestJson('/api/v1/session', signal ? { signal } : {});
}

/** Exchanges the engineer token for a session cookie; 401 `unauthorized` when it is wrong. */
export function signIn(token: string): Promise<SessionState> {
  return sendJson('POST', '/api/v1/session', { token });
}

export function signOut(): Promise<SessionState> {
  return sendJson('DELETE', '/api/v1/session');
}

/** Readings held back for an engineer, oldest first (engineers only). */
export function fetchQuarantine(signal: AbortSignal): Promise<QuarantineResponse> {
  return requestJson('/api/v1/quarantine', { signal });
}

/** Confirms the unit a quarantined reading's value is really in; the meter is derived again. */
export function confirmUnit(readingId: number, unit: 'L' | 'm3'): Promise<ConfirmUnitResponse> {
  return sendJson('POST', `/api/v1/quarantine/${readingId}/confirm-unit`, { unit });
}

/** Dismisses a quarantined reading: kept, never booked, off the list; its meter derived again. */
export function dismissReading(readingId: number): Promise<DismissResponse> {
  return sendJson('POST', `/api/v1/quarantine/${readingId}/dismiss`);
}

/** Health of every meter (readable without signing in). */
export function fetchMeterHealth(signal: AbortSignal): Promise<MeterHealthResponse> {
  return requestJson('/api/v1/health/meters', { signal });
}
