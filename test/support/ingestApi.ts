import type { IngestResult } from '../../models/ingest';
import type { TestTwin } from './testTwin';

/** Posts readings to the twin with its ingest token: the status and the parsed answer. */
export async function postReadings(
  twin: TestTwin,
  readings: unknown[],
): Promise<{ status: number; body: { results?: IngestResult[] } & Record<string, unknown> }> {
  const res = await fetch(`${twin.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${twin.server.ingestToken}`,
    },
    body: JSON.stringify({ readings }),
  });
  return { status: res.status, body: await res.json() };
}
