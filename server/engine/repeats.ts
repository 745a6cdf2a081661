/**
 * Idempotent ingest (DESIGN §5, PB-09): a gateway that reconnects may send again what it sent
 * before. A reading is a repeat when the meter already gave the same sequence number or the
 * same timestamp; with the same content it is a duplicate (ignored), with other content a
 * conflict (flagged and kept out of totals, the first value stands). Per meter, pure, JSON.
 */

/** The identity and content of a reading, as the sender gave them. */
export interface SeenReading {
  /** Sender's sequence number; null when it has none. */
  readonly seq: number | null;
  /** Epoch ms. */
  readonly tsMs: number;
  /** Value in the meter's unit; null when the message carried none. */
  readonly value: number | null;
}

/** Recently accepted readings of one meter, oldest first. */
export interface RepeatState {
  readonly recent: readonly SeenReading[];
}

export type RepeatVerdict = 'new' | 'duplicate' | 'conflict';

export interface RepeatCheck {
  readonly state: RepeatState;
  readonly verdict: RepeatVerdict;
  /** Which key matched an earlier reading; null for a new reading. */
  readonly matchedBy: 'seq' | 'ts' | null;
}

export const EMPTY_REPEATS: RepeatState = { recent: [] };

/**
 * How many accepted readings per meter are remembered. Older repeats are still caught by the
 * engines, which book nothing at or before their last reading (`late`); 512 covers more than
 * a day of 5-minute readings, longer than any gateway's send buffer we know.
 */
export const REMEMBERED_READINGS = 512;

/** Tells a new reading from a repeat, and remembers new ones. */
export function checkRepeat(
  state: RepeatState,
  reading: SeenReading,
  remember: number = REMEMBERED_READINGS,
): RepeatCheck {
  // The sequence number is the sender's own identity for a message: it decides first.
  const bySeq = reading.seq === null ? undefined : state.recent.find((r) => r.seq === reading.seq);
  if (bySeq !== undefined) {
    const same = bySeq.tsMs === reading.tsMs && bySeq.value === reading.value;
    return { state, verdict: same ? 'duplicate' : 'conflict', matchedBy: 'seq' };
  }

  // A meter reads once per instant: the same time again is the same reading or a conflict.
  const byTs = state.recent.find((r) => r.tsMs === reading.tsMs);
  if (byTs !== undefined) {
    return {
      state,
      verdict: byTs.value === reading.value ? 'duplicate' : 'conflict',
      matchedBy: 'ts',
    };
  }

  const recent = [...state.recent, reading].slice(-remember);
  return { state: { recent }, verdict: 'new', matchedBy: null };
}
