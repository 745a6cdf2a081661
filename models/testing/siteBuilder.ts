import type { NodeKind, Site } from '../site';

/**
 * A tiny site from pipes written `from>to`, each named `p-<from>-<to>`. A node's kind comes
 * from its id: `src…` source, `M…` meter, `f…` fixture (a basin in room `room`), else
 * junction.
 * `levels` lists the meters, one per meter node of the same id. For tests only: shared by
 * meterTree.test.ts and siteValidation.test.ts.
 */
export function tinySite(
  edges: readonly string[],
  levels: Readonly<Record<string, 1 | 2 | 3>>,
): Site {
  const ends = edges.map((e) => e.split('>') as [string, string]);
  const ids = [...new Set(ends.flat())];
  const kindOf = (id: string): NodeKind =>
    id.startsWith('src')
      ? 'source'
      : id.startsWith('M')
        ? 'meter'
        : id.startsWith('f')
          ? 'fixture'
          : 'junction';
  const position = (id: string) => ({ x: ids.indexOf(id), y: 0, z: 0 });
  return {
    schemaVersion: 1,
    id: 'tiny',
    name: { zh: '小', en: 'Tiny' },
    timeZone: 'Asia/Shanghai',
    location: { latDeg: 43.88, lonDeg: 125.32 },
    staff: 1,
    dailyVisitors: 0,
    tariff: {},
    quota: { advancedM3PerPersonYear: 10, generalM3PerPersonYear: 15, source: 'test', status: 'D' },
    buildings: [
      {
        id: 'b',
        name: { zh: '楼', en: 'B' },
        footprint: [
          [0, 0],
          [10, 0],
          [10, 10],
        ],
        floors: [
          {
            id: 'b-1',
            index: 1,
            name: { zh: '一层', en: 'Floor 1' },
            elevationM: 0,
            heightM: 3,
            rooms: [
              {
                id: 'room',
                name: { zh: '房', en: 'Room' },
                function: 'office',
                polygon: [
                  [0, 0],
                  [1, 0],
                  [1, 1],
                ],
              },
            ],
          },
        ],
      },
    ],
    fixtures: ids
      .filter((id) => kindOf(id) === 'fixture')
      .map((id) => ({
        id,
        type: 'basin_tap',
        roomId: 'room',
        nodeId: id,
        position: position(id),
        spec: { flowLps: 0.15 },
        grade: 3,
        installDate: '2016-07-15',
      })),
    outdoor: { irrigatedAreas: [], roofs: [] },
    network: {
      nodes: ids.map((id) => ({ id, kind: kindOf(id), position: position(id) })),
      pipes: ends.map(([from, to]) => ({
        id: `p-${from}-${to}`,
        from,
        to,
        diameterMm: 25,
        material: 'ppr',
        installYear: 2016,
      })),
    },
    meters: Object.entries(levels).map(([id, level]) => ({
      id,
      serial: `S-${id}`,
      nodeId: id,
      level,
      serves: { zh: id, en: id },
      register: { unit: 'm3', digits: 5, decimals: 3 },
      accuracyClass: 2,
      maxFlowM3h: 7.875,
      reporting: { mode: 'interval', intervalS: 900 },
    })),
  };
}
