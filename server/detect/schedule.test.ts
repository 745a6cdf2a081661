import { describe, expect, it } from 'vitest';
import type { ScheduledUse } from '../../models/detection';
import { detectHighFlow } from './highFlow';
import { detectorHours } from './hours';
import { detectNightFlow } from './nightFlow';
import { scheduledAt } from './schedule';
import { HOUR_MS, intervalSeries, JULY_1_SHANGHAI_MS as T0 } from './testSeries';

const zone = 'Asia/Shanghai';
const STEP_MS = 15 * 60_000;
const DAYS = 8;

// The landscaping meter in July: dry, then an irrigation programme of 1.5 m³/h (375 L per
// 15 min) from 00:00 to 06:00 every night from day 4 (watering at night cuts evaporation).
function programme(firstDay: number) {
  const volumes = Array.from({ length: DAYS * 96 }, (_, i) => {
    const day = Math.floor(i / 96);
    const hour = (i % 96) / 4;
    return day >= firstDay && hour < 6 ? 375 : 0;
  });
  return intervalSeries(T0, STEP_MS, volumes);
}
// High flow learns a programme that ran in its history (as Flume does), so its case starts
// the programme on the last day.
const intervals = programme(DAYS - 1);
const hours = detectorHours(programme(3), { zone, fromMs: T0, toMs: T0 + DAYS * 24 * HOUR_MS });
const nowMs = T0 + DAYS * 24 * HOUR_MS;
const irrigation: ScheduledUse = {
  meterId: 'M-land',
  label: 'irrigation',
  months: [5, 6, 7, 8, 9],
  hours: [0, 6],
};

describe('scheduled uses', () => {
  it('places local hours, months and wrapping windows', () => {
    const night: ScheduledUse = { meterId: 'M', label: 'guards', hours: [22, 2] };
    expect(scheduledAt([irrigation], 'M-land', T0 + 4 * HOUR_MS, zone)).toBe(irrigation);
    expect(scheduledAt([irrigation], 'M-land', T0 + 7 * HOUR_MS, zone)).toBeUndefined();
    expect(scheduledAt([irrigation], 'M-other', T0 + 4 * HOUR_MS, zone)).toBeUndefined();
    expect(scheduledAt([night], 'M', T0 + 1 * HOUR_MS, zone)).toBe(night);
    expect(scheduledAt([night], 'M', T0 + 3 * HOUR_MS, zone)).toBeUndefined();
  });

  it('an irrigation morning alarms without its schedule', () => {
    const input = { meterId: 'M-land', zone, nowMs };
    expect(detectHighFlow({ ...input, intervals })).toHaveLength(1);
    expect(detectNightFlow({ ...input, hours })).toHaveLength(1);
  });

  it('an irrigation morning in July with its schedule raises nothing', () => {
    const input = { meterId: 'M-land', zone, nowMs, schedule: [irrigation] };
    expect(detectHighFlow({ ...input, intervals })).toEqual([]);
    expect(detectNightFlow({ ...input, hours })).toEqual([]);
  });
});
