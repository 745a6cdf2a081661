import { describe, expect, it } from 'vitest';
import { chooseVisible } from './labelRegistry';

const rect = (left: number, top: number, w = 100, h = 30) => ({
  left,
  top,
  right: left + w,
  bottom: top + h,
});

describe('label declutter', () => {
  it('keeps the better-ranked of two overlapping labels', () => {
    const visible = chooseVisible([
      { id: 'floor', rank: 3, order: 0, rect: rect(0, 0) },
      { id: 'site', rank: 1, order: 1, rect: rect(50, 10) },
    ]);

    expect([...visible]).toEqual(['site']);
  });

  it('keeps labels that do not overlap', () => {
    const visible = chooseVisible([
      { id: 'a', rank: 2, order: 0, rect: rect(0, 0) },
      { id: 'b', rank: 2, order: 1, rect: rect(200, 0) },
    ]);

    expect(visible).toEqual(new Set(['a', 'b']));
  });

  it('breaks ties by order, so the choice does not flicker', () => {
    const items = [
      { id: 'second', rank: 2, order: 1, rect: rect(10, 0) },
      { id: 'first', rank: 2, order: 0, rect: rect(0, 0) },
    ];

    expect([...chooseVisible(items)]).toEqual(['first']);
  });

  it('hides a label that would slip under a panel, whatever its rank', () => {
    const panel = rect(0, 0, 300, 400);
    const visible = chooseVisible(
      [
        { id: 'under', rank: 0, order: 0, rect: rect(280, 100) },
        { id: 'clear', rank: 4, order: 1, rect: rect(320, 100) },
      ],
      { blockers: [panel] },
    );

    expect([...visible]).toEqual(['clear']);
  });

  it('hides a label that sticks out of the view', () => {
    const visible = chooseVisible(
      [
        { id: 'edge', rank: 2, order: 0, rect: rect(950, 100) },
        { id: 'inside', rank: 2, order: 1, rect: rect(500, 100) },
      ],
      { within: rect(0, 0, 1000, 600) },
    );

    expect([...visible]).toEqual(['inside']);
  });
});
