import { describe, expect, it } from 'vitest';
import { nOfM } from './persistence';

const f = (s: string) => [...s].map((c) => c === '1');

describe('nOfM', () => {
  it('needs n consecutive flags when m equals n', () => {
    expect(nOfM(f('0110'), 3, 3)).toEqual([]);
    expect(nOfM(f('01110111'), 3, 3)).toEqual([{ flagged: [1, 2, 3] }, { flagged: [5, 6, 7] }]);
  });

  it('collects 3 of 7 into one stretch from the first flag of the set', () => {
    expect(nOfM(f('1001001000000001'), 3, 7)).toEqual([{ flagged: [0, 3, 6] }]);
  });

  it('joins overlapping sets', () => {
    expect(nOfM(f('10101010'), 3, 7)).toEqual([{ flagged: [0, 2, 4, 6] }]);
  });
});
