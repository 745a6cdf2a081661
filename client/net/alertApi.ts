import type { Alert } from '../../models/alert';
import { requestJson } from './api';

/** Acknowledges an alert with what was found or done (engineers only; cookie session). */
export function acknowledgeAlert(alertId: number, note: string): Promise<{ alert: Alert }> {
  return requestJson(`/api/v1/alerts/${alertId}/ack`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ note }),
  });
}
