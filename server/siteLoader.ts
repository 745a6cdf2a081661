import fs from 'node:fs';
import type { MeterTree } from '../models/meterTree';
import type { Site } from '../models/site';
import { describeSiteIssues, type SiteIssue, validateSite } from '../models/siteValidation';

/** A site file that cannot be used, with every reason. */
export class SiteLoadError extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly SiteIssue[],
  ) {
    super(`site file ${file} is invalid:\n${describeSiteIssues(issues)}`);
    this.name = 'SiteLoadError';
  }
}

/** Reads and validates a site file; throws SiteLoadError naming each problem. */
export function loadSiteFile(file: string): { site: Site; tree: MeterTree } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new SiteLoadError(file, [
      { path: '(file)', value: file, rule: `cannot be read: ${(err as Error).message}` },
    ]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SiteLoadError(file, [
      { path: '(file)', value: file, rule: `is not valid JSON: ${(err as Error).message}` },
    ]);
  }
  const result = validateSite(json);
  if (!result.ok) throw new SiteLoadError(file, result.issues);
  return { site: result.site, tree: result.tree };
}
