/**
 * CSV backfill into the twin's store:
 *
 *   npm run import -- FILE --mapping MAPPING [--dry-run] [--data-dir DIR] [--site SITE] [--json]
 *
 * Works on the store directly (DATA_DIR/twin.sqlite, the same folder and environment as the
 * server), so files of any size stream through without an upload limit. Stop the server
 * first: a running server keeps each meter's engine state in memory and would not see what
 * was imported. For a running server, use `POST /api/v1/import` instead (files up to 8 MiB).
 * Meters the replay or the simulator drive (TWIN_SOURCES) refuse imports, as they refuse
 * ingest. `--dry-run` stores nothing and opens no new data folder.
 * Errors are one line on stderr; exit code 2 for usage, 1 for a failed import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportSummary } from '../models/importSummary';
import { liveClock } from '../server/clock';
import { loadConfig } from '../server/config';
import { type DataDirLock, lockDataDir } from '../server/dataDirLock';
import { importCsv } from '../server/import/csvImport';
import { ImportError, loadMappingFile } from '../server/import/mapping';
import { createLogger } from '../server/logger';
import { loadSiteFile } from '../server/siteLoader';
import { loadReplayMapping } from '../server/sources/replayMapping';
import { Store } from '../server/store';
import { Twin } from '../server/twin';
import { createDemandModel } from '../simulations/demand';

/** The command's output on stdout (diagnostics go to stderr). */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

const USAGE =
  'usage: npm run import -- FILE --mapping MAPPING [--dry-run] [--data-dir DIR] [--site SITE] ' +
  '[--json]';

/** Prints one line and exits. */
function fail(message: string, code = 1): never {
  const oneLine = message.replace(/:\s*\n\s*/g, ': ').replace(/\s*\n\s*/g, '; ');
  console.error(`import: ${oneLine}`);
  process.exit(code);
}

function parseCommandLine() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        mapping: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        site: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    });
    if (values.help) {
      print(USAGE);
      process.exit(0);
    }
    const [file, ...extra] = positionals;
    if (file === undefined) fail(`no FILE given; ${USAGE}`, 2);
    if (extra.length > 0) fail(`one FILE at a time, got also ${extra.join(' ')}; ${USAGE}`, 2);
    if (values.mapping === undefined) fail(`--mapping MAPPING is required; ${USAGE}`, 2);
    return { file, mapping: values.mapping, ...values };
  } catch (err) {
    return fail(`${(err as Error).message}; ${USAGE}`, 2);
  }
}

async function main(): Promise<void> {
  const args = parseCommandLine();

  // Configuration, as the server would read it.
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({
      ...process.env,
      ...(args['data-dir'] === undefined ? {} : { DATA_DIR: args['data-dir'] }),
      ...(args.site === undefined ? {} : { TWIN_SITE: args.site }),
    });
  } catch (err) {
    return fail((err as Error).message, 2);
  }
  try {
    fs.accessSync(args.file, fs.constants.R_OK);
  } catch (err) {
    return fail(`cannot read ${args.file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }

  // The twin over the store, with the same meters fed by replay and simulator as the server.
  const storeFile = path.join(config.dataDir, 'twin.sqlite');
  const dryRun = args['dry-run'];
  let store: Store | null = null;
  let failure: string | null = null;
  // A real import is the store's one writer while it runs; a dry run writes nothing.
  let lock: DataDirLock | null = null;
  try {
    if (!dryRun) lock = lockDataDir(config.dataDir, 'a command-line import');
  } catch (err) {
    return fail((err as Error).message);
  }
  try {
    const mapping = loadMappingFile(args.mapping);
    const { site, tree } = loadSiteFile(config.sitePath);
    store = new Store(dryRun && !fs.existsSync(storeFile) ? ':memory:' : storeFile);
    const replayIds = config.sources.replay
      ? loadReplayMapping(config.replayMappingPath).meters.map((m) => m.meterId)
      : [];
    const twin = new Twin({
      site,
      tree,
      store,
      replay: { meterIds: new Set(replayIds), readingsBetween: () => [] },
      demand: config.sources.sim
        ? createDemandModel(site, tree, { seed: config.seed, backgroundLeakLps: 0.01 })
        : null,
      logger: createLogger(config.logLevel ?? 'warn'),
    });

    // Readings are judged against twin time: the wall clock for a live twin, else the time
    // the stopped server's twin reached.
    if (config.clock.mode === 'live') twin.runBy(liveClock());

    // Stream the file through; progress on stderr for long files.
    let shown = 0;
    const summary = await importCsv({
      twin,
      mapping,
      input: fs.createReadStream(args.file),
      dryRun,
      onProgress: (n) => {
        if (args.json || n - shown < 500_000) return;
        shown = n;
        console.error(`import: ${n} readings…`);
      },
    });
    if (args.json) print(JSON.stringify(summary, null, 2));
    else report(summary, dryRun ? null : storeFile);
  } catch (err) {
    // An ImportError says what to fix; anything else is named by its message too.
    failure = err instanceof ImportError ? err.message : `failed: ${(err as Error).message}`;
  } finally {
    store?.close();
    lock?.release();
  }
  if (failure !== null) fail(failure);
}

/** A short human report; `--json` gives the whole summary. */
function report(s: ImportSummary, storeFile: string | null): void {
  const iso = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString());
  print(storeFile === null ? 'dry run: nothing stored' : `stored in ${storeFile}`);
  print(
    `${s.rowsRead} rows, ${s.readings} readings, ${iso(s.firstTsMs)} → ${iso(s.lastTsMs)}, ` +
      `${s.durationMs} ms`,
  );
  const unmapped = Object.entries(s.unmapped);
  if (unmapped.length > 0) {
    const keys = unmapped.map(([key, n]) => `${key} (${n})`);
    print(
      `not mapped, not imported: ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ', …' : ''}`,
    );
  }
  if (s.emptyValues > 0) print(`empty values skipped: ${s.emptyValues}`);
  if (s.laterOffsetRows > 0)
    print(`rows read at the later offset of a DST repeat: ${s.laterOffsetRows}`);
  for (const [meter, m] of Object.entries(s.meters)) {
    const statuses = Object.entries(m.statuses).map(([k, n]) => `${k} ${n}`);
    const flags = Object.entries(m.intervals.flags).map(([k, n]) => `${k} ${n}`);
    const flagList = flags.length > 0 ? ` (${flags.join(', ')})` : '';
    print(
      `${meter}: ${m.readings} readings (${statuses.join(', ')}); ` +
        `${m.intervals.count} intervals, ` +
        `${(m.intervals.volumeL / 1000).toFixed(3)} m³${flagList}`,
    );
  }
  const list = <T>(
    title: string,
    l: { count: number; rows: readonly T[] },
    line: (r: T) => string,
  ) => {
    if (l.count === 0) return;
    print(`${title}: ${l.count}${l.count > 20 ? ' (first 20)' : ''}`);
    for (const r of l.rows.slice(0, 20)) print(`  ${line(r)}`);
  };
  list('rejected rows', s.rejected, (r) => `line ${r.line}: ${r.reason}`);
  list('to look at', s.notes, (n) => {
    const why = [n.reason, n.hint].filter((x) => x !== undefined).join(' — ');
    return (
      `line ${n.line} ${n.meter} ${iso(n.tsMs)} ${n.value} ${n.unit}: ` +
      `${n.status}${why ? ` (${why})` : ''}`
    );
  });
  list('meter exchanges (serial changed)', s.serialChanges, (c) => {
    return `line ${c.line} ${c.meter} ${iso(c.tsMs)}: ${c.from} → ${c.to}`;
  });
}

void main();
