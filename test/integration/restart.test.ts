import { describe, expect, it } from 'vitest';
import type { SeriesResponse } from '../../models/protocol';
import { connectClient, startTestTwin, tempDataDir, until } from '../support/testTwin';

const HOUR = 3_600_000;
const START = Date.parse('2026-06-02T00:00:00+08:00');

async function hourly(url: string, meter: string): Promise<SeriesResponse> {
  const res = await fetch(
    `${url}/api/v1/meters/${meter}/series?from=${START}&to=${START + 24 * HOUR}&step=hour`,
  );
  return (await res.json()) as SeriesResponse;
}

describe('restart', () => {
  it('resumes the twin from the store: tick numbers, time, totals and history', async () => {
    // Arrange: one run of 12 hours, stopped; an uninterrupted run of 24 hours for reference.
    const dataDir = tempDataDir();
    const first = await startTestTwin({ DATA_DIR: dataDir });
    for (let h = 0; h <= 12; h++) first.server.twin.step(START + h * HOUR);
    const before = first.server.twin.current!;
    await first.server.close();
    const reference = await startTestTwin();
    for (let h = 0; h <= 24; h++) reference.server.twin.step(START + h * HOUR);

    // Act: start again on the same data folder and run the rest of the day.
    const second = await startTestTwin({ DATA_DIR: dataDir });
    const resumedAt = second.server.twin.timeMs;
    const client = connectClient(second.url);
    await client.connected;
    await until(() => client.events.length >= 1);
    for (let h = 13; h <= 24; h++) second.server.twin.step(START + h * HOUR);

    // Assert
    expect(resumedAt).toBe(START + 12 * HOUR);
    const snapshot = client.events[0];
    expect(snapshot?.type).toBe('snapshot');
    expect(snapshot?.type === 'snapshot' && snapshot.data.tick).toBe(before.tick);
    expect(second.server.twin.tick).toBe(25);
    for (const meter of ['M1-main', 'M2-office', 'M3-office-f1', 'M2-canteen']) {
      const resumed = await hourly(second.url, meter);
      const straight = await hourly(reference.url, meter);
      expect(resumed.points.map((p) => p.volumeL)).toEqual(straight.points.map((p) => p.volumeL));
    }
    expect(second.server.twin.current!.kpis.todayL).toBeCloseTo(
      reference.server.twin.current!.kpis.todayL ?? Number.NaN,
      6,
    );

    client.socket.close();
    await second.server.close();
    await reference.server.close();
  });
});
