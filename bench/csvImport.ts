import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/config';
import { importCsv } from '../server/import/csvImport';
import { loadMappingFile } from '../server/import/mapping';
import { createLogger } from '../server/logger';
import { createTwinServer } from '../server/twinServer';
import { rawBatchedInsertMs } from './baseline';
import { report } from './stats';

/**
 * CSV import of the shipped hourly file (56,972 rows, 8 recorded meters) through the import
 * path: streaming parse, local times in Europe/Madrid, engine, store. Baseline: a raw
 * better-sqlite3 insert of the same number of rows in transactions of the import's batch
 * size (5,000).
 */
export async function benchCsvImport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-bench-import-'));
  const config = loadConfig({ DATA_DIR: path.join(dir, 'twin'), TWIN_SOURCES: 'none', PORT: '0' });
  const server = createTwinServer(config, createLogger('silent'));
  const mapping = loadMappingFile('samples/import/daiad-hourly.mapping.json');

  // The import.
  const t0 = performance.now();
  const summary = await importCsv({
    twin: server.twin,
    mapping,
    input: fs.createReadStream('samples/daiad/swm_trialA_subset.csv'),
    dryRun: false,
  });
  const importMs = performance.now() - t0;
  await server.close();
  const rows = summary.rowsRead;

  // The baseline.
  const rawMs = rawBatchedInsertMs(path.join(dir, 'raw.sqlite'), rows, 5000);
  fs.rmSync(dir, { recursive: true, force: true });

  console.log(`CSV import of the shipped hourly file: ${rows} rows`);
  report('CSV import throughput', rows / (importMs / 1000), rows / (rawMs / 1000), 'rows/s');
}
