import { describe, expect, it } from 'vitest';
import { costYuan } from '../cost';
import { checkUnit, fromLitres, releaseQuarantined, type VolumeUnit } from '../units';
import { runRegister, volumes } from './support';

describe('PB-11 numbers in m³ labelled as litres are quarantined, never converted', () => {
  const canteen = { unit: 'm3', decimals: 3 } as const;
  const payload = [
    { iso: '2026-03-01T08:00:00+08:00', value: 1532.41, unit: 'L' as VolumeUnit },
    { iso: '2026-03-01T09:00:00+08:00', value: 1532.46, unit: 'L' as VolumeUnit },
    { iso: '2026-03-01T10:00:00+08:00', value: 1532.53, unit: 'L' as VolumeUnit },
  ];

  it('quarantines each row with unit_mismatch (profile m³, payload L)', () => {
    const checks = payload.map((r) => checkUnit(r, canteen));

    for (const check of checks) {
      expect(check.ok).toBe(false);
      if (!check.ok) {
        expect(check.quarantined).toMatchObject({
          reason: 'unit_mismatch',
          declaredUnit: 'm3',
          payloadUnit: 'L',
        });
      }
    }
  });

  it('after the operator confirms m³: 1 532 410 / 460 / 530 L, 50 L and 70 L, 0.42 CNY', () => {
    const litres = payload.map((r) => {
      const check = checkUnit(r, canteen);
      if (check.ok) throw new Error('expected quarantine');
      return releaseQuarantined(check.quarantined, 'm3', canteen);
    });
    const { intervals } = runRegister(
      payload.map((r, i) => ({ row: [r.iso, litres[i] ?? null] as const })),
    );

    expect(litres).toEqual([1_532_410, 1_532_460, 1_532_530]);
    expect(volumes(intervals)).toEqual([50, 70]);
    const costs = intervals.map((i) => costYuan(i.volumeL, 3.5)!);
    expect(costs[0]).toBeCloseTo(0.175, 9);
    expect(costs[1]).toBeCloseTo(0.245, 9);
    expect(costs[0]! + costs[1]!).toBeCloseTo(0.42, 9);
    // The wrong results of the report: 0.05 L / 0.07 L (0.00042 CNY) or 50 000 L.
    expect(volumes(intervals)).not.toContain(0.05);
    expect(volumes(intervals)).not.toContain(50_000);
  });

  it('gives no cost, not 0, when the tariff is not set', () => {
    expect(costYuan(50, undefined)).toBeNull();
    expect(costYuan(null, 3.5)).toBeNull();
    expect(costYuan(0, 3.5)).toBe(0);
  });

  it('never changes stored litres when the display unit changes', () => {
    const stored = [1_532_410, 1_532_460];

    const shown = stored.map((l) => fromLitres(l, 'm3'));

    expect(shown[0]).toBeCloseTo(1532.41, 9);
    expect(stored).toEqual([1_532_410, 1_532_460]);
  });

  it('quarantines m³ sent to a litre meter, and accepts matching units (variant)', () => {
    const litreMeter = { unit: 'L', decimals: 0 } as const;

    expect(checkUnit({ value: 12.5, unit: 'm3' }, litreMeter).ok).toBe(false);
    expect(checkUnit({ value: 12_500, unit: 'L' }, litreMeter)).toEqual({
      ok: true,
      valueL: 12_500,
    });
    expect(checkUnit({ value: null, unit: 'L' }, litreMeter)).toEqual({ ok: true, valueL: null });
  });

  it('stores a four-decimal m³ register at 0.1 L resolution (variant)', () => {
    const fine = { unit: 'm3', decimals: 4 } as const;

    expect(checkUnit({ value: 1532.4107, unit: 'm3' }, fine)).toEqual({
      ok: true,
      valueL: 1_532_410.7,
    });
  });
});
