import type { Building } from '../site';
import { type SiteDraft, tap, via } from '../siteDraft';
import { ORIGINAL_2005, PE_2005 } from './equipment';
import { floor, MAIN_Z, named, rect, room, storeyPlane } from './layout';

/** The guard house at the gate: a basin and a squat pan on the level-1 meter, unmetered. */
export function layGuardHouse(d: SiteDraft, gate: string): Building {
  const guardRoom = room('gh-guard', 'office', '门卫室', 'Guard room', [-14, -36, -10, -32]);
  const toilet = room('gh-wc', 'toilet', '卫生间', 'Toilet', [-10, -36, -8, -32], 'all');
  const plane = storeyPlane(0);
  d.run(
    'gh',
    gate,
    [
      via(-10, -33, MAIN_Z),
      via(-10, -33, plane.lineZ),
      tap(guardRoom, 'basin-1', ORIGINAL_2005.basin, plane, -10.4, -33),
      tap(toilet, 'squat-1', ORIGINAL_2005.squat, plane, -9, -33),
    ],
    PE_2005,
  );
  const floors = [floor('gh-f1', 1, named('1层', 'Floor 1'), 0, 3.3, [guardRoom, toilet])];
  const name = named('门卫室', 'Guard house');
  return { id: 'gh', name, footprint: rect([-14, -36, -8, -32]), floors };
}
