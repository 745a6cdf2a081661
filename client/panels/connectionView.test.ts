import { describe, expect, it } from 'vitest';
import { connectionView } from './connectionView';

describe('connection indicator', () => {
  it('shows replay or live only while connected', () => {
    expect(connectionView('live', 'replay')).toBe('replay');
    expect(connectionView('live', 'live')).toBe('live');
    expect(connectionView('live', null)).toBe('live');
  });

  it('shows the connection problem whatever the clock', () => {
    expect(connectionView('reconnecting', 'replay')).toBe('reconnecting');
    expect(connectionView('connecting', null)).toBe('connecting');
  });
});
