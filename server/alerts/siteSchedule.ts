import type { ScheduledUse } from '../../models/detection';
import type { MeterTree } from '../../models/meterTree';
import type { FixtureType, RoomFunction, Site } from '../../models/site';

/**
 * The uses a site expects, built from its fixtures and rooms, so flow rules do not alarm them
 * (issue #4, data-health guard). Each use is placed on the meter whose metering area holds the
 * fixture, not on its ancestors: muting the intake meter for every summer afternoon would hide
 * a burst anywhere on the site. Hours follow the simulator's profiles
 * (simulations/demandParameters.ts) with a margin of about an hour: a choice of the twin (D).
 */
interface UseRule {
  readonly label: string;
  readonly matches: (type: FixtureType, room: RoomFunction | undefined) => boolean;
  readonly months?: readonly number[];
  readonly hours: ReadonlyArray<readonly [number, number]>;
}

const RULES: readonly UseRule[] = [
  // Irrigation programme: May–September, runs from 05:30 cut at 08:00.
  {
    label: 'irrigation',
    matches: (type) => type === 'irrigation_valve',
    months: [5, 6, 7, 8, 9],
    hours: [[5, 9]],
  },
  // Cooling-tower make-up: June–August, 12:00–18:00 at full load.
  {
    label: 'cooling season',
    matches: (type) => type === 'cooling_tower_makeup',
    months: [6, 7, 8],
    hours: [[11, 19]],
  },
  // Canteen kitchen: breakfast and lunch 06:30–13:30, preparation 15:00–17:00.
  {
    label: 'canteen preparation',
    matches: (_type, room) => room === 'canteen_kitchen',
    hours: [
      [6, 14],
      [15, 17],
    ],
  },
];

export function siteSchedule(site: Site, tree: MeterTree): ScheduledUse[] {
  const roomFunction = new Map<string, RoomFunction>();
  for (const building of site.buildings) {
    for (const floor of building.floors) {
      for (const room of floor.rooms) roomFunction.set(room.id, room.function);
    }
  }
  const meterOf = new Map<string, string>();
  for (const [meterId, fixtures] of tree.areaFixtures) {
    for (const fixtureId of fixtures) meterOf.set(fixtureId, meterId);
  }

  // One use per rule, meter and time window.
  const uses = new Map<string, ScheduledUse>();
  for (const fixture of site.fixtures) {
    const meterId = meterOf.get(fixture.id);
    if (meterId === undefined) continue;
    const room = fixture.roomId === undefined ? undefined : roomFunction.get(fixture.roomId);
    for (const rule of RULES) {
      if (!rule.matches(fixture.type, room)) continue;
      for (const hours of rule.hours) {
        const key = `${rule.label}|${meterId}|${hours.join('-')}`;
        uses.set(key, {
          meterId,
          label: rule.label,
          hours: [hours[0], hours[1]],
          ...(rule.months === undefined ? {} : { months: rule.months }),
        });
      }
    }
  }
  return [...uses.values()];
}
