import { describe, expect, it } from 'vitest';
import { formatFixed, formatLitresAsM3, formatLps, formatLpsAsM3h } from './units';

describe('unit formatting', () => {
  it('shows a dash for missing values, never 0', () => {
    expect(formatFixed(null, 2)).toBe('—');
    expect(formatLps(undefined)).toBe('—');
    expect(formatLitresAsM3(Number.NaN)).toBe('—');
  });

  it('converts litres to m³ and L/s to m³/h', () => {
    expect(formatLitresAsM3(12_345)).toBe('12.35');
    expect(formatLpsAsM3h(1)).toBe('3.60');
  });

  it('never prints a negative zero', () => {
    expect(formatLps(-0.0001)).toBe('0.000');
    expect(formatFixed(-0.004, 2)).toBe('0.00');
    expect(formatLps(-0.02)).toBe('-0.020');
  });

  it('picks decimals by magnitude', () => {
    expect(formatLps(0.0123)).toBe('0.012');
    expect(formatLps(3.216)).toBe('3.22');
    expect(formatLps(12.34)).toBe('12.3');
  });
});
