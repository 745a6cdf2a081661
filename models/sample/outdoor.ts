import type { Building, IrrigatedArea, Roof } from '../site';
import { bend, junction, type Plane, pt, type SiteDraft, tap, taps, via } from '../siteDraft';
import { GARDEN_HOSE_BIB, IRRIGATION_VALVE, PE_2005, PE_2012 } from './equipment';
import { areaM2, type Box, MAIN_Z, named, pit, rect } from './layout';

/**
 * Outside the buildings: about 2,000 m² of landscaping and its irrigation, and the roofs that
 * could yield rainwater.
 */

/** Depth of the irrigation lines, m: shallower than the main, and drained before winter. */
const IRRIGATION_Z = -0.8;
/** Irrigation valves stand in boxes below grade, hose bibs on standpipes above it. */
const VALVE_BOX: Plane = { lineZ: IRRIGATION_Z, fixtureZ: -0.3 };
const STANDPIPE: Plane = { lineZ: IRRIGATION_Z, fixtureZ: 0.5 };

/** A flat roof over the whole footprint, for rainwater yield. */
export const roof = (building: Building, surface: Roof['surface']): Roof => ({
  id: `roof-${building.id}`,
  buildingId: building.id,
  areaM2: areaM2(building.footprint),
  surface,
});

/** An irrigated area: [id, zh, en, plant type, method, box]. */
type AreaRow = readonly [
  string,
  string,
  string,
  IrrigatedArea['plantType'],
  IrrigatedArea['method'],
  Box,
];

/** Landscaping, 2,012 m² in all. Sprinklers and hoses only; drip is left for the retrofits. */
const AREAS = {
  lawnSouth: ['lawn-south', '南侧草坪', 'South lawn', 'lawn', 'sprinkler', [4, -20, 56, -6]],
  lawnWest: ['lawn-west', '西侧草坪', 'West lawn', 'lawn', 'sprinkler', [-12, 0, -4, 30]],
  trees: ['trees-north', '北侧林带', 'North tree belt', 'trees', 'hose', [0, 24, 100, 30]],
  shrubs: ['shrubs-annex', '综合楼前灌木', 'Annex shrubs', 'shrubs', 'hose', [72, -16, 100, -6]],
  courtyard: ['courtyard', '楼间庭院', 'Courtyard', 'mixed', 'hose', [62, 2, 70, 18]],
  gateBeds: ['beds-gate', '入口花坛', 'Gate flower beds', 'shrubs', 'hose', [-26, -32, -20, -26]],
} as const satisfies Record<string, AreaRow>;

function area([id, zh, en, plantType, method, box]: AreaRow): IrrigatedArea {
  const polygon = rect(box);
  return { id, name: named(zh, en), plantType, areaM2: areaM2(polygon), method, polygon };
}

/**
 * Irrigation behind the level-2 landscaping meter: a north line (west lawn, tree belt) and a
 * south line (south lawn, courtyard, annex shrubs). The gate flower beds hang off the gate,
 * before any level-2 meter, as the level-1 meter's own unmetered use.
 */
export function layLandscape(d: SiteDraft, feed: string, gate: string): IrrigatedArea[] {
  const lawnSouth = area(AREAS.lawnSouth);
  const lawnWest = area(AREAS.lawnWest);
  const trees = area(AREAS.trees);
  const shrubs = area(AREAS.shrubs);
  const courtyard = area(AREAS.courtyard);
  const gateBeds = area(AREAS.gateBeds);

  d.meter('M2-landscape', 2, feed, pit(-18), 40, PE_2012);
  const headStop = junction('ls-head', pt(-8, -1.5, IRRIGATION_Z));
  const head = d.run('ls', 'M2-landscape', [headStop], PE_2012);
  d.run(
    'ls-north',
    head,
    [
      ...taps(lawnWest, 'valve', IRRIGATION_VALVE, VALVE_BOX, 2, [-8, 8, 0, 14]),
      bend(STANDPIPE, -8, 27),
      ...taps(trees, 'hose', GARDEN_HOSE_BIB, STANDPIPE, 4, [10, 27, 28, 0]),
    ],
    PE_2012,
  );
  const south = d.run(
    'ls-south',
    head,
    [
      bend(VALVE_BOX, -8, -8),
      ...taps(lawnSouth, 'valve', IRRIGATION_VALVE, VALVE_BOX, 4, [10, -8, 12, 0]),
      tap(lawnSouth, 'hose-1', GARDEN_HOSE_BIB, STANDPIPE, 54, -8),
      junction('ls-east', pt(66, -8, IRRIGATION_Z)),
    ],
    PE_2012,
  );
  const courtyardBib = tap(courtyard, 'hose-1', GARDEN_HOSE_BIB, STANDPIPE, 66, 10);
  d.run('ls-courtyard', south, [courtyardBib], PE_2012);
  d.run(
    'ls-annex',
    south,
    taps(shrubs, 'hose', GARDEN_HOSE_BIB, STANDPIPE, 2, [80, -8, 12, 0]),
    PE_2012,
  );

  // The gate beds' bib rises straight off the main, which runs deeper than the irrigation.
  const gateStandpipe: Plane = { lineZ: MAIN_Z, fixtureZ: STANDPIPE.fixtureZ };
  const gateBib = tap(gateBeds, 'hose-1', GARDEN_HOSE_BIB, gateStandpipe, -20.5, -29);
  d.run('gate-beds', gate, [via(-20.5, -33, MAIN_Z), gateBib], PE_2005);
  return [lawnSouth, lawnWest, trees, shrubs, courtyard, gateBeds];
}
