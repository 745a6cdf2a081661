import { describe, expect, it } from 'vitest';
import type { LobbyKpis } from '../../models/lobby';
import { translate } from '../i18n/index';
import { afterPoll, FRESH_FOR_MS, isCurrent } from './lobbyFeed';
import { formatAmount, formatPercent, monthChange, tileText } from './lobbyFormat';

const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('zh', key, params);

const kpis: LobbyKpis = {
  todayM3: 13.94,
  month: { thisM3: 90, lastYearM3: 100 },
  perCapita: { yearToDateM3: 8, quotaToDateM3: 7.5, quotaYearM3: 15, quotaStatus: 'U' },
  leakRate: 0.0312,
  meteringRate: 0.965,
  saved: [],
};

describe('lobby figures', () => {
  it('writes unknown values as a dash, never NaN', () => {
    expect(formatAmount(null, 1)).toBe('—');
    expect(formatAmount(Number.NaN, 1)).toBe('—');
    expect(formatPercent(0.0312)).toBe('3.1');
  });

  it('compares this month with the same days a year before', () => {
    expect(monthChange(90, 100, t)).toBe('去年同期 100.0 m³ · 下降 10.0%');
    expect(monthChange(90, null, t)).toBe('去年同期无数据');
  });

  it('marks the leak rate over 2 % and per-capita use over the quota to date', () => {
    expect(tileText('leakRate', kpis, t, 'zh')).toMatchObject({ value: '3.1', warn: true });
    expect(tileText('perCapita', kpis, t, 'zh')).toMatchObject({ value: '8.00', warn: true });
    expect(tileText('meteringRate', kpis, t, 'zh')).toMatchObject({ value: '96.5', warn: false });
  });
});

describe('water saved since a retrofit', () => {
  const retrofit = (savedM3: number | null, zh: string) => ({
    name: { zh, en: zh },
    completedOn: '2026-07-01',
    meterId: 'M2-office',
    savedM3,
  });

  it('shows no negative saving: a retrofit with more use since says so', () => {
    const rising = { ...kpis, saved: [retrofit(-29.71, '龙头改造')] };
    expect(tileText('saved', rising, t, 'zh')).toMatchObject({
      value: '—',
      detail: '龙头改造（2026-07-01起）用水尚未减少',
    });
  });

  it('sums the known savings and names the retrofits without enough data', () => {
    const mixed = {
      ...kpis,
      saved: [retrofit(12.5, '龙头改造'), retrofit(null, '中水回用'), retrofit(-2.5, '雨水')],
    };
    expect(tileText('saved', mixed, t, 'zh')).toMatchObject({
      value: '10.0',
      detail:
        '龙头改造（2026-07-01起）12.5 m³ · 中水回用（2026-07-01起）数据不足 · ' +
        '雨水（2026-07-01起）用水尚未减少',
    });
  });
});

describe('lobby feed', () => {
  it('treats figures older than the freshness limit as not current', () => {
    const state = { view: null, fetchedAtMs: 1_000, buildId: 'a' };
    expect(isCurrent(state, 1_000 + FRESH_FOR_MS)).toBe(true);
    expect(isCurrent(state, 1_001 + FRESH_FOR_MS)).toBe(false);
  });

  it('reloads only when the build id changes after the first one', () => {
    expect(afterPoll(null, 'a')).toBe('apply');
    expect(afterPoll('a', 'a')).toBe('apply');
    expect(afterPoll('a', 'b')).toBe('reload');
  });
});
