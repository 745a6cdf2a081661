/**
 * Fault scenarios for the simulator (DESIGN §8): leaks and meter faults injected into the
 * simulated and replayed flows, so the detectors can be watched and measured. A scenario file
 * is JSON: `{ "faults": [ … ] }`.
 *
 * Times are either absolute (`startsAt`, an ISO 8601 instant with its offset) or relative to
 * the twin's clock start (`startsAfterH`, hours), which lets the shipped default scenario
 * play on any start date. `durationH` absent: the fault lasts to the end of the run.
 */

import { z } from 'zod';
import type { SiteIssue } from './siteValidation';
import { formatPath, valueAt } from './siteValidation';

const Timing = {
  startsAt: z.iso.datetime({ offset: true }).optional(),
  startsAfterH: z
    .number()
    .min(0)
    .max(24 * 366)
    .optional(),
  durationH: z
    .number()
    .positive()
    .max(24 * 366)
    .optional(),
  /** Shown with the fault in logs and the bench. */
  label: z.string().min(1).max(200).optional(),
};

const LeakRate = z.number().positive().max(100_000);

/** Water lost from a pipe at a steady rate (seepage of a buried main, a weeping joint). */
const Seepage = z.strictObject({
  kind: z.literal('seepage'),
  pipeId: z.string().min(1),
  rateLph: LeakRate,
  ...Timing,
});

/** A sudden large loss from a pipe (a burst), steady while it lasts. */
const Burst = z.strictObject({
  kind: z.literal('burst'),
  pipeId: z.string().min(1),
  rateLph: LeakRate,
  ...Timing,
});

/** A fixture that never stops drawing (a toilet flapper that does not seal, a dripping tap). */
const RunningFixture = z.strictObject({
  kind: z.literal('running_fixture'),
  fixtureId: z.string().min(1),
  rateLph: LeakRate,
  ...Timing,
});

/** A meter whose register stops advancing while water still passes it. */
const StuckMeter = z.strictObject({
  kind: z.literal('stuck_meter'),
  meterId: z.string().min(1),
  ...Timing,
});

export const Fault = z
  .discriminatedUnion('kind', [Seepage, Burst, RunningFixture, StuckMeter])
  .refine((f) => (f.startsAt === undefined) !== (f.startsAfterH === undefined), {
    message: 'give exactly one of startsAt (an instant) and startsAfterH (hours after start)',
  });
export type Fault = z.infer<typeof Fault>;
export type FaultKind = Fault['kind'];

export const FaultScenario = z.strictObject({
  faults: z.array(Fault).max(1000),
});
export type FaultScenario = z.infer<typeof FaultScenario>;

/** A fault placed in time, epoch ms; `endMs` is Infinity for an open-ended fault. */
export type TimedFault = Fault & { readonly startMs: number; readonly endMs: number };

/** Validates the shape of a scenario file; one issue per problem, naming path and value. */
export function parseFaultScenario(
  input: unknown,
): { ok: true; scenario: FaultScenario } | { ok: false; issues: SiteIssue[] } {
  const parsed = FaultScenario.safeParse(input);
  if (parsed.success) return { ok: true, scenario: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      value: valueAt(input, issue.path),
      rule: issue.message,
    })),
  };
}
