import { readFileSync } from 'node:fs';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { Meter, type Site } from '../../models/site';

/**
 * The replay mapping (`samples/replay-mapping.json`): which recorded meter of a recorded file
 * drives which meter of the site. Recorded households have no hierarchy, so a mapping that
 * drives a level-2 meter and level-3 meters below it does not balance; ingest's balance
 * checks will say so, which is the point of a test twin.
 */

export const ReplayMeterMapping = z
  .object({
    /** User key in the recorded file (a DAIAD pseudonymous UUID). */
    recordedKey: z.string().trim().min(1, 'recordedKey is empty'),
    /** Site meter the recorded register drives. */
    meterId: Meter.shape.id,
    /** Factor applied to every recorded register value (e.g. a household → an office floor). */
    scale: z.number().positive('scale must be > 0').finite().default(1),
  })
  .strict();
export type ReplayMeterMapping = z.infer<typeof ReplayMeterMapping>;

export const ReplayMapping = z
  .object({
    /** Recorded file, relative to the `samples/` folder. */
    file: z
      .string()
      .min(1)
      .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), {
        message: 'file must be a path inside samples/ (relative, no "..")',
      }),
    /** IANA zone the file's local times are written in. */
    zone: z.string().refine((zone) => IANAZone.isValidZone(zone), {
      message: 'zone must be an IANA time zone such as "Europe/Madrid"',
    }),
    /** Unit of the recorded register values; readings carry it unchanged. */
    unit: z.enum(['L', 'm3']),
    meters: z.array(ReplayMeterMapping).min(1, 'meters must name at least one meter'),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    const seen = new Set<string>();
    mapping.meters.forEach((meter, index) => {
      if (seen.has(meter.meterId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['meters', index, 'meterId'],
          message: `meter '${meter.meterId}' is driven twice; a meter has one register`,
        });
      }
      seen.add(meter.meterId);
    });
  });
export type ReplayMapping = z.infer<typeof ReplayMapping>;

/** A mapping file that does not validate; `message` lists every problem, one a line. */
export class ReplayMappingError extends Error {
  override readonly name = 'ReplayMappingError';
}

/** Validates parsed JSON; `origin` names the file in error messages. */
export function parseReplayMapping(input: unknown, origin = 'replay mapping'): ReplayMapping {
  const result = ReplayMapping.safeParse(input);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.length === 0 ? '(top level)' : formatPath(issue.path);
    return `  ${where}: ${issue.message}`;
  });
  throw new ReplayMappingError(`${origin} is not a valid replay mapping:\n${lines.join('\n')}`);
}

/** Reads and validates a mapping file from disk. */
export function loadReplayMapping(filePath: string): ReplayMapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ReplayMappingError(`${filePath} could not be read as JSON: ${reason}`);
  }
  return parseReplayMapping(json, filePath);
}

/**
 * Problems between a valid mapping and a site: unknown meters, and meters whose register unit
 * differs from the recorded unit (ingest would quarantine every reading, DESIGN §5).
 * Empty when the mapping fits the site.
 */
export function mappingProblems(mapping: ReplayMapping, site: Site): string[] {
  const meters = new Map(site.meters.map((meter) => [meter.id, meter]));
  const problems: string[] = [];
  for (const entry of mapping.meters) {
    const meter = meters.get(entry.meterId);
    if (meter === undefined) {
      problems.push(`meter '${entry.meterId}' is not in site '${site.id}'`);
    } else if (meter.register.unit !== mapping.unit) {
      problems.push(
        `meter '${entry.meterId}' counts in ${meter.register.unit}, the recording in ` +
          `${mapping.unit}`,
      );
    }
  }
  return problems;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
