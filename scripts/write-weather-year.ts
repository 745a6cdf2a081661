/**
 * Cuts one year of daily weather out of the hourly Shenyang series (UCI "PM2.5 Data of Five
 * Chinese Cities") and writes it to samples/weather/shenyang-<year>-daily.csv:
 *
 *   npx tsx scripts/write-weather-year.ts [hourly.csv] [year]
 *
 * Defaults: ../shared/data/uci-pm25-five-cities-shenyang/ShenyangPM20100101_20151231.csv and
 * 2013, the year with the fewest missing precipitation hours (32 of 8,760). Per local day:
 * rainfall = sum of the non-missing hourly `precipitation` values (mm), rounded to 0.1 mm;
 * mean temperature = mean of the non-missing hourly `TEMP` values (°C), rounded to 0.1 °C;
 * and the count of hours whose precipitation is `NA`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { mean } from 'simple-statistics';
import { parseWeatherYearCsv } from '../models/weatherYear';

const defaultInput = new URL(
  '../../shared/data/uci-pm25-five-cities-shenyang/ShenyangPM20100101_20151231.csv',
  import.meta.url,
);
const input = process.argv[2] ?? defaultInput.pathname;
const year = Number(process.argv[3] ?? 2013);
const target = new URL(`../samples/weather/shenyang-${year}-daily.csv`, import.meta.url);

interface Hour {
  year: string;
  month: string;
  day: string;
  TEMP: string;
  precipitation: string;
}

const hours: Hour[] = parse(await readFile(input, 'utf8'), { columns: true, trim: true });

// Group the hours of the chosen year by local date (the file is in China Standard Time).
const byDate = new Map<string, Hour[]>();
for (const hour of hours) {
  if (Number(hour.year) !== year) continue;
  const date = `${hour.year}-${hour.month.padStart(2, '0')}-${hour.day.padStart(2, '0')}`;
  const list = byDate.get(date) ?? [];
  list.push(hour);
  byDate.set(date, list);
}

// One row per day: summed rain, mean temperature, missing precipitation hours.
const lines = ['date,rainMm,meanTempC,rainHoursMissing'];
for (const [date, list] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
  const rain = list.filter((h) => h.precipitation !== 'NA').map((h) => Number(h.precipitation));
  const temps = list.filter((h) => h.TEMP !== 'NA').map((h) => Number(h.TEMP));
  const rainMm = rain.reduce((a, v) => a + v, 0);
  const meanTemp = temps.length > 0 ? mean(temps).toFixed(1) : '';
  const missing = 24 - rain.length;
  lines.push(`${date},${rainMm.toFixed(1)},${meanTemp},${missing}`);
}
const text = `${lines.join('\n')}\n`;

// Refuse to write a file the product would not read back.
parseWeatherYearCsv(text, 'check');
await writeFile(target, text);
process.stdout.write(`wrote ${target.pathname}: ${lines.length - 1} days\n`);
