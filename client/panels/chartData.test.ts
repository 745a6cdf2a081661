import { describe, expect, it } from 'vitest';
import { chartWindow, toChartData, totalVolumeL } from './chartData';

const H = 3_600_000;
const T0 = Date.UTC(2026, 11, 4, 0);

describe('chart data', () => {
  it('asks for the range ending at the end of the twin hour, not the browser clock', () => {
    expect(chartWindow(T0 + 6.5 * H, '24h')).toEqual({ fromMs: T0 - 17 * H, toMs: T0 + 7 * H });
    expect(chartWindow(T0 + 7 * H, '7d')).toEqual({
      fromMs: T0 + 7 * H - 168 * H,
      toMs: T0 + 7 * H,
    });
  });

  it('sorts buckets, keeps gaps as null and converts to seconds', () => {
    const data = toChartData([
      { tsMs: T0 + 2 * H, volumeL: 30 },
      { tsMs: T0, volumeL: 10 },
      { tsMs: T0 + H, volumeL: null },
    ]);

    expect(data).toEqual([
      [T0 / 1000, (T0 + H) / 1000, (T0 + 2 * H) / 1000],
      [10, null, 30],
    ]);
  });

  it('drops repeated buckets to keep x unique', () => {
    const data = toChartData([
      { tsMs: T0, volumeL: 1 },
      { tsMs: T0, volumeL: 2 },
    ]);

    expect(data).toEqual([[T0 / 1000], [2]]);
  });

  it('totals known volumes only', () => {
    expect(totalVolumeL([{ tsMs: T0, volumeL: null }])).toBeNull();
    expect(
      totalVolumeL([
        { tsMs: T0, volumeL: 5 },
        { tsMs: T0 + H, volumeL: null },
        { tsMs: T0 + 2 * H, volumeL: 7.5 },
      ]),
    ).toBe(12.5);
  });
});
