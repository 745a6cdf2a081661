import { describe, expect, it } from 'vitest';
import { LobbySettings } from '../../../models/lobby';
import { bodyOf, draftOf, textToRetrofits, textToTour } from './settingsText';

const settings: LobbySettings = {
  slogans: { zh: ['节约用水'], en: ['Save water'] },
  tiles: ['today', 'leakRate'],
  tour: [
    { kind: 'overview', seconds: 12 },
    { kind: 'floor', buildingId: 'ob', floorId: 'ob-1', seconds: 10 },
    { kind: 'meter', meterId: 'M2-canteen', seconds: 8 },
  ],
  retrofits: [
    {
      name: { zh: '卫生间改造', en: 'Toilet retrofit' },
      completedOn: '2026-05-01',
      meterId: 'M2-office',
      baselineDays: 30,
    },
  ],
  knownUnmeteredM3PerMonth: 1.5,
  show: {
    steps: [{ kind: 'leak', seconds: 20 }],
    scenario: 'greywater',
    leakMeterId: 'M2-office',
    qrLinkId: null,
  },
};

describe('settings as text', () => {
  it('reads back what it wrote', () => {
    expect(LobbySettings.parse(bodyOf(draftOf(settings)))).toEqual(settings);
  });

  it('keeps a number it cannot read as text, for the server to name', () => {
    expect(textToTour('overview ten')).toEqual([{ kind: 'overview', seconds: 'ten' }]);
  });

  it('takes the English name after the slash, or the Chinese one', () => {
    expect(textToRetrofits('2026-05-01 M2-office 30 节水改造')).toEqual([
      {
        completedOn: '2026-05-01',
        meterId: 'M2-office',
        baselineDays: 30,
        name: { zh: '节水改造', en: '节水改造' },
      },
    ]);
  });
});
