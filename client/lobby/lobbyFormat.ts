import type { KpiTile, LobbyKpis } from '../../models/lobby';
import type { MessageKey } from '../i18n/index';

/** How the lobby writes its figures: plain numbers, a dash for "no data", never "NaN". */

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A number with a fixed count of decimals and thousands separators; '—' when unknown. */
export function formatAmount(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}

/** A share 0–1 as a percentage with one decimal, e.g. 0.0312 → '3.1'. */
export function formatPercent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : formatAmount(share * 100, 1);
}

/** Decimals that suit a volume in m³: fewer as it grows. */
export function m3Decimals(m3: number | null): number {
  if (m3 === null) return 0;
  const size = Math.abs(m3);
  return size >= 1000 ? 0 : size >= 10 ? 1 : 2;
}

/** This month against the same days a year before, as 'down 12.0%' / 'up 3.4%'. */
export function monthChange(thisM3: number | null, lastM3: number | null, t: Translate): string {
  if (thisM3 === null || lastM3 === null || lastM3 <= 0) return t('lobby.tile.monthNoLast');
  const change = (thisM3 - lastM3) / lastM3;
  const pct = formatAmount(Math.abs(change) * 100, 1);
  const last = formatAmount(lastM3, m3Decimals(lastM3));
  return t('lobby.tile.monthVs', {
    last,
    change: t(change <= 0 ? 'lobby.change.down' : 'lobby.change.up', { pct }),
  });
}

/** A tile as shown: label, value, unit, detail line and whether it misses its target. */
export interface TileText {
  readonly label: string;
  readonly value: string;
  readonly unit: string;
  readonly detail: string;
  readonly warn: boolean;
}

/** The text of one KPI tile. */
export function tileText(tile: KpiTile, k: LobbyKpis, t: Translate, lang: 'zh' | 'en'): TileText {
  switch (tile) {
    case 'today':
      return {
        label: t('lobby.tile.today'),
        value: formatAmount(k.todayM3, m3Decimals(k.todayM3)),
        unit: t('lobby.unit.m3'),
        detail: '',
        warn: false,
      };
    case 'month':
      return {
        label: t('lobby.tile.month'),
        value: formatAmount(k.month.thisM3, m3Decimals(k.month.thisM3)),
        unit: t('lobby.unit.m3'),
        detail: monthChange(k.month.thisM3, k.month.lastYearM3, t),
        warn: false,
      };
    case 'perCapita': {
      const p = k.perCapita;
      const vs = t('lobby.tile.perCapitaVs', {
        quota: formatAmount(p.quotaToDateM3, 2),
        year: formatAmount(p.quotaYearM3, 0),
      });
      const unconfirmed = p.quotaStatus === 'U' ? ` · ${t('lobby.tile.quotaUnconfirmed')}` : '';
      return {
        label: t('lobby.tile.perCapita'),
        value: formatAmount(p.yearToDateM3, 2),
        unit: t('lobby.unit.m3PerPerson'),
        detail: vs + unconfirmed,
        warn: p.yearToDateM3 !== null && p.yearToDateM3 > p.quotaToDateM3,
      };
    }
    case 'leakRate':
      return {
        label: t('lobby.tile.leakRate'),
        value: formatPercent(k.leakRate),
        unit: '%',
        detail: t('lobby.tile.leakTarget'),
        warn: k.leakRate !== null && k.leakRate > 0.02,
      };
    case 'meteringRate':
      return {
        label: t('lobby.tile.meteringRate'),
        value: formatPercent(k.meteringRate),
        unit: '%',
        detail: t('lobby.tile.meteringTarget'),
        warn: k.meteringRate !== null && k.meteringRate < 0.95,
      };
    case 'saved': {
      const known = k.saved.filter((s) => s.savedM3 !== null);
      const sum = known.length === 0 ? null : known.reduce((s, r) => s + r.savedM3!, 0);
      // A retrofit whose meter has used more since is not shown as a negative saving.
      const total = sum !== null && sum > 0 ? sum : null;
      const line = (s: (typeof k.saved)[number]) => {
        const where = { name: s.name[lang], date: s.completedOn };
        if (s.savedM3 === null) return t('lobby.tile.savedUnknown', where);
        if (s.savedM3 <= 0) return t('lobby.tile.savedNotYet', where);
        return t('lobby.tile.savedSince', {
          ...where,
          m3: formatAmount(s.savedM3, m3Decimals(s.savedM3)),
        });
      };
      const detail =
        k.saved.length === 0 ? t('lobby.tile.savedNone') : k.saved.map(line).join(' · ');
      return {
        label: t('lobby.tile.saved'),
        value: formatAmount(total, m3Decimals(total)),
        unit: t('lobby.unit.m3'),
        detail,
        warn: false,
      };
    }
  }
}
