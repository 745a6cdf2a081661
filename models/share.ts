import { z } from 'zod';
import { type LobbyAlert, type LobbyKpis, SHOW_SCENARIOS, type ShowScenario } from './lobby';
import type { Tick, Topology } from './protocol';
import type { Site } from './site';

/**
 * Read-only public sharing (issue #6): a signed, revocable link opens a public view of the
 * chosen page with the chosen retrofit scenario baked in. The public view carries figures
 * and names only: no meter serials, no meter, pipe or alert ids.
 */

/** A share link as engineers list it; the token is what the public URL carries. */
export interface ShareLink {
  readonly id: string;
  readonly page: 'lobby' | 'show';
  readonly scenario: ShowScenario;
  readonly token: string;
  /** Wall time it was made, epoch ms. */
  readonly createdMs: number;
  /** Wall time it was revoked, epoch ms; null while it works. */
  readonly revokedMs: number | null;
}

/** `POST /api/v1/share` body. */
export const CreateShareBody = z
  .object({ page: z.enum(['lobby', 'show']), scenario: z.enum(SHOW_SCENARIOS) })
  .strict();

/** A plain-language equivalent of a volume; every one is an estimate with its basis. */
export interface Equivalent {
  readonly kind: 'bathtubs' | 'householdDays' | 'bottles';
  readonly count: number;
}

/** Savings of a retrofit preset over a projected year, before and after. */
export interface SavingsSummary {
  readonly scenario: ShowScenario;
  /** Projected annual use before and after the measures, m³. */
  readonly beforeM3: number;
  readonly afterM3: number;
  /** Yuan a year, null when the tariff is not set. */
  readonly savedYuanPerYear: number | null;
  readonly equivalents: readonly Equivalent[];
}

/** `GET /api/v1/public/:token`: the public view, with nothing that identifies equipment. */
export interface PublicView {
  readonly page: 'lobby' | 'show';
  readonly siteName: { readonly zh: string; readonly en: string };
  /** IANA zone of the building: times on the page are building time. */
  readonly timeZone: string;
  readonly twinTimeMs: number | null;
  readonly stale: boolean;
  readonly kpis: LobbyKpis;
  readonly alerts: readonly LobbyAlert[];
  readonly slogans: { readonly zh: readonly string[]; readonly en: readonly string[] };
  readonly savings: SavingsSummary | null;
}

/**
 * `GET /api/v1/public/:token/scene`: what the public page draws the building from. The site
 * and topology have the shape of the realtime snapshot's, so the same scene draws them, but
 * every id is an opaque one made for the public view (never one the private API uses) and
 * every meter serial is replaced by that opaque id. Names are the display names.
 */
export interface PublicScene {
  readonly site: Site;
  readonly topology: Topology;
  /** The latest tick: flows aligned with `topology`, no ids in it; null before the first. */
  readonly state: Tick | null;
}

/** `GET /api/v1/public/:token/flows`: the latest tick alone, for the public page's refresh. */
export interface PublicFlows {
  readonly state: Tick | null;
}
