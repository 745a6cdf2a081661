import type { Alert, AlertEvent } from './alert';
import type { Site } from './site';

/**
 * The realtime protocol between the twin's server and its clients (DESIGN §7). Both sides
 * type their Socket.IO endpoints with these event maps. Bump the version on any change a
 * client of the previous version would misread. Added within version 1 (clients that do not
 * know them ignore them): `Snapshot.alerts` and the `alert` event.
 */
export const PROTOCOL_VERSION = 1;

/** How the server's clock runs. */
export type ClockInfo =
  | { readonly mode: 'live' }
  | { readonly mode: 'replay' /** simulated ms per wall ms */; readonly speed: number };

/** A meter as the topology lists it; tick arrays follow this order. */
export interface TopologyMeter {
  readonly id: string;
  readonly level: 1 | 2 | 3;
  readonly parentId: string | null;
  readonly nodeId: string;
}

/** A pipe as the topology lists it; tick arrays follow this order. */
export interface TopologyPipe {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly diameterMm: number;
}

export interface Topology {
  readonly meters: readonly TopologyMeter[];
  readonly pipes: readonly TopologyPipe[];
}

/** Site-wide figures shown in the KPI strip; null where the whole-site meter has no data. */
export interface Kpis {
  /** Level-1 volume since local midnight of the building's zone, L. */
  readonly todayL: number | null;
  /** Level-1 mean flow over the last hour, L/s. */
  readonly flowLps: number | null;
  /** todayL divided by the staff count, L per person. */
  readonly perCapitaTodayL: number | null;
}

/** Data state of a meter in a tick. */
export const MeterStatus = { ok: 0, noData: 1, flagged: 2 } as const;
export type MeterStatus = (typeof MeterStatus)[keyof typeof MeterStatus];

/**
 * One step of the twin. Arrays are aligned with `Topology.meters` and `Topology.pipes`.
 * Flows are each meter's mean over the last hour of twin time (the same window for every
 * meter, so parents and children compare like for like); pipe flows are estimated from the
 * meter flows (see server/pipeFlows.ts).
 */
export interface Tick {
  /** Strictly increasing, one per step, never reused while the server's store lives. */
  readonly tick: number;
  /** Twin time at the end of the step, epoch ms. */
  readonly tsMs: number;
  readonly meterFlowLps: readonly number[];
  /** Volume since local midnight per meter, L. */
  readonly meterTodayL: readonly number[];
  /** End of each meter's latest reading interval, epoch ms; null before its first reading. */
  readonly meterLastReadingMs: readonly (number | null)[];
  readonly meterStatus: readonly MeterStatus[];
  readonly pipeFlowLps: readonly number[];
  readonly kpis: Kpis;
}

/** Everything a client needs to draw the twin from scratch. */
export interface Snapshot {
  readonly protocol: typeof PROTOCOL_VERSION;
  readonly clock: ClockInfo;
  readonly site: Site;
  readonly topology: Topology;
  /** The latest tick, or null before the first step. */
  readonly state: Tick | null;
  readonly tick: number;
  /** Alerts not yet resolved (open or acknowledged), newest first. */
  readonly alerts?: readonly Alert[];
}

/** Sent by the client in the Socket.IO handshake `auth`. */
export interface HandshakeAuth {
  /** The last tick the client applied; the server then sends only the ticks after it. */
  readonly lastTick?: number;
}

export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot) => void;
  tick: (tick: Tick) => void;
  /** An alert opened, updated (its evidence went on), acknowledged or resolved. */
  alert: (event: AlertEvent) => void;
}

// The client only listens for now; writes go through the HTTP API.
export type ClientToServerEvents = Record<string, never>;

/** A meter with its latest values, as `GET /api/v1/meters` lists it. */
export interface MeterSummary {
  readonly id: string;
  readonly serial: string;
  readonly level: 1 | 2 | 3;
  readonly parentId: string | null;
  readonly serves: Site['meters'][number]['serves'];
  readonly source: 'replay' | 'sim' | 'ingest';
  readonly flowLps: number | null;
  readonly todayL: number | null;
  /** End of the latest booked interval (the latest reading that counted), epoch ms. */
  readonly lastReadingMs: number | null;
}

/** One bucket of `GET /api/v1/meters/:id/series`: volume in litres, null where no data. */
export interface SeriesPoint {
  /** Bucket start, epoch ms. */
  readonly tsMs: number;
  readonly volumeL: number | null;
}

export interface SeriesResponse {
  readonly meterId: string;
  readonly step: 'hour' | 'day';
  readonly points: readonly SeriesPoint[];
}

/** The error body of every failed HTTP call. */
export interface ApiError {
  readonly code: string;
  readonly message: string;
  /** Each rejected field (path, value found, rule), when a body was refused field by field. */
  readonly issues?: ReadonlyArray<{ path: string; value: unknown; rule: string }>;
}
