import { describe, expect, it } from 'vitest';
import { handshakeAuth } from './socket';

describe('socket handshake', () => {
  it('sends no lastTick before anything was applied', () => {
    expect(handshakeAuth(null)).toEqual({});
  });

  it('sends the last applied tick, including tick 0', () => {
    expect(handshakeAuth(0)).toEqual({ lastTick: 0 });
    expect(handshakeAuth(812)).toEqual({ lastTick: 812 });
  });
});
