import { describe, expect, it } from 'vitest';
import { freeViewArea } from './viewArea';

const view = { left: 0, top: 0, right: 1000, bottom: 500 };
const rect = (left: number, top: number, right: number, bottom: number) => ({
  left,
  top,
  right,
  bottom,
});

describe('free part of the view', () => {
  it('is the whole view without panels', () => {
    expect(freeViewArea(view, [])).toEqual({ left: 0, top: 0, right: 1, bottom: 1 });
  });

  it('stops a gap short of the panels over each edge', () => {
    const area = freeViewArea(view, [
      { side: 'left', rect: rect(10, 60, 188, 400) },
      { side: 'right', rect: rect(812, 60, 990, 300) },
      { side: 'top', rect: rect(10, 10, 990, 38) },
      { side: 'bottom', rect: rect(300, 338, 700, 490) },
    ]);

    expect(area).toEqual({ left: 0.2, right: 0.8, top: 0.1, bottom: 0.652 });
  });

  it('ignores panels that would leave less than an eighth of the view', () => {
    const area = freeViewArea(view, [
      { side: 'left', rect: rect(0, 0, 500, 500) },
      { side: 'right', rect: rect(600, 0, 1000, 500) },
    ]);

    expect(area.left).toBe(0);
    expect(area.right).toBe(1);
  });
});
