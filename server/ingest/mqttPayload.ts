import { IngestBody, IngestReading } from '../../models/ingest';
import { firstIssue, MAX_BODY_BYTES } from './readingsRoute';

/** Last topic level of the answers the twin publishes; messages on such topics are not readings. */
export const RESULT_LEVEL = 'result';

export type ParsedMessage =
  | { readonly ok: true; readonly readings: IngestReading[] }
  | { readonly ok: false; readonly reason: string };

/**
 * The meter a topic names: the level matched by the first `+` of the subscription filter, or
 * null when the filter has no `+` (then each payload names its meter).
 */
export function meterOfTopic(filter: string, topic: string): string | null {
  const level = filter.split('/').indexOf('+');
  if (level < 0) return null;
  return topic.split('/')[level] ?? null;
}

/** Fills in `meter` from the topic on a reading object that leaves it out. */
function withMeter(reading: unknown, meter: string): unknown {
  if (typeof reading !== 'object' || reading === null || Array.isArray(reading)) return reading;
  return 'meter' in reading ? reading : { meter, ...reading };
}

/**
 * Reads one MQTT message: a JSON reading (the `IngestReading` of the HTTP API) or
 * `{ "readings": [...] }`. When the topic names a meter, a reading may leave `meter` out and
 * gets the topic's; one that names another meter fails the whole message, since a gateway
 * publishing a meter's readings under another's topic is misconfigured and its readings cannot
 * be trusted. Like an HTTP body, a message is taken whole or not at all.
 */
export function parseMessage(filter: string, topic: string, payload: Uint8Array): ParsedMessage {
  // Size and JSON first, so nothing large or unreadable reaches the schema.
  if (payload.byteLength > MAX_BODY_BYTES) {
    return {
      ok: false,
      reason: `payload of ${payload.byteLength} bytes; at most ${MAX_BODY_BYTES}`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch (err) {
    return { ok: false, reason: `payload is not JSON: ${(err as Error).message}` };
  }

  // One reading or a batch, with the topic's meter filled in where the payload leaves it out.
  const meter = meterOfTopic(filter, topic);
  const isBatch = typeof json === 'object' && json !== null && 'readings' in json;
  let readings: IngestReading[];
  if (isBatch) {
    const body = json as { readings: unknown };
    const filled =
      meter !== null && Array.isArray(body.readings)
        ? { ...body, readings: body.readings.map((r) => withMeter(r, meter)) }
        : body;
    const parsed = IngestBody.safeParse(filled);
    if (!parsed.success) return { ok: false, reason: firstIssue('payload', filled, parsed.error) };
    readings = parsed.data.readings;
  } else {
    const filled = meter === null ? json : withMeter(json, meter);
    const parsed = IngestReading.safeParse(filled);
    if (!parsed.success) return { ok: false, reason: firstIssue('payload', filled, parsed.error) };
    readings = [parsed.data];
  }

  // The topic and the payload must agree on the meter.
  const stray = meter === null ? undefined : readings.find((r) => r.meter !== meter);
  if (stray) {
    return {
      ok: false,
      reason:
        `payload names meter ${JSON.stringify(stray.meter)}, the topic ` +
        `${JSON.stringify(meter)}`,
    };
  }
  return { ok: true, readings };
}
