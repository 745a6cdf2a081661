import type { TestTwin } from './testTwin';

/** What the store holds for a meter over [fromMs, toMs), m³. */
export function storedM3(twin: TestTwin, meterId: string, fromMs: number, toMs: number): number {
  return twin.server.store.hourly(meterId, fromMs, toMs).reduce((s, r) => s + r.volumeL, 0) / 1000;
}

/** The stored volume of every meter of one level over [fromMs, toMs), m³. */
export function levelM3(twin: TestTwin, level: number, fromMs: number, toMs: number): number {
  return twin.server.twin.site.meters
    .filter((m) => m.level === level)
    .reduce((s, m) => s + storedM3(twin, m.id, fromMs, toMs), 0);
}
