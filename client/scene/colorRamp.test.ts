import { describe, expect, it } from 'vitest';
import {
  flowColor,
  flowRampT,
  projectedRampT,
  RAMP_FLOWING,
  RAMP_HIGH,
  RAMP_STILL,
  type Rgb,
  rampColor,
} from './colorRamp';

const fresh = (): Rgb => ({ r: -1, g: -1, b: -1 });

describe('colour ramp', () => {
  it('is grey for still water and for NaN', () => {
    expect(flowColor(0, 5, fresh())).toEqual(RAMP_STILL);
    expect(flowColor(Number.NaN, 5, fresh())).toEqual(RAMP_STILL);
    expect(flowColor(0.0005, 5, fresh())).toEqual(RAMP_STILL);
  });

  it('is cyan at and above the high flow, whatever the sign', () => {
    expect(flowColor(5, 5, fresh())).toEqual(RAMP_HIGH);
    expect(flowColor(-50, 5, fresh())).toEqual(RAMP_HIGH);
  });

  it('passes through blue in the middle', () => {
    expect(rampColor(0.5, fresh())).toEqual(RAMP_FLOWING);
  });

  it('grows monotonically with the flow magnitude', () => {
    const flows = [0, 0.01, 0.05, 0.2, 1, 3, 5];
    const ts = flows.map((q) => flowRampT(q, 5));
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1]!);
    expect(flowRampT(-1, 5)).toBe(flowRampT(1, 5));
  });

  it('shows a small flow visibly apart from still water', () => {
    const c = flowColor(0.01, 5, fresh());
    expect(c.b - RAMP_STILL.b).toBeGreaterThan(0.05);
  });

  it('puts projected flows on a ramp with no still-water cut-off, three decades deep', () => {
    // Top 2 L/s: scale 0.002 L/s, t = ln(1 + q / 0.002) / ln(1001).
    expect(projectedRampT(0, 2)).toBe(0);
    expect(projectedRampT(Number.NaN, 2)).toBe(0);
    expect(projectedRampT(0.0004, 2)).toBeCloseTo(Math.log(1.2) / Math.log(1001), 12);
    expect(projectedRampT(0.02, 2)).toBeCloseTo(Math.log(11) / Math.log(1001), 12);
    expect(projectedRampT(2, 2)).toBe(1);
    expect(projectedRampT(5, 2)).toBe(1);
  });
});
