import { describe, expect, it } from 'vitest';
import type { Alert } from '../../models/alert';
import type { Site } from '../../models/site';
import { plainAlerts } from './view';

const floor5 = { zh: '办公楼5层', en: 'Office building, floor 5' };
const site = { meters: [{ id: 'M3-f5', serves: floor5 }] } as unknown as Site;
const alert = (fields: Partial<Alert>) =>
  ({ meterId: 'M3-f5', status: 'open', lossM3PerDay: 0.1, openedMs: 0, ...fields }) as Alert;

describe('plain alerts for the lobby', () => {
  it('tells two rules on one meter as one leak: the larger loss, the earlier start', () => {
    const lines = plainAlerts(site, [
      alert({ detector: 'night_flow', lossM3PerDay: 0.12, openedMs: 2_000 }),
      alert({ detector: 'continuous_flow', lossM3PerDay: 0.05, openedMs: 1_000 }),
    ]);

    expect(lines).toEqual([
      { where: floor5, lossM3PerDay: 0.12, openedMs: 1_000, acknowledged: false },
    ]);
  });

  it('says staff are on it only when every alert of the meter is acknowledged', () => {
    const one = plainAlerts(site, [alert({ status: 'acknowledged' }), alert({})]);
    const both = plainAlerts(site, [
      alert({ status: 'acknowledged' }),
      alert({ status: 'acknowledged' }),
    ]);

    expect(one[0]?.acknowledged).toBe(false);
    expect(both[0]?.acknowledged).toBe(true);
  });
});
