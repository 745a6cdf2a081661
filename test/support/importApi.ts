import fs from 'node:fs';
import type { ImportSummary } from '../../models/importSummary';
import type { TestTwin } from './testTwin';

/** Reads a shipped import mapping as JSON. */
export function mappingFile(name: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(`samples/import/${name}`, 'utf8')) as Record<string, unknown>;
}

/** Posts a CSV text and its mapping to the running twin's import API. */
export async function postImport(
  twin: TestTwin,
  mapping: unknown,
  csv: string,
  options: { dryRun?: boolean; token?: string } = {},
): Promise<{ status: number; body: ImportSummary & { code?: string; message?: string } }> {
  const res = await fetch(`${twin.url}/api/v1/import?dryRun=${options.dryRun ?? false}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${options.token ?? twin.server.ingestToken}`,
    },
    body: JSON.stringify({ mapping, csv }),
  });
  return { status: res.status, body: await res.json() };
}

/** Every interval stored for a meter, whatever its dates. */
export function allIntervals(twin: TestTwin, meterId: string) {
  return twin.server.store.intervals(meterId, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
}
