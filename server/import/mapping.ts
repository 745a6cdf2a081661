import fs from 'node:fs';
import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { Meter } from '../../models/site';

/**
 * An import mapping: how to read one CSV layout into site meter readings. Shipped examples:
 * `samples/import/*.mapping.json`. Two layouts:
 * - `long`: one reading per row, with a meter column, a time column and a value column;
 * - `wide`: a time column and one value column per meter.
 * Values are cumulative registers (`kind: "register"`) in `unit`, multiplied by `scale`;
 * they are converted to the unit each site meter declares, which the mapping makes explicit.
 */

/** A column: its header name (trimmed, case-insensitive) or its 0-based position. */
const Column = z.union([
  z.string().trim().min(1, 'a column name cannot be empty'),
  z.number().int().nonnegative('a column position is 0 or more'),
]);

/** `iso`, or a luxon format (https://moment.github.io/luxon/#/parsing?id=table-of-tokens). */
const TimeFormat = z
  .string()
  .min(1)
  .refine((format) => format === 'iso' || readsFullDate(format), {
    message: 'timeFormat must be "iso" or a luxon format with day, month and year',
  });

const common = {
  /** Field separator, one character (`,`, `;`, a tab …). */
  delimiter: z.string().length(1, 'delimiter is one character').default(','),
  /** Decimal mark of the values; thousands separators are not read. */
  decimal: z.enum(['.', ',']).default('.'),
  /** Lines before the header (a title, export notes), skipped unread. */
  headerRows: z.number().int().min(0).max(1000).default(0),
  /** Whether the first line after `headerRows` names the columns. */
  header: z.boolean().default(true),
  timeFormat: TimeFormat,
  /** IANA zone of local times without an offset (a time with an offset keeps it). */
  zone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
    message: 'zone must be an IANA time zone such as "Europe/Madrid"',
  }),
  /** Unit of the values in the file. */
  unit: z.enum(['L', 'm3']),
  /** Only cumulative registers exist in this version. */
  kind: z.literal('register').default('register'),
  /** Factor applied to every value before unit conversion (e.g. 10 for 10-litre pulses). */
  scale: z.number().positive('scale must be > 0').max(1e6, 'scale must be at most 1e6').default(1),
};

const MeterMap = z.record(z.string().min(1, 'a file key cannot be empty'), Meter.shape.id);

export const LongMapping = z
  .object({
    format: z.literal('long'),
    ...common,
    columns: z
      .object({
        meter: Column,
        time: Column,
        value: Column,
        /** Sender's sequence (event) number: a row repeating one is a duplicate. */
        seq: Column.optional(),
        /** Serial of the physical meter: a change is reported as a meter exchange. */
        serial: Column.optional(),
      })
      .strict(),
    /** File key → site meter id; other keys are not imported. Omitted: keys are meter ids. */
    meters: MeterMap.optional(),
  })
  .strict();

export const WideMapping = z
  .object({
    format: z.literal('wide'),
    ...common,
    columns: z.object({ time: Column }).strict(),
    /** Column name (position as a string, e.g. "3", without a header) → site meter id. */
    meters: MeterMap.refine(
      (m) => Object.keys(m).length > 0,
      'meters must map at least one column',
    ),
  })
  .strict();

export const ImportMapping = z
  .discriminatedUnion('format', [LongMapping, WideMapping], {
    error: 'format must be "long" or "wide"',
  })
  .superRefine((mapping, ctx) => {
    if (mapping.decimal === ',' && mapping.delimiter === ',') {
      ctx.addIssue({
        code: 'custom',
        path: ['decimal'],
        message: 'a decimal comma needs another delimiter',
      });
    }
    if (!mapping.header) {
      for (const [name, column] of Object.entries(mapping.columns)) {
        if (typeof column === 'string') {
          ctx.addIssue({
            code: 'custom',
            path: ['columns', name],
            message: 'without a header, columns are given by position (0, 1, …)',
          });
        }
      }
      if (mapping.format === 'wide') {
        for (const key of Object.keys(mapping.meters)) {
          if (!/^\d+$/.test(key)) {
            ctx.addIssue({
              code: 'custom',
              path: ['meters', key],
              message: 'without a header, meter columns are positions written as strings ("3")',
            });
          }
        }
      }
    }
    // Two keys feeding one register would interleave two meters' values.
    const seen = new Map<string, string>();
    for (const [key, meterId] of Object.entries(mapping.meters ?? {})) {
      const other = seen.get(meterId);
      if (other !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['meters', key],
          message: `meter '${meterId}' is already mapped from '${other}'; a meter has one register`,
        });
      }
      seen.set(meterId, key);
    }
  });
export type ImportMapping = z.infer<typeof ImportMapping>;
export type LongMapping = z.infer<typeof LongMapping>;
export type WideMapping = z.infer<typeof WideMapping>;

/** An import that cannot start or go on (bad mapping, wrong header); the message says why. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

/** Validates a mapping; throws ImportError naming each field at fault, one per `; `. */
export function parseMapping(json: unknown, where = 'mapping'): ImportMapping {
  const parsed = ImportMapping.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    let found: unknown = json;
    for (const p of issue.path) found = (found as Record<PropertyKey, unknown> | undefined)?.[p];
    const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
    return `${where}${field.join('')}: ${JSON.stringify(found) ?? 'missing'} — ${issue.message}`;
  });
  throw new ImportError(problems.join('; '));
}

/** Reads and validates a mapping file. */
export function loadMappingFile(file: string): ImportMapping {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ImportError(`mapping ${file}: ${(err as Error).message}`);
  }
  return parseMapping(json, `${file}: mapping`);
}

/**
 * True when a luxon format reads a whole calendar date: a sample date written in the format
 * reads back with the same day, month and year.
 */
function readsFullDate(format: string): boolean {
  try {
    const sample = DateTime.fromObject(
      { year: 2016, month: 10, day: 30, hour: 2, minute: 8 },
      { zone: 'UTC' },
    );
    const back = DateTime.fromFormat(sample.toFormat(format), format, { zone: 'UTC' });
    return back.isValid && back.year === 2016 && back.month === 10 && back.day === 30;
  } catch {
    return false;
  }
}
