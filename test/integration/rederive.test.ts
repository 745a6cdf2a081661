import { afterEach, describe, expect, it } from 'vitest';
import type { Reading } from '../../models/reading';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
const START = Date.parse('2026-04-14T00:00:00+08:00');
let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

function reading(meterId: string, tsMs: number, value: number, unit: 'L' | 'm3'): Reading {
  return { meterId, tsMs, value, unit, kind: 'register', source: 'ingest' };
}

async function intervals(meter: string) {
  const res = await fetch(
    `${twin!.url}/api/v1/meters/${meter}/intervals?from=${START - HOUR}&to=${START + 48 * HOUR}`,
  );
  return (await res.json()).intervals as Array<{ endMs: number; volumeL: number; flags: string[] }>;
}

describe('re-deriving a meter from its stored readings', () => {
  it('gives the same intervals as the first derivation when nothing changed', async () => {
    // Arrange: a day of replayed and simulated water.
    twin = await startTestTwin();
    for (let h = 0; h <= 24; h++) twin.server.twin.step(START + h * HOUR);
    const before = {
      f2: await intervals('M3-office-f2'),
      canteen: await intervals('M2-canteen'),
    };

    // Act
    twin.server.twin.rederive('M3-office-f2');
    twin.server.twin.rederive('M2-canteen');

    // Assert
    expect(before.f2.length).toBeGreaterThan(10);
    expect(await intervals('M3-office-f2')).toEqual(before.f2);
    expect(await intervals('M2-canteen')).toEqual(before.canteen);
  });

  it('books a quarantined reading once its unit is confirmed (PB-11)', async () => {
    // Arrange: the canteen gateway declares litres for values that are m³.
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const t = twin.server.twin;
    const sent = [1532.41, 1532.46, 1532.53].map((v, k) =>
      reading('M2-canteen', START + k * HOUR, v, 'L'),
    );
    t.ingestReadings(sent);
    const held = t.quarantine('M2-canteen');

    // Act
    for (const q of held) t.confirmUnit(q.id, 'm3');

    // Assert
    expect(held.map((q) => q.reason)).toEqual(['unit_mismatch', 'unit_mismatch', 'unit_mismatch']);
    expect(t.quarantine('M2-canteen')).toEqual([]);
    const booked = await intervals('M2-canteen');
    expect(booked.map((i) => i.volumeL)).toEqual([50, 70]);
    const health = t.health().find((h) => h.meterId === 'M2-canteen');
    expect(health).toMatchObject({ quarantined: 0, lastReadingMs: START + 2 * HOUR });
    expect(() => t.confirmUnit(held[0]!.id, 'm3')).toThrow(/not held for its unit/);
  });

  it('reports silent meters and counts flags in meter health', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const t = twin.server.twin;
    t.ingestReadings([
      reading('M2-bath', START, 100, 'm3'),
      reading('M2-bath', START + HOUR, 100.01, 'm3'),
      reading('M2-bath', START + 2 * HOUR, 100.005, 'm3'),
    ]);
    t.step(START + 30 * HOUR);

    const bath = t.health().find((h) => h.meterId === 'M2-bath');
    const laundry = t.health().find((h) => h.meterId === 'M2-laundry');

    expect(bath).toMatchObject({
      glitches: 1,
      silent: true,
      lastReadingMs: START + 2 * HOUR,
      quarantined: 0,
    });
    expect(laundry).toMatchObject({ lastReadingMs: null, silent: true });
  });
});
