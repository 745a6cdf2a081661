import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../models/protocol';
import { connectClient, startTestTwin, type TestTwin, until } from '../support/testTwin';

const HOUR = 3_600_000;
const START = Date.parse('2026-04-14T00:00:00+08:00');

describe('realtime channel', () => {
  let twin: TestTwin;
  beforeEach(async () => {
    twin = await startTestTwin();
  });
  afterEach(async () => {
    await twin.server.close();
  });

  it('sends a snapshot first, then every tick in order', async () => {
    // Arrange
    const { twin: state } = twin.server;
    state.step(START);
    const client = connectClient(twin.url);
    await client.connected;
    await until(() => client.events.length >= 1);

    // Act
    for (let h = 1; h <= 5; h++) state.step(START + h * HOUR);
    await until(() => client.events.length >= 6);

    // Assert
    const [first, ...rest] = client.events;
    expect(first?.type).toBe('snapshot');
    if (first?.type !== 'snapshot') return;
    expect(first.data.protocol).toBe(PROTOCOL_VERSION);
    expect(first.data.tick).toBe(1);
    expect(first.data.topology.meters.map((m) => m.id)).toContain('M1-main');
    expect(first.data.topology.pipes.length).toBe(first.data.site.network.pipes.length);
    expect(rest.map((e) => e.type)).toEqual(['tick', 'tick', 'tick', 'tick', 'tick']);
    const ticks = rest.map((e) => (e.type === 'tick' ? e.data : null)!);
    expect(ticks.map((t) => t.tick)).toEqual([2, 3, 4, 5, 6]);
    expect(ticks.map((t) => t.tsMs)).toEqual([1, 2, 3, 4, 5].map((h) => START + h * HOUR));
    for (const t of ticks) {
      expect(t.meterFlowLps).toHaveLength(first.data.topology.meters.length);
      expect(t.pipeFlowLps).toHaveLength(first.data.topology.pipes.length);
      expect(t.meterFlowLps.every((f) => f >= 0 && Number.isFinite(f))).toBe(true);
    }
    client.socket.close();
  });

  it('gives a client that reconnects with its last tick exactly the ticks it missed', async () => {
    // Arrange: a client sees ticks 1–3, then drops.
    const { twin: state } = twin.server;
    const first = connectClient(twin.url);
    await first.connected;
    await until(() => first.events.length >= 1);
    for (let h = 0; h < 3; h++) state.step(START + h * HOUR);
    await until(() => first.events.length >= 4);
    first.socket.close();

    // Act: ticks 4–6 happen while it is away; it comes back with lastTick 3.
    for (let h = 3; h < 6; h++) state.step(START + h * HOUR);
    const again = connectClient(twin.url, { lastTick: 3 });
    await again.connected;
    await until(() => again.events.length >= 3);
    state.step(START + 6 * HOUR);
    await until(() => again.events.length >= 4);

    // Assert: no snapshot, ticks 4–7 once each, in order.
    expect(again.events.map((e) => e.type)).toEqual(['tick', 'tick', 'tick', 'tick']);
    expect(again.events.map((e) => (e.type === 'tick' ? e.data.tick : -1))).toEqual([4, 5, 6, 7]);
    again.socket.close();
  });

  it('sends a fresh snapshot when the missed ticks are no longer kept, or unknown', async () => {
    const { twin: state } = twin.server;
    for (let h = 0; h < 3; h++) state.step(START + h * HOUR);

    const ahead = connectClient(twin.url, { lastTick: 99 });
    const garbage = connectClient(twin.url, { lastTick: 'x' as unknown as number });
    await Promise.all([ahead.connected, garbage.connected]);
    await until(() => ahead.events.length >= 1 && garbage.events.length >= 1);

    expect(ahead.events[0]?.type).toBe('snapshot');
    expect(garbage.events[0]?.type).toBe('snapshot');
    ahead.socket.close();
    garbage.socket.close();
  });
});
