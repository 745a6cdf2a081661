import type { Building, Floor, Room, RoomFunction } from '../site';
import { bend, junction, mm, pt, type SiteDraft, tap, taps, via } from '../siteDraft';
import {
  COOLING_MAKEUP,
  ORIGINAL_2005,
  PE_2005,
  PE_2014,
  PPR_2016,
  RENOVATED_2016,
  ROOF_HOSE_BIB,
  STEEL_2005,
  STEEL_2014,
  WATER_BOILER,
} from './equipment';
import {
  type Box,
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

/**
 * The office building: five storeys on [0, 60] × [0, 18] for about 120 staff, offices south
 * and north of a corridor, a wet core mid-north, and the cooling-tower plant room on the roof.
 */

/** A south-side room that is not a single office: [first 6 m bay, bays, function, zh, en]. */
type SouthSpecial = readonly [number, number, RoomFunction, string, string];
const SOUTH_SPECIALS: Readonly<Record<number, readonly SouthSpecial[]>> = {
  1: [
    [4, 2, 'lobby', '门厅', 'Lobby'],
    [9, 1, 'meeting', '接待室', 'Reception room'],
  ],
  3: [[9, 1, 'meeting', '小会议室', 'Small meeting room']],
  5: [[7, 3, 'meeting', '大会议室', 'Main meeting room']],
};

/**
 * Walls between north-side offices, x in m, west and east of the wet core; the offices are
 * numbered <floor>11 onward. Floor 1 gives [37, 40] to an accessible toilet.
 */
const NORTH_WALLS = [
  [4, 10, 16, 22],
  [37, 43, 49, 55],
];
const NORTH_WALLS_F1 = [
  [4, 10, 16, 22],
  [40, 47, 55],
];

/** Offices, meeting rooms and the lobby of storey `f`: ten 6 m bays south, offices north. */
function officeRooms(f: number): Room[] {
  const office = (num: number, box: Box) =>
    room(`ob-f${f}-r${num}`, 'office', `${num} 办公室`, `Office ${num}`, box);
  const rooms: Room[] = [];
  for (let bay = 0; bay < 10; ) {
    const special = SOUTH_SPECIALS[f]?.find(([first]) => first === bay);
    const [, bays, fn, zh, en] = special ?? [bay, 1, 'office', '', ''];
    const num = f * 100 + bay + 1;
    const box: Box = [bay * 6, 0, (bay + bays) * 6, 8];
    if (fn === 'office') rooms.push(office(num, box));
    else if (fn === 'lobby') rooms.push(room(`ob-f${f}-lobby`, fn, zh, en, box));
    else rooms.push(room(`ob-f${f}-r${num}`, fn, `${num} ${zh}`, `${en} ${num}`, box));
    bay += bays;
  }
  const spans = (f === 1 ? NORTH_WALLS_F1 : NORTH_WALLS).flatMap((walls) =>
    walls.slice(1).map((x1, i) => [walls[i]!, x1] as const),
  );
  spans.forEach(([x0, x1], i) => {
    rooms.push(office(f * 100 + 11 + i, [x0, 10, x1, 18]));
  });
  return rooms;
}

/**
 * One office storey. The wet core sits mid-north: tea room [22, 25], men's toilet [25, 30],
 * cleaning room with the pipe shaft [30, 32], women's toilet [32, 37]. The take-off leaves the
 * riser through the level-3 meter, climbs to the corridor ceiling and branches west and east;
 * every fixture hangs off a tee directly above it.
 */
function layOfficeStorey(d: SiteDraft, f: number): Floor {
  const elevationM = mm((f - 1) * STOREY_M);
  const id = `ob-f${f}`;
  const plane = storeyPlane(elevationM);
  const kit = f <= 2 ? RENOVATED_2016 : ORIGINAL_2005;
  const style = f <= 2 ? PPR_2016 : STEEL_2005;
  const tea = room(`${id}-tea`, 'tea_room', '开水间', 'Tea room', [22, 10, 25, 18]);
  const men = washroom(`${id}-men`, 'toilet', 'male', [25, 10, 30, 18]);
  const clean = room(`${id}-clean`, 'cleaning_room', '保洁间', 'Cleaning room', [30, 10, 32, 18]);
  const women = washroom(`${id}-women`, 'toilet', 'female', [32, 10, 37, 18]);
  const hall = corridor(`${id}-corridor`, f, [0, 8, 60, 10]);
  const rooms = [...officeRooms(f), hall, tea, men, clean, women];

  // Take-off: riser tee → floor meter → up to the ceiling → floor header in the corridor.
  const meter = d.meter(
    `M3-office-f${f}`,
    3,
    `${id}-riser`,
    pt(30.4, 10.6, elevationM + 1),
    32,
    style,
  );
  const up = junction(`${id}-up`, pt(30.4, 10.6, plane.lineZ));
  const header = d.run(id, meter, [up, junction(`${id}-header`, pt(30.4, 9, plane.lineZ))], style);
  d.run(clean.id, up.id, [tap(clean, 'mop-1', kit.mopSink, plane, 30.4, 17.2)], style);

  // West: men's toilet (urinals on the shaft wall, pans at the back, basins by the door), tea room.
  const west = d.run(id, header, [junction(`${id}-west`, pt(29.6, 9, plane.lineZ))], style);
  d.run(
    men.id,
    west,
    [
      ...taps(men, 'urinal', kit.urinal, plane, 3, [29.6, 12, 0, 0.8]),
      bend(plane, 29.6, 17.3),
      tap(men, 'wc-1', kit.toilet, plane, 28.6, 17.3),
      tap(men, 'squat-1', kit.squat, plane, 27.2, 17.3),
      bend(plane, 25.4, 17.3),
      ...taps(men, 'basin', kit.basin, plane, 2, [25.4, 12, 0, -1]),
    ],
    style,
  );
  d.run(
    tea.id,
    west,
    [
      bend(plane, 24.6, 9),
      tap(tea, 'sink-1', kit.teaSink, plane, 24.6, 15),
      tap(tea, 'boiler-1', WATER_BOILER, plane, 24.6, 16.5),
    ],
    style,
  );

  // East: women's toilet (basins by the door, pans at the back); floor 1 adds an accessible one.
  const east = d.run(id, header, [junction(`${id}-east`, pt(32.4, 9, plane.lineZ))], style);
  d.run(
    women.id,
    east,
    [
      ...taps(women, 'basin', kit.basin, plane, 2, [32.4, 11, 0, 1]),
      bend(plane, 32.4, 17.3),
      ...taps(women, 'squat', kit.squat, plane, 2, [33.4, 17.3, 1.4, 0]),
      tap(women, 'wc-1', kit.toilet, plane, 36.2, 17.3),
    ],
    style,
  );
  if (f === 1) {
    const box: Box = [37, 10, 40, 18];
    const accessible = room(
      `${id}-accessible`,
      'toilet',
      '无障碍卫生间',
      'Accessible toilet',
      box,
      'all',
    );
    rooms.push(accessible);
    d.run(
      accessible.id,
      east,
      [
        bend(plane, 37.4, 9),
        tap(accessible, 'basin-1', kit.basin, plane, 37.4, 11.5),
        bend(plane, 37.4, 17),
        tap(accessible, 'wc-1', kit.toilet, plane, 39, 17),
      ],
      style,
    );
  }
  return floor(id, f, named(`${f}层`, `Floor ${f}`), elevationM, STOREY_M, rooms);
}

/**
 * The office building: level-2 meter in the pit by the south wall, a galvanised riser in the
 * shaft of the cleaning rooms, and five metered storeys. The cooling tower has its own meter
 * and riser in the same shaft, so its make-up never passes the office meter.
 */
export function layOfficeBuilding(d: SiteDraft, officeFeed: string, coolingFeed: string): Building {
  const storeys = [1, 2, 3, 4, 5];
  d.meter('M2-office', 2, officeFeed, pit(30.8), 50, PE_2005);
  const riser = [
    junction('ob-riser-base', pt(30.8, 10.6, MAIN_Z)),
    ...storeys.map((f) => junction(`ob-f${f}-riser`, pt(30.8, 10.6, (f - 1) * STOREY_M + 1))),
  ];
  d.run('ob-riser', 'M2-office', riser, STEEL_2005);
  const floors = storeys.map((f) => layOfficeStorey(d, f));

  // Roof: the cooling-tower plant room, fed by its own riser.
  const roofZ = mm(storeys.length * STOREY_M);
  const top = storeyPlane(roofZ);
  const plantBox: Box = [30, 10, 38, 18];
  const plant = room(
    'ob-roof-plant',
    'plant_room',
    '冷却塔机房',
    'Cooling-tower plant room',
    plantBox,
  );
  d.meter('M2-cooling', 2, coolingFeed, pit(31.6), 40, PE_2014);
  d.run(
    'ob-ct',
    'M2-cooling',
    [
      via(31.6, 10.6, MAIN_Z),
      via(31.6, 10.6, top.lineZ),
      tap(plant, 'hose-1', ROOF_HOSE_BIB, top, 33, 10.6),
      bend(top, 34, 10.6),
      tap(plant, 'makeup-1', COOLING_MAKEUP, top, 34, 14),
    ],
    STEEL_2014,
  );
  floors.push(floor('ob-roof', 6, named('屋顶', 'Roof'), roofZ, STOREY_M, [plant]));
  const name = named('办公楼', 'Office building');
  return { id: 'ob', name, footprint: rect([0, 0, 60, 18]), floors };
}
