import { KPI_TILES, LobbySettings, SHOW_STEPS, type TourStop } from '../../models/lobby';
import type { Site } from '../../models/site';
import type { FieldIssue } from '../apiFailure';

/** Store key of the lobby settings (JSON in the kv table). */
export const LOBBY_SETTINGS_KEY = 'lobbySettings';

/** Slogans shown until engineers write their own (common public water-saving slogans). */
export const DEFAULT_SLOGANS = {
  zh: [
    '节约用水，从我做起',
    '建设节水机关，争当节水表率',
    '一水多用，物尽其用',
    '随手关紧水龙头',
    '珍惜每一滴水',
  ],
  en: [
    'Saving water starts with me',
    'A water-saving agency sets the example',
    'Use water more than once',
    'Turn the tap off tight',
    'Every drop counts',
  ],
};

/** Seconds a tour stop or show step lasts by default. */
const STOP_S = 12;

/** The settings a new twin starts with: every tile, a tour of the site, the whole show. */
export function defaultLobbySettings(site: Site): LobbySettings {
  const tour: TourStop[] = [{ kind: 'overview', seconds: STOP_S }];
  const building = site.buildings[0];
  const ground = building?.floors[0];
  if (building && ground) {
    tour.push({ kind: 'floor', buildingId: building.id, floorId: ground.id, seconds: STOP_S });
  }
  const levelTwo = site.meters.filter((m) => m.level === 2).slice(0, 3);
  for (const m of levelTwo) tour.push({ kind: 'meter', meterId: m.id, seconds: STOP_S });
  const leakMeter = levelTwo[0] ?? site.meters[0]!;
  return {
    slogans: { zh: [...DEFAULT_SLOGANS.zh], en: [...DEFAULT_SLOGANS.en] },
    tour,
    tiles: [...KPI_TILES],
    retrofits: [],
    knownUnmeteredM3PerMonth: 0,
    show: {
      steps: SHOW_STEPS.map((kind) => ({ kind, seconds: STOP_S })),
      scenario: 'fixtures',
      leakMeterId: leakMeter.id,
      qrLinkId: null,
    },
  };
}

/** Every rejected field of a settings write: path, value found, rule broken. */
export type SettingsCheck =
  | { readonly ok: true; readonly settings: LobbySettings }
  | { readonly ok: false; readonly issues: readonly FieldIssue[] };

/** The value at a path of an unknown input, for echoing it in an issue. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const pathOf = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : `${s}.${String(k)}`),
    'body',
  );

/**
 * Validates a settings write by its schema, then against the site (floors and meters it
 * names must exist) and the share links (the QR code's link must be one of them).
 */
export function checkSettings(
  input: unknown,
  site: Site,
  linkIds: ReadonlySet<string>,
): SettingsCheck {
  const parsed = LobbySettings.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: pathOf(issue.path),
        value: valueAt(input, issue.path) ?? null,
        rule: issue.message,
      })),
    };
  }

  const settings = parsed.data;
  const issues: FieldIssue[] = [];
  const meterIds = new Set(site.meters.map((m) => m.id));
  settings.tour.forEach((stop, i) => {
    if (stop.kind === 'meter' && !meterIds.has(stop.meterId)) {
      issues.push({ path: `body.tour[${i}].meterId`, value: stop.meterId, rule: 'no such meter' });
    }
    if (stop.kind === 'floor') {
      const building = site.buildings.find((b) => b.id === stop.buildingId);
      if (!building) {
        issues.push({
          path: `body.tour[${i}].buildingId`,
          value: stop.buildingId,
          rule: 'no such building',
        });
      } else if (!building.floors.some((f) => f.id === stop.floorId)) {
        issues.push({
          path: `body.tour[${i}].floorId`,
          value: stop.floorId,
          rule: `no such floor in building ${building.id}`,
        });
      }
    }
  });
  settings.retrofits.forEach((r, i) => {
    if (!meterIds.has(r.meterId)) {
      issues.push({
        path: `body.retrofits[${i}].meterId`,
        value: r.meterId,
        rule: 'no such meter',
      });
    }
  });
  if (!meterIds.has(settings.show.leakMeterId)) {
    issues.push({
      path: 'body.show.leakMeterId',
      value: settings.show.leakMeterId,
      rule: 'no such meter',
    });
  }
  const qr = settings.show.qrLinkId;
  if (qr !== null && !linkIds.has(qr)) {
    issues.push({ path: 'body.show.qrLinkId', value: qr, rule: 'no such share link' });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, settings };
}

/** Where the settings live: the store's kv table. */
export interface SettingsStore {
  kv<T>(key: string): T | undefined;
  setKv(key: string, value: unknown): void;
}

/** The stored settings, or the defaults when none were stored or the stored ones no longer fit. */
export function loadLobbySettings(store: SettingsStore, site: Site): LobbySettings {
  const stored = LobbySettings.safeParse(store.kv(LOBBY_SETTINGS_KEY));
  return stored.success ? stored.data : defaultLobbySettings(site);
}
