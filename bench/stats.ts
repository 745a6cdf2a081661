import { median, quantile } from 'simple-statistics';

/** p50 and p99 of a sample, in the sample's unit. */
export function percentiles(values: number[]): { p50: number; p99: number } {
  return { p50: median(values), p99: quantile(values, 0.99) };
}

/** Prints one figure next to its same-run baseline and their ratio. */
export function report(name: string, value: number, baseline: number, unit: string): void {
  const ratio = value / baseline;
  console.log(
    `${name.padEnd(44)} ${value.toFixed(1).padStart(10)} ${unit.padEnd(10)} baseline ${baseline
      .toFixed(1)
      .padStart(10)} ${unit.padEnd(10)} ratio ${ratio.toFixed(3)}`,
  );
}
