import { z } from 'zod';
import type { SavingsSummary } from './share';

/**
 * The lobby display, the publicity show and their settings (issue #6). Engineers edit the
 * settings in the dashboard; the server validates every write with `LobbySettings` and keeps
 * them in the store, so they survive restarts.
 */

/** KPI tiles the lobby can show, in the order they appear. */
export const KPI_TILES = [
  'today',
  'month',
  'perCapita',
  'leakRate',
  'meteringRate',
  'saved',
] as const;
export type KpiTile = (typeof KPI_TILES)[number];

/** Retrofit presets the show and the public view can present (server/lobby/savings.ts). */
export const SHOW_SCENARIOS = ['fixtures', 'greywater', 'rainwater', 'irrigation'] as const;
export type ShowScenario = (typeof SHOW_SCENARIOS)[number];

/** Steps of the publicity show, in their usual order. */
export const SHOW_STEPS = ['building', 'flows', 'leak', 'savings', 'equivalents', 'qr'] as const;
export type ShowStepKind = (typeof SHOW_STEPS)[number];

const Text = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is at most ${max} characters`);
const Seconds = z
  .number({ error: 'must be a number of seconds' })
  .int('must be a whole number of seconds')
  .min(3, 'must be at least 3 seconds')
  .max(600, 'must be at most 600 seconds');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** A stop of the lobby's camera tour; a floor or meter the site does not have is refused. */
export const TourStop = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('overview'), seconds: Seconds }).strict(),
  z
    .object({
      kind: z.literal('floor'),
      buildingId: Text('buildingId', 64),
      floorId: Text('floorId', 64),
      seconds: Seconds,
    })
    .strict(),
  z.object({ kind: z.literal('meter'), meterId: Text('meterId', 64), seconds: Seconds }).strict(),
]);
export type TourStop = z.infer<typeof TourStop>;

/**
 * A retrofit carried out: the water it saved is measured on `meterId` as the mean daily use
 * of the `baselineDays` before `completedOn` minus what the meter booked since.
 */
export const CompletedRetrofit = z
  .object({
    name: z.object({ zh: Text('name.zh', 40), en: Text('name.en', 60) }).strict(),
    completedOn: IsoDate,
    meterId: Text('meterId', 64),
    baselineDays: z
      .number({ error: 'must be a number of days' })
      .int('must be a whole number of days')
      .min(7, 'must be at least 7 days')
      .max(365, 'must be at most 365 days'),
  })
  .strict();
export type CompletedRetrofit = z.infer<typeof CompletedRetrofit>;

export const ShowStep = z.object({ kind: z.enum(SHOW_STEPS), seconds: Seconds }).strict();
export type ShowStep = z.infer<typeof ShowStep>;

export const LobbySettings = z
  .object({
    /** Slogans of the lobby's ticker, per interface language. */
    slogans: z
      .object({
        zh: z.array(Text('a slogan', 60)).min(1, 'give at least one slogan').max(20, 'at most 20'),
        en: z.array(Text('a slogan', 120)).max(20, 'at most 20 slogans'),
      })
      .strict(),
    tour: z.array(TourStop).min(1, 'give at least one tour stop').max(20, 'at most 20 stops'),
    tiles: z
      .array(z.enum(KPI_TILES))
      .min(1, 'show at least one tile')
      .refine((t) => new Set(t).size === t.length, 'each tile at most once'),
    retrofits: z.array(CompletedRetrofit).max(20, 'at most 20 retrofits'),
    /** Known unmetered use under the level-1 meter (hydrant tests, cleaning), m³ per month. */
    knownUnmeteredM3PerMonth: z
      .number({ error: 'must be a number of m³' })
      .min(0, 'must be 0 or more')
      .max(100_000, 'must be at most 100000 m³'),
    show: z
      .object({
        steps: z.array(ShowStep).min(1, 'give at least one show step').max(12, 'at most 12'),
        /** The planner preset shown in the savings step. */
        scenario: z.enum(SHOW_SCENARIOS),
        /** The meter whose metering area the simulated leak is placed in. */
        leakMeterId: Text('leakMeterId', 64),
        /** The share link the QR code points at; null shows no code. */
        qrLinkId: z.string().max(64).nullable(),
      })
      .strict(),
  })
  .strict();
export type LobbySettings = z.infer<typeof LobbySettings>;

/** A figure with the share of its period that had data; null when nothing was measured. */
export interface MeasuredM3 {
  /** Volume, m³. */
  readonly m3: number;
  /** Share of the period's hours with booked level-1 data, 0–1. */
  readonly coverage: number;
}

/** The lobby's figures, computed from the store (server/lobby/kpis.ts). */
export interface LobbyKpis {
  /** Level-1 use since local midnight, m³; null without data. */
  readonly todayM3: number | null;
  /** This month to date and the same days of the same month a year before, m³. */
  readonly month: { readonly thisM3: number | null; readonly lastYearM3: number | null };
  /** Year-to-date use per person, and the general quota pro-rated to date, m³/person. */
  readonly perCapita: {
    readonly yearToDateM3: number | null;
    readonly quotaToDateM3: number;
    readonly quotaYearM3: number;
    /** Status of the quota value (C, P, U, D); U means unconfirmed. */
    readonly quotaStatus: string;
  };
  /** This month's pipe leak rate, 0–1 (may be negative when children over-read); null w/o data. */
  readonly leakRate: number | null;
  /** This month's level-2 metering rate, Σ level-2 ÷ level-1, 0–1; null without data. */
  readonly meteringRate: number | null;
  /** Water saved since each completed retrofit, m³; null when its baseline had no data. */
  readonly saved: ReadonlyArray<{
    readonly name: { readonly zh: string; readonly en: string };
    readonly completedOn: string;
    readonly savedM3: number | null;
  }>;
}

/** An open alert in plain words: where, how much, since when. No ids, no serials. */
export interface LobbyAlert {
  readonly where: { readonly zh: string; readonly en: string };
  readonly lossM3PerDay: number;
  readonly openedMs: number;
  readonly acknowledged: boolean;
}

/** `GET /api/v1/lobby`: everything the lobby shows apart from the 3D scene's live ticks. */
export interface LobbyView {
  /** Changes when a new client is deployed; the lobby reloads when it sees another one. */
  readonly buildId: string;
  /** Twin time of the figures, epoch ms; null before the first step. */
  readonly twinTimeMs: number | null;
  /** End of the latest booked reading of any meter, epoch ms; null when none. */
  readonly latestDataMs: number | null;
  /** True when the latest data is older than the staleness limit in twin time. */
  readonly stale: boolean;
  readonly kpis: LobbyKpis;
  readonly alerts: readonly LobbyAlert[];
  readonly slogans: LobbySettings['slogans'];
  readonly tour: readonly TourStop[];
  readonly tiles: readonly KpiTile[];
}

/** `GET /api/v1/show`: the publicity script with what it needs beyond the lobby view. */
export interface ShowView extends LobbyView {
  readonly show: LobbySettings['show'];
  /** Pipes of the simulated leak's metering area (the client-side overlay highlights them). */
  readonly leakPipeIds: readonly string[];
  /** Where the QR code points: a public link, or null. */
  readonly qrUrl: string | null;
  /** Projected savings of the chosen retrofit preset; null when it cannot be projected. */
  readonly savings: SavingsSummary | null;
}
