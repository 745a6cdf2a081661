import type { EndUse } from '../fixtureActivity';

/**
 * The end uses the retrofit planner reports, coarser than the demand model's: tea rooms and
 * dishwashers count as kitchen, barber, cleaning and other taps as taps. `unmetered` is water
 * the meters saw that no modelled fixture explains (found by calibration).
 */
export const END_USES = [
  'toilets',
  'urinals',
  'taps',
  'showers',
  'kitchen',
  'laundry',
  'cooling',
  'irrigation',
  'unmetered',
] as const;
export type RetrofitEndUse = (typeof END_USES)[number];

/** The planner's end use of each of the demand model's end uses. */
export const PLANNER_END_USE: Readonly<Record<EndUse, RetrofitEndUse>> = {
  toilet: 'toilets',
  urinal: 'urinals',
  basin: 'taps',
  shower: 'showers',
  drinking: 'kitchen',
  kitchen: 'kitchen',
  dishwasher: 'kitchen',
  laundry: 'laundry',
  barber: 'taps',
  cleaning: 'taps',
  other: 'taps',
  irrigation: 'irrigation',
  cooling: 'cooling',
};

/** A volume per end use, m³. */
export type ByEndUse = Record<RetrofitEndUse, number>;

export function zeroByEndUse(): ByEndUse {
  return Object.fromEntries(END_USES.map((u) => [u, 0])) as ByEndUse;
}

/** One calendar month per entry, January first. */
export type Monthly<T> = T[];
