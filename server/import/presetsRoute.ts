import fs from 'node:fs/promises';
import path from 'node:path';
import express, { type Router } from 'express';
import type { Logger } from 'pino';
import { parseMapping } from './mapping';

/** The shipped mappings, relative to the working folder like the sample site. */
export const PRESETS_DIR = 'samples/import';
const SUFFIX = '.mapping.json';

/** A shipped mapping: its file name without `.mapping.json`, and the file's JSON as written. */
export interface ImportPreset {
  readonly name: string;
  readonly mapping: unknown;
}

export interface PresetsRouteOptions {
  readonly logger: Logger;
  /** Folder holding `*.mapping.json`; `samples/import` by default. */
  readonly dir?: string;
}

/**
 * `GET /api/v1/import/presets`: `{ presets: [{ name, mapping }] }`, the shipped import mappings
 * the upload page offers as starting points. Read-only and readable by all: the files are part
 * of the repository. Read on each call (a few kilobytes), so an edited file shows at once.
 */
export function importPresetsRoute({ logger, dir = PRESETS_DIR }: PresetsRouteOptions): Router {
  const log = logger.child({ area: 'import' });
  const router = express.Router();
  router.get('/api/v1/import/presets', async (_req, res) => {
    res.json({ presets: await loadPresets(dir, log) });
  });
  return router;
}

/** The folder's mappings by name; a file the import would refuse is left out with a warning. */
export async function loadPresets(dir: string, log: Logger): Promise<ImportPreset[]> {
  let files: string[];
  try {
    files = await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }

  const presets: ImportPreset[] = [];
  for (const file of files.filter((f) => f.endsWith(SUFFIX)).sort()) {
    try {
      const mapping: unknown = JSON.parse(await fs.readFile(path.join(dir, file), 'utf8'));
      parseMapping(mapping, file);
      presets.push({ name: file.slice(0, -SUFFIX.length), mapping });
    } catch (err) {
      log.warn({ file, message: (err as Error).message }, 'import preset left out');
    }
  }
  return presets;
}
