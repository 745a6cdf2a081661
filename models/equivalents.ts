import type { SourceStatus } from './detectionDefaults';

/**
 * Plain-language equivalents of a volume of water for the publicity show. Every one is an
 * estimate and is labelled so wherever it is shown (DESIGN §10: unconfirmed values are never
 * presented as official).
 */
export interface EquivalentBasis {
  /** Litres one unit stands for. */
  readonly litres: number;
  readonly source: string;
  readonly status: SourceStatus;
}

export const EQUIVALENTS = {
  /** A full household bathtub, L. */
  bathtubs: {
    litres: 150,
    source: 'typical 1.5 m household bathtub filled for a bath (prior knowledge)',
    status: 'U',
  },
  /**
   * A day of an urban household's domestic use, L: 2.62 persons per household (7th national
   * census, 2020) × about 180 L per person a day (urban residential use, prior knowledge).
   */
  householdDays: {
    litres: 472,
    source: '2.62 persons per household (2020 census) × ≈ 180 L/(person·d) (unconfirmed)',
    status: 'U',
  },
  /** A 550 mL bottle of drinking water, L. */
  bottles: { litres: 0.55, source: 'common 550 mL bottle', status: 'C' },
} as const satisfies Record<string, EquivalentBasis>;

export type EquivalentKind = keyof typeof EQUIVALENTS;

/** How many of each unit a volume of `m3` cubic metres makes. */
export function equivalentsOf(m3: number): Array<{ kind: EquivalentKind; count: number }> {
  return (Object.keys(EQUIVALENTS) as EquivalentKind[]).map((kind) => ({
    kind,
    count: (m3 * 1000) / EQUIVALENTS[kind].litres,
  }));
}
