import { describe, expect, it } from 'vitest';
import { type Level1State, siteKpis } from './siteKpis';

const DAY_START_MS = Date.UTC(2026, 11, 9, 16);
const base: Level1State = {
  todayL: 7330,
  flowLps: 0.156,
  lastEndMs: DAY_START_MS + 3_600_000,
  dayStartMs: DAY_START_MS,
  fresh: true,
  staff: 120,
};

describe('siteKpis', () => {
  it('passes the figures through while the whole-site meter reports', () => {
    expect(siteKpis(base)).toEqual({ todayL: 7330, flowLps: 0.156, perCapitaTodayL: 7330 / 120 });
  });

  it('gives null, not 0, when the whole-site meter has never reported', () => {
    const k = siteKpis({ ...base, todayL: 0, flowLps: 0, lastEndMs: null, fresh: false });
    expect(k).toEqual({ todayL: null, flowLps: null, perCapitaTodayL: null });
  });

  it("leaves today's use unknown when a silent meter sent nothing since midnight", () => {
    const k = siteKpis({ ...base, todayL: 0, lastEndMs: DAY_START_MS - 7_200_000, fresh: false });
    expect(k).toEqual({ todayL: null, flowLps: null, perCapitaTodayL: null });
  });

  it('counts 0 L at midnight while the meter is still reporting', () => {
    const k = siteKpis({ ...base, todayL: 0, flowLps: 0.1, lastEndMs: DAY_START_MS });
    expect(k).toEqual({ todayL: 0, flowLps: 0.1, perCapitaTodayL: 0 });
  });

  it('leaves the flow unknown when the meter has gone quiet', () => {
    const k = siteKpis({ ...base, fresh: false });
    expect(k.flowLps).toBeNull();
    expect(k.todayL).toBe(7330);
  });
});
