import { parse } from 'csv-parse/sync';
import { z } from 'zod';

/**
 * One calendar year of daily weather for the retrofit planner: rainfall drives the rainwater
 * tank and effective rain on irrigated areas. Days are local calendar days of the station
 * (China Standard Time), January 1st first, one row per day with no gaps.
 *
 * The shipped year lives in `samples/weather/` as CSV with the header
 * `date,rainMm,meanTempC,rainHoursMissing`.
 */

export const WeatherDay = z
  .object({
    /** Local date, YYYY-MM-DD. */
    date: z.iso.date(),
    /** Rainfall (all precipitation, snow as water) over the day, mm. */
    rainMm: z.number().nonnegative(),
    /** Mean of the hourly air temperatures, °C; null when no hour was recorded. */
    meanTempC: z.number().nullable(),
    /** Hours of the day without a precipitation record (counted as dry). */
    rainHoursMissing: z.number().int().min(0).max(24),
  })
  .strict();
export type WeatherDay = z.infer<typeof WeatherDay>;

export const WeatherYear = z
  .object({
    year: z.number().int().min(1900).max(2100),
    /** Where the values come from, shown beside every result that uses them. */
    source: z.string().min(1),
    days: z.array(WeatherDay).min(365).max(366),
  })
  .strict()
  .superRefine((weather, ctx) => {
    // Every day of the year in order, so day i of the series is day i of the calendar.
    const first = Date.UTC(weather.year, 0, 1);
    weather.days.forEach((day, i) => {
      const expected = new Date(first + i * 86_400_000).toISOString().slice(0, 10);
      if (day.date !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['days', i, 'date'],
          message: `day ${i + 1} of ${weather.year} must be ${expected}`,
        });
      }
    });
    const last = weather.days.at(-1)?.date;
    if (last !== `${weather.year}-12-31`) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'the year must end on 12-31' });
    }
  });
export type WeatherYear = z.infer<typeof WeatherYear>;

const CSV_HEADER = ['date', 'rainMm', 'meanTempC', 'rainHoursMissing'] as const;

/** Reads a weather-year CSV (header `date,rainMm,meanTempC,rainHoursMissing`). */
export function parseWeatherYearCsv(text: string, source: string): WeatherYear {
  const rows: string[][] = parse(text, { skip_empty_lines: true, trim: true });
  const [header, ...body] = rows;
  if (header?.join(',') !== CSV_HEADER.join(',')) {
    throw new Error(`weather: expected the header "${CSV_HEADER.join(',')}"`);
  }
  const days = body.map(([date, rainMm, meanTempC, missing]) => ({
    date,
    rainMm: Number(rainMm),
    meanTempC: meanTempC === '' || meanTempC === undefined ? null : Number(meanTempC),
    rainHoursMissing: Number(missing),
  }));
  const year = Number(days[0]?.date?.slice(0, 4));
  return WeatherYear.parse({ year, source, days });
}
