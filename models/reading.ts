/**
 * A meter reading as every source hands it to ingest: replay of recorded files, the
 * simulator, and later HTTP, MQTT and CSV import.
 */
export interface Reading {
  readonly meterId: string;
  /** When the meter took the reading, epoch ms (UTC). */
  readonly tsMs: number;
  /** Register value in `unit`; null when the message carried none. */
  readonly value: number | null;
  readonly unit: 'L' | 'm3';
  /** What `value` means; only cumulative registers exist in this version. */
  readonly kind: 'register';
  /** Sender's sequence number, when it has one. */
  readonly seq?: number;
  readonly source: 'replay' | 'sim' | 'ingest';
}
