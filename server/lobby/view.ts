import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Alert } from '../../models/alert';
import type { LobbyAlert, LobbySettings, LobbyView } from '../../models/lobby';
import type { MeterTree } from '../../models/meterTree';
import type { Tick, Topology } from '../../models/protocol';
import type { Site } from '../../models/site';
import { type HourlySource, lobbyKpis } from './kpis';

/** Latest data older than this, in twin time, is shown as stale, ms. */
export const STALE_AFTER_MS = 2 * 3_600_000;

/** What the lobby's figures are computed from. */
export interface LobbySources {
  readonly twin: {
    readonly site: Site;
    readonly tree: MeterTree;
    readonly timeMs: number | null;
    readonly lastFailure: { readonly message: string } | null;
    meterValues(meterId: string): { lastReadingMs: number | null };
    /** The realtime topology and latest tick, for the public page's scene. */
    readonly topology: Topology;
    readonly current: Tick | null;
  };
  readonly store: HourlySource;
  readonly alerts?: { unresolved(): readonly Alert[] };
  /** Known unmetered uses engineers entered for compliance, by local date (inclusive). */
  readonly knownUnmetered?: {
    unmetered(fromIso: string, toIso: string): ReadonlyArray<{ readonly m3: number }>;
  };
  /** The current client build (see `buildIdOf`). */
  buildId(): string;
}

/** Open alerts in plain words: the area its meter serves, the loss, since when. */
export function plainAlerts(site: Site, alerts: readonly Alert[]): LobbyAlert[] {
  const serves = new Map(site.meters.map((m) => [m.id, m.serves]));
  // One line per meter: two rules seeing the same water (night flow, continuous flow) are one
  // leak to a visitor, told with the larger estimate and the earlier start.
  const byMeter = new Map<string, LobbyAlert>();
  for (const a of alerts) {
    const seen = byMeter.get(a.meterId);
    byMeter.set(a.meterId, {
      where: serves.get(a.meterId) ?? { zh: '供水管网', en: 'the pipe network' },
      lossM3PerDay: Math.max(a.lossM3PerDay, seen?.lossM3PerDay ?? 0),
      openedMs: Math.min(a.openedMs, seen?.openedMs ?? Number.POSITIVE_INFINITY),
      acknowledged: a.status === 'acknowledged' && (seen?.acknowledged ?? true),
    });
  }
  return [...byMeter.values()];
}

/** Everything the lobby shows, for the twin's current time. */
export function lobbyView(sources: LobbySources, settings: LobbySettings): LobbyView {
  const { twin } = sources;
  const nowMs = twin.timeMs;
  const latestDataMs = twin.site.meters.reduce<number | null>((latest, m) => {
    const t = twin.meterValues(m.id).lastReadingMs;
    return t !== null && (latest === null || t > latest) ? t : latest;
  }, null);
  const stale =
    twin.lastFailure !== null ||
    nowMs === null ||
    latestDataMs === null ||
    nowMs - latestDataMs > STALE_AFTER_MS;

  return {
    buildId: sources.buildId(),
    twinTimeMs: nowMs,
    latestDataMs,
    stale,
    kpis: lobbyKpis({
      site: twin.site,
      tree: twin.tree,
      source: sources.store,
      nowMs: nowMs ?? 0,
      retrofits: settings.retrofits,
      knownUnmeteredM3PerMonth: settings.knownUnmeteredM3PerMonth,
      datedUnmeteredM3: monthToDateUnmeteredM3(sources, nowMs),
    }),
    alerts: plainAlerts(twin.site, sources.alerts?.unresolved() ?? []),
    slogans: settings.slogans,
    tour: settings.tour,
    tiles: settings.tiles,
  };
}

/** This month's dated known unmetered uses up to today (the compliance leak rate's too), m³. */
function monthToDateUnmeteredM3(sources: LobbySources, nowMs: number | null): number {
  if (nowMs === null || sources.knownUnmetered === undefined) return 0;
  const today = DateTime.fromMillis(nowMs, { zone: sources.twin.site.timeZone });
  const uses = sources.knownUnmetered.unmetered(
    today.startOf('month').toISODate() ?? '',
    today.toISODate() ?? '',
  );
  return uses.reduce((sum, u) => sum + u.m3, 0);
}

/**
 * The build id of the served client: a hash of its index.html, which names the hashed asset
 * files, so a new deployment gives a new id. Re-read only when the file's time changes.
 */
export function buildIdOf(clientDir: string | null): () => string {
  let seenMtimeMs = -1;
  let id = 'dev';
  return () => {
    if (clientDir === null) return id;
    const file = path.join(clientDir, 'index.html');
    try {
      const { mtimeMs } = fs.statSync(file);
      if (mtimeMs !== seenMtimeMs) {
        seenMtimeMs = mtimeMs;
        const html = fs.readFileSync(file);
        id = crypto.createHash('sha256').update(html).digest('hex').slice(0, 12);
      }
    } catch {
      // No built client (API-only tests): keep the last id.
    }
    return id;
  };
}
