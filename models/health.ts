/**
 * Meter health and quarantine, as the engineer API returns them (`GET /api/v1/health/meters`,
 * `GET /api/v1/quarantine`). Times are epoch ms of twin time.
 */

/** A stored reading that ingest held back, with the reason an engineer must act on. */
export interface QuarantinedReading {
  readonly id: number;
  readonly meterId: string;
  readonly tsMs: number;
  readonly value: number | null;
  /** Unit the sender declared. */
  readonly unit: 'L' | 'm3';
  /** Unit the meter's register is declared in. */
  readonly meterUnit: 'L' | 'm3';
  readonly source: 'replay' | 'sim' | 'ingest';
  /** `unit_mismatch`, `suspect_jump`, `suspect_decrease`, `conflict` or `late`. */
  readonly reason: string;
}

export interface MeterHealth {
  readonly meterId: string;
  /** Time of the latest reading received, accepted or not; null when none ever came. */
  readonly lastReadingMs: number | null;
  /** No reading for longer than the meter's gap allowance. */
  readonly silent: boolean;
  /** The register has not moved over the last `stuckAfterMs` although readings kept coming. */
  readonly stuck: boolean;
  readonly rollovers: number;
  /** Register changes followed after a suspect reading (reset, replacement, second register). */
  readonly rebases: number;
  readonly glitches: number;
  readonly estimatedGaps: number;
  readonly quarantined: number;
}
