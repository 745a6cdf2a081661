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

/**
 * A meter exchange seen in the data without an event (the serial changed): the span from the
 * old meter's last reading to the new meter's first is not booked until an engineer gives the
 * old meter's final reading and the new meter's start (`POST /api/v1/meters/:id/questions/answer`).
 */
export interface ReplacementQuestion {
  readonly oldSerial: string;
  readonly newSerial: string;
  /** Old meter's last accepted reading, epoch ms. */
  readonly lastOldTsMs: number;
  /** Old meter's register then, L: its final reading cannot be below it. */
  readonly lastOldRegisterL: number;
  /** New meter's first reading, epoch ms: the answer names the question by it. */
  readonly firstNewTsMs: number;
  /** New meter's register then, L: its start value cannot be above it. */
  readonly firstNewValueL: number;
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
  // Optional only so client code written before them still type-checks; the server always
  // sends them. Make them required once client/panels/healthView.test.ts builds them.
  /** Booked meter replacements (intervals that include a removed meter's last use). */
  readonly replacements?: number;
  /** Explicit register resets booked. */
  readonly resets?: number;
  /** Replacements seen in the data that wait for an engineer's answer, oldest first. */
  readonly openQuestions?: readonly ReplacementQuestion[];
  /**
   * The continuous logical register, L: first reading plus all booked use, across resets and
   * replacements; null before any register reading or while a question is open.
   */
  readonly logicalRegisterL?: number | null;
}
