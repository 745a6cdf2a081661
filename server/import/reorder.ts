/**
 * Puts a stream of readings back in time order within a bounded window, so memory stays flat
 * however long the file is. Readings are held until `windowSize` more have arrived after them,
 * then released oldest first in batches of `batchSize`; a meter's readings therefore come out
 * in time order whenever the file is out of order by less than `windowSize` readings (a file
 * written newest first, like the DAIAD billing file, fits when it is shorter than the window).
 * A reading that arrives after a later one of its meter was released reaches the engine late
 * and is reported as `late`, not stored as consumption.
 */
export interface ReorderBuffer<T> {
  /** Adds one item; returns a batch to process when one is ready. */
  push(item: T): T[] | null;
  /** Everything still held, in batches, oldest first. */
  drain(): T[][];
}

export function createReorderBuffer<T>(
  compare: (a: T, b: T) => number,
  windowSize: number,
  batchSize: number,
): ReorderBuffer<T> {
  let held: T[] = [];
  return {
    push(item) {
      held.push(item);
      if (held.length < windowSize + batchSize) return null;
      // What is held is sorted but for the newest `batchSize` items, so V8's TimSort merges
      // two runs here rather than sorting from scratch.
      held.sort(compare);
      const batch = held.slice(0, batchSize);
      held = held.slice(batchSize);
      return batch;
    },
    drain() {
      held.sort(compare);
      const batches: T[][] = [];
      for (let i = 0; i < held.length; i += batchSize) batches.push(held.slice(i, i + batchSize));
      held = [];
      return batches;
    },
  };
}
