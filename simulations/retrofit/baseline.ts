import type { MeterTree } from '../../models/meterTree';
import type { FixtureType, RoomFunction, Site } from '../../models/site';
import type { DemandParameters } from '../demandParameters';
import { buildFixtureRates, type FixtureRate } from '../demandRates';
import { activityOf, durationPerUseS, type EndUse } from '../fixtureActivity';
import { PLANNER_END_USE, type RetrofitEndUse } from './endUses';
import { CELLS, cellCounts, cellOf, type PlanningDay } from './planningCalendar';

/**
 * The baseline end-use model: the expected litres each fixture draws on a working day and on
 * a rest day of each month. It is the demand simulator's own expectation
 * (`buildFixtureRates`), so the planner and the simulated meters agree and no demand number
 * is repeated here: occupancy, uses per person, durations, visitors, the cooling season and
 * the irrigation runs all come from `DemandParameters`.
 */

export interface FixtureDemand {
  readonly fixtureId: string;
  readonly type: FixtureType;
  readonly roomId: string | null;
  readonly roomFunction: RoomFunction | null;
  /** The irrigated area of an outdoor fixture. */
  readonly areaId: string | null;
  /** The meter whose own metering area holds the fixture; null above every meter. */
  readonly meterId: string | null;
  readonly demandEndUse: EndUse;
  readonly endUse: RetrofitEndUse;
  /** Litres per use in the baseline: flush volume, or flow × duration. */
  readonly volumePerUseL: number;
  /** Duration of one use, s (taps and showers). */
  readonly durationS: number;
  /** Expected litres per day by cell (`cellOf(month, working)`). */
  readonly dailyL: Float64Array;
}

export interface Baseline {
  readonly fixtures: readonly FixtureDemand[];
  /** Water no fixture explains, m³/day by meter area (calibration residuals). */
  readonly unmeteredM3PerDay: ReadonlyMap<string | null, number>;
}

/** Builds the baseline of every fixture from the site and the demand parameters. */
export function buildBaseline(site: Site, tree: MeterTree, p: DemandParameters): Baseline {
  // Step 1: where each fixture stands and which meter's area it is in.
  const rooms = new Map(
    site.buildings.flatMap((b) => b.floors.flatMap((f) => f.rooms)).map((r) => [r.id, r]),
  );
  const meterOf = new Map<string, string>();
  for (const [meterId, fixtureIds] of tree.areaFixtures) {
    for (const fixtureId of fixtureIds) meterOf.set(fixtureId, meterId);
  }

  // Step 2: expected litres per day of each cell from the simulator's rates.
  const rates = buildFixtureRates(site, p);
  const fixtures = site.fixtures.map((fixture): FixtureDemand => {
    const rate = rates.get(fixture.id)!;
    const room = fixture.roomId !== undefined ? rooms.get(fixture.roomId) : undefined;
    const activity = activityOf(fixture.type, room?.function, fixture.areaId !== undefined);
    const dailyL = new Float64Array(CELLS);
    for (let month = 1; month <= 12; month++) {
      for (const working of [true, false]) {
        dailyL[cellOf(month, working)] = expectedDayL(rate, month, working);
      }
    }
    return {
      fixtureId: fixture.id,
      type: fixture.type,
      roomId: fixture.roomId ?? null,
      roomFunction: room?.function ?? null,
      areaId: fixture.areaId ?? null,
      meterId: meterOf.get(fixture.id) ?? null,
      demandEndUse: rate.endUse,
      endUse: PLANNER_END_USE[rate.endUse],
      volumePerUseL: rate.kind === 'uses' ? rate.volumePerUseL : 0,
      durationS: durationPerUseS(activity, p),
      dailyL,
    };
  });
  return { fixtures, unmeteredM3PerDay: new Map() };
}

/** Expected litres of one day of `month` (1–12), working or not. */
function expectedDayL(rate: FixtureRate, month: number, working: boolean): number {
  if (rate.kind === 'run') return (rate.flowLps * rate.durationMs[month]!) / 1000;
  const day = rate.bucketL[working ? 0 : 1];
  const sumL = day.reduce((a, v) => a + v, 0);
  return rate.kind === 'flow' ? sumL * rate.monthFactor[month]! : sumL;
}

/** The baseline's volume over some days, m³, of the fixtures `keep` accepts (all by default). */
export function volumeOverDaysM3(
  baseline: Baseline,
  days: readonly PlanningDay[],
  keep: (fixture: FixtureDemand) => boolean = () => true,
): number {
  const counts = cellCounts(days);
  let litres = 0;
  for (const fixture of baseline.fixtures) {
    if (!keep(fixture)) continue;
    for (let cell = 0; cell < CELLS; cell++) litres += fixture.dailyL[cell]! * counts[cell]!;
  }
  return litres / 1000;
}

/** The same baseline with each fixture's daily litres multiplied by `factor(fixture, cell)`. */
export function scaleFixtures(
  baseline: Baseline,
  factor: (fixture: FixtureDemand, cell: number) => number,
): Baseline {
  const fixtures = baseline.fixtures.map((fixture) => {
    const dailyL = fixture.dailyL.map((litres, cell) => litres * factor(fixture, cell));
    return { ...fixture, dailyL };
  });
  return { ...baseline, fixtures };
}
