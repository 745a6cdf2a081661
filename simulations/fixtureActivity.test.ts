import { describe, expect, it } from 'vitest';
import type { Fixture } from '../models/site';
import { activityOf, END_USE, volumePerUseL } from './fixtureActivity';

const fixture = (spec: Fixture['spec']): Fixture => ({
  id: 'f',
  type: 'basin_tap',
  nodeId: 'n',
  position: { x: 0, y: 0, z: 0 },
  spec,
  grade: 2,
  installDate: '2020-01-01',
});

describe('activityOf', () => {
  it('reads a basin tap by the room it stands in', () => {
    expect(activityOf('basin_tap', 'toilet', false)).toBe('lavatory');
    expect(activityOf('basin_tap', 'bathhouse', false)).toBe('bathBasin');
    expect(activityOf('basin_tap', 'tea_room', false)).toBe('teaSink');
    expect(activityOf('basin_tap', 'canteen_dining', false)).toBe('canteenTap');
    expect(activityOf('basin_tap', 'cleaning_room', false)).toBe('mop');
    expect(activityOf('basin_tap', 'office', false)).toBe('miscTap');
  });

  it('irrigates with an outdoor hose bib and cleans with an indoor one', () => {
    expect(activityOf('hose_bib', undefined, true)).toBe('irrigation');
    expect(activityOf('hose_bib', 'plant_room', false)).toBe('mop');
    expect(END_USE[activityOf('squat_toilet', 'toilet', false)]).toBe('toilet');
  });
});

describe('volumePerUseL', () => {
  it('takes the rated volume of a flush, and flow × duration of a tap draw', () => {
    expect(volumePerUseL(fixture({ volumePerUseL: 6, flowLps: 1.2 }), 'wc', 30)).toBe(6);
    expect(volumePerUseL(fixture({ flowLps: 0.15 }), 'lavatory', 30)).toBeCloseTo(4.5, 12);
  });

  it('falls back to the other figure when the preferred one is missing', () => {
    expect(volumePerUseL(fixture({ flowLps: 0.1 }), 'boiler', 30)).toBeCloseTo(3, 12);
    expect(volumePerUseL(fixture({ volumePerUseL: 2 }), 'lavatory', 30)).toBe(2);
  });
});
