import { describe, expect, it } from 'vitest';
import { logicalRegisterL } from '../register';
import { at, m3, registerProfile, rows, runRegister, total, volumes } from './support';

describe('PB-03 a register wrapping past its last digit never stalls the stream', () => {
  it('books 20, 90 (rollover), 30 L: 0.140 m³', () => {
    const { intervals, outcomes, state } = runRegister(
      rows(
        ['2024-04-07T10:20:00+01:00', m3(999.91)],
        ['2024-04-07T10:25:00+01:00', m3(999.93)],
        ['2024-04-07T10:30:00+01:00', m3(0.02)],
        ['2024-04-07T10:35:00+01:00', m3(0.05)],
      ),
    );

    expect(outcomes).toEqual(['first', 'booked', 'booked', 'booked']);
    expect(volumes(intervals)).toEqual([20, 90, 30]);
    expect(intervals[1]!.flags).toEqual(['rollover']);
    expect(intervals[1]!.endMs).toBe(at('2024-04-07T10:30:00+01:00'));
    expect(total(intervals) / 1000).toBeCloseTo(0.14, 9);
    // The logical register goes on past the wrap.
    expect(logicalRegisterL(state)).toBe(1_000_050);
  });

  it('flags a wrap beyond the maximum flow and accepts the following readings', () => {
    const { intervals, outcomes } = runRegister(
      rows(
        ['2024-04-07T10:20:00+01:00', m3(999.91)],
        ['2024-04-07T10:25:00+01:00', m3(999.93)],
        ['2024-04-07T10:30:00+01:00', m3(13.3)],
        ['2024-04-07T10:35:00+01:00', m3(13.32)],
        ['2024-04-07T10:40:00+01:00', m3(13.36)],
      ),
    );

    expect(outcomes).toEqual(['first', 'booked', 'suspect_jump', 'booked', 'booked']);
    expect(volumes(intervals)).toEqual([20, 20, 40]);
    expect(intervals.some((i) => i.endMs === at('2024-04-07T10:30:00+01:00'))).toBe(false);
  });

  it('wraps a five-digit litre register at 100 000 L (variant)', () => {
    const profile = registerProfile({ capacityL: 100_000 });
    const { intervals } = runRegister(
      rows(['2026-03-01T10:00:00+08:00', 99_990], ['2026-03-01T10:05:00+08:00', 40]),
      profile,
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([[50, ['rollover']]]);
  });

  it('wraps a 10 000 m³ register (variant)', () => {
    const profile = registerProfile({ capacityL: 10_000_000, maxFlowLps: 40_000 / 3600 });
    const { intervals } = runRegister(
      rows(['2026-03-01T10:00:00+08:00', m3(9999.5)], ['2026-03-01T11:00:00+08:00', m3(1.2)]),
      profile,
    );

    expect(intervals.map((i) => [i.volumeL, i.flags])).toEqual([[1700, ['rollover']]]);
  });
});
