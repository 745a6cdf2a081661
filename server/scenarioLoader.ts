import fs from 'node:fs';
import { parseFaultScenario } from '../models/faults';
import type { MeterTree } from '../models/meterTree';
import type { Site } from '../models/site';
import { describeSiteIssues } from '../models/siteValidation';
import { type FaultPlan, type PlaceOptions, placeFaults } from '../simulations/faults';

/**
 * Reads a fault scenario file and places it on the site. Throws one error that names the file
 * and, per problem, the path in the file, the value found and the rule it breaks.
 */
export function loadFaultPlan(
  file: string,
  site: Site,
  tree: MeterTree,
  options: PlaceOptions,
): FaultPlan {
  const fail = (lines: string) => new Error(`scenario file ${file} is invalid:\n${lines}`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? 'error'})`;
    throw fail(`(file): ${JSON.stringify(file)} — ${why}; set TWIN_SCENARIO=none to run without`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw fail(
      `(file): ${JSON.stringify(file)} — cannot be read as JSON: ${(err as Error).message}`,
    );
  }
  const parsed = parseFaultScenario(json);
  if (!parsed.ok) throw fail(describeSiteIssues(parsed.issues));
  const placed = placeFaults(site, tree, parsed.scenario, options);
  if (!placed.ok) throw fail(describeSiteIssues(placed.issues));
  return placed.plan;
}
