import { describe, expect, it } from 'vitest';
import type { MeterEngineState, MeterProfile } from './consumption';
import { applyAnyReading, type KindContext, registerStateOf } from './dispatch';
import { EMPTY_REGISTER } from './register';

const HOUR = 3_600_000;
const profile: MeterProfile = {
  capacityL: 1_000_000,
  maxFlowLps: 5000 / 3600,
  glitchToleranceL: 50,
  gapMs: 3 * HOUR,
  zeroAsMissingAboveL: 1000,
};
const ctx: KindContext = {
  profile,
  reportingMs: HOUR,
  dayStart: { zone: 'Asia/Shanghai', minuteOfDay: 0 },
};

describe('registers through the logical register', () => {
  it('wraps a state stored before the logical register and books on from it', () => {
    const old: MeterEngineState = {
      lastTsMs: 0,
      registerL: 10_000,
      lastRawL: 10_000,
      candidate: null,
    };

    const step = applyAnyReading('register', old, HOUR, 10_030, ctx);

    expect(registerStateOf(old)).toEqual({ ...EMPTY_REGISTER, engine: old, logicalL: 10_000 });
    expect(step.outcome).toBe('booked');
    expect(step.interval).toEqual({ startMs: 0, endMs: HOUR, volumeL: 30, flags: [] });
    expect(step.state).toMatchObject({ logicalL: 10_030, serial: null });
  });

  it('still calls a late reading without a value missing, as before serials', () => {
    const first = applyAnyReading('register', null, HOUR, 10_000, ctx);

    expect(applyAnyReading('register', first.state, 0, null, ctx).outcome).toBe('missing');
    expect(applyAnyReading('register', first.state, 0, 9_990, ctx).outcome).toBe('late');
  });

  it('raises a replacement instead of a negative interval when the serial changes', () => {
    const first = applyAnyReading('register', null, 0, 1_532_460, ctx, 'OLD-778');

    const step = applyAnyReading('register', first.state, HOUR, 20, ctx, 'NEW-102');

    expect(step.outcome).toBe('possible_meter_replacement');
    expect(step.interval).toBeNull();
  });
});
