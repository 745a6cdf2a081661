import { describe, expect, it } from 'vitest';
import { shortBuildingName } from './floorView';

describe('shortBuildingName', () => {
  it('drops the trailing list of what the building houses, in either script', () => {
    expect(shortBuildingName('综合楼（食堂、浴室、洗衣房、理发室）')).toBe('综合楼');
    expect(shortBuildingName('Annex (canteen, bathhouse, laundry, barber)')).toBe('Annex');
  });

  it('leaves a plain name, and a name that is only a parenthesis, as it is', () => {
    expect(shortBuildingName('办公楼')).toBe('办公楼');
    expect(shortBuildingName('(annex)')).toBe('(annex)');
  });
});
