import { performance } from 'node:perf_hooks';
import { pipeline, type Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import type { Logger } from 'pino';
import type { ImportSummary } from '../../models/importSummary';
import { futureReading } from '../ingest/future';
import { newPreviewScratch, type Twin } from '../twin';
import { ImportError, type ImportMapping } from './mapping';
import { createReorderBuffer } from './reorder';
import { createRowReader, type ImportRow, type ImportTarget } from './rows';
import { skipLines } from './skipLines';
import { SummaryBuilder } from './summary';

export interface ImportOptions {
  readonly twin: Twin;
  readonly mapping: ImportMapping;
  /** The file, as bytes or text; read once, as a stream. */
  readonly input: Readable;
  /** Parse and run the engine on copies of the meters' states; store nothing. */
  readonly dryRun: boolean;
  /** Readings per engine batch (and per committed transaction). */
  readonly batchSize?: number;
  /** Readings held back to put an unsorted file in time order (see `reorder.ts`). */
  readonly sortWindow?: number;
  /** Readings shown in the summary's preview. */
  readonly previewRows?: number;
  /** Longest list (rejected rows, notes, flagged intervals) the summary keeps. */
  readonly listCap?: number;
  /** Told the number of readings decided so far, after each batch. */
  readonly onProgress?: (readings: number) => void;
  readonly logger?: Logger;
}

export const DEFAULT_BATCH_SIZE = 5_000;
export const DEFAULT_SORT_WINDOW = 50_000;

/**
 * Imports a CSV file of register readings (DESIGN §5) by a mapping: the file streams through
 * csv-parse, rows become readings of site meters, readings are put in time order within a
 * bounded window and fed to the twin in batches, so memory stays flat whatever the file's
 * length. Each batch is committed before the next is read (a real run), or run on scratch
 * engine states (a dry run, which stores nothing). Throws ImportError when the mapping does
 * not fit the site or the file (nothing is stored then); bad rows are reported, not fatal.
 */
export async function importCsv(options: ImportOptions): Promise<ImportSummary> {
  const startedMs = performance.now();
  const { twin, mapping, dryRun } = options;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const targets = importTargets(twin, mapping);
  const summary = new SummaryBuilder(dryRun, options.listCap ?? 1000, options.previewRows ?? 20);

  // Batches go to the engine in time order; a dry run carries its own engine states.
  const scratch = dryRun ? newPreviewScratch() : null;
  let decided = 0;
  const run = (batch: readonly ImportRow[]): void => {
    const readings = batch.map((row) => row.reading);
    const results = scratch
      ? twin.previewReadings(readings, scratch)
      : twin.ingestReadings(readings);
    batch.forEach((row, k) => {
      summary.decided(row, results[k]!);
    });
    decided += batch.length;
    options.onProgress?.(decided);
  };
  const buffer = createReorderBuffer<ImportRow>(
    (a, b) => a.reading.tsMs - b.reading.tsMs || a.index - b.index,
    options.sortWindow ?? DEFAULT_SORT_WINDOW,
    batchSize,
  );
  const ready: ImportRow[][] = [];
  const nowMs = twin.nowMs();
  const readRow = createRowReader(mapping, targets, {
    ...summary.sink,
    reading: (row) => {
      // A row timed after twin time cannot have been measured: refused with its line.
      const future = futureReading(row.reading.tsMs, nowMs);
      if (future !== null) {
        summary.sink.reject(row.line, `future: ${future}`);
        return;
      }
      summary.sink.reading(row);
      const batch = buffer.push(row);
      if (batch) ready.push(batch);
    },
  });

  // Stream the file: skipped lines never reach the parser; a malformed record is rejected
  // with its line and the parse goes on.
  const skipped = mapping.headerRows;
  const parser = parse({
    delimiter: mapping.delimiter,
    bom: true,
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      const line = typeof err?.lines === 'number' ? err.lines + skipped : 0;
      summary.sink.reject(line, `unreadable CSV: ${err?.message ?? 'unknown error'}`);
      return undefined;
    },
  });
  // A stream's error reaches the loop below through the parser, which pipeline destroys with
  // it; the callback has nothing to add (and hears of a loop that stops early).
  const records =
    skipped > 0
      ? pipeline(options.input, skipLines(skipped), parser, () => {})
      : pipeline(options.input, parser, () => {});

  let count = 0;
  for await (const { record, info } of records as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    count += 1;
    if (count > 1 || !mapping.header) summary.rowRead();
    readRow(record, info.lines + skipped);
    // Let the server answer requests and tick between batches.
    for (let batch = ready.shift(); batch; batch = ready.shift()) {
      run(batch);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  if (count === 0 && mapping.header) {
    throw new ImportError(
      'the file holds no header line (is it empty, or is headerRows too large?)',
    );
  }
  for (const batch of buffer.drain()) run(batch);

  const result = summary.finish(Math.round(performance.now() - startedMs));
  options.logger?.info(
    { dryRun, rows: result.rowsRead, readings: result.readings, durationMs: result.durationMs },
    'import',
  );
  return result;
}

/**
 * The site meters an import may write to, with their units. A mapping naming a meter the site
 * lacks, or one the replay or simulator drives, is refused before anything is read.
 */
function importTargets(twin: Twin, mapping: ImportMapping): Map<string, ImportTarget> {
  const targets = new Map<string, ImportTarget>();
  for (const meter of twin.site.meters) {
    const source = twin.sourceOf.get(meter.id) ?? 'ingest';
    targets.set(meter.id, {
      unit: meter.register.unit,
      refusal: source === 'ingest' ? null : `meter_fed_by_${source}`,
    });
  }
  const problems: string[] = [];
  for (const [key, meterId] of Object.entries(mapping.meters ?? {})) {
    const target = targets.get(meterId);
    if (target === undefined) problems.push(`mapping.meters.${key}: no site meter '${meterId}'`);
    else if (target.refusal !== null) {
      problems.push(
        `mapping.meters.${key}: '${meterId}' is fed by the ${twin.sourceOf.get(meterId)} ` +
          'source; run the twin with TWIN_SOURCES=none (or without that source) to import into it',
      );
    }
  }
  if (problems.length > 0) throw new ImportError(problems.join('; '));
  return targets;
}
