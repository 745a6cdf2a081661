import { describe, expect, it } from 'vitest';
import { replayOrder, storedAnswer, storedEvent, toLitres } from './registerEvents';
import type { StoredEvent } from './store';

const at = (tsMs: number, kind: StoredEvent['kind']): StoredEvent => ({
  meterId: 'M',
  tsMs,
  kind,
  body: {},
});

describe('register events between the API and the engine', () => {
  it('stores values in litres, to the microlitre', () => {
    const event = storedEvent('M2-laundry', {
      kind: 'replacement',
      ts: '2026-03-10T09:30:00+08:00',
      oldFinalValue: 1532.47,
      newStartValue: 0,
      newSerial: 'NEW-102',
      unit: 'm3',
    });

    expect(toLitres(0.07, 'm3')).toBe(70);
    expect(event).toEqual({
      meterId: 'M2-laundry',
      tsMs: Date.parse('2026-03-10T01:30:00Z'),
      kind: 'replacement',
      body: {
        kind: 'replacement',
        tsMs: Date.parse('2026-03-10T01:30:00Z'),
        oldFinalL: 1_532_470,
        newStartL: 0,
        newSerial: 'NEW-102',
      },
    });
  });

  it('names an answer by the new meter’s first reading', () => {
    const answer = storedAnswer('M', {
      firstNewTs: 7200,
      oldFinalValue: 12,
      newStartValue: 0,
      unit: 'L',
    });

    expect(answer).toEqual({
      meterId: 'M',
      tsMs: 7200,
      kind: 'answer',
      body: { firstNewTsMs: 7200, oldFinalL: 12, newStartL: 0 },
    });
  });

  it('replays events before readings at the same time, answers after them', () => {
    const readings = [{ ts: 0 }, { ts: 10 }, { ts: 20 }];
    const events = [at(20, 'answer'), at(10, 'replacement'), at(20, 'reset'), at(30, 'reset')];

    const order = replayOrder(readings, events).map((item) =>
      'event' in item ? `${item.event.kind}@${item.event.tsMs}` : `reading@${item.reading.ts}`,
    );

    expect(order).toEqual([
      'reading@0',
      'replacement@10',
      'reading@10',
      'reset@20',
      'reading@20',
      'answer@20',
      'reset@30',
    ]);
  });
});
