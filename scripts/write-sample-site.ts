/**
 * Writes the sample site to samples/sites/county-water-bureau.json, pretty-printed with two
 * spaces. Run after changing models/sampleSite.ts or models/sample/:
 * `npx tsx scripts/write-sample-site.ts`.
 * models/sampleSite.test.ts fails while the file and the builder disagree.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { buildSampleSite } from '../models/sampleSite';
import { describeSiteIssues, validateSite } from '../models/siteValidation';

/** The command's output on stdout (diagnostics go to stderr). */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

const target = new URL('../samples/sites/county-water-bureau.json', import.meta.url);

const site = buildSampleSite();
const result = validateSite(site);
if (!result.ok) {
  // Never ship a sample that the product itself would refuse to load.
  console.error(describeSiteIssues(result.issues));
  process.exit(1);
}

await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, `${JSON.stringify(site, null, 2)}\n`);
print(
  `wrote ${target.pathname}: ${site.network.pipes.length} pipes, ` +
    `${site.fixtures.length} fixtures, ${site.meters.length} meters`,
);
