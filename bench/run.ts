import { benchCsvImport } from './csvImport';
import { benchIngestHttp } from './ingestHttp';
import { benchReplayStore } from './replayStore';
import { benchRetrofitProjection } from './retrofitProjection';
import { benchTickLatency } from './tickLatency';

/** Runs every benchmark in turn; each prints its figures beside a same-run baseline. */
async function main(): Promise<void> {
  await benchReplayStore();
  await benchTickLatency();
  await benchIngestHttp();
  await benchCsvImport();
  await benchRetrofitProjection();
  process.exit(0);
}

void main();
