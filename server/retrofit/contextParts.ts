import type { ServedDefault } from '../../models/retrofitApi';
import { RETROFIT_DEFAULTS } from '../../models/retrofitDefaults';
import type { WeatherYear } from '../../models/weatherYear';
import { DEMAND_PARAMETERS } from '../../simulations/demandParameters';
import { USAGE_KEYS } from '../../simulations/retrofit/assumptions';

/** Every retrofit default with its unit, source and status. */
export function servedDefaults(): ServedDefault[] {
  return Object.entries(RETROFIT_DEFAULTS).map(([key, d]) => ({
    key,
    value: d.value,
    unit: d.unit,
    source: d.source,
    status: d.status,
    unconfirmed: d.status === 'U',
  }));
}

/** The demand-model defaults behind a scenario's `usage` block. */
export function servedUsageDefaults(): ServedDefault[] {
  return USAGE_KEYS.map((key) => {
    const d = DEMAND_PARAMETERS[key];
    return {
      key,
      value: d.value,
      unit: d.unit,
      source: d.source,
      status: d.status,
      unconfirmed: d.status === 'U',
    };
  });
}

/** Total rain and rain days (≥ 0.1 mm) of a weather year. */
export function weatherSummary(weather: WeatherYear) {
  return {
    year: weather.year,
    source: weather.source,
    rainMm: Math.round(weather.days.reduce((a, d) => a + d.rainMm, 0) * 10) / 10,
    rainDays: weather.days.filter((d) => d.rainMm >= 0.1).length,
  };
}
