import { z } from 'zod';
import { DISCHARGE_SHARE, END_USE_CATEGORIES, type EndUseCategory } from './complianceDefaults';
import type { SourceStatus } from './detectionDefaults';

/**
 * What an engineer sets for the compliance report (issue #7): the discharge share of each end
 * use (the documented defaults are unconfirmed, domain.md §9) and the known unmetered uses that
 * the leak rate subtracts (§3.4: L = (V_L1 − Σ V_L2 − V_known unmetered) ÷ V_L1).
 */

/** A share of an end use's water leaving as wastewater: a fraction from 0 to 1. */
export const dischargeShareSchema = z
  .number('a number from 0 to 1')
  .min(0, 'a share from 0 to 1')
  .max(1, 'a share from 0 to 1');

/** `PATCH /api/v1/compliance/settings`: some end uses' shares; null restores the default. */
export const DischargeSharesPatch = z
  .object({
    dischargeShare: z
      .partialRecord(
        z.enum(END_USE_CATEGORIES, `one of ${END_USE_CATEGORIES.join(', ')}`),
        dischargeShareSchema.nullable(),
      )
      .refine((r) => Object.keys(r).length > 0, 'at least one end use'),
  })
  .strict();
export type DischargeSharesPatch = z.infer<typeof DischargeSharesPatch>;

/** One end use's discharge share as set, with its default and where that comes from. */
export interface DischargeShareView {
  readonly category: EndUseCategory;
  /** Fraction 0–1. */
  readonly value: number;
  readonly defaultValue: number;
  readonly source: string;
  readonly status: SourceStatus;
  /** True when an engineer set it; the UI marks an unconfirmed default that is still in use. */
  readonly overridden: boolean;
}

/** `GET /api/v1/compliance/settings`. */
export interface ComplianceSettingsResponse {
  readonly dischargeShare: readonly DischargeShareView[];
}

/** The views of every end use, from the shares an engineer set (absent: default). */
export function dischargeShareViews(
  set: Readonly<Partial<Record<EndUseCategory, number>>>,
): DischargeShareView[] {
  return END_USE_CATEGORIES.map((category) => {
    const d = DISCHARGE_SHARE[category];
    const own = set[category];
    return {
      category,
      value: own ?? d.value,
      defaultValue: d.value,
      source: d.source,
      status: d.status,
      overridden: own !== undefined,
    };
  });
}

/** Longest note on a known unmetered use, characters. */
export const NOTE_MAX_CHARS = 200;

/** `POST /api/v1/compliance/unmetered`: one known use the meters below level 1 did not see. */
export const KnownUnmeteredUseBody = z
  .object({
    /** Local day of the use in the building's zone, YYYY-MM-DD. */
    dateIso: z.iso.date('a date written YYYY-MM-DD'),
    /** Volume, m³. */
    m3: z
      .number('a number of m³')
      .positive('more than 0 m³')
      .max(100_000, 'at most 100000 m³ in one entry'),
    note: z
      .string('a short text saying what the water was for')
      .trim()
      .min(1, 'a short text saying what the water was for')
      .max(NOTE_MAX_CHARS, `at most ${NOTE_MAX_CHARS} characters`),
    by: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type KnownUnmeteredUseBody = z.infer<typeof KnownUnmeteredUseBody>;

/** A stored known unmetered use. */
export interface KnownUnmeteredUse {
  readonly id: number;
  /** YYYY-MM-DD, local day. */
  readonly dateIso: string;
  readonly m3: number;
  readonly note: string;
  readonly by: string;
  /** When it was entered, epoch ms. */
  readonly atMs: number;
}
