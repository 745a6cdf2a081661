/**
 * A stateless, counter-based pseudo-random source: every value is a pure function of
 * (seed, key, index), so a simulation can jump to any slot of any fixture without replaying
 * the ones before it, and gives the same numbers on every machine and after every restart.
 *
 * Not for cryptography. The mixer is a 32-bit integer avalanche (xor-shift / multiply rounds);
 * only `Math.imul` and unsigned shifts are used, so results do not depend on the engine.
 */

const TWO_POW_32 = 4294967296;

/** One avalanche round: every input bit flips about half of the output bits. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The id of one random stream, from a seed and a key (a fixture id, or a fixture id with a
 * suffix for a second stream). Compute it once and pass it to `uniformAt` in hot loops.
 */
export function streamId(seed: number, key: string): number {
  // FNV-1a over the seed's canonical decimal text, a separator and the key's UTF-16 units.
  const text = `${String(seed)}\u0000${key}`;
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

/**
 * Uniform value in [0, 1) at position `index` (an integer, e.g. a slot number; negative and
 * values beyond 2^32 are fine up to 2^53) of stream `stream`. 32 bits of resolution.
 */
export function uniformAt(stream: number, index: number): number {
  const lo = index >>> 0;
  const hi = ((index - lo) / TWO_POW_32) | 0;
  const counter = mix32(lo ^ Math.imul(hi, 0x27d4eb2f) ^ 0x9e3779b9);
  return mix32(stream ^ counter) / TWO_POW_32;
}

/** Convenience form of `uniformAt(streamId(seed, key), index)`. */
export function uniform(seed: number, key: string, index: number): number {
  return uniformAt(streamId(seed, key), index);
}
