import { useEffect, useState } from 'react';
import type { ComplianceReport, Ledger, NetworkDiagram } from '../../models/compliance';
import type { EndUseCategory } from '../../models/complianceDefaults';
import type {
  ComplianceSettingsResponse,
  KnownUnmeteredUse,
} from '../../models/complianceSettings';
import type { ScorecardResponse, ScoreEntry } from '../../models/scorecard';
import { requestJson } from '../net/api';

/** Calls of the compliance API and a small hook that loads one of them for the page. */

export interface Period {
  /** YYYY-MM-DD, both included. */
  readonly from: string;
  readonly to: string;
}

const query = (period: Period, extra: Record<string, string> = {}) =>
  new URLSearchParams({ from: period.from, to: period.to, ...extra }).toString();

export const complianceUrls = {
  network: () => '/api/v1/compliance/network',
  report: (p: Period) => `/api/v1/compliance/report?${query(p)}`,
  ledger: (p: Period, step: 'day' | 'month') => `/api/v1/compliance/ledger?${query(p, { step })}`,
  scorecard: (p: Period) => `/api/v1/compliance/scorecard?${query(p)}`,
  xlsx: (p: Period, lang: 'zh' | 'en') => `/api/v1/compliance/export.xlsx?${query(p, { lang })}`,
  settings: () => '/api/v1/compliance/settings',
  unmetered: (p: Period) => `/api/v1/compliance/unmetered?${query(p)}`,
  csv: (p: Period, sheet: string) => `/api/v1/compliance/export.csv?${query(p, { sheet })}`,
};

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly data: T }
  | { readonly state: 'error'; readonly message: string };

/** Loads `url` (null: nothing yet) and again whenever it or `version` changes. */
export function useJson<T>(url: string | null, version = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` asks for a reload.
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setLoaded({ state: 'loading' });
    requestJson<T>(url, { signal: controller.signal })
      .then((data) => setLoaded({ state: 'ready', data }))
      .catch((err: unknown) => {
        if (!controller.signal.aborted) setLoaded({ state: 'error', message: String(err) });
      });
    return () => controller.abort();
  }, [url, version]);
  return loaded;
}

export type {
  ComplianceReport,
  ComplianceSettingsResponse,
  KnownUnmeteredUse,
  Ledger,
  NetworkDiagram,
  ScorecardResponse,
};

/** Stores an engineer's score of a manual item. */
export function putScore(
  itemId: string,
  body: { points: number; note: string },
): Promise<{ itemId: string; entry: ScoreEntry }> {
  return requestJson(`/api/v1/compliance/scorecard/${encodeURIComponent(itemId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const sendJson = <T>(url: string, method: string, body: unknown): Promise<T> =>
  requestJson<T>(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Sets end uses' discharge shares (fractions 0–1); null restores the default. */
export function patchDischargeShares(
  shares: Partial<Record<EndUseCategory, number | null>>,
): Promise<ComplianceSettingsResponse> {
  return sendJson('/api/v1/compliance/settings', 'PATCH', { dischargeShare: shares });
}

/** Enters a known unmetered use (m³ on a local day, with what it was for). */
export function postUnmetered(body: {
  dateIso: string;
  m3: number;
  note: string;
}): Promise<KnownUnmeteredUse> {
  return sendJson('/api/v1/compliance/unmetered', 'POST', body);
}

export function deleteUnmetered(id: number): Promise<{ removed: number }> {
  return requestJson(`/api/v1/compliance/unmetered/${id}`, { method: 'DELETE' });
}
