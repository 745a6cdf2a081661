import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseScenario } from '../models/retrofit';
import { parseWeatherYearCsv } from '../models/weatherYear';
import { loadConfig, SAMPLE_WEATHER, SAMPLE_WEATHER_SOURCE } from '../server/config';
import { createLogger } from '../server/logger';
import { createTwinServer } from '../server/twinServer';
import { projectScenario } from '../simulations/retrofit/projection';
import { percentiles, report } from './stats';

const DAY = 86_400_000;
const RUNS = 50;

/**
 * A full-year daily projection of every measure on the sample site, as the planner runs on
 * each change of a parameter. Baseline: reading the same year of metered data from the store
 * (every meter's volume, day by day, through `store.meterVolume`) after the simulator has
 * filled it, the cheapest way the planner could look at a metered year instead.
 */
export async function benchRetrofitProjection(): Promise<void> {
  // Step 1: a year of simulated meters in a fresh store.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-bench-'));
  const config = loadConfig({
    DATA_DIR: path.join(dir, 'twin'),
    TWIN_SOURCES: 'sim',
    TWIN_SCENARIO: 'none',
    TWIN_BACKFILL_DAYS: '0',
    PORT: '0',
  });
  const server = createTwinServer(config, createLogger('silent'));
  const start = Date.parse('2025-01-01T00:00:00+08:00');
  for (let d = 0; d <= 365; d++) server.twin.step(start + d * DAY);
  const site = server.twin.site;
  const meterIds = site.meters.map((m) => m.id);

  // Step 2: the scenario with every measure, and the weather year.
  const weather = parseWeatherYearCsv(
    fs.readFileSync(SAMPLE_WEATHER, 'utf8'),
    SAMPLE_WEATHER_SOURCE,
  );
  const parsed = parseScenario(
    {
      name: 'all measures',
      fixtureSwaps: [
        { fixtureType: 'toilet', target: { kind: 'grade', grade: 1 } },
        { fixtureType: 'basin_tap', target: { kind: 'grade', grade: 1 }, autoOff: true },
      ],
      greywater: { sources: ['basins', 'showers'], uses: ['toiletFlushing'], tankM3: 10 },
      condensate: { use: 'coolingMakeup' },
      rainwater: { tankM3: 30, uses: ['irrigation', 'toiletFlushing'] },
      irrigation: { methods: {}, weatherBasedControl: true },
      coolingTower: { cyclesAfter: 5 },
    },
    site,
  );
  if (!parsed.ok) throw new Error(`bench scenario refused: ${JSON.stringify(parsed.issues)}`);

  // Step 3: time both, interleaved so machine noise hits them alike.
  const projectMs: number[] = [];
  const readMs: number[] = [];
  let sink = 0;
  for (let run = 0; run < RUNS; run++) {
    let t0 = performance.now();
    sink += projectScenario({ site, scenario: parsed.scenario, weather }).totalAfterM3;
    projectMs.push(performance.now() - t0);
    t0 = performance.now();
    for (let d = 0; d < 365; d++) {
      for (const id of meterIds)
        sink += server.store.meterVolume(id, start + d * DAY, start + (d + 1) * DAY);
    }
    readMs.push(performance.now() - t0);
  }
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });

  const project = percentiles(projectMs);
  const read = percentiles(readMs);
  report('retrofit projection, full year, median', project.p50, read.p50, 'ms');
  report('retrofit projection, full year, p99', project.p99, read.p99, 'ms');
  if (!Number.isFinite(sink)) throw new Error('bench: projection gave no number');
}
