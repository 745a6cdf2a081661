import type { Building } from '../site';
import {
  bend,
  junction,
  type Plane,
  pt,
  type SiteDraft,
  type Stop,
  tap,
  taps,
  via,
} from '../siteDraft';
import { ANNEX, PE_2010, PPR_2010, PPR_2018 } from './equipment';
import {
  corridor,
  floor,
  MAIN_Z,
  named,
  pit,
  rect,
  room,
  STOREY_M,
  storeyPlane,
  washroom,
} from './layout';
import type { Feeds } from './mains';

/**
 * The annex east of the office building on [72, 100] × [0, 20], built in 2010: canteen,
 * kitchen and toilets below; bathhouse, laundry and barber room above.
 */

/** From a pit at x, up through floor 1 to the corridor ceiling of annex floor 2. */
const upToAnnexFloor2 = (x: number, plane: Plane): Stop[] => [
  via(x, 0.4, MAIN_Z),
  via(x, 0.4, plane.lineZ),
  bend(plane, x, 9),
];

/**
 * The annex: canteen, kitchen and toilets on floor 1 (4.2 m high), bathhouse, laundry and
 * barber room on floor 2. Each function has its own level-2 meter in a pit by the south wall.
 */
export function layAnnex(d: SiteDraft, feeds: Feeds): Building {
  const ground = storeyPlane(0);
  const upper = storeyPlane(4.2);
  const dining = room('ax-f1-dining', 'canteen_dining', '职工食堂', 'Canteen', [72, 0, 88, 20]);
  const kitchen = room('ax-f1-kitchen', 'canteen_kitchen', '厨房', 'Kitchen', [88, 8, 100, 20]);
  const men = washroom('ax-f1-men', 'toilet', 'male', [88, 0, 91, 8]);
  const women = washroom('ax-f1-women', 'toilet', 'female', [91, 0, 94, 8]);
  const menBath = washroom('ax-f2-bath-men', 'bathhouse', 'male', [72, 10, 82, 20]);
  const womenBath = washroom('ax-f2-bath-women', 'bathhouse', 'female', [82, 10, 90, 20]);
  const laundry = room('ax-f2-laundry', 'laundry', '洗衣房', 'Laundry', [90, 10, 96, 20]);
  const barber = room('ax-f2-barber', 'barber', '理发室', 'Barber room', [96, 10, 100, 20]);

  // Canteen: hand-wash basins in the dining hall, then toilets and kitchen to the east.
  d.meter('M2-canteen', 2, feeds.canteen, pit(78), 40, PE_2010);
  const inlet = [via(78, 0.6, MAIN_Z), junction('ax-canteen-head', pt(78, 0.6, ground.lineZ))];
  const head = d.run('ax-canteen', 'M2-canteen', inlet, PPR_2010);
  d.run(
    dining.id,
    head,
    taps(dining, 'basin', ANNEX.basin, ground, 6, [78, 19.4, -1, 0]),
    PPR_2010,
  );
  const eastStop = junction('ax-canteen-east', pt(87.6, 0.6, ground.lineZ));
  const east = d.run('ax-canteen', head, [eastStop], PPR_2010);
  d.run(
    men.id,
    east,
    [
      tap(men, 'squat-1', ANNEX.squat, ground, 89, 0.6),
      bend(ground, 90.6, 0.6),
      ...taps(men, 'urinal', ANNEX.urinal, ground, 2, [90.6, 3, 0, 0.8]),
      bend(ground, 90.6, 7.2),
      tap(men, 'basin-1', ANNEX.basin, ground, 88.6, 7.2),
    ],
    PPR_2010,
  );
  d.run(
    women.id,
    east,
    [
      ...taps(women, 'squat', ANNEX.squat, ground, 2, [92, 0.6, 1.4, 0]),
      bend(ground, 93.4, 7.2),
      tap(women, 'basin-1', ANNEX.basin, ground, 91.6, 7.2),
    ],
    PPR_2010,
  );
  d.run(
    kitchen.id,
    east,
    [
      bend(ground, 87.6, 19.4),
      ...taps(kitchen, 'sink', ANNEX.kitchenSink, ground, 9, [89, 19.4, 1.2, 0]),
      bend(ground, 99.4, 19.4),
      tap(kitchen, 'dishwasher-1', ANNEX.dishwasher, ground, 99.4, 12),
      tap(kitchen, 'mop-1', ANNEX.kitchenMop, ground, 99.4, 9),
    ],
    PPR_2018,
  );

  // Bathhouse: basins by the door, showers along the north wall.
  d.meter('M2-bath', 2, feeds.bath, pit(84), 40, PE_2010);
  const bathHead = d.run('ax-bath', 'M2-bath', upToAnnexFloor2(84, upper), PPR_2010);
  d.run(
    menBath.id,
    bathHead,
    [
      bend(upper, 81.4, 9),
      ...taps(menBath, 'basin', ANNEX.basin, upper, 3, [81.4, 10.6, 0, 0.8]),
      bend(upper, 81.4, 19.4),
      ...taps(menBath, 'shower', ANNEX.shower, upper, 12, [80.8, 19.4, -0.75, 0]),
    ],
    PPR_2010,
  );
  d.run(
    womenBath.id,
    bathHead,
    [
      bend(upper, 82.6, 9),
      ...taps(womenBath, 'basin', ANNEX.basin, upper, 3, [82.6, 10.6, 0, 0.8]),
      bend(upper, 82.6, 19.4),
      ...taps(womenBath, 'shower', ANNEX.shower, upper, 10, [83.4, 19.4, 0.7, 0]),
    ],
    PPR_2010,
  );

  // Laundry: two original top-loaders, three 2019 front-loaders and a mop sink.
  d.meter('M2-laundry', 2, feeds.laundry, pit(90.8), 32, PE_2010);
  d.run(
    laundry.id,
    'M2-laundry',
    [
      ...upToAnnexFloor2(90.8, upper),
      ...taps(laundry, 'washer-old', ANNEX.oldWasher, upper, 2, [90.8, 19.4, 1, 0]),
      ...taps(laundry, 'washer', ANNEX.newWasher, upper, 3, [92.8, 19.4, 1, 0]),
      bend(upper, 95.4, 19.4),
      tap(laundry, 'mop-1', ANNEX.mopSink, upper, 95.4, 11),
    ],
    PPR_2010,
  );

  // Barber room: two hair-wash basins and a hand basin.
  d.meter('M2-barber', 2, feeds.barber, pit(97), 20, PE_2010);
  d.run(
    barber.id,
    'M2-barber',
    [
      ...upToAnnexFloor2(97, upper),
      ...taps(barber, 'hair-wash', ANNEX.hairWash, upper, 2, [97, 19.4, 1.4, 0]),
      bend(upper, 99.4, 19.4),
      tap(barber, 'basin-1', ANNEX.basin, upper, 99.4, 15),
    ],
    PPR_2010,
  );

  const hall = corridor('ax-f2-corridor', 2, [72, 8, 100, 10]);
  const upstairs = [hall, menBath, womenBath, laundry, barber];
  const floors = [
    floor('ax-f1', 1, named('1层', 'Floor 1'), 0, 4.2, [dining, kitchen, men, women]),
    floor('ax-f2', 2, named('2层', 'Floor 2'), 4.2, STOREY_M, upstairs),
  ];
  const name = named(
    '综合楼（食堂、浴室、洗衣房、理发室）',
    'Annex (canteen, bathhouse, laundry, barber)',
  );
  return { id: 'ax', name, footprint: rect([72, 0, 100, 20]), floors };
}
