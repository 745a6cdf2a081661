import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quantile } from 'simple-statistics';
import type { HourVolume } from '../models/detection';
import type { MeterTree } from '../models/meterTree';
import type { Site } from '../models/site';
import { hourInputs } from '../server/alerts/detectorInputs';
import { siteSchedule } from '../server/alerts/siteSchedule';
import { detectBalance } from '../server/detect/balance';
import { detectContinuousFlow } from '../server/detect/continuousFlow';
import { detectHighFlow } from '../server/detect/highFlow';
import { detectNightFlow } from '../server/detect/nightFlow';
import type { Interval } from '../server/engine/interval';
import { createLogger } from '../server/logger';
import { Store } from '../server/store';
import { Twin } from '../server/twin';
import { createDemandModel } from '../simulations/demand';
import { percentiles, report } from './stats';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TILE_DAYS = 28;
const YEAR_DAYS = 364;

/**
 * Time to run every detector over a year of data for every meter of the sample site: four
 * simulated weeks (real twin and store) repeated to 52, as hourly volumes and 5–15 min
 * intervals. Baseline: one 99th-percentile pass (simple-statistics) over the same intervals.
 */
export async function benchDetectorYear(site: Site, tree: MeterTree): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-year-'));
  const store = new Store(path.join(dir, 'twin.sqlite'));
  try {
    const logger = createLogger('silent');
    const demand = createDemandModel(site, tree, { seed: 7, backgroundLeakLps: 0 });
    const twin = new Twin({ site, tree, store, replay: null, demand, logger });
    const fromMs = Date.parse('2025-06-02T00:00:00+08:00');
    const tileEndMs = fromMs + TILE_DAYS * DAY_MS;
    for (let t = fromMs; t <= tileEndMs; t += HOUR_MS) twin.step(t);

    const tileHours = hourInputs(store.database(), {
      meterIds: tree.order,
      fromMs,
      toMs: tileEndMs,
      stuckHours: 72,
    });
    const hours = new Map<string, HourVolume[]>();
    const intervals = new Map<string, Interval[]>();
    for (const id of tree.order) {
      const tileIntervals = store.intervals(id, fromMs, tileEndMs);
      const h: HourVolume[] = [];
      const iv: Interval[] = [];
      for (let k = 0; k < YEAR_DAYS / TILE_DAYS; k++) {
        const shift = k * TILE_DAYS * DAY_MS;
        for (const x of tileHours.get(id) ?? []) {
          h.push({ ...x, startMs: x.startMs + shift, endMs: x.endMs + shift });
        }
        for (const x of tileIntervals) {
          iv.push({ ...x, startMs: x.startMs + shift, endMs: x.endMs + shift });
        }
      }
      hours.set(id, h);
      intervals.set(id, iv);
    }
    const nowMs = fromMs + YEAR_DAYS * DAY_MS;
    const zone = site.timeZone;
    const schedule = siteSchedule(site, tree);
    const rows = [...intervals.values()].reduce((n, list) => n + list.length, 0);

    const runAll = () => {
      let found = detectBalance({ site, tree, hours, nowMs }).length;
      for (const meterId of tree.order) {
        const series = { meterId, hours: hours.get(meterId) ?? [], zone, nowMs, schedule };
        found += detectNightFlow(series).length + detectContinuousFlow(series).length;
        found += detectHighFlow(
          { meterId, intervals: intervals.get(meterId) ?? [], zone, nowMs, schedule },
          { lookbackMs: (YEAR_DAYS - 7) * DAY_MS },
        ).length;
      }
      return found;
    };
    const baseline = () => {
      let sum = 0;
      for (const list of intervals.values()) {
        sum += quantile(
          list.map((i) => i.volumeL),
          0.99,
        );
      }
      return sum;
    };
    const time = (work: () => number) => {
      const ms: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        work();
        ms.push(performance.now() - t0);
      }
      return percentiles(ms);
    };
    runAll();
    const all = time(runAll);
    const base = time(baseline);
    console.log(
      `\ndetectors over a year: ${tree.order.length} meters, ${rows} intervals, ` +
        `${tree.order.length * YEAR_DAYS * 24} meter-hours`,
    );
    report('all detectors, one year, p50', all.p50, base.p50, 'ms');
    report('all detectors, one year, p99 of 5', all.p99, base.p99, 'ms');
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
