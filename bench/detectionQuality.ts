import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median } from 'simple-statistics';
import type { Alert } from '../models/alert';
import type { Fault } from '../models/faults';
import type { MeterTree } from '../models/meterTree';
import type { Site } from '../models/site';
import { AlertDesk } from '../server/alerts/alertDesk';
import { AlertStore } from '../server/alerts/alertStore';
import { DetectionRunner } from '../server/alerts/detectionRunner';
import { withDemandFaults } from '../server/faultSources';
import { createLogger } from '../server/logger';
import { loadSiteFile } from '../server/siteLoader';
import { Store } from '../server/store';
import { Twin } from '../server/twin';
import { createDemandModel } from '../simulations/demand';
import { NO_FAULTS, placeFaults } from '../simulations/faults';
import { buildScenarios, type LeakClass, type QualityScenario } from './detectionScenarios';
import { benchDetectorYear } from './detectorYear';

/**
 * Detection quality on labelled simulated scenarios: each runs the real twin (simulator,
 * consumption engine, SQLite store) and the real detection runner and alert desk over the
 * sample site with at most one injected fault, and records when an alert on the fault's meter
 * (or a meter above it) opened, and whether its suspects hold the true pipe.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const FIVE_MIN_MS = 5 * 60_000;
/** History the twin builds before a scenario's fault: the runner's two-week window. */
const WARM_UP_DAYS = 14;
/** How long each class is watched after its start, and the step of the watch. */
const WATCH: Record<LeakClass, { hours: number; stepMs: number }> = {
  burst: { hours: 3, stepMs: FIVE_MIN_MS },
  running_fixture: { hours: 48, stepMs: HOUR_MS },
  seepage: { hours: 8 * 24, stepMs: HOUR_MS },
  stuck_meter: { hours: 96, stepMs: HOUR_MS },
  control: { hours: 30 * 24, stepMs: 3 * HOUR_MS },
};

interface Outcome {
  readonly scenario: QualityScenario;
  /** Time from the fault's start to the first alert on its meter chain, ms; null: missed. */
  readonly detectMs: number | null;
  readonly localised: boolean | null;
  readonly suspectShare: number | null;
  /** Alerts opened during the watch that do not point at the fault (`meter detector`). */
  readonly otherAlerts: readonly string[];
  readonly watchedDays: number;
  /** Alerts the warm-up left open when the watch began (they may absorb the fault's evidence). */
  readonly openAtStart: readonly string[];
}

function chainOf(tree: MeterTree, meterId: string | null): Set<string> {
  const chain = new Set<string>();
  for (let id = meterId; id != null; id = tree.parentOf.get(id) ?? null) chain.add(id);
  return chain;
}

export function runScenario(site: Site, tree: MeterTree, scenario: QualityScenario): Outcome {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'twin-quality-'));
  const store = new Store(path.join(dir, 'twin.sqlite'));
  const logger = createLogger('silent');
  try {
    const placed = scenario.fault
      ? placeFaults(site, tree, { faults: [scenario.fault] }, { anchorMs: scenario.startMs })
      : null;
    if (placed && !placed.ok) throw new Error(`${scenario.id}: ${JSON.stringify(placed.issues)}`);
    const plan = placed?.ok ? placed.plan : NO_FAULTS;
    // A leak-free building apart from the injected fault.
    const demand = createDemandModel(site, tree, { seed: scenario.seed, backgroundLeakLps: 0 });
    const twin = new Twin({
      site,
      tree,
      store,
      replay: null,
      demand: withDemandFaults(demand, plan),
      faults: plan,
      logger,
    });
    const desk = new AlertDesk({
      store: new AlertStore(store.database()),
      tariff: site.tariff,
      nowMs: () => twin.timeMs,
      logger,
    });
    const runner = new DetectionRunner({
      site,
      tree,
      db: store.database(),
      intervals: (meterId, fromMs, toMs) => store.intervals(meterId, fromMs, toMs),
      desk,
      logger,
    });

    // Warm up hour by hour; the runner judges the last two days of it, so alerts that the
    // warm-up raises are open before the watch starts and do not count as detections.
    const watch = WATCH[scenario.leakClass];
    const firstMs = Math.floor(scenario.startMs / watch.stepMs) * watch.stepMs;
    const fromMs = Math.floor(firstMs / HOUR_MS) * HOUR_MS - WARM_UP_DAYS * DAY_MS;
    for (let t = fromMs; t <= firstMs; t += HOUR_MS) {
      twin.step(t);
      if (firstMs - t <= 2 * DAY_MS && t % HOUR_MS === 0) runner.run(t);
    }
    const before = new Set(allAlerts(desk).map((a) => a.id));
    const openAtStart = desk.unresolved().map((a) => `${a.meterId} ${a.detector}`);

    // Watch: the burst rule every step, every rule on the hour, as the server runs them.
    const chain = chainOf(tree, scenario.faultMeterId);
    const pointsAtFault = (a: Alert) => scenario.fault !== null && chain.has(a.meterId);
    const endMs = firstMs + watch.hours * HOUR_MS;
    let found: Alert | undefined;
    let foundAtMs = 0;
    for (let t = firstMs + watch.stepMs; t <= endMs && found === undefined; t += watch.stepMs) {
      twin.step(t);
      runner.run(t, t % HOUR_MS === 0 ? 'all' : 'high_flow');
      if (scenario.leakClass === 'stuck_meter' || scenario.leakClass === 'control') continue;
      found = allAlerts(desk).find((a) => !before.has(a.id) && pointsAtFault(a));
      foundAtMs = t;
    }
    const opened = allAlerts(desk).filter((a) => !before.has(a.id));
    const pipes = site.network.pipes.length;
    return {
      scenario,
      detectMs: found ? foundAtMs - scenario.startMs : null,
      localised: found ? found.suspects.some((s) => s.pipeId === scenario.truePipeId) : null,
      suspectShare: found ? found.suspects.length / pipes : null,
      otherAlerts: opened
        .filter((a) => !pointsAtFault(a) || scenario.leakClass === 'stuck_meter')
        .map((a) => `${a.meterId} ${a.detector}`),
      watchedDays: (Math.min(endMs, twin.timeMs ?? endMs) - firstMs) / DAY_MS,
      openAtStart,
    };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Where a fault sits: its pipe, fixture or meter. */
function placeOf(fault: Fault): string {
  if ('pipeId' in fault) return fault.pipeId;
  return 'fixtureId' in fault ? fault.fixtureId : fault.meterId;
}

function allAlerts(desk: AlertDesk): Alert[] {
  return desk.list(['open', 'acknowledged', 'resolved']);
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const minutes = (ms: number) => `${(ms / 60_000).toFixed(0)} min`;
const hours = (ms: number) => `${(ms / HOUR_MS).toFixed(1)} h`;

function printClass(name: LeakClass, outcomes: readonly Outcome[], aim: string): void {
  const of = outcomes.filter((o) => o.scenario.leakClass === name);
  const found = of.filter((o) => o.detectMs !== null);
  const times = found.map((o) => o.detectMs!);
  const localised = found.filter((o) => o.localised).length;
  const shares = found.map((o) => o.suspectShare!);
  const fmt = name === 'burst' ? minutes : hours;
  console.log(
    `${name.padEnd(16)} n=${String(of.length).padStart(2)}  detected ${pct(
      found.length / of.length,
    ).padStart(5)}  median time ${times.length ? fmt(median(times)).padStart(8) : '       —'}` +
      `  true pipe in suspects ${found.length ? pct(localised / found.length) : '—'}` +
      `  median suspect set ${shares.length ? pct(median(shares)) : '—'} of pipes   aim: ${aim}`,
  );
}

/** Runs every scenario and prints the figures per leak class. */
export async function benchDetectionQuality(): Promise<void> {
  const { site, tree } = loadSiteFile('samples/sites/county-water-bureau.json');
  const demand = createDemandModel(site, tree, { seed: 1, backgroundLeakLps: 0 });
  const level1 = tree.order[0]!;
  const level1MeanLph = (startMs: number) => {
    const fromMs = startMs - WARM_UP_DAYS * DAY_MS;
    const litres = tree.order.reduce(
      (sum, id) => sum + demand.expectedAreaVolumeL(id, fromMs, startMs),
      0,
    );
    return litres / (WARM_UP_DAYS * 24);
  };
  const scenarios = buildScenarios(site, tree, level1MeanLph);
  console.log(
    `\ndetection quality: ${scenarios.length} seeded scenarios on the sample site ` +
      `(level-1 meter ${level1}), real twin + store + detection runner`,
  );
  const started = performance.now();
  const outcomes = scenarios.map((s) => runScenario(site, tree, s));
  for (const o of outcomes) {
    const s = o.scenario;
    const what = s.fault
      ? `${s.fault.kind} ${placeOf(s.fault)}` +
        `${'rateLph' in s.fault ? ` ${s.fault.rateLph} L/h` : ''}`
      : 'no fault';
    const result =
      o.detectMs === null
        ? s.fault && s.leakClass !== 'stuck_meter'
          ? 'MISSED'
          : ''
        : `found after ${s.leakClass === 'burst' ? minutes(o.detectMs) : hours(o.detectMs)}` +
          `${o.localised ? ', true pipe suspected' : ', true pipe NOT suspected'}`;
    console.log(
      `  ${s.id.padEnd(20)} ${s.dateLabel.padEnd(38)} ${what.padEnd(52)} ${result}` +
        `${o.otherAlerts.length ? `  other alerts: ${o.otherAlerts.join(', ')}` : ''}`,
    );
  }
  console.log('');
  printClass('burst', outcomes, 'every burst ≥ 1 m³/h within 15 min');
  printClass('running_fixture', outcomes, '≥ 90 % of ≥ 0.1 m³/h within 24 h');
  printClass('seepage', outcomes, '≥ 80 % of ≥ 2 % level-1 flow within 7 days');
  const within = (name: LeakClass, ms: number) => {
    const of = outcomes.filter((o) => o.scenario.leakClass === name);
    return of.filter((o) => o.detectMs !== null && o.detectMs <= ms).length / of.length;
  };
  console.log(
    `within the aim: bursts ${pct(within('burst', 15 * 60_000))} in 15 min, running fixtures ` +
      `${pct(within('running_fixture', DAY_MS))} in 24 h, ` +
      `seepage ${pct(within('seepage', 7 * DAY_MS))}` +
      ' in 7 days',
  );
  const controls = outcomes.filter((o) => o.scenario.leakClass === 'control');
  const months = controls.reduce((sum, o) => sum + o.watchedDays, 0) / 30;
  const falseAlarms = controls.reduce((sum, o) => sum + o.otherAlerts.length, 0);
  console.log(
    `false alarms on leak-free controls: ${falseAlarms} in ${months.toFixed(1)} site-months = ` +
      `${(falseAlarms / months).toFixed(2)} per site-month (aim ≤ 1)`,
  );
  const stuck = outcomes.filter((o) => o.scenario.leakClass === 'stuck_meter');
  console.log(
    `stuck meters: ${stuck.reduce((s, o) => s + o.otherAlerts.length, 0)} leak alerts in ` +
      `${stuck.length} runs of 96 h with a stuck meter (aim 0: a stuck register is a data-health ` +
      'fault, not a leak)',
  );
  const all = outcomes.filter((o) => o.localised !== null);
  console.log(
    `localisation over all detected leaks: true pipe in suspects ` +
      `${pct(all.filter((o) => o.localised).length / all.length)}, median suspect set ` +
      `${pct(median(all.map((o) => o.suspectShare!)))} of ${site.network.pipes.length} pipes ` +
      '(aims ≥ 90 %, < 15 %)',
  );
  console.log(`(${((performance.now() - started) / 1000).toFixed(0)} s for the scenarios)`);
  await benchDetectorYear(site, tree);
}
