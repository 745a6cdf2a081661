import { describe, expect, it } from 'vitest';
import {
  formatFixed,
  formatLitresAsM3,
  formatLps,
  formatLpsAsM3h,
  formatSpeed,
  monthName,
} from './units';

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

  it('writes replay speeds readably in each language', () => {
    expect(formatSpeed(3600, 'zh-CN')).toBe('3600');
    expect(formatSpeed(59.6, 'en')).toBe('60');
    expect(formatSpeed(1_000_000, 'zh-CN')).toBe('100万');
    expect(formatSpeed(36_000, 'zh-CN')).toBe('3.6万');
    expect(formatSpeed(1_000_000, 'en')).toBe('1M');
    expect(formatSpeed(36_000, 'en')).toBe('36K');
  });
});

describe('monthName', () => {
  it('names months in the interface language, January to December', () => {
    expect(monthName('en', 1)).toBe('January');
    expect(monthName('en', 12)).toBe('December');
    expect(monthName('zh', 7)).toBe('7月');
  });
});
