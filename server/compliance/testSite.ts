import { deriveMeterTree } from '../../models/meterTree';
import type { Site } from '../../models/site';
import { tinySite } from '../../models/testing/siteBuilder';
import type { PeriodVolumes } from './indicators';

/**
 * A constructed site for the compliance tests: a level-1 meter with a guard-house basin on it
 * (`fg`), an office meter M2a with a basin (`fa`) and a floor meter M3x (`fx`), and an
 * irrigation meter M2b (`fi`, drip on 300 m², hose on 100 m²). With `greywater`, a reuse
 * tank `srcG` feeds a toilet `fG` (grade 2) through greywater meter MG (level 2, no parent).
 * Test support only.
 */
export function complianceSite(options: { greywater?: boolean } = {}): Site {
  const reuse = options.greywater ? ['srcG>MG', 'MG>fG'] : [];
  const base = tinySite(
    ['src>M1', 'M1>j', 'j>fg', 'j>M2a', 'j>M2b', 'M2a>fa', 'M2a>M3x', 'M3x>fx', 'M2b>fi', ...reuse],
    { M1: 1, M2a: 2, M2b: 2, M3x: 3, ...(options.greywater ? { MG: 2 as const } : {}) },
  );
  const meters = base.meters.map((m) =>
    m.id === 'MG' ? { ...m, supply: 'greywater' as const } : m,
  );
  const grades: Record<string, 1 | 2 | 3> = { fa: 2, fx: 1, fg: 3, fG: 2 };
  const fixtures = base.fixtures.map((f) => {
    if (f.id === 'fG')
      return { ...f, type: 'toilet' as const, spec: { volumePerUseL: 5 }, grade: 2 as const };
    if (f.id !== 'fi') return { ...f, grade: grades[f.id] ?? 3 };
    const { roomId: _room, ...outdoor } = f;
    return {
      ...outdoor,
      type: 'irrigation_valve' as const,
      areaId: 'lawn',
      grade: 'none' as const,
    };
  });
  const square: Array<[number, number]> = [
    [0, 0],
    [1, 0],
    [1, 1],
  ];
  return {
    ...base,
    staff: 4,
    meters,
    fixtures,
    outdoor: {
      roofs: [],
      irrigatedAreas: [
        {
          id: 'lawn',
          name: { zh: '草坪', en: 'Lawn' },
          plantType: 'lawn',
          areaM2: 300,
          method: 'drip',
          polygon: square,
        },
        {
          id: 'trees',
          name: { zh: '树', en: 'Trees' },
          plantType: 'trees',
          areaM2: 100,
          method: 'hose',
          polygon: square,
        },
      ],
    },
  };
}

export const complianceTree = (options: { greywater?: boolean } = {}) =>
  deriveMeterTree(complianceSite(options));

/** April (30 days) and 1–10 May 2026, litres per meter; greywater MG 10 + 5 m³ when asked. */
export function complianceVolumes(options: { greywater?: boolean } = {}): PeriodVolumes {
  const reuse = (litres: number): Array<[string, number]> =>
    options.greywater ? [['MG', litres]] : [];
  const april = new Map([
    ['M1', 100_000],
    ['M2a', 80_000],
    ['M2b', 18_500],
    ['M3x', 60_000],
    ...reuse(10_000),
  ]);
  const may = new Map([
    ['M1', 40_000],
    ['M2a', 30_000],
    ['M2b', 9_000],
    ['M3x', 20_000],
    ...reuse(5_000),
  ]);
  const total = new Map([...april].map(([id, l]) => [id, l + (may.get(id) ?? 0)]));
  return {
    period: { fromIso: '2026-04-01', toIso: '2026-05-10', days: 40, workingDays: 28 },
    meterL: total,
    months: [
      { month: '2026-04', days: 30, meterL: april },
      { month: '2026-05', days: 10, meterL: may },
    ],
  };
}
