import { describe, expect, it } from 'vitest';
import type { Interval } from '../interval';
import { applyRegisterReading, EMPTY_REGISTER } from '../register';
import { checkRepeat, EMPTY_REPEATS, type RepeatVerdict, type SeenReading } from '../repeats';
import { at, MIN, registerProfile, total, volumes } from './support';

describe('PB-09 readings re-sent after a reconnect are counted once', () => {
  type Msg = { seq: number | null; iso: string; totalL: number };

  /** Idempotency check, then the register engine for new readings. */
  function ingest(messages: readonly Msg[]) {
    let repeats = EMPTY_REPEATS;
    let register = EMPTY_REGISTER;
    const verdicts: RepeatVerdict[] = [];
    const stored: Array<number | null> = [];
    const intervals: Interval[] = [];
    for (const m of messages) {
      const seen: SeenReading = { seq: m.seq, tsMs: at(m.iso), value: m.totalL };
      const check = checkRepeat(repeats, seen);
      repeats = check.state;
      verdicts.push(check.verdict);
      if (check.verdict !== 'new') continue;
      stored.push(m.seq);
      const step = applyRegisterReading(
        register,
        { tsMs: seen.tsMs, valueL: m.totalL, serial: null },
        registerProfile(),
      );
      register = step.state;
      if (step.interval) intervals.push(step.interval);
    }
    return { verdicts, stored, intervals };
  }

  it('stores 101, 102, 103; books 12 + 8 = 20 L; 102 again ignored; 104 is a conflict', () => {
    const { verdicts, stored, intervals } = ingest([
      { seq: 101, iso: '2026-03-01T10:00:00+08:00', totalL: 5000 },
      { seq: 102, iso: '2026-03-01T10:05:00+08:00', totalL: 5012 },
      { seq: 102, iso: '2026-03-01T10:05:00+08:00', totalL: 5012 },
      { seq: 103, iso: '2026-03-01T10:10:00+08:00', totalL: 5020 },
      { seq: 104, iso: '2026-03-01T10:10:00+08:00', totalL: 5026 },
    ]);

    expect(verdicts).toEqual(['new', 'new', 'duplicate', 'new', 'conflict']);
    expect(stored).toEqual([101, 102, 103]);
    expect(volumes(intervals)).toEqual([12, 8]);
    expect(total(intervals)).toBe(20);
  });

  it('flags a reused sequence number with other content as a conflict (variant: seq only)', () => {
    let state = EMPTY_REPEATS;
    state = checkRepeat(state, { seq: 7, tsMs: 0, value: 100 }).state;

    const check = checkRepeat(state, { seq: 7, tsMs: 5 * MIN, value: 104 });

    expect(check).toMatchObject({ verdict: 'conflict', matchedBy: 'seq' });
  });

  it('ignores a repeat without a sequence number by its timestamp (variant: ts only)', () => {
    let state = EMPTY_REPEATS;
    state = checkRepeat(state, { seq: null, tsMs: 0, value: 100 }).state;

    expect(checkRepeat(state, { seq: null, tsMs: 0, value: 100 })).toMatchObject({
      verdict: 'duplicate',
      matchedBy: 'ts',
    });
    expect(checkRepeat(state, { seq: null, tsMs: 0, value: 101 }).verdict).toBe('conflict');
  });

  it('recognises an older message re-sent after newer ones as a duplicate (variant)', () => {
    const { verdicts, intervals } = ingest([
      { seq: 1, iso: '2026-03-01T10:00:00+08:00', totalL: 5000 },
      { seq: 2, iso: '2026-03-01T10:05:00+08:00', totalL: 5012 },
      { seq: 3, iso: '2026-03-01T10:10:00+08:00', totalL: 5020 },
      { seq: 1, iso: '2026-03-01T10:00:00+08:00', totalL: 5000 },
    ]);

    expect(verdicts).toEqual(['new', 'new', 'new', 'duplicate']);
    expect(total(intervals)).toBe(20);
  });
});
