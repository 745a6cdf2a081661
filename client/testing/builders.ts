import type { Snapshot, Tick, Topology, TopologyMeter } from '../../models/protocol';
import type { Site } from '../../models/site';

/**
 * Builders for unit tests: a minimal site and snapshot with named meter ids, so tests read
 * as the tree they exercise instead of as copied JSON. Not imported by the app.
 */

/** A meter tree written as `[id, level, parentId]`. */
export type MeterSpec = readonly [id: string, level: 1 | 2 | 3, parentId: string | null];

export function buildTopology(
  meters: readonly MeterSpec[],
  pipeIds: readonly string[] = [],
): Topology {
  return {
    meters: meters.map(
      ([id, level, parentId]): TopologyMeter => ({ id, level, parentId, nodeId: `n-${id}` }),
    ),
    pipes: pipeIds.map((id) => ({ id, from: `a-${id}`, to: `b-${id}`, diameterMm: 25 })),
  };
}

export function buildSite(topology: Topology): Site {
  return {
    schemaVersion: 1,
    id: 'test-site',
    name: { zh: '测试', en: 'Test' },
    timeZone: 'Asia/Shanghai',
    location: { latDeg: 43.8, lonDeg: 125.3 },
    staff: 100,
    dailyVisitors: 0,
    tariff: {},
    quota: { advancedM3PerPersonYear: 10, generalM3PerPersonYear: 15, source: 'test', status: 'U' },
    buildings: [
      {
        id: 'b1',
        name: { zh: '办公楼', en: 'Office' },
        footprint: [
          [0, 0],
          [40, 0],
          [40, 15],
          [0, 15],
        ],
        floors: [
          {
            id: 'f1',
            index: 1,
            name: { zh: '一层', en: 'F1' },
            elevationM: 0,
            heightM: 3.6,
            rooms: [],
          },
        ],
      },
    ],
    fixtures: [],
    outdoor: { irrigatedAreas: [], roofs: [] },
    network: {
      nodes: topology.meters.map((m, i) => ({
        id: m.nodeId,
        kind: 'meter' as const,
        position: { x: i, y: 0, z: 0 },
      })),
      pipes: [],
    },
    meters: topology.meters.map((m) => ({
      id: m.id,
      serial: `S-${m.id}`,
      nodeId: m.nodeId,
      level: m.level,
      serves: { zh: `表${m.id}`, en: `Meter ${m.id}` },
      register: { unit: 'm3' as const, digits: 5, decimals: 3 },
      accuracyClass: 2 as const,
      maxFlowM3h: 10,
      reporting: { mode: 'on-change' as const },
    })),
  };
}

export function buildTick(topology: Topology, tick: number, flows?: readonly number[]): Tick {
  const meterFlowLps = flows ?? topology.meters.map(() => 0);
  return {
    tick,
    tsMs: Date.UTC(2026, 11, 4, 6) + tick * 1000,
    meterFlowLps,
    meterTodayL: topology.meters.map(() => 0),
    meterLastReadingMs: topology.meters.map(() => null),
    meterStatus: topology.meters.map(() => 0 as const),
    pipeFlowLps: topology.pipes.map(() => 0),
    kpis: { todayL: 0, flowLps: meterFlowLps[0] ?? 0, perCapitaTodayL: 0 },
  };
}

export function buildSnapshot(topology: Topology, tick: number, state: Tick | null): Snapshot {
  return {
    protocol: 1,
    clock: { mode: 'replay', speed: 3600 },
    site: buildSite(topology),
    topology,
    state,
    tick,
  };
}
