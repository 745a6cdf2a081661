import type { ComplianceReport, IndicatorId, Ledger } from '../../models/compliance';
import type {
  AutoRule,
  ScorecardResponse,
  ScorecardTemplate,
  ScoredItem,
  ScoreEntry,
} from '../../models/scorecard';
import type { LocalizedName, Site } from '../../models/site';
import type { MeteringUnit } from './coverage';

/**
 * Scores the self-assessment: items with an `auto` rule from the period's indicators (with the
 * evidence they rest on), the others from the engineers' stored entries.
 */

export interface ScoringInputs {
  readonly site: Site;
  readonly report: ComplianceReport;
  readonly daily: Ledger;
  readonly units: readonly MeteringUnit[];
}

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const both = (zh: string, en: string): LocalizedName => ({ zh, en });
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Rounded to half points, as engineers enter them. */
const half = (x: number) => Math.round(x * 2) / 2;

/** An automatic item's points (of `max`) and evidence; null points when there is no data. */
export function autoScore(
  rule: AutoRule,
  max: number,
  { site, report, daily, units }: ScoringInputs,
): { points: number | null; evidence: LocalizedName } {
  const value = (id: IndicatorId) => report.indicators.find((i) => i.id === id)?.value ?? null;
  const noData = { points: null, evidence: both('评价期内无数据', 'no data in the period') };
  switch (rule) {
    case 'metering': {
      const k1 = value('level1MeteringRate');
      const k2 = value('level2MeteringRate');
      if (k1 === null || k2 === null) return noData;
      const ok = report.indicators
        .filter((i) => i.id === 'level1MeteringRate' || i.id === 'level2MeteringRate')
        .every((i) => i.pass === true);
      const text = `${pct(k1)} / ${pct(k2)}`;
      return { points: ok ? max : 0, evidence: both(`一级/二级 ${text}`, `level 1 / 2 ${text}`) };
    }
    case 'fixtures': {
      const share = value('waterSavingFixtures');
      if (share === null) return noData;
      // 96 % scores 0, each percentage point above it a quarter of the points.
      const points = half(clamp((share - 0.96) / 0.04, 0, 1) * max);
      return { points, evidence: both(`节水器具 ${pct(share)}`, `water-saving ${pct(share)}`) };
    }
    case 'perCapita': {
      const perYear = report.perCapita.m3PerPersonYear;
      if (perYear === null) return noData;
      const ratio = perYear / report.perCapita.generalM3PerPersonYear;
      const share =
        ratio <= 0.9 ? 1 : ratio <= 1 ? 0.75 : ratio <= 1.1 ? 0.375 : ratio <= 1.2 ? 0.125 : 0;
      const text = `${perYear.toFixed(1)} m³/(人·a) ÷ ${report.perCapita.generalM3PerPersonYear}`;
      return { points: half(share * max), evidence: both(text, text.replace('人', 'person')) };
    }
    case 'leakRate': {
      const rates = report.leakByMonth.map((m) => m.rate).filter((r): r is number => r !== null);
      if (rates.length === 0) return noData;
      const worst = Math.max(...rates);
      const points = half(clamp(max - 2 * Math.max(0, (worst - 0.02) * 100), 0, max));
      return { points, evidence: both(`最差月份 ${pct(worst)}`, `worst month ${pct(worst)}`) };
    }
    case 'threeLevelMetering': {
      const zones = site.meters.some((m) => m.level === 2);
      const equipment = units.filter((u) => u.kind === 'equipment');
      const allEquipment = equipment.length > 0 && equipment.every((u) => u.meterIds.length > 0);
      const points = zones && allEquipment ? max : zones ? (max * 3) / 5 : max / 5;
      const text = `${equipment.filter((u) => u.meterIds.length > 0).length}/${equipment.length}`;
      return {
        points: half(points),
        evidence: both(
          `二级表已装；主要设备计量 ${text}`,
          `zone meters; equipment metered ${text}`,
        ),
      };
    }
    case 'ledgers': {
      const filled = daily.meters.filter((r) => r.m3 !== null).length;
      const share = daily.meters.length === 0 ? 0 : filled / daily.meters.length;
      return {
        points: share >= 0.95 ? max : 0,
        evidence: both(`表日有数据 ${pct(share)}`, `meter-days with data ${pct(share)}`),
      };
    }
    case 'networkDiagram': {
      const withDn = new Set(
        site.network.pipes
          .filter((p) => site.meters.some((m) => m.nodeId === p.to))
          .map((p) => p.to),
      );
      const complete = site.meters.filter((m) => m.serial !== '' && withDn.has(m.nodeId)).length;
      const text = `${complete}/${site.meters.length}`;
      return {
        points: complete === site.meters.length ? max : 0,
        evidence: both(`编号与口径齐全 ${text}`, `serial and diameter ${text}`),
      };
    }
    case 'monitoring': {
      const reporting = report.balance.rows.filter((r) =>
        daily.meters.some((d) => d.key === r.meterId && d.m3 !== null),
      ).length;
      const share = reporting / site.meters.length;
      return {
        points: half(share * max),
        evidence: both(`有数据水表 ${pct(share)}`, `meters with data ${pct(share)}`),
      };
    }
    case 'efficientIrrigation': {
      const share = value('efficientIrrigation');
      if (share === null) return noData;
      return {
        points: half(share * max),
        evidence: both(`滴灌喷灌面积 ${pct(share)}`, `drip or sprinkler ${pct(share)}`),
      };
    }
  }
}

/** The scorecard of a period. */
export function scorecard(
  template: ScorecardTemplate,
  entries: ReadonlyMap<string, ScoreEntry>,
  inputs: ScoringInputs,
): ScorecardResponse {
  const items: ScoredItem[] = template.items.map((item) => {
    if (item.auto !== undefined) {
      const { points, evidence } = autoScore(item.auto, item.points, inputs);
      return { ...item, scored: points, evidence, entry: null };
    }
    const entry = entries.get(item.id) ?? null;
    return { ...item, scored: entry?.points ?? null, evidence: null, entry };
  });
  const { items: _items, ...meta } = template;
  const totalPoints = items.reduce((s, i) => s + (i.scored ?? 0), 0);
  return {
    template: meta,
    items,
    maxPoints: template.items.reduce((s, i) => s + i.points, 0),
    totalPoints,
    pending: items.filter((i) => i.scored === null).length,
    pass: totalPoints >= template.passPoints,
  };
}
