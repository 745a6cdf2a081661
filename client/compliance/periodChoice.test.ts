import { describe, expect, it } from 'vitest';
import { presetPeriod, validPeriod } from './periodChoice';

const NOW = Date.parse('2026-04-14T09:30:00+08:00');

describe('compliance period presets', () => {
  it('end with the day before the twin day in the building zone', () => {
    expect(presetPeriod('last7', NOW, 'Asia/Shanghai')).toEqual({
      from: '2026-04-07',
      to: '2026-04-13',
    });
    expect(presetPeriod('thisYear', NOW, 'Asia/Shanghai')).toEqual({
      from: '2026-01-01',
      to: '2026-04-13',
    });
  });

  it('refuses reversed or overlong periods', () => {
    expect(validPeriod({ from: '2026-04-13', to: '2026-04-12' })).toBe(false);
    expect(validPeriod({ from: '2025-01-01', to: '2026-04-12' })).toBe(false);
    expect(validPeriod({ from: '2026-04-12', to: '2026-04-12' })).toBe(true);
  });
});
