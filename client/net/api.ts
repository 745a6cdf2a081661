import type { ApiError, SeriesResponse } from '../../models/protocol';

/** HTTP calls to the twin's REST API (same origin). */

/** A failed call, with the server's stable error code when it sent one. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Each refused field, when the server refused a body field by field. */
    readonly issues: NonNullable<ApiError['issues']> = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** A JSON call; throws `ApiCallError` with the server's code when the answer is not 2xx. */
export async function requestJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  const res = await fetch(url, { ...init, headers });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as Partial<ApiError> | null;
    throw new ApiCallError(
      res.status,
      body?.code ?? 'http_error',
      body?.message ?? res.statusText,
      Array.isArray(body?.issues) ? body.issues : [],
    );
  }
  return (await res.json()) as T;
}

function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  return requestJson(url, { signal });
}

/** Hourly volumes of a meter between `fromMs` and `toMs` (epoch ms). */
export function fetchHourlySeries(
  meterId: string,
  fromMs: number,
  toMs: number,
  signal: AbortSignal,
): Promise<SeriesResponse> {
  const query = new URLSearchParams({
    from: String(Math.floor(fromMs)),
    to: String(Math.ceil(toMs)),
    step: 'hour',
  });
  return getJson(`/api/v1/meters/${encodeURIComponent(meterId)}/series?${query}`, signal);
}
