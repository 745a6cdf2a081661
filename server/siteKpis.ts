import type { Kpis } from '../models/protocol';

/** What the whole-site (level-1) meter has told the twin, for the KPI strip. */
export interface Level1State {
  /** Volume since local midnight, L. */
  readonly todayL: number;
  /** Mean flow over the last hour, L/s. */
  readonly flowLps: number;
  /** End of its latest interval, epoch ms; null when it has never reported. */
  readonly lastEndMs: number | null;
  /** Start of the building's local day, epoch ms. */
  readonly dayStartMs: number;
  /** Whether its latest interval is recent enough for a current flow. */
  readonly fresh: boolean;
  readonly staff: number;
}

/**
 * The site figures, null where the whole-site meter has no data: a stale meter leaves the
 * flow unknown, and today's use too unless something arrived since local midnight. Just after
 * midnight a meter still reporting has used 0 L today, which is a figure. Never 0 for
 * missing, which would read as "no water used".
 */
export function siteKpis(s: Level1State): Kpis {
  const reportedToday = s.lastEndMs !== null && s.lastEndMs > s.dayStartMs;
  const todayL = reportedToday || (s.fresh && s.lastEndMs !== null) ? s.todayL : null;
  return {
    todayL,
    flowLps: s.fresh ? s.flowLps : null,
    perCapitaTodayL: todayL === null || s.staff <= 0 ? null : todayL / s.staff,
  };
}
