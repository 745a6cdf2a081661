import { describe, expect, it } from 'vitest';
import type { MeterProfile } from './consumption';
import { applyRegisterEvent } from './events';
import {
  applyRegisterReading,
  EMPTY_REGISTER,
  logicalRegisterL,
  type RegisterState,
} from './register';

const HOUR = 3_600_000;

const profile: MeterProfile = {
  capacityL: 1_000_000,
  maxFlowLps: 5000 / 3600,
  glitchToleranceL: 50,
  gapMs: 3 * HOUR,
  zeroAsMissingAboveL: 1000,
};

const read = (state: RegisterState, tsMs: number, valueL: number | null, serial: string | null) =>
  applyRegisterReading(state, { tsMs, valueL, serial }, profile);

describe('logical register', () => {
  it('survives a JSON round trip mid-replacement and books the same as without it', () => {
    let state = read(EMPTY_REGISTER, 0, 10_000, 'A').state;
    state = applyRegisterEvent(
      state,
      { kind: 'replacement', tsMs: HOUR / 2, oldFinalL: 10_020, newStartL: 0, newSerial: 'B' },
      profile,
    ).state;

    const restored = JSON.parse(JSON.stringify(state)) as RegisterState;
    const direct = read(state, HOUR, 15, 'B');
    const viaJson = read(restored, HOUR, 15, 'B');

    expect(viaJson).toEqual(direct);
    expect(direct.interval?.volumeL).toBe(35);
    expect(logicalRegisterL(direct.state)).toBe(10_035);
  });

  it('books nothing from a replaced meter, before or after the change', () => {
    let state = read(EMPTY_REGISTER, 0, 10_000, 'A').state;
    state = read(state, HOUR, 10_010, 'A').state;
    state = read(state, 2 * HOUR, 20, 'B').state;

    expect(read(state, 3 * HOUR, 10_030, 'A').outcome).toBe('retired_serial');
    expect(read(state, 90 * 60_000, 10_015, 'A').outcome).toBe('late');
    expect(read(state, 3 * HOUR, 30, 'B').interval?.volumeL).toBe(10);
  });

  it('ignores an event older than the last reading', () => {
    const state = read(EMPTY_REGISTER, HOUR, 10_000, null).state;

    const step = applyRegisterEvent(
      state,
      { kind: 'reset', tsMs: 0, finalL: null, startL: 0 },
      profile,
    );

    expect(step.outcome).toBe('late');
    expect(step.state).toBe(state);
  });

  it('rejects a final reading below the last reading (not a wrap, not a glitch)', () => {
    const state = read(EMPTY_REGISTER, 0, 10_000, null).state;

    const step = applyRegisterEvent(
      state,
      { kind: 'reset', tsMs: HOUR, finalL: 9_000, startL: 0 },
      profile,
    );

    expect(step.outcome).toBe('rejected');
  });
});
