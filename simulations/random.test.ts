import { describe, expect, it } from 'vitest';
import { streamId, uniform, uniformAt } from './random';

describe('random', () => {
  it('gives the same value for the same seed, key and index', () => {
    expect(uniform(42, 'wc-1', 1_000)).toBe(uniform(42, 'wc-1', 1_000));
    expect(uniformAt(streamId(42, 'wc-1'), 7)).toBe(uniform(42, 'wc-1', 7));
  });

  it('pins the first values of one stream, so a change of algorithm is noticed', () => {
    const values = [0, 1, 2].map((i) => uniform(1, 'a', i));

    expect(values).toEqual(values.map((v) => Math.floor(v * 2 ** 32) / 2 ** 32));
    expect(values.map((v) => v.toFixed(6))).toEqual(['0.071698', '0.303385', '0.280401']);
  });

  it('differs between seeds, keys and neighbouring indices', () => {
    const base = uniform(1, 'wc-1', 100);

    expect(uniform(2, 'wc-1', 100)).not.toBe(base);
    expect(uniform(1, 'wc-2', 100)).not.toBe(base);
    expect(uniform(1, 'wc-1', 101)).not.toBe(base);
    expect(streamId(1, 'ab')).not.toBe(streamId(11, 'b'));
  });

  it('accepts negative indices and indices beyond 2^32', () => {
    const stream = streamId(3, 'x');
    const values = [-1, 2 ** 32 - 1, 2 ** 32, 2 ** 40 + 5].map((i) => uniformAt(stream, i));

    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
    expect(new Set(values).size).toBe(values.length);
  });

  it('is close to uniform: mean, deciles and lag-1 correlation over 200,000 slots', () => {
    const stream = streamId(7, 'toilet-3F-1');
    const n = 200_000;
    const deciles = new Array<number>(10).fill(0);
    let sum = 0;
    let lagProduct = 0;
    let previous = uniformAt(stream, 0);
    for (let i = 0; i < n; i++) {
      const u = uniformAt(stream, i);
      sum += u;
      deciles[Math.floor(u * 10)]! += 1;
      lagProduct += (u - 0.5) * (previous - 0.5);
      previous = u;
    }

    expect(sum / n).toBeCloseTo(0.5, 2);
    for (const count of deciles) expect(Math.abs(count - n / 10)).toBeLessThan(600);
    // Correlation = E[(u−½)(v−½)] / Var(u), Var(u) = 1/12.
    expect(Math.abs((lagProduct / n) * 12)).toBeLessThan(0.01);
  });
});
