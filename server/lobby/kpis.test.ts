import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { CompletedRetrofit } from '../../models/lobby';
import { deriveMeterTree } from '../../models/meterTree';
import { tinySite } from '../../models/testing/siteBuilder';
import { balanceRates, type HourlySource, lobbyKpis, savedSince, volumeM3 } from './kpis';

const HOUR_MS = 3_600_000;
const ZONE = 'Asia/Shanghai';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toMillis();

/** Every meter books a constant volume per hour from `fromMs` on; `perHourL(meter, hourMs)`. */
function constantSource(
  fromMs: number,
  perHourL: (meterId: string, hourMs: number) => number | null,
): HourlySource {
  return {
    hourly(meterId, from, to) {
      const rows = [];
      const first = Math.max(fromMs, Math.ceil(from / HOUR_MS) * HOUR_MS);
      for (let h = first; h < to; h += HOUR_MS) {
        const volumeL = perHourL(meterId, h);
        if (volumeL !== null) rows.push({ hourMs: h, volumeL });
      }
      return rows;
    },
  };
}

// Intake M1 feeds two level-2 meters; a third branch (guard house) is unmetered.
const site = tinySite(['src>M1', 'M1>j', 'j>M2a', 'j>M2b', 'j>fg', 'M2a>fa', 'M2b>fb'], {
  M1: 1,
  M2a: 2,
  M2b: 2,
});
const tree = deriveMeterTree(site);

describe('volumeM3', () => {
  it('sums the hourly volumes of several meters and says how much of the period had data', () => {
    const source = constantSource(at('2026-07-01T00:00'), (id) => (id === 'M2a' ? 100 : null));

    const v = volumeM3(source, ['M2a', 'M2b'], at('2026-07-01T00:00'), at('2026-07-01T10:00'));

    expect(v).toEqual({ m3: 1, coverage: 0.5 });
  });

  it('is null when no meter has data', () => {
    const source = constantSource(at('2026-07-01T00:00'), () => null);
    expect(volumeM3(source, ['M1'], at('2026-07-01T00:00'), at('2026-07-02T00:00'))).toBeNull();
  });
});

describe('balanceRates', () => {
  it('follows domain.md §3: leak = (V1 − ΣV2 − unmetered) ÷ V1, metering = ΣV2 ÷ V1', () => {
    const r = balanceRates(200, 190, 4);
    expect(r.leakRate).toBeCloseTo(0.03, 12);
    expect(r.meteringRate).toBeCloseTo(0.95, 12);
  });

  it('has no rates without intake volume', () => {
    expect(balanceRates(null, 5, 0)).toEqual({ leakRate: null, meteringRate: null });
    expect(balanceRates(0, 0, 0)).toEqual({ leakRate: null, meteringRate: null });
  });
});

describe('lobbyKpis', () => {
  // Intake 100 L/h; children 60 + 37 L/h: 3 L/h goes to the guard house or leaks.
  const perHour = (id: string) => ({ M1: 100, M2a: 60, M2b: 37 })[id] ?? null;
  const nowMs = at('2026-07-11T12:00');

  it('cuts today and this month in the building zone and compares a year back', () => {
    const source = constantSource(at('2025-01-01T00:00'), perHour);

    const k = lobbyKpis({ site, tree, source, nowMs, retrofits: [], knownUnmeteredM3PerMonth: 0 });

    expect(k.todayM3).toBeCloseTo(1.2, 9);
    // 10.5 days of July at 2.4 m³ a day, both this year and last.
    expect(k.month.thisM3).toBeCloseTo(25.2, 9);
    expect(k.month.lastYearM3).toBeCloseTo(25.2, 9);
    expect(k.meteringRate).toBeCloseTo(0.97, 12);
    expect(k.leakRate).toBeCloseTo(0.03, 12);
  });

  it('leaves a rainwater meter out of the intake, the metering rate and the leak rate', () => {
    const withRain = tinySite(
      ['src>M1', 'M1>j', 'j>M2a', 'j>M2b', 'j>fg', 'M2a>fa', 'M2b>fb', 'srcR>MR', 'MR>fr'],
      { M1: 1, M2a: 2, M2b: 2, MR: 1 },
    );
    withRain.meters[3]!.supply = 'rain';
    const source = constantSource(at('2025-01-01T00:00'), (id) => (id === 'MR' ? 50 : perHour(id)));

    const k = lobbyKpis({
      site: withRain,
      tree: deriveMeterTree(withRain),
      source,
      nowMs,
      retrofits: [],
      knownUnmeteredM3PerMonth: 0,
    });

    expect(k.todayM3).toBeCloseTo(1.2, 9);
    expect(k.meteringRate).toBeCloseTo(0.97, 12);
    expect(k.leakRate).toBeCloseTo(0.03, 12);
  });

  it('takes the known unmetered use, pro-rated to the date, off the leak rate', () => {
    const source = constantSource(at('2026-07-01T00:00'), perHour);
    // 3 L/h of 100 is 0.072 m³ a day: 0.072 × 365 ÷ 12 = 2.19 m³ an average month.
    const k = lobbyKpis({
      site,
      tree,
      source,
      nowMs,
      retrofits: [],
      knownUnmeteredM3PerMonth: 2.19,
    });
    expect(k.leakRate).toBeCloseTo(0, 9);
    expect(k.month.lastYearM3).toBeNull();
  });

  it('takes the dated unmetered uses engineers entered this month off the leak rate', () => {
    const source = constantSource(at('2026-07-01T00:00'), perHour);
    const inputs = { site, tree, source, nowMs, retrofits: [], knownUnmeteredM3PerMonth: 0 };
    // The same 0.072 m³ a day, entered as one dated use of the month to date.
    const monthToDateM3 = (0.072 * (nowMs - at('2026-07-01T00:00'))) / (24 * 3_600_000);

    const without = lobbyKpis(inputs);
    const withEntries = lobbyKpis({ ...inputs, datedUnmeteredM3: monthToDateM3 });

    expect(without.leakRate).toBeGreaterThan(0);
    expect(withEntries.leakRate).toBeCloseTo(0, 9);
  });

  it('divides the year to date by the staff and pro-rates the general quota', () => {
    const source = constantSource(at('2026-01-01T00:00'), perHour);
    const k = lobbyKpis({ site, tree, source, nowMs, retrofits: [], knownUnmeteredM3PerMonth: 0 });

    const hours = (nowMs - at('2026-01-01T00:00')) / HOUR_MS;
    expect(k.perCapita.yearToDateM3).toBeCloseTo((hours * 100) / 1000 / site.staff, 9);
    expect(k.perCapita.quotaYearM3).toBe(15);
    expect(k.perCapita.quotaToDateM3).toBeCloseTo((15 * hours) / (365 * 24), 9);
  });
});

describe('savedSince', () => {
  const retrofit: CompletedRetrofit = {
    name: { zh: '卫生间改造', en: 'Toilet retrofit' },
    completedOn: '2026-07-01',
    meterId: 'M2a',
    baselineDays: 30,
  };

  it('is the baseline daily use times the days since, minus what the meter booked', () => {
    // 60 L/h before the retrofit, 45 L/h after: 0.36 m³ saved a day.
    const source = constantSource(at('2026-05-01T00:00'), (_id, h) =>
      h < at('2026-07-01T00:00') ? 60 : 45,
    );
    expect(savedSince(source, retrofit, ZONE, at('2026-07-11T00:00'))).toBeCloseTo(3.6, 9);
  });

  it('is null when the baseline period had too little data', () => {
    const source = constantSource(at('2026-06-28T00:00'), () => 60);
    expect(savedSince(source, retrofit, ZONE, at('2026-07-11T00:00'))).toBeNull();
  });

  it('is 0 before the retrofit was done', () => {
    const source = constantSource(at('2026-05-01T00:00'), () => 60);
    expect(savedSince(source, retrofit, ZONE, at('2026-06-20T00:00'))).toBe(0);
  });
});
