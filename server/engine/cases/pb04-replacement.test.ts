import { describe, expect, it } from 'vitest';
import { answerReplacement, type RegisterEvent } from '../events';
import { logicalRegisterL } from '../register';
import { at, m3, registerProfile, rows, runRegister, total, volumes } from './support';

describe('PB-04 a meter replacement never books a negative day', () => {
  const before = rows(
    ['2026-03-10T08:00:00+08:00', m3(1532.41), 'OLD-778'],
    ['2026-03-10T09:00:00+08:00', m3(1532.46), 'OLD-778'],
  );
  const after = rows(
    ['2026-03-10T10:00:00+08:00', m3(0.02), 'NEW-102'],
    ['2026-03-10T11:00:00+08:00', m3(0.07), 'NEW-102'],
  );
  const replacement: RegisterEvent = {
    kind: 'replacement',
    tsMs: at('2026-03-10T09:30:00+08:00'),
    oldFinalL: m3(1532.47),
    newStartL: m3(0),
    newSerial: 'NEW-102',
  };

  it('books 0.050, 0.030 (0.010 old + 0.020 new), 0.050 m³ and keeps one register', () => {
    const { intervals, outcomes, state } = runRegister([
      ...before,
      { event: replacement },
      ...after,
    ]);

    expect(outcomes).toEqual(['first', 'booked', 'replacement', 'booked', 'booked']);
    expect(intervals.map((i) => [i.endMs, i.volumeL])).toEqual([
      [at('2026-03-10T09:00:00+08:00'), 50],
      [at('2026-03-10T10:00:00+08:00'), 30],
      [at('2026-03-10T11:00:00+08:00'), 50],
    ]);
    expect(intervals[1]!.startMs).toBe(at('2026-03-10T09:00:00+08:00'));
    expect(intervals[1]!.flags).toEqual(['meter_replacement']);
    expect(total(intervals) / 1000).toBeCloseTo(0.13, 9);
    expect(logicalRegisterL(state)! / 1000).toBeCloseTo(1532.54, 9);
    expect(logicalRegisterL(state)).toBe(1_532_540);
    expect(state.serial).toBe('NEW-102');
  });

  it('without the event rows: no negative interval, asks for the old final reading', () => {
    const detected = runRegister([...before, ...after]);

    expect(detected.outcomes).toEqual(['first', 'booked', 'possible_meter_replacement', 'booked']);
    expect(volumes(detected.intervals)).toEqual([50, 50]);
    expect(detected.intervals.every((i) => i.volumeL >= 0)).toBe(true);
    expect(detected.questions).toEqual([
      {
        oldSerial: 'OLD-778',
        newSerial: 'NEW-102',
        lastOldTsMs: at('2026-03-10T09:00:00+08:00'),
        lastOldRegisterL: 1_532_460,
        firstNewTsMs: at('2026-03-10T10:00:00+08:00'),
        firstNewValueL: 20,
      },
    ]);
    expect(logicalRegisterL(detected.state)).toBeNull();

    // The operator's answer books the span and restores the same totals as with the events.
    const answered = answerReplacement(
      detected.state,
      at('2026-03-10T10:00:00+08:00'),
      { oldFinalL: m3(1532.47), newStartL: 0 },
      registerProfile(),
    );
    expect(answered.outcome).toBe('replacement');
    expect(answered.interval).toEqual({
      startMs: at('2026-03-10T09:00:00+08:00'),
      endMs: at('2026-03-10T10:00:00+08:00'),
      volumeL: 30,
      flags: ['meter_replacement'],
    });
    expect(logicalRegisterL(answered.state)).toBe(1_532_540);
    expect(total([...detected.intervals, answered.interval!])).toBe(130);
  });

  it('rejects an answer whose old final is below the last reading (variant)', () => {
    const detected = runRegister([...before, ...after]);

    const answered = answerReplacement(
      detected.state,
      at('2026-03-10T10:00:00+08:00'),
      { oldFinalL: m3(1532.0), newStartL: 0 },
      registerProfile(),
    );

    expect(answered.outcome).toBe('rejected');
    expect(answered.state).toBe(detected.state);
  });

  it('treats an exact 0 from a new serial as a replacement, not a missing value (variant)', () => {
    const { outcomes, questions } = runRegister([
      ...before,
      ...rows(['2026-03-10T10:00:00+08:00', 0, 'NEW-102']),
    ]);

    expect(outcomes[2]).toBe('possible_meter_replacement');
    expect(questions[0]!.firstNewValueL).toBe(0);
  });

  it('keeps a litre register continuous across a replacement (variant)', () => {
    const profile = registerProfile({ capacityL: 100_000 });
    const { intervals, state } = runRegister(
      [
        ...rows(['2026-03-10T08:00:00+08:00', 98_000, 'A'], ['2026-03-10T09:00:00+08:00', 98_100]),
        {
          event: {
            kind: 'replacement',
            tsMs: at('2026-03-10T09:10:00+08:00'),
            oldFinalL: 98_125,
            newStartL: 3,
            newSerial: 'B',
          },
        },
        ...rows(['2026-03-10T10:00:00+08:00', 63, 'B']),
        ...rows(['2026-03-10T09:05:00+08:00', 98_110, 'A']),
      ],
      profile,
    );

    expect(volumes(intervals)).toEqual([100, 85]);
    expect(logicalRegisterL(state)).toBe(98_185);
  });

  it('restarts a reset register without a final reading and reports the unknown span', () => {
    const { intervals, outcomes, unmeasured } = runRegister([
      ...rows(['2026-03-10T08:00:00+08:00', 5_000], ['2026-03-10T09:00:00+08:00', 5_040]),
      {
        event: { kind: 'reset', tsMs: at('2026-03-10T09:20:00+08:00'), finalL: null, startL: 0 },
      },
      ...rows(['2026-03-10T10:00:00+08:00', 25]),
    ]);

    expect(outcomes).toEqual(['first', 'booked', 'reset', 'booked']);
    expect(intervals.map((i) => [i.startMs, i.volumeL, i.flags])).toEqual([
      [at('2026-03-10T08:00:00+08:00'), 40, []],
      [at('2026-03-10T09:20:00+08:00'), 25, ['register_reset']],
    ]);
    expect(unmeasured).toEqual([
      { startMs: at('2026-03-10T09:00:00+08:00'), endMs: at('2026-03-10T09:20:00+08:00') },
    ]);
  });

  it('carries the final reading of a reset register into the next interval (variant)', () => {
    const { intervals } = runRegister([
      ...rows(['2026-03-10T08:00:00+08:00', 5_000], ['2026-03-10T09:00:00+08:00', 5_040]),
      {
        event: { kind: 'reset', tsMs: at('2026-03-10T09:20:00+08:00'), finalL: 5_047, startL: 0 },
      },
      ...rows(['2026-03-10T10:00:00+08:00', 25]),
    ]);

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([
      [40, []],
      [32, ['register_reset']],
    ]);
  });
});
