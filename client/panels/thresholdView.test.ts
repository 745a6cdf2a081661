import { describe, expect, it } from 'vitest';
import type { DetectionSettingView } from '../../models/detectionSettings';
import { basisKeys, checkDraft, refusalText } from './thresholdView';

const view = (key: DetectionSettingView['key'], value: unknown): DetectionSettingView => ({
  key,
  value,
  defaultValue: value,
  unit: 'h',
  source: '§7.3',
  status: 'D',
});

describe('basisKeys', () => {
  it('names the practice behind each section, once each', () => {
    expect(basisKeys('§7.2, §7.4 (scaled to hours)')).toEqual([
      'thresholds.basis.products',
      'thresholds.basis.twin',
    ]);
    expect(basisKeys('§7.3 night rule')).toEqual(['thresholds.basis.balance']);
  });

  it('keeps an outside standard and says when the twin set the value itself', () => {
    expect(basisKeys('ISO 4064-1 (prior knowledge)')).toEqual(['thresholds.basis.iso4064']);
    expect(basisKeys('— (data-health guard)')).toEqual(['thresholds.basis.dataHealth']);
    expect(basisKeys('—')).toEqual(['thresholds.basis.twin']);
  });
});

describe('checkDraft', () => {
  const views = [view('continuousRunHours', 12), view('nightWindow', [1, 5])];

  it('sends only the changed values', () => {
    const check = checkDraft(views, { continuousRunHours: '12', nightWindow: '0, 4' });
    expect(check).toEqual({ patch: { nightWindow: [0, 4] }, invalid: null });
  });

  it('holds Save back on an emptied field and names it', () => {
    expect(checkDraft(views, { continuousRunHours: '' }).invalid).toBe('continuousRunHours');
  });
});

describe('refusalText', () => {
  it("replaces the request path with the setting's name", () => {
    const text = refusalText('body.continuousRunHours: 999 — Too big', (k) =>
      k === 'continuousRunHours' ? 'Continuous flow: hours' : null,
    );
    expect(text).toBe('Continuous flow: hours: 999 — Too big');
  });
});
