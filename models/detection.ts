/**
 * Leak-detection results shared by the server's detectors and the client (DESIGN §8). A
 * detector returns candidates; the server turns them into alerts with a lifecycle.
 */

/** Which rule raised a candidate (domain.md §7). */
export type DetectorId = 'balance' | 'night_flow' | 'continuous_flow' | 'high_flow';

/** A stretch of time, epoch ms, half-open [startMs, endMs). */
export interface DetectionWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * One local hour of a meter's use as detectors read it: the engine's hourly bucket plus the
 * data-health verdict. Only an hour with a volume, not estimated and not suspect is evidence.
 */
export interface HourVolume {
  /** Local hour start, epoch ms. */
  readonly startMs: number;
  /** Local hour end, epoch ms. */
  readonly endMs: number;
  /** Volume, L; null when no interval reached the hour (no data is not no use). */
  readonly volumeL: number | null;
  /** Some of the volume comes from an `estimated_gap` interval: its timing is unknown. */
  readonly estimated: boolean;
  /** Stuck, rebased, reset, rolled-over or replaced data touches the hour. */
  readonly suspect?: boolean;
  /**
   * A zero that may be a stuck register rather than no use (a long or unusual run of zeros):
   * no evidence that a child took nothing in a balance, still a zero to the meter's own rules.
   */
  readonly stillZero?: boolean;
}

/** A pipe the evidence points to, with how strongly, 0–1. */
export interface SuspectPipe {
  readonly pipeId: string;
  readonly confidence: number;
}

/** One point of the series that triggered a candidate. */
export interface EvidencePoint {
  /** Start of the hour, night or interval, epoch ms. */
  readonly tMs: number;
  /** The observed quantity (imbalance, night minimum, hourly volume or flow), in `unit`. */
  readonly value: number;
  /** The limit it was held against, in `unit`. */
  readonly limit: number;
}

export interface Evidence {
  /** `L` per hour or night window (balance), `L/h` (night and continuous), `L/min` (high). */
  readonly unit: 'L' | 'L/h' | 'L/min';
  readonly points: readonly EvidencePoint[];
}

/** A suspected leak before it becomes an alert (no lifecycle yet). */
export interface LeakCandidate {
  readonly detector: DetectorId;
  /** The meter whose data raised it. */
  readonly meterId: string;
  /** First to last piece of evidence. */
  readonly window: DetectionWindow;
  /** Empty when the detector ran without a site (per-meter use, real-data checks). */
  readonly suspects: readonly SuspectPipe[];
  /** 0–1: how far and how persistently the evidence exceeds its limit. */
  readonly confidence: number;
  /** Estimated loss rate, L/h. */
  readonly lossLph: number;
  /** The same loss, m³ per day. */
  readonly lossM3PerDay: number;
  readonly evidence: Evidence;
}

/**
 * A use the building expects, which flow rules must not alarm: an irrigation programme, the
 * cooling season, canteen preparation. Times are local to the building's zone.
 */
export interface ScheduledUse {
  readonly meterId: string;
  readonly label: string;
  /** Months it runs, 1–12; absent: every month. */
  readonly months?: readonly number[];
  /** Local hours it runs, [from, to) in 0–24; from > to wraps midnight; absent: all day. */
  readonly hours?: readonly [number, number];
}
