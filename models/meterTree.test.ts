import { describe, expect, it } from 'vitest';
import { deriveMeterTree, incomingPipes } from './meterTree';
import { tinySite } from './testing/siteBuilder';

/**
 * src → M1 → j1 ┬→ fA
 *               ├→ M2a → j2 ┬→ fB
 *               │           └→ M3 → fC
 *               └→ M2b → fD
 */
const branching = tinySite(
  ['src>M1', 'M1>j1', 'j1>fA', 'j1>M2a', 'M2a>j2', 'j2>fB', 'j2>M3', 'M3>fC', 'j1>M2b', 'M2b>fD'],
  { M1: 1, M2a: 2, M2b: 2, M3: 3 },
);

describe('deriveMeterTree', () => {
  it('makes the nearest meter upstream the parent', () => {
    const tree = deriveMeterTree(branching);

    expect(Object.fromEntries(tree.parentOf)).toEqual({
      M1: null,
      M2a: 'M1',
      M2b: 'M1',
      M3: 'M2a',
    });
    expect(Object.fromEntries(tree.childrenOf)).toEqual({
      M1: ['M2a', 'M2b'],
      M2a: ['M3'],
      M2b: [],
      M3: [],
    });
  });

  it('orders meters parents first', () => {
    expect(deriveMeterTree(branching).order).toEqual(['M1', 'M2a', 'M2b', 'M3']);
  });

  it('gives a meter the pipes below it down to, and including, the pipes into child meters', () => {
    const tree = deriveMeterTree(branching);

    expect(Object.fromEntries(tree.areaPipes)).toEqual({
      M1: ['p-M1-j1', 'p-j1-fA', 'p-j1-M2a', 'p-j1-M2b'],
      M2a: ['p-M2a-j2', 'p-j2-fB', 'p-j2-M3'],
      M2b: ['p-M2b-fD'],
      M3: ['p-M3-fC'],
    });
  });

  it('maps every pipe to its area, and the pipe above the first meter to none', () => {
    const tree = deriveMeterTree(branching);

    expect(tree.pipeMeter.get('p-src-M1')).toBeNull();
    expect(tree.pipeMeter.get('p-j2-M3')).toBe('M2a');
    expect(tree.pipeMeter.get('p-M3-fC')).toBe('M3');
    expect(tree.pipeMeter.size).toBe(branching.network.pipes.length);
  });

  it('lists the fixtures of each metering area', () => {
    const tree = deriveMeterTree(branching);

    expect(Object.fromEntries(tree.areaFixtures)).toEqual({
      M1: ['fA'],
      M2a: ['fB'],
      M2b: ['fD'],
      M3: ['fC'],
    });
  });

  it('gives a meter directly upstream of another just the pipe between them', () => {
    const series = tinySite(['src>M1', 'M1>M2', 'M2>M3', 'M3>fA'], { M1: 1, M2: 2, M3: 3 });

    const tree = deriveMeterTree(series);

    expect(Object.fromEntries(tree.parentOf)).toEqual({ M1: null, M2: 'M1', M3: 'M2' });
    expect(Object.fromEntries(tree.areaPipes)).toEqual({
      M1: ['p-M1-M2'],
      M2: ['p-M2-M3'],
      M3: ['p-M3-fA'],
    });
    expect(tree.areaFixtures.get('M3')).toEqual(['fA']);
  });

  it('leaves fixtures above the first meter out of every area', () => {
    const site = tinySite(['src>j', 'j>fA', 'j>M1', 'M1>fB'], { M1: 1 });

    const tree = deriveMeterTree(site);

    expect(Object.fromEntries(tree.areaFixtures)).toEqual({ M1: ['fB'] });
    expect(tree.pipeMeter.get('p-j-fA')).toBeNull();
  });
});

describe('incomingPipes', () => {
  it('finds the one pipe feeding each node, and none for the source', () => {
    const incoming = incomingPipes(branching);

    expect(incoming.get('j2')?.id).toBe('p-M2a-j2');
    expect(incoming.has('src')).toBe(false);
    expect(incoming.size).toBe(branching.network.pipes.length);
  });
});
