import { benchCsvImport } from './csvImport';
import { benchDetectionQuality } from './detectionQuality';
import { benchIngestHttp } from './ingestHttp';
import { benchLobbySoak } from './lobbySoak';
import { benchReplayStore } from './replayStore';
import { benchRetrofitProjection } from './retrofitProjection';
import { benchTickLatency } from './tickLatency';

const BENCHES: Record<string, () => Promise<void>> = {
  replay: benchReplayStore,
  ticks: benchTickLatency,
  ingest: benchIngestHttp,
  import: benchCsvImport,
  retrofit: benchRetrofitProjection,
  detection: benchDetectionQuality,
  lobby: benchLobbySoak,
};

/**
 * Runs every benchmark in turn (or those named: `npm run bench -- detection`); each prints
 * its figures beside a same-run baseline.
 */
async function main(): Promise<void> {
  const named = process.argv.slice(2);
  const unknown = named.filter((n) => !(n in BENCHES));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}\n`,
    );
    process.exit(2);
  }
  for (const [name, bench] of Object.entries(BENCHES)) {
    if (named.length === 0 || named.includes(name)) await bench();
  }
  process.exit(0);
}

void main();
