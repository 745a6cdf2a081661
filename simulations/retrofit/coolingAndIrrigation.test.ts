import { describe, expect, it } from 'vitest';
import { condensateYieldL, coolingLoadFromMakeupKwh } from './condensate';
import {
  blowdownM3,
  evaporationFromMakeupM3,
  evaporationM3h,
  makeupFactor,
  makeupM3,
} from './coolingTower';
import { irrigationDepthMm, irrigationVolumeM3, landscapeCoefficient } from './irrigation';

describe('cooling tower', () => {
  it('gives blowdown and make-up at 4 cycles', () => {
    // Circulation 100 m³/h, range 5 K: E = 0.00085 × 1.8 × 100 × 5 = 0.765 m³/h.
    // Drift 0.01 m³/h. B = 0.765 / (4 − 1) − 0.01 = 0.245; M = 0.765 + 0.245 + 0.01 = 1.02.
    // Check: N = M / (B + D) = 1.02 / 0.255 = 4.
    const e = evaporationM3h(100, 5);
    expect(e).toBeCloseTo(0.765, 12);
    expect(blowdownM3(e, 4, 0.01)).toBeCloseTo(0.245, 12);
    expect(makeupM3(e, 4, 0.01)).toBeCloseTo(1.02, 12);
    expect(evaporationFromMakeupM3(1.02, 4)).toBeCloseTo(0.765, 12);
  });

  it('cuts make-up by a sixth going from 3 to 5 cycles', () => {
    // M ∝ N / (N − 1): (5/4) / (3/2) = 0.8333…
    expect(makeupFactor(3, 5)).toBeCloseTo(5 / 6, 12);
  });
});

describe('AC condensate', () => {
  it('yields by month from the cooling energy', () => {
    const factors = [0, 0, 0, 0, 0, 0.085, 0.15, 0.15, 0.085, 0, 0, 0];
    // 1,000 kWh: July 150 L, June 85 L, January nothing.
    expect(condensateYieldL(1000, 7, factors)).toBeCloseTo(150, 12);
    expect(condensateYieldL(1000, 6, factors)).toBeCloseTo(85, 12);
    expect(condensateYieldL(1000, 1, factors)).toBe(0);
  });

  it('reads the cooling load from the tower make-up', () => {
    // 8,600 L make-up at 3 cycles: E = 8,600 × 2/3 kg; × 600/860 kWh/kg = 4,000 kWh.
    expect(coolingLoadFromMakeupKwh(8600, 3, 600 / 860)).toBeCloseTo(4000, 9);
  });
});

describe('irrigation', () => {
  it('waters a July lawn without and with effective rain', () => {
    // Lawn K_L 0.8, July ET0 160 mm: ET_L = 128 mm.
    // Sprinkler (IE 0.65): 128 / 0.65 = 196.923 mm → 100 m² × 0.196923 m = 19.6923 m³.
    // Drip (IE 0.9): 128 / 0.9 = 142.222 mm → 14.2222 m³.
    // Drip with 0.7 × 100 mm = 70 mm effective rain: (128 − 70) / 0.9 = 64.444 mm → 6.4444 m³.
    // A 200 mm month (140 mm effective) covers it all: 0.
    expect(irrigationVolumeM3(100, irrigationDepthMm(160, 0.8, 0.65))).toBeCloseTo(12800 / 650, 10);
    expect(irrigationVolumeM3(100, irrigationDepthMm(160, 0.8, 0.9))).toBeCloseTo(12.8 / 0.9, 10);
    expect(irrigationVolumeM3(100, irrigationDepthMm(160, 0.8, 0.9, 70))).toBeCloseTo(
      5.8 / 0.9,
      10,
    );
    expect(irrigationDepthMm(160, 0.8, 0.9, 140)).toBe(0);
  });

  it('multiplies the landscape factors', () => {
    // 0.8 × 1.1 × 0.9 = 0.792.
    expect(landscapeCoefficient(0.8, 1.1, 0.9)).toBeCloseTo(0.792, 12);
  });
});
