import { z } from 'zod';
import { LocalizedName } from './site';

/**
 * The self-assessment scorecard (domain.md §2.4): a template of items with points and a pass
 * bar, kept as a data file so it can be replaced when the official table is issued. Items the
 * twin can measure name their `auto` rule; the others are scored by an engineer with a note.
 */

export const AUTO_RULES = [
  'metering',
  'fixtures',
  'perCapita',
  'leakRate',
  'threeLevelMetering',
  'ledgers',
  'networkDiagram',
  'monitoring',
  'efficientIrrigation',
] as const;
export type AutoRule = (typeof AUTO_RULES)[number];

export const ScorecardItem = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'an item id is 1–32 letters, digits, _ or -'),
    section: z.enum(['technical', 'management']),
    points: z.number().positive(),
    auto: z.enum(AUTO_RULES).optional(),
    /** Where the item and its rule come from, with a status letter. */
    origin: z.string().min(1),
    title: LocalizedName,
    rule: LocalizedName,
  })
  .strict();
export type ScorecardItem = z.infer<typeof ScorecardItem>;

export const ScorecardTemplate = z
  .object({
    name: LocalizedName,
    /** True while the file is not the official table. */
    isTemplate: z.boolean(),
    notice: LocalizedName,
    source: z.string().min(1),
    status: z.enum(['C', 'P', 'U', 'D']),
    passPoints: z.number().positive(),
    items: z.array(ScorecardItem).min(1),
  })
  .strict()
  .refine((t) => new Set(t.items.map((i) => i.id)).size === t.items.length, {
    message: 'item ids must be unique',
    path: ['items'],
  });
export type ScorecardTemplate = z.infer<typeof ScorecardTemplate>;

/** `PUT /api/v1/compliance/scorecard/:itemId`: an engineer's score with its evidence note. */
export const ScoreEntryBody = z
  .object({
    points: z
      .number('a number of points')
      .min(0, '0 or more points')
      .multipleOf(0.5, 'whole or half points'),
    note: z
      .string('a note naming the evidence (document, date, place)')
      .trim()
      .min(1, 'a note naming the evidence, not empty')
      .max(2000, 'at most 2000 characters'),
    by: z.string().trim().min(1).max(64, 'at most 64 characters').optional(),
  })
  .strict();
export type ScoreEntryBody = z.infer<typeof ScoreEntryBody>;

/** An engineer's stored score. */
export interface ScoreEntry {
  readonly points: number;
  readonly note: string;
  readonly by: string;
  /** Wall time it was entered, epoch ms. */
  readonly atMs: number;
}

export interface ScoredItem extends ScorecardItem {
  /** Null for a manual item nobody has scored yet. */
  readonly scored: number | null;
  /** What an automatic score rests on, in both languages. */
  readonly evidence: LocalizedName | null;
  readonly entry: ScoreEntry | null;
}

/** `GET /api/v1/compliance/scorecard`. */
export interface ScorecardResponse {
  readonly template: Omit<ScorecardTemplate, 'items'>;
  readonly items: readonly ScoredItem[];
  readonly maxPoints: number;
  readonly totalPoints: number;
  /** Items still to be scored by an engineer. */
  readonly pending: number;
  readonly pass: boolean;
}
