import type { EfficiencyGrade, FixtureSpec, FixtureType } from '../site';
import type { FixtureModel, Nameplate, PipeStyle } from '../siteDraft';
import { named } from './layout';

/**
 * What is installed on the sample site, and when: pipe materials by era, the fixture products
 * of each fit-out, and the meters' nameplates. The site was built in 2005 and partly renovated
 * since; everything is invented but plausible.
 */

// Pipe materials by era ----------------------------------------------------------------------

/** The 2005 build: ductile-iron main, galvanised steel inside, PE for small buried lines. */
export const DUCTILE_2005: PipeStyle = { material: 'ductile_iron', installYear: 2005 };
export const PE_2005: PipeStyle = { material: 'pe', installYear: 2005 };
export const STEEL_2005: PipeStyle = { material: 'steel_galvanized', installYear: 2005 };
/** Floors 1–2 were re-plumbed in PPR with the 2016 toilet renovation. */
export const PPR_2016: PipeStyle = { material: 'ppr', installYear: 2016 };
/** The annex went up in 2010; its kitchen was refitted in 2018. */
export const PE_2010: PipeStyle = { material: 'pe', installYear: 2010 };
export const PPR_2010: PipeStyle = { material: 'ppr', installYear: 2010 };
export const PPR_2018: PipeStyle = { material: 'ppr', installYear: 2018 };
/** Irrigation came in 2012, the cooling tower in 2014. */
export const PE_2012: PipeStyle = { material: 'pe', installYear: 2012 };
export const PE_2014: PipeStyle = { material: 'pe', installYear: 2014 };
export const STEEL_2014: PipeStyle = { material: 'steel_galvanized', installYear: 2014 };

// Fixture catalogue ------------------------------------------------------------------------

const model = (
  type: FixtureType,
  spec: FixtureSpec,
  grade: EfficiencyGrade,
  installDate: string,
): FixtureModel => ({ type, spec, grade, installDate });

/**
 * The 2005 fit-out, still on floors 3–5: 9 L toilets, 8 L flush-valve squat pans, 3 L urinals
 * and 0.20 L/s taps, the legacy defaults of reference/domain.md §1.4 (status D).
 */
export const ORIGINAL_2005 = {
  toilet: model('toilet', { volumePerUseL: 9 }, 'none', '2005-08-20'),
  squat: model('squat_toilet', { volumePerUseL: 8 }, 'none', '2005-08-20'),
  urinal: model('urinal', { volumePerUseL: 3 }, 'none', '2005-08-20'),
  basin: model('basin_tap', { flowLps: 0.2 }, 'none', '2005-08-20'),
  mopSink: model('mop_sink', { flowLps: 0.2 }, 'none', '2005-08-20'),
  teaSink: model('kitchen_sink', { flowLps: 0.2 }, 'none', '2005-08-20'),
};

/**
 * The 2016 renovation of floors 1–2: 6 L toilets and 0.15 L/s taps (grade 3 under GB 25502 and
 * GB 25501), 2.5 L urinals (grade 3 under GB 28377). Squat pans stay ungraded: their grade
 * values are unconfirmed (reference/domain.md §1.2).
 */
export const RENOVATED_2016 = {
  toilet: model('toilet', { volumePerUseL: 6 }, 3, '2016-07-15'),
  squat: model('squat_toilet', { volumePerUseL: 6 }, 'none', '2016-07-15'),
  urinal: model('urinal', { volumePerUseL: 2.5 }, 3, '2016-07-15'),
  basin: model('basin_tap', { flowLps: 0.15 }, 3, '2016-07-15'),
  mopSink: model('mop_sink', { flowLps: 0.2 }, 'none', '2016-07-15'),
  teaSink: model('kitchen_sink', { flowLps: 0.15 }, 3, '2016-07-15'),
};

/** Tea-room boilers were all replaced in 2012; the spec is the refill flow, L/s. */
export const WATER_BOILER = model('water_boiler', { flowLps: 0.1 }, 'none', '2012-10-08');

/** The annex as built in 2010, and what has been swapped since. */
export const ANNEX = {
  squat: model('squat_toilet', { volumePerUseL: 8 }, 'none', '2010-09-01'),
  urinal: model('urinal', { volumePerUseL: 3 }, 'none', '2010-09-01'),
  basin: model('basin_tap', { flowLps: 0.2 }, 'none', '2010-09-01'),
  shower: model('shower', { flowLps: 0.2 }, 'none', '2010-09-01'),
  hairWash: model('hair_wash_basin', { flowLps: 0.15 }, 'none', '2010-09-01'),
  mopSink: model('mop_sink', { flowLps: 0.2 }, 'none', '2010-09-01'),
  oldWasher: model('washing_machine', { volumePerUseL: 120 }, 'none', '2010-09-01'),
  newWasher: model('washing_machine', { volumePerUseL: 65 }, 2, '2019-04-10'),
  kitchenSink: model('kitchen_sink', { flowLps: 0.3 }, 'none', '2018-06-20'),
  dishwasher: model('dishwasher', { volumePerUseL: 4 }, 'none', '2018-06-20'),
  kitchenMop: model('mop_sink', { flowLps: 0.2 }, 'none', '2018-06-20'),
};

/** A sprinkler zone draws about 1 L/s, a hose bib about 0.3 L/s. */
export const IRRIGATION_VALVE = model('irrigation_valve', { flowLps: 1.0 }, 'none', '2012-05-10');
export const GARDEN_HOSE_BIB = model('hose_bib', { flowLps: 0.3 }, 'none', '2012-05-10');
/** Make-up valve of a ~100 RT tower: rated 0.6 L/s, typically drawing half that. */
export const COOLING_MAKEUP = model('cooling_tower_makeup', { flowLps: 0.6 }, 'none', '2014-05-20');
export const ROOF_HOSE_BIB = model('hose_bib', { flowLps: 0.3 }, 'none', '2014-05-20');

// Meters -------------------------------------------------------------------------------------

const plate = (zh: string, en: string, serial: string): Nameplate => ({
  serves: named(zh, en),
  serial,
});

/** What each meter serves and the serial on its nameplate (invented, Jilin-style numbering). */
export const NAMEPLATES: Readonly<Record<string, Nameplate>> = {
  'M1-main': plate('全院总表', 'Whole site (intake)', 'JL-DN100-2019-00017'),
  'M2-office': plate('办公楼', 'Office building', 'JL-DN50-2016-00342'),
  'M2-cooling': plate('冷却塔补水', 'Cooling-tower make-up', 'JL-DN40-2014-00128'),
  'M2-canteen': plate('职工食堂', 'Canteen', 'JL-DN40-2018-00561'),
  'M2-bath': plate('浴室', 'Bathhouse', 'JL-DN40-2010-00233'),
  'M2-laundry': plate('洗衣房', 'Laundry', 'JL-DN32-2010-00234'),
  'M2-barber': plate('理发室', 'Barber room', 'JL-DN20-2010-00235'),
  'M2-landscape': plate('绿化灌溉', 'Landscape irrigation', 'JL-DN40-2012-00188'),
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].map((f) => [
      `M3-office-f${f}`,
      plate(`办公楼${f}层`, `Office building, floor ${f}`, `JL-DN32-2016-0045${f}`),
    ]),
  ),
};
