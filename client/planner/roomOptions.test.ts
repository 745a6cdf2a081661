import { describe, expect, it } from 'vitest';
import { buildSampleSite } from '../../models/sampleSite';
import { roomGroups, shortBuildingName } from './roomOptions';

const site = buildSampleSite();

describe('rooms a swap can be limited to', () => {
  it('lists the rooms holding the fixture type by building, floor and name, in English', () => {
    const groups = roomGroups(site, 'toilet', 'en');

    expect(groups.map((g) => g.buildingName)).toEqual(['Office building']);
    expect(groups[0]!.rooms.slice(0, 3)).toEqual([
      { id: 'ob-f1-men', label: "Office · Floor 1 · Men's toilet" },
      { id: 'ob-f1-women', label: "Office · Floor 1 · Women's toilet" },
      { id: 'ob-f1-accessible', label: 'Office · Floor 1 · Accessible toilet' },
    ]);
    expect(groups[0]!.rooms).toHaveLength(11);
  });

  it('names them in Chinese, and groups another building apart', () => {
    const groups = roomGroups(site, 'shower', 'zh');

    expect(groups).toHaveLength(1);
    expect(groups[0]!.rooms.map((r) => r.id)).toEqual(['ax-f2-bath-men', 'ax-f2-bath-women']);
    expect(groups[0]!.rooms[0]!.label).toBe('综合楼 · 2层 · 男浴室');
  });

  it('tells the men’s toilets of two buildings apart', () => {
    const labels = roomGroups(site, 'urinal', 'zh').flatMap((g) => g.rooms.map((r) => r.label));

    expect(labels).toContain('办公楼 · 1层 · 男卫生间');
    expect(labels).toContain('综合楼 · 1层 · 男卫生间');
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('shortens a building name to its first words', () => {
    expect(shortBuildingName('Annex (canteen, bathhouse, laundry, barber)')).toBe('Annex');
    expect(shortBuildingName('综合楼（食堂、浴室、洗衣房、理发室）')).toBe('综合楼');
    expect(shortBuildingName('门卫室')).toBe('门卫室');
  });
});
