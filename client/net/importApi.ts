import {
  type ImportSummary,
  MAX_IMPORT_BODY_BYTES,
  MAX_IMPORT_FILE_BYTES,
} from '../../models/importSummary';
import { ApiCallError, requestJson } from './api';

/**
 * Calls of the CSV upload page: the shipped mappings and `POST /api/v1/import`. The engineer's
 * session cookie authorises the import; the file travels as text inside the JSON body.
 */

/** Largest file the server imports from this page, bytes (shared through models/). */
export const IMPORT_FILE_LIMIT_BYTES = MAX_IMPORT_FILE_BYTES;

/** A shipped mapping (`samples/import/<name>.mapping.json`) as `GET /api/v1/import/presets` sends it. */
export interface ImportPreset {
  readonly name: string;
  readonly mapping: unknown;
}

export function fetchImportPresets(
  signal: AbortSignal,
): Promise<{ readonly presets: readonly ImportPreset[] }> {
  return requestJson('/api/v1/import/presets', { signal });
}

/**
 * Runs an import: a dry run says what would be stored, a real run stores it. A body over the
 * limit is refused here with the server's code, so it is not uploaded only to be turned away.
 */
export function postImport(
  mapping: unknown,
  csv: string,
  dryRun: boolean,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  const body = JSON.stringify({ mapping, csv });
  if (
    new Blob([csv]).size > IMPORT_FILE_LIMIT_BYTES ||
    new Blob([body]).size > MAX_IMPORT_BODY_BYTES
  ) {
    return Promise.reject(
      new ApiCallError(413, 'payload_too_large', 'import body over the upload limit'),
    );
  }
  return requestJson(`/api/v1/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    ...(signal ? { signal } : {}),
  });
}
