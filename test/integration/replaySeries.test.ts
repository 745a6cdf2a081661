import fs from 'node:fs';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeriesResponse } from '../../models/protocol';
import { createReplayCalendar } from '../../simulations/replayCalendar';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
const ZONE = 'Asia/Shanghai';
const KEY = 'df789230-d273-4fd0-aa24-6f5419469295'; // drives M3-office-f1
const FIRST_DAY = '2026-04-14';
const DAYS = 3;

/**
 * The hourly volumes a meter should show, computed straight from the recorded file: its rows
 * for the recorded days placed on the building's days (same wall time); each reading's rise
 * since the one before belongs to the hour its time stamp closes (a stamp on the hour closes
 * the hour before).
 */
function expectedHourly(): Map<number, number> {
  const calendar = createReplayCalendar('2016-03-01', '2017-02-28');
  const lines = fs.readFileSync('samples/daiad/swm_trialA_subset.csv', 'utf8').split('\n');
  const points: Array<[number, number]> = [];
  for (let d = 0; d < DAYS; d++) {
    const day = DateTime.fromISO(FIRST_DAY, { zone: ZONE }).plus({ days: d });
    const recorded = calendar.recordedDayFor(day.toISODate()!)!;
    const [y, m, dd] = recorded.recordedDateIso.split('-');
    const prefix = `${KEY};${dd}/${m}/${y} `;
    for (const line of lines) {
      if (!line.startsWith(prefix)) continue;
      const [, datetime, reading] = line.split(';');
      const [hh, mi, ss] = datetime!.split(' ')[1]!.split(':').map(Number);
      points.push([day.set({ hour: hh!, minute: mi!, second: ss! }).toMillis(), Number(reading)]);
    }
  }
  const hours = new Map<number, number>();
  for (let i = 1; i < points.length; i++) {
    const [ts, value] = points[i]!;
    const hour = Math.floor((ts - 1) / HOUR) * HOUR;
    hours.set(hour, (hours.get(hour) ?? 0) + value - points[i - 1]![1]);
  }
  return hours;
}

describe('replay of the recorded file', () => {
  let twin: TestTwin;
  beforeAll(async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'replay' });
    const start = DateTime.fromISO(FIRST_DAY, { zone: ZONE }).toMillis();
    for (let h = 0; h <= DAYS * 24; h++) twin.server.twin.step(start + h * HOUR);
  });
  afterAll(async () => {
    await twin.server.close();
  });

  it('stores the hourly volumes the recorded register implies', async () => {
    // Arrange
    const expected = expectedHourly();
    const from = Math.min(...expected.keys());
    const to = Math.max(...expected.keys()) + HOUR;

    // Act
    const res = await fetch(
      `${twin.url}/api/v1/meters/M3-office-f1/series?from=${from}&to=${to}&step=hour`,
    );
    const body = (await res.json()) as SeriesResponse;

    // Assert
    expect(body.points).toHaveLength(expected.size);
    expect(expected.size).toBeGreaterThan(60);
    for (const p of body.points) expect(p.volumeL).toBeCloseTo(expected.get(p.tsMs)!, 4);
    const total = [...expected.values()].reduce((a, v) => a + v, 0);
    expect(total).toBeGreaterThan(100);
  });
});
