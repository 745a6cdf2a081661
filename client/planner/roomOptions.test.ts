import { describe, expect, it } from 'vitest';
import { buildSampleSite } from '../../models/sampleSite';
import { roomGroups } from './roomOptions';

const site = buildSampleSite();

describe('rooms a swap can be limited to', () => {
  it('lists the rooms holding the fixture type by name and floor, in English', () => {
    const groups = roomGroups(site, 'toilet', 'en');

    expect(groups.map((g) => g.buildingName)).toEqual(['Office building']);
    expect(groups[0]!.rooms.slice(0, 3)).toEqual([
      { id: 'ob-f1-men', label: "Men's toilet · Floor 1" },
      { id: 'ob-f1-women', label: "Women's toilet · Floor 1" },
      { id: 'ob-f1-accessible', label: 'Accessible toilet · Floor 1' },
    ]);
    expect(groups[0]!.rooms).toHaveLength(11);
  });

  it('names them in Chinese, and groups another building apart', () => {
    const groups = roomGroups(site, 'shower', 'zh');

    expect(groups).toHaveLength(1);
    expect(groups[0]!.rooms.map((r) => r.id)).toEqual(['ax-f2-bath-men', 'ax-f2-bath-women']);
    expect(groups[0]!.rooms[0]!.label).toMatch(/ · 2层$/);
  });
});
