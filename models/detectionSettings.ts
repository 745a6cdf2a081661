/**
 * The leak detectors' thresholds as settings: every value an engineer may change, with the
 * bounds a change must keep. Defaults, units, sources and status letters are in
 * `detectionDefaults.ts`; the meters' accuracy (MPE, Q4/Q3, Q2/Q1) are facts of the standard
 * and not settings.
 */

import { z } from 'zod';
import { DETECTION_DEFAULTS, type SourceStatus } from './detectionDefaults';

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const real = (min: number, max: number) => z.number().min(min).max(max);

/** The schema of each setting's value. */
export const SETTING_SCHEMAS = {
  balanceTolerance: z.enum(['max', 'statistical']),
  balanceSigmaK: real(0.5, 10),
  rangeRatio: real(10, 1000),
  balanceConsecutiveHours: int(1, 48),
  balanceNightsN: int(1, 28),
  balanceNightsM: int(1, 28),
  nightWindow: z.tuple([int(0, 23), int(1, 24)]),
  nightLearnNights: int(1, 28),
  nightPercentile: real(0, 1),
  nightMinLearnt: int(1, 28),
  nightMinRiseLph: real(0, 100_000),
  nightRelRise: real(0, 10),
  nightRiseN: int(1, 28),
  nightRiseM: int(1, 28),
  continuousRunHours: int(2, 72),
  continuousNightHours: int(1, 24),
  continuousMinFlowLph: real(0.1, 100_000),
  highFlowFloorLpm: real(0.1, 100_000),
  highFlowHistoryFactor: real(1, 100),
  highFlowTodWindowH: real(0, 12),
  highFlowMinMinutes: real(1, 1440),
  highFlowMinHistory: int(1, 100_000),
  explainShare: real(0, 1),
  stillHours: int(1, 72),
  stillUseDays: int(1, 7),
} as const;

export type SettingKey = keyof typeof SETTING_SCHEMAS;
export type DetectionSettings = {
  readonly [K in SettingKey]: z.infer<(typeof SETTING_SCHEMAS)[K]>;
};
export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/** A change to some settings; every other setting keeps its value. */
export const DetectionSettingsPatch = z
  .strictObject(
    Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTING_SCHEMAS[k].optional()])) as {
      [K in SettingKey]: z.ZodOptional<(typeof SETTING_SCHEMAS)[K]>;
    },
  )
  .refine(
    (p) =>
      p.nightWindow === undefined ||
      ((p.nightWindow[1] - p.nightWindow[0] + 24) % 24 >= 1 &&
        (p.nightWindow[1] - p.nightWindow[0] + 24) % 24 <= 8),
    {
      message: 'the night window must last 1 to 8 hours (from and to are local hours)',
      path: ['nightWindow'],
    },
  );
export type DetectionSettingsPatch = z.infer<typeof DetectionSettingsPatch>;

/** The defaults of every setting. */
export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, DETECTION_DEFAULTS[k].value]),
) as unknown as DetectionSettings;

/**
 * The settings after `patch`, or the rule a combination breaks (N of M: N ≤ M; a continuous
 * run must be at least as long as the night hours it covers).
 */
export function applySettingsPatch(
  current: DetectionSettings,
  patch: DetectionSettingsPatch,
): { ok: true; settings: DetectionSettings } | { ok: false; path: string; rule: string } {
  const next = { ...current, ...patch } as DetectionSettings;
  const pairs: Array<[SettingKey, SettingKey, string]> = [
    ['balanceNightsN', 'balanceNightsM', 'balanceNightsN must not exceed balanceNightsM'],
    ['nightRiseN', 'nightRiseM', 'nightRiseN must not exceed nightRiseM'],
    ['continuousNightHours', 'continuousRunHours', 'a run must last as long as its night hours'],
    ['nightMinLearnt', 'nightLearnNights', 'nightMinLearnt must not exceed nightLearnNights'],
  ];
  for (const [low, high, rule] of pairs) {
    if ((next[low] as number) > (next[high] as number)) return { ok: false, path: low, rule };
  }
  return { ok: true, settings: next };
}

/** One setting as the API lists it. */
export interface DetectionSettingView {
  readonly key: SettingKey;
  readonly value: unknown;
  readonly defaultValue: unknown;
  readonly unit: string;
  readonly source: string;
  readonly status: SourceStatus;
}

export function settingViews(settings: DetectionSettings): DetectionSettingView[] {
  return SETTING_KEYS.map((key) => {
    const d = DETECTION_DEFAULTS[key];
    return {
      key,
      value: settings[key],
      defaultValue: d.value,
      unit: d.unit,
      source: d.source,
      status: d.status,
    };
  });
}
