import { describe, expect, it } from 'vitest';
import { endUseName, flagText } from './exportNames';

describe('export names', () => {
  it('writes flag counts by name in the chosen language, unknown flags by code', () => {
    const flags = { estimated_gap: 3, rollover: 1, future_flag: 2 };
    expect(flagText(flags, 'zh')).toBe('缺口估算 ×3; 表底翻转 ×1; future_flag ×2');
    expect(flagText(flags, 'en')).toBe('gap estimated ×3; rollover ×1; future_flag ×2');
  });

  it('names end uses in the chosen language', () => {
    expect(endUseName('sanitary', 'zh')).toBe('卫生间及盥洗');
    expect(endUseName('irrigation', 'en')).toBe('Irrigation');
  });
});
