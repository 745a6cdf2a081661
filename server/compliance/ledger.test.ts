import { describe, expect, it } from 'vitest';
import { areaCategories } from './balance';
import { functionLedger, meterLedger } from './ledger';
import type { PeriodDay } from './periodData';
import { complianceSite, complianceTree } from './testSite';

const DAY = 86_400_000;
const days: PeriodDay[] = [
  { dateIso: '2026-04-30', startMs: 0, endMs: DAY },
  { dateIso: '2026-05-01', startMs: DAY, endMs: 2 * DAY },
];
// Litres per day; M2b has no data on 1 May.
const daily = new Map<string, Array<number | null>>([
  ['M1', [10_000, 8_000]],
  ['M2a', [6_000, 5_000]],
  ['M3x', [4_000, 1_000]],
  ['M2b', [3_500, null]],
]);
const flags = new Map([['M3x', [{}, { estimated_gap: 2 }]]]);

describe('usage ledgers', () => {
  it('lists each meter by month, depth first, with the flags behind the number', () => {
    const rows = meterLedger(complianceTree(), days, daily, flags, 'month');
    expect(rows.map((r) => [r.key, r.date, r.m3])).toEqual([
      ['M1', '2026-04', 10],
      ['M1', '2026-05', 8],
      ['M2a', '2026-04', 6],
      ['M2a', '2026-05', 5],
      ['M3x', '2026-04', 4],
      ['M3x', '2026-05', 1],
      ['M2b', '2026-04', 3.5],
      ['M2b', '2026-05', null],
    ]);
    expect(rows[5]!.flags).toEqual({ estimated_gap: 2 });
  });

  it('books each function the own use of its areas: a meter less its children', () => {
    const site = complianceSite();
    const tree = complianceTree();
    const levels = new Map(site.meters.map((m) => [m.id, m.level]));
    const rows = functionLedger(
      tree,
      levels,
      areaCategories(site, tree),
      days,
      daily,
      flags,
      'day',
    );
    // Sanitary: M2a's own (6 − 4, 5 − 1 m³) plus M3x (4, 1 m³); irrigation: M2b.
    expect(rows.map((r) => [r.key, r.date, r.m3])).toEqual([
      ['sanitary', '2026-04-30', 6],
      ['sanitary', '2026-05-01', 5],
      ['irrigation', '2026-04-30', 3.5],
      ['irrigation', '2026-05-01', null],
    ]);
    // M3x's two estimated intervals count once, though M2a's own use also rests on M3x.
    expect(rows[1]!.flags).toEqual({ estimated_gap: 2 });
  });
});
