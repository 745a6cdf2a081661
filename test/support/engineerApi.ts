import type { TestTwin } from './testTwin';

/** What a call sends besides its method and route. */
export interface CallOptions {
  readonly body?: unknown;
  readonly cookie?: string;
}

/** Calls the running twin with a JSON body (or none) and an optional session cookie. */
export async function callTwin(
  twin: TestTwin,
  method: string,
  route: string,
  options: CallOptions = {},
) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie !== undefined) headers.cookie = options.cookie;
  const res = await fetch(`${twin.url}${route}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  return { status: res.status, setCookie: res.headers.getSetCookie(), body: await res.json() };
}

/**
 * Signs in with the server's engineer token: the response status and the `name=value` cookie
 * pair to send back (empty when the server set none).
 */
export async function signInEngineer(twin: TestTwin): Promise<{ status: number; cookie: string }> {
  const res = await callTwin(twin, 'POST', '/api/v1/session', {
    body: { token: twin.server.engineerToken },
  });
  return { status: res.status, cookie: res.setCookie[0]?.split(';')[0] ?? '' };
}
