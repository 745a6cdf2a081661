import { describe, expect, it } from 'vitest';
import type { Alert } from '../../models/alert';
import { buildSite, buildTopology } from '../testing/builders';
import {
  ackByText,
  alertText,
  evidenceAxisUnit,
  evidenceChartData,
  evidenceSpan,
  suspectBox,
} from './alertView';

const at = (iso: string) => Date.parse(`${iso}+08:00`);
const topology = buildTopology([
  ['M1', 1, null],
  ['M3-f2', 3, 'M1'],
]);
const base = buildSite(topology);
const site = {
  ...base,
  network: {
    nodes: [
      { id: 'a', kind: 'junction' as const, position: { x: 0, y: 0, z: 3 } },
      { id: 'b', kind: 'junction' as const, position: { x: 20, y: 4, z: 3 } },
    ],
    pipes: [
      {
        id: 'p1',
        from: 'a',
        to: 'b',
        diameterMm: 25,
        material: 'ppr' as const,
        installYear: 2016,
      },
    ],
  },
};

const alert: Alert = {
  id: 1,
  detector: 'continuous_flow',
  meterId: 'M3-f2',
  status: 'open',
  openedMs: at('2026-04-15T06:00:00'),
  window: { startMs: at('2026-04-14T18:00:00'), endMs: at('2026-04-15T06:00:00') },
  confidence: 0.75,
  suspects: [{ pipeId: 'p1', confidence: 0.75 }],
  lossLph: 180,
  lossM3PerDay: 4.32,
  lossYuanPerDay: null,
  evidence: {
    unit: 'L',
    points: [
      { tMs: at('2026-04-14T19:00:00'), value: 50, limit: 42 },
      { tMs: at('2026-04-14T18:00:00'), value: 40, limit: 42 },
    ],
  },
  ackNote: null,
  ackBy: null,
  ackMs: null,
  resolvedMs: null,
  resolvedBy: null,
};

describe('alert view', () => {
  it('says where, how much and how sure in plain language', () => {
    expect(alertText(alert, site, 'zh')).toBe(
      '表M3-f2：夜间持续用水约 180 L/h，疑似漏水（置信度 75%）',
    );
    expect(alertText(alert, site, 'en')).toBe(
      'Meter M3-f2: water running through the night at about 180 L/h, a suspected leak (confidence 75%)',
    );
    const daytime = {
      ...alert,
      window: { startMs: at('2026-04-15T08:00:00'), endMs: at('2026-04-15T14:00:00') },
    };
    expect(alertText(daytime, site, 'zh')).toBe(
      '表M3-f2：用水长时间不停，约 180 L/h，疑似漏水（置信度 75%）',
    );
  });

  it('charts the evidence in time order, with a ±tolerance band for the balance', () => {
    const x = [at('2026-04-14T18:00:00') / 1000, at('2026-04-14T19:00:00') / 1000];
    expect(evidenceChartData(alert)).toEqual([x, [40, 50], [42, 42]]);
    expect(evidenceChartData({ ...alert, detector: 'balance' })).toEqual([
      x,
      [40, 50],
      [42, 42],
      [-42, -42],
    ]);
  });

  it('frames the suspect pipes with a minimum size', () => {
    expect(suspectBox(alert, site)).toEqual({
      minX: 0,
      maxX: 20,
      minY: -4,
      maxY: 8,
      minZ: -3,
      maxZ: 9,
    });
    expect(suspectBox({ ...alert, suspects: [] }, site)).toBeNull();
  });
});

describe('ackByText', () => {
  const t = (key: string) => (key === 'alert.by.engineer' ? '工程师' : key);

  it('names the engineer role in the interface language', () => {
    expect(ackByText('engineer', t)).toBe('工程师');
  });

  it('shows any other name as given', () => {
    expect(ackByText('王工', t)).toBe('王工');
    expect(ackByText(null, t)).toBe('');
  });
});

describe('evidence axis and span', () => {
  const hourly = { ...alert, detector: 'balance' as const };

  it('reads hourly balance volumes as L/h, the rate the alert text quotes', () => {
    expect(evidenceAxisUnit(hourly)).toBe('L/h');
  });

  it('keeps litres for a balance judged night by night', () => {
    const nightly: Alert = {
      ...hourly,
      evidence: {
        unit: 'L',
        points: [
          { tMs: at('2026-04-13T01:00:00'), value: 300, limit: 100 },
          { tMs: at('2026-04-14T01:00:00'), value: 320, limit: 100 },
        ],
      },
    };
    expect(evidenceAxisUnit(nightly)).toBe('L');
  });

  it('passes other units through', () => {
    const night: Alert = { ...alert, evidence: { unit: 'L/h', points: [] } };
    expect(evidenceAxisUnit(night)).toBe('L/h');
  });

  it('spans the drawn points, which may be shorter than the alert window', () => {
    const long: Alert = {
      ...alert,
      window: { ...alert.window, startMs: at('2026-04-10T00:00:00') },
    };
    expect(evidenceSpan(long)).toEqual({
      startMs: at('2026-04-14T18:00:00'),
      endMs: at('2026-04-14T20:00:00'),
    });
    expect(evidenceSpan({ ...alert, evidence: { unit: 'L', points: [] } })).toBeNull();
  });
});
