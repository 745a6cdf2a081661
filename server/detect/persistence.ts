/**
 * Persistence rules shared by the detectors (domain.md §7.3): a window alone is noise; a leak
 * shows in N consecutive windows, or in N of the last M.
 */

/** Flagged indices grouped into stretches. */
export interface Stretch {
  /** Indices of the flagged windows in the stretch, ascending. */
  readonly flagged: readonly number[];
}

/**
 * Stretches where at least `n` of the last `m` windows (ending at a flagged one) are flagged;
 * each stretch starts at the earliest flagged window of the first qualifying set. With
 * `m === n` this is "n consecutive".
 */
export function nOfM(flags: readonly boolean[], n: number, m: number): Stretch[] {
  const stretches: number[][] = [];
  let open: number[] | undefined;
  let lastQualifying = -Infinity;
  for (let i = 0; i < flags.length; i++) {
    if (flags[i] !== true) continue;
    const recent: number[] = [];
    for (let j = Math.max(0, i - m + 1); j <= i; j++) if (flags[j] === true) recent.push(j);
    if (recent.length < n) continue;

    // Join the open stretch when this set overlaps it; else start a new one.
    const first = recent[0] ?? i;
    if (open !== undefined && first <= lastQualifying) {
      for (const j of recent) if (j > (open.at(-1) ?? -1)) open.push(j);
    } else {
      open = [...recent];
      stretches.push(open);
    }
    lastQualifying = i;
  }
  return stretches.map((flagged) => ({ flagged }));
}
