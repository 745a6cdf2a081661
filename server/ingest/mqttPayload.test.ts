import { describe, expect, it } from 'vitest';
import { meterOfTopic, parseMessage } from './mqttPayload';

const FILTER = 'meters/+/reading';
const bytes = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const reading = { ts: 1_772_330_400_000, value: 5.012, unit: 'm3', kind: 'register' };

describe('meterOfTopic', () => {
  it('takes the level of the first +, or none without one', () => {
    expect(meterOfTopic(FILTER, 'meters/M3-office-f3/reading')).toBe('M3-office-f3');
    expect(meterOfTopic('site/+/meters/+', 'site/a/meters/b')).toBe('a');
    expect(meterOfTopic('meters/#', 'meters/M3-office-f3')).toBeNull();
  });
});

describe('parseMessage', () => {
  it('fills in the meter from the topic, for one reading and for a batch', () => {
    const topic = 'meters/M1/reading';

    const one = parseMessage(FILTER, topic, bytes(reading));
    const batch = parseMessage(FILTER, topic, bytes({ readings: [reading, { ...reading }] }));

    expect(one).toEqual({ ok: true, readings: [{ meter: 'M1', ...reading }] });
    expect(batch.ok && batch.readings.map((r) => r.meter)).toEqual(['M1', 'M1']);
  });

  it('refuses the whole message when one reading names another meter than the topic', () => {
    const batch = { readings: [reading, { ...reading, meter: 'M2' }] };

    expect(parseMessage(FILTER, 'meters/M1/reading', bytes(batch))).toEqual({
      ok: false,
      reason: 'payload names meter "M2", the topic "M1"',
    });
  });

  it('needs the meter in the payload when the filter has no +', () => {
    const parsed = parseMessage('meters/#', 'meters/all', bytes(reading));

    expect(parsed).toEqual({
      ok: false,
      reason: expect.stringMatching(/^payload\.meter: missing/),
    });
  });

  it('names what is wrong: JSON, schema path, size', () => {
    const topic = 'meters/M1/reading';

    expect(parseMessage(FILTER, topic, bytes('{'))).toMatchObject({ ok: false });
    expect(parseMessage(FILTER, topic, bytes({ ...reading, unit: 'gal' }))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^payload\.unit: "gal" — /),
    });
    expect(parseMessage(FILTER, topic, new Uint8Array(1024 * 1024 + 1))).toEqual({
      ok: false,
      reason: `payload of ${1024 * 1024 + 1} bytes; at most ${1024 * 1024}`,
    });
  });
});
