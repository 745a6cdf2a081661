/**
 * A meter reading as every source hands it to ingest: replay of recorded files, the
 * simulator, and later HTTP, MQTT and CSV import.
 */
export interface Reading {
  readonly meterId: string;
  /** When the meter took the reading, epoch ms (UTC). */
  readonly tsMs: number;
  /**
   * The value in `unit`, null when the message carried none. For `flow` readings, `L` means
   * L/s and `m3` means m³/h.
   */
  readonly value: number | null;
  readonly unit: 'L' | 'm3';
  /**
   * What `value` means: `register` a cumulative register; `interval_volume` the volume since
   * the previous reading; `flow` an instantaneous flow; `daily_total` the volume since the
   * counter's day start (which may not be local midnight; see the meter's `counterDayStart`).
   */
  readonly kind: 'register' | 'interval_volume' | 'flow' | 'daily_total';
  /** Sender's sequence number, when it has one. */
  readonly seq?: number;
  /**
   * Serial of the physical meter that took the reading, when the sender reports it. A new
   * serial on a register means the meter was exchanged (PB-04).
   */
  readonly serial?: string;
  readonly source: 'replay' | 'sim' | 'ingest';
}
