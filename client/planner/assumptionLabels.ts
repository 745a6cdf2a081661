import type { MessageKey } from '../i18n/index';

/** The planner's unit names (models/retrofitDefaults.ts, simulations/demandParameters.ts). */
export const ASSUMPTION_UNIT_KEY: Readonly<Record<string, MessageKey>> = {
  '1 = collects': 'assumptionUnit.collects',
  '1 = irrigated': 'assumptionUnit.irrigated',
  'L/flush': 'assumptionUnit.lPerFlush',
  'L/kWh by month': 'assumptionUnit.lPerKwhByMonth',
  'L/meal': 'assumptionUnit.lPerMeal',
  'L/person/day': 'assumptionUnit.lPerPersonDay',
  'L/s': 'assumptionUnit.lps',
  cycles: 'assumptionUnit.cycles',
  'cycles/machine/day': 'assumptionUnit.cyclesPerMachineDay',
  'fills/sink/day': 'assumptionUnit.fillsPerSinkDay',
  'fraction (renormalised over the fixtures present)': 'assumptionUnit.fractionRenormalised',
  'fraction of ET0': 'assumptionUnit.fractionOfEt0',
  'fraction of staff': 'assumptionUnit.fractionOfStaff',
  fraction: 'assumptionUnit.fraction',
  'haircuts/day': 'assumptionUnit.haircutsPerDay',
  'kWh/kg': 'assumptionUnit.kwhPerKg',
  'local hours': 'assumptionUnit.localHours',
  'local hours, L/s': 'assumptionUnit.localHoursLps',
  'local hours, relative weight': 'assumptionUnit.localHoursWeight',
  'mm per rain day': 'assumptionUnit.mmPerRainDay',
  'mm/month': 'assumptionUnit.mmPerMonth',
  persons: 'assumptionUnit.persons',
  s: 'assumptionUnit.seconds',
  'showers/person/day': 'assumptionUnit.showersPerPersonDay',
  'uses/person/day': 'assumptionUnit.usesPerPersonDay',
  'uses/shower': 'assumptionUnit.usesPerShower',
  'uses/tap/day': 'assumptionUnit.usesPerTapDay',
  'uses/visitor': 'assumptionUnit.usesPerVisitor',
};

/** Roof surfaces of the site model. */
export const SURFACE_KEY: Readonly<Record<string, MessageKey>> = {
  concrete: 'surface.concrete',
  tile: 'surface.tile',
  green: 'surface.green',
  metal: 'surface.metal',
  asphalt: 'surface.asphalt',
};

/**
 * The sections of domain.md a source names (`§4.2`), for the table; the whole source, which
 * may quote English titles, goes in the tooltip.
 */
export function sourceSections(source: string): string {
  const sections = source.match(/§[\d.]+/g);
  return sections ? [...new Set(sections)].join(', ') : '—';
}
