import type { Connection } from '../state/liveStore';

/** What the indicator shows: the socket state, and replay speed while connected to a replay. */
export type ConnectionView = 'connecting' | 'live' | 'replay' | 'reconnecting';

/** Live/replay only when connected; otherwise the connection problem. */
export function connectionView(
  connection: Connection,
  clockMode: 'live' | 'replay' | null,
): ConnectionView {
  if (connection !== 'live') return connection;
  return clockMode === 'replay' ? 'replay' : 'live';
}
