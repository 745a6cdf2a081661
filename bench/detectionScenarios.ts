import type { Fault } from '../models/faults';
import type { MeterTree } from '../models/meterTree';
import type { FixtureType, Site } from '../models/site';
import { uniform } from '../simulations/random';

/**
 * The labelled scenarios of the detection-quality benchmark: seeded, so every run judges the
 * same faults. Each places at most one fault on the sample site at a local date that covers a
 * season, a working week, a rest day or a public holiday, and irrigation months.
 */

export type LeakClass = 'burst' | 'running_fixture' | 'seepage' | 'stuck_meter' | 'control';

export interface QualityScenario {
  readonly id: string;
  readonly leakClass: LeakClass;
  /** Seed of the simulator for this scenario. */
  readonly seed: number;
  /** When the fault starts (the evaluation of a control starts then), epoch ms. */
  readonly startMs: number;
  /** What the local date stands for (season, holiday). */
  readonly dateLabel: string;
  readonly fault: Fault | null;
  /** The pipe that really loses water; null for a stuck meter or a control. */
  readonly truePipeId: string | null;
  /** The meter whose metering area holds the fault (the stuck meter itself). */
  readonly faultMeterId: string | null;
}

/** Local dates across 2025 (mainland holidays as published): the season of each scenario. */
export const SCENARIO_DATES: ReadonlyArray<readonly [string, string]> = [
  ['2025-01-13', 'winter working week'],
  ['2025-01-30', 'Spring Festival holiday'],
  ['2025-03-10', 'early spring working week'],
  ['2025-04-05', 'Qingming holiday'],
  ['2025-05-02', 'Labour Day holiday, irrigation season'],
  ['2025-06-09', 'early summer, irrigation'],
  ['2025-07-14', 'midsummer, irrigation and cooling'],
  ['2025-08-16', 'summer weekend, irrigation'],
  ['2025-09-15', 'autumn working week, irrigation'],
  ['2025-10-03', 'National Day holiday'],
  ['2025-11-10', 'late autumn working week'],
  ['2025-12-20', 'winter weekend'],
];

/** Fixtures that draw now and then, and can run on: flush valves, cisterns, taps. */
const RUNNING_TYPES: ReadonlySet<FixtureType> = new Set([
  'toilet',
  'squat_toilet',
  'urinal',
  'basin_tap',
  'mop_sink',
  'kitchen_sink',
  'hair_wash_basin',
]);

export interface ScenarioCounts {
  readonly burst: number;
  readonly running_fixture: number;
  readonly seepage: number;
  readonly stuck_meter: number;
  readonly control: number;
}

export const DEFAULT_COUNTS: ScenarioCounts = {
  burst: 12,
  running_fixture: 12,
  seepage: 12,
  stuck_meter: 4,
  control: 12,
};

/**
 * Builds the scenarios. `level1MeanLph(startMs)` gives the level-1 meter's mean flow over the
 * two weeks before a date: seepage is sized as a share of it (2–5 %).
 */
export function buildScenarios(
  site: Site,
  tree: MeterTree,
  level1MeanLph: (startMs: number) => number,
  counts: ScenarioCounts = DEFAULT_COUNTS,
  seed = 4064,
): QualityScenario[] {
  const meteredPipes = site.network.pipes.filter((p) => tree.pipeMeter.get(p.id) != null);
  const branchTo = new Map(site.network.pipes.map((p) => [p.to, p.id]));
  const fixtureMeter = new Map<string, string>();
  for (const [meterId, ids] of tree.areaFixtures)
    for (const id of ids) fixtureMeter.set(id, meterId);
  const runnable = site.fixtures.filter((f) => RUNNING_TYPES.has(f.type) && fixtureMeter.has(f.id));
  const stickable = site.meters.filter((m) => m.level > 1).map((m) => m.id);

  const out: QualityScenario[] = [];
  const classes = Object.keys(counts) as LeakClass[];
  for (const leakClass of classes) {
    for (let n = 0; n < counts[leakClass]; n++) {
      const id = `${leakClass}-${String(n + 1).padStart(2, '0')}`;
      const u = (k: string) => uniform(seed, `${id}/${k}`, 0);
      const pick = <T>(list: readonly T[], k: string) => list[Math.floor(u(k) * list.length)]!;
      const [date, dateLabel] = SCENARIO_DATES[(n + classes.indexOf(leakClass)) % 12]!;
      // A start at any minute of the day: bursts at any time, others at any hour.
      const minuteOfDay = Math.floor(u('start') * 24 * 60);
      const startMs =
        Date.parse(`${date}T00:00:00+08:00`) +
        (leakClass === 'burst' ? minuteOfDay : Math.floor(minuteOfDay / 60) * 60) * 60_000;
      const startsAt = new Date(startMs).toISOString();
      let fault: Fault | null = null;
      let truePipeId: string | null = null;
      let faultMeterId: string | null = null;
      if (leakClass === 'burst' || leakClass === 'seepage') {
        const pipe = pick(meteredPipes, 'pipe');
        truePipeId = pipe.id;
        faultMeterId = tree.pipeMeter.get(pipe.id) ?? null;
        const rateLph =
          leakClass === 'burst'
            ? Math.round(1000 + 2000 * u('rate'))
            : Math.round(level1MeanLph(startMs) * (0.02 + 0.03 * u('rate')));
        fault =
          leakClass === 'burst'
            ? { kind: 'burst', pipeId: pipe.id, rateLph, startsAt, durationH: 2 }
            : { kind: 'seepage', pipeId: pipe.id, rateLph, startsAt };
      } else if (leakClass === 'running_fixture') {
        const fixture = pick(runnable, 'fixture');
        truePipeId = branchTo.get(fixture.nodeId) ?? null;
        faultMeterId = fixtureMeter.get(fixture.id) ?? null;
        const rateLph = Math.round(100 + 300 * u('rate'));
        fault = { kind: 'running_fixture', fixtureId: fixture.id, rateLph, startsAt };
      } else if (leakClass === 'stuck_meter') {
        faultMeterId = pick(stickable, 'meter');
        fault = { kind: 'stuck_meter', meterId: faultMeterId, startsAt, durationH: 96 };
      }
      const scenarioSeed = Math.floor(u('seed') * 2 ** 31);
      out.push({
        id,
        leakClass,
        seed: scenarioSeed,
        startMs,
        dateLabel,
        fault,
        truePipeId,
        faultMeterId,
      });
    }
  }
  return out;
}
