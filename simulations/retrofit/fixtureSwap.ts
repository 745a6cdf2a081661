import type { FixtureSwap, SwapTarget } from '../../models/retrofit';
import { RETROFIT_DEFAULTS } from '../../models/retrofitDefaults';
import type { FixtureType } from '../../models/site';
import type { FixtureDemand } from './baseline';

/**
 * Fixture swaps (domain.md §1, §4): the litres one use takes after a swap, and the daily use
 * of a group of people at a fixture, following the LEED structure of §4.2:
 * daily volume = Σ persons × share of each sex × uses per person per day × volume per use,
 * with volume per use = flush volume, or flow × duration for taps and showers.
 */

/** The new specification of one use, as a flush volume (L) or a flow (L/s). */
export type SwapSpec = { readonly volumePerUseL: number } | { readonly flowLps: number };

/** Standard values a target reads (grade and tier tables); overridable for tests and users. */
export interface SwapStandards {
  readonly toiletGradeL: readonly number[];
  readonly urinalGradeL: readonly number[];
  readonly faucetGradeLps: readonly number[];
  readonly showerGradeLps: readonly number[];
  readonly toiletTiersL: readonly number[];
  readonly squatTiersL: readonly number[];
  readonly urinalTiersL: readonly number[];
  readonly dualFlushHalfWeight: number;
}

export const DEFAULT_SWAP_STANDARDS: SwapStandards = {
  toiletGradeL: RETROFIT_DEFAULTS.toiletGradeL.value,
  urinalGradeL: RETROFIT_DEFAULTS.urinalGradeL.value,
  faucetGradeLps: RETROFIT_DEFAULTS.faucetGradeLps.value,
  showerGradeLps: RETROFIT_DEFAULTS.showerGradeLps.value,
  toiletTiersL: RETROFIT_DEFAULTS.toiletTiersL.value,
  squatTiersL: RETROFIT_DEFAULTS.squatTiersL.value,
  urinalTiersL: RETROFIT_DEFAULTS.urinalTiersL.value,
  dualFlushHalfWeight: RETROFIT_DEFAULTS.dualFlushHalfWeight.value,
};

/** Chinese dual-flush average (§1.5, U): (V_full + 3 V_half) / 4 with the default weight. */
export function dualFlushAverageL(fullL: number, halfL: number, halfWeight: number): number {
  return (1 - halfWeight) * fullL + halfWeight * halfL;
}

/** What a target means for a fixture type; throws for a pair the scenario schema refuses. */
export function swapSpec(
  type: FixtureType,
  target: SwapTarget,
  s: SwapStandards = DEFAULT_SWAP_STANDARDS,
): SwapSpec {
  const pick = (table: readonly number[], index: number) => {
    const value = table[index];
    if (value === undefined) throw new Error(`fixture swap: no standard value for ${type}`);
    return value;
  };
  switch (target.kind) {
    case 'volume':
      return { volumePerUseL: target.volumePerUseL };
    case 'flow':
      return { flowLps: target.flowLps };
    case 'dualFlush':
      return {
        volumePerUseL: dualFlushAverageL(
          target.fullFlushL,
          target.halfFlushL,
          s.dualFlushHalfWeight,
        ),
      };
    case 'tier': {
      const index = target.tier === 'water_saving' ? 0 : 1;
      if (type === 'toilet') return { volumePerUseL: pick(s.toiletTiersL, index) };
      if (type === 'squat_toilet') return { volumePerUseL: pick(s.squatTiersL, index) };
      if (type === 'urinal') return { volumePerUseL: pick(s.urinalTiersL, index) };
      break;
    }
    case 'grade': {
      const index = target.grade - 1;
      if (type === 'toilet') return { volumePerUseL: pick(s.toiletGradeL, index) };
      if (type === 'urinal') return { volumePerUseL: pick(s.urinalGradeL, index) };
      if (type === 'basin_tap' || type === 'kitchen_sink') {
        return { flowLps: pick(s.faucetGradeLps, index) };
      }
      if (type === 'shower') return { flowLps: pick(s.showerGradeLps, index) };
      break;
    }
  }
  throw new Error(`fixture swap: a "${target.kind}" target does not apply to ${type}`);
}

/** Litres per use after a swap: the flush volume, or flow × duration (s). */
export function volumePerUseAfterL(spec: SwapSpec, durationS: number): number {
  return 'volumePerUseL' in spec ? spec.volumePerUseL : spec.flowLps * durationS;
}

/** Whether a swap applies to a fixture of the baseline. */
export function swapMatches(swap: FixtureSwap, fixture: FixtureDemand): boolean {
  return (
    fixture.type === swap.fixtureType &&
    (swap.roomId === undefined || fixture.roomId === swap.roomId) &&
    (swap.roomFunction === undefined || fixture.roomFunction === swap.roomFunction)
  );
}

/**
 * The factor a swap multiplies a fixture's daily volume by: new litres per use over old.
 * Automatic shut-off shortens a tap's use to `autoOffDurationS`.
 */
export function swapFactor(
  swap: FixtureSwap,
  fixture: FixtureDemand,
  autoOffDurationS: number,
  s: SwapStandards = DEFAULT_SWAP_STANDARDS,
): number {
  if (!(fixture.volumePerUseL > 0)) return 1;
  const durationS = swap.autoOff
    ? Math.min(autoOffDurationS, fixture.durationS)
    : fixture.durationS;
  const afterL = volumePerUseAfterL(swapSpec(fixture.type, swap.target, s), durationS);
  return afterL / fixture.volumePerUseL;
}

/** People using a set of fixtures and how often (§4.2); uses per person per day. */
export interface Occupants {
  readonly persons: number;
  readonly femaleShare: number;
  readonly usesFemale: number;
  readonly usesMale: number;
}

/** Litres per day drawn by a group of people at a fixture (§4.2 formula). */
export function dailyVolumeL(group: Occupants, volumePerUseL: number): number {
  const uses =
    group.persons * group.femaleShare * group.usesFemale +
    group.persons * (1 - group.femaleShare) * group.usesMale;
  return uses * volumePerUseL;
}
