/**
 * Default thresholds of the leak detectors, each with its unit, the section of
 * `reference/domain.md` it comes from and that document's status letter (C confirmed,
 * P partly, U unconfirmed, D derived for the twin). Every value can be overridden through the
 * options object of its detector.
 */

export type SourceStatus = 'C' | 'P' | 'U' | 'D';

export interface DocumentedDefault<T> {
  readonly value: T;
  readonly unit: string;
  /** Section of domain.md (or the standard) the value comes from. */
  readonly source: string;
  readonly status: SourceStatus;
}

export const DETECTION_DEFAULTS = {
  /** Max permissible error of a class 2 meter, upper zone Q2 ≤ Q ≤ Q4, water ≤ 30 °C. */
  mpeClass2Upper: { value: 0.02, unit: 'fraction', source: '§3.2', status: 'C' },
  /** Class 2, lower zone Q1 ≤ Q < Q2. */
  mpeClass2Lower: { value: 0.05, unit: 'fraction', source: '§3.2', status: 'C' },
  mpeClass1Upper: { value: 0.01, unit: 'fraction', source: '§3.2', status: 'C' },
  mpeClass1Lower: { value: 0.03, unit: 'fraction', source: '§3.2', status: 'C' },
  /** Q3 = Q4 / 1.25. */
  q4OverQ3: { value: 1.25, unit: 'ratio', source: '§3.2', status: 'C' },
  /** Range ratio R = Q3/Q1 when the site file does not give it (R100 is the §3.2 example). */
  rangeRatio: { value: 100, unit: 'ratio', source: '§3.2', status: 'U' },
  /** Q2/Q1, the transitional flow (ISO 4064-1; not in domain.md). */
  q2OverQ1: { value: 1.6, unit: 'ratio', source: 'ISO 4064-1 (prior knowledge)', status: 'U' },
  /** Worst case τ_max = e_p V_p + Σ e_i V_i ('max') or k·sqrt(Σ(e V)²) ('statistical'). */
  balanceTolerance: { value: 'max', unit: '—', source: '§7.3', status: 'D' },
  /** k of the statistical tolerance. */
  balanceSigmaK: { value: 2, unit: '—', source: '§7.3', status: 'D' },
  /** Hourly rule: Δ > τ for this many consecutive hours. */
  balanceConsecutiveHours: { value: 3, unit: 'h', source: '§7.3, §7.4', status: 'D' },
  /** Night rule: night-window Δ > τ on N of the last M nights. */
  balanceNightsN: { value: 3, unit: 'nights', source: '§7.3', status: 'D' },
  balanceNightsM: { value: 7, unit: 'nights', source: '§7.3', status: 'D' },
  /** Night window, local hours [from, to) of the building's zone. */
  nightWindow: { value: [1, 5], unit: 'h of day', source: '§7.4', status: 'D' },
  /** Nights the legitimate night use is learnt from. */
  nightLearnNights: { value: 7, unit: 'nights', source: '§7.1 (rolling 7 days)', status: 'C' },
  /** Percentile of the learnt night minima taken as legitimate night use. */
  nightPercentile: { value: 0.2, unit: 'quantile', source: '§7.1 (UKWIR 20th)', status: 'C' },
  /** Valid nights needed before a night can be judged. */
  nightMinLearnt: { value: 3, unit: 'nights', source: '—', status: 'D' },
  /** A night minimum must exceed the learnt use by this much… */
  nightMinRiseLph: { value: 2, unit: 'L/h', source: '—', status: 'D' },
  /** …and by this share of it. */
  nightRelRise: { value: 0.25, unit: 'fraction', source: '§7.1 (10–30 % share)', status: 'D' },
  /** A floor counts once it rises on N of the last M judged nights. */
  nightRiseN: { value: 3, unit: 'nights', source: '§7.3 night rule', status: 'D' },
  nightRiseM: { value: 7, unit: 'nights', source: '§7.3 night rule', status: 'D' },
  /**
   * Zero-free hours that make continuous flow. Flume's 2 h (§7.2) needs minute data: in
   * hourly volumes a busy working day has no zero hour, so the run must outlast one (12 h)
   * and cover a whole night window.
   */
  continuousRunHours: {
    value: 12,
    unit: 'h',
    source: '§7.2, §7.4 (scaled to hours)',
    status: 'D',
  },
  /** Zero hours in a row from which zeros at hours that usually draw water are not evidence. */
  stillHours: { value: 6, unit: 'h', source: '— (data-health guard)', status: 'D' },
  /** …usually: use at that hour of the day on this many of the seven days before. */
  stillUseDays: { value: 5, unit: 'days of 7', source: '— (data-health guard)', status: 'D' },
  /** Hours of the night window a continuous run must cover (of 4): a fault starting at 02:00
   * is then called the same day instead of the next night. */
  continuousNightHours: { value: 3, unit: 'h', source: '§7.4', status: 'D' },
  /** An hour counts as flowing from this volume: one litre is one register step. */
  continuousMinFlowLph: { value: 1, unit: 'L/h', source: '—', status: 'D' },
  /** Fixture types that legitimately draw for hours (never continuous-flow suspects). */
  continuousFixtureTypes: {
    value: ['cooling_tower_makeup', 'irrigation_valve'],
    unit: 'fixture type',
    source: '§7.4',
    status: 'D',
  },
  /** High flow: above this absolute floor (0.9 m³/h; Flume's home default is 19 L/min)… */
  highFlowFloorLpm: {
    value: 15,
    unit: 'L/min',
    source: '§7.2, §7.4 (19 L/min for a home), lowered below the 1 m³/h burst class',
    status: 'D',
  },
  /** …and above this factor times the meter's highest flow at that time of day… */
  highFlowHistoryFactor: { value: 2, unit: 'ratio', source: '—', status: 'D' },
  /** …within this many hours either side of the same local time, over the history… */
  highFlowTodWindowH: { value: 1, unit: 'h', source: '—', status: 'D' },
  /** …for at least this long. */
  highFlowMinMinutes: { value: 15, unit: 'min', source: '§7.2, §7.4', status: 'C' },
  /** Valid history intervals needed before the percentile is trusted. */
  highFlowMinHistory: { value: 96, unit: 'intervals', source: '—', status: 'D' },
  /** A descendant's candidate explaining this share of the loss moves the suspicion down. */
  explainShare: { value: 0.8, unit: 'fraction', source: '§7.3 segment highlight', status: 'D' },
} as const satisfies Record<string, DocumentedDefault<unknown>>;
