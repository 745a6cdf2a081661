import { END_USES } from '../../simulations/retrofit/endUses';
import type { Projection } from '../../simulations/retrofit/projection';

/**
 * The planner's results as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Chinese scenario names). One row per figure, in long form, so several scenarios
 * sit in one file: `scenario,period,quantity,before,after,unit,note`. Empty cells mean "not
 * applicable" or "not known" (a tariff not set), never 0. Capital costs carry the note
 * `estimate`.
 */

export const CSV_HEADER = ['scenario', 'period', 'quantity', 'before', 'after', 'unit', 'note'];

type Cell = string | number | null;

/** Quotes a field when it holds a comma, quote or line break (RFC 4180 §2.6–2.7). */
function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvScenario {
  readonly name: string;
  readonly projection: Projection;
}

export function plannerCsv(scenarios: readonly CsvScenario[]): string {
  const rows: Cell[][] = [CSV_HEADER];
  for (const { name, projection: p } of scenarios) {
    const row = (period: string, quantity: string, before: Cell, after: Cell, unit: string) =>
      rows.push([name, period, quantity, before, after, unit, null]);

    // Potable water by end use, each month and the year.
    for (const m of p.monthly) {
      for (const use of END_USES) {
        row(String(m.month), `potable.${use}`, m.beforeM3[use], m.potableAfterM3[use], 'm3');
      }
    }
    for (const use of END_USES) {
      row('year', `potable.${use}`, p.annual.beforeM3[use], p.annual.potableAfterM3[use], 'm3');
    }
    row('year', 'potable.total', p.totalBeforeM3, p.totalAfterM3, 'm3');
    for (const source of ['greywater', 'condensate', 'rainwater'] as const) {
      row('year', `replaced.${source}`, null, p.annual.replacedM3[source], 'm3');
    }

    // Money, per capita and each measure.
    const unpriced = p.savedYuanPerYear === null ? 'tariff not set' : null;
    rows.push([name, 'year', 'saved', null, p.savedYuanPerYear, 'yuan', unpriced]);
    const pc = p.perCapita;
    rows.push([
      name,
      'year',
      'per_capita',
      pc.beforeM3PerPersonYear,
      pc.afterM3PerPersonYear,
      'm3/person',
      `quota advanced ${pc.quota.advancedM3PerPersonYear}, general ${pc.quota.generalM3PerPersonYear}`,
    ]);
    p.measures.forEach((measure, i) => {
      const id = `measure.${i + 1}.${measure.kind}`;
      rows.push([name, 'year', `${id}.saved`, null, measure.savedM3PerYear, 'm3', null]);
      rows.push([name, 'year', `${id}.capital`, null, measure.capitalCostYuan, 'yuan', 'estimate']);
      rows.push([name, 'year', `${id}.payback`, null, measure.paybackYears, 'years', null]);
    });
  }
  return `\uFEFF${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Offers text as a file download in the browser. */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
