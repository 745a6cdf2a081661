import { describe, expect, it } from 'vitest';
import { buildTopology } from '../testing/builders';
import { buildTreeRows, unmeteredLps } from './meterTreeModel';

const topology = buildTopology([
  ['site', 1, null],
  ['office', 2, 'site'],
  ['canteen', 2, 'site'],
  ['f1', 3, 'office'],
  ['f2', 3, 'office'],
]);

describe('meter tree rows', () => {
  it('lists each meter followed by its subtree, with depths', () => {
    const rows = buildTreeRows(topology);

    expect(rows.map((r) => [r.meterId, r.depth])).toEqual([
      ['site', 0],
      ['office', 1],
      ['f1', 2],
      ['f2', 2],
      ['canteen', 1],
    ]);
    expect(rows[0]?.childIndexes).toEqual([1, 2]);
    expect(rows[1]?.childIndexes).toEqual([3, 4]);
  });

  it('treats a meter whose parent is unknown as a root', () => {
    const rows = buildTreeRows(buildTopology([['orphan', 2, 'missing']]));

    expect(rows).toEqual([{ meterId: 'orphan', index: 0, depth: 0, childIndexes: [] }]);
  });
});

describe('unmetered remainder', () => {
  const rows = buildTreeRows(topology);
  const byId = (id: string) => rows.find((r) => r.meterId === id)!;

  it('is own flow minus the sum of the children', () => {
    const flows = [2.5, 1.2, 0.8, 0.5, 0.4];

    expect(unmeteredLps(byId('site'), flows)).toBeCloseTo(0.5, 12);
    expect(unmeteredLps(byId('office'), flows)).toBeCloseTo(0.3, 12);
  });

  it('can be negative when the children read more than the parent', () => {
    expect(unmeteredLps(byId('office'), [0, 1, 0, 0.7, 0.6])).toBeCloseTo(-0.3, 12);
  });

  it('is null for a leaf and when any flow is unknown', () => {
    expect(unmeteredLps(byId('f1'), [1, 1, 1, 1, 1])).toBeNull();
    expect(unmeteredLps(byId('office'), [1, 1, 1, null, 1])).toBeNull();
    expect(unmeteredLps(byId('office'), [1, Number.NaN, 1, 1, 1])).toBeNull();
    expect(unmeteredLps(byId('site'), [])).toBeNull();
  });
});
