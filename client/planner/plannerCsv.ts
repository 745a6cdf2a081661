import { scenarioEconomics } from '../../simulations/retrofit/economics';
import { END_USES } from '../../simulations/retrofit/endUses';
import type { Projection } from '../../simulations/retrofit/projection';
import type { MessageKey } from '../i18n/index';
import { measureName } from './measureName';
import type { PlannerDraft } from './plannerDraft';

/**
 * The planner's results as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs
 * read the Chinese scenario names). One row per figure, in long form, so several scenarios
 * sit in one file. Headers, figure names, units and notes are in the interface language; the
 * `key` column names each figure the same way in every language (`potable.toilets`,
 * `measure.2.fixtureSwap.payback`) for programs that read the file. Empty cells mean "not
 * applicable" or "not known" (a tariff not set), never 0. Capital costs are noted as estimates.
 */

export const CSV_COLUMNS = [
  'scenario',
  'period',
  'key',
  'quantity',
  'before',
  'after',
  'unit',
  'note',
] as const;

type Cell = string | number | null;
type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Quotes a field when it holds a comma, quote or line break (RFC 4180 §2.6–2.7). */
function field(value: Cell): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export interface CsvScenario {
  readonly name: string;
  readonly projection: Projection;
  /** The draft it came from, to name its fixture swaps. */
  readonly draft?: PlannerDraft;
}

export function plannerCsv(scenarios: readonly CsvScenario[], t: Translate): string {
  const rows: Cell[][] = [CSV_COLUMNS.map((c) => t(`planner.csvCol.${c}` as MessageKey))];
  const unit = {
    m3: t('planner.csvUnit.m3'),
    yuan: t('planner.csvUnit.yuan'),
    years: t('planner.csvUnit.years'),
    perPerson: t('planner.csvUnit.perPerson'),
  };
  const year = t('planner.csvYear');
  for (const { name, projection: p, draft } of scenarios) {
    const row = (period: string, key: string, label: string, before: Cell, after: Cell) =>
      rows.push([name, period, key, label, before, after, unit.m3, null]);
    const potable = (use: string) =>
      `${t('planner.csvPotable')} · ${t(`planner.endUse.${use}` as MessageKey)}`;

    // Potable water by end use, each month and the year.
    for (const m of p.monthly) {
      for (const use of END_USES) {
        row(
          String(m.month),
          `potable.${use}`,
          potable(use),
          m.beforeM3[use],
          m.potableAfterM3[use],
        );
      }
    }
    for (const use of END_USES) {
      row(
        year,
        `potable.${use}`,
        potable(use),
        p.annual.beforeM3[use],
        p.annual.potableAfterM3[use],
      );
    }
    row(year, 'potable.total', t('planner.csvPotableTotal'), p.totalBeforeM3, p.totalAfterM3);
    for (const source of ['greywater', 'condensate', 'rainwater'] as const) {
      const label = `${t('planner.csvReplaced')} · ${t(`planner.measure.${source}`)}`;
      row(year, `replaced.${source}`, label, null, p.annual.replacedM3[source]);
    }

    // Money and per capita.
    const unpriced = p.savedYuanPerYear === null ? t('planner.tariffNotSet') : null;
    const money = (key: string, label: MessageKey, value: Cell, u: string, note: Cell) =>
      rows.push([name, year, key, t(label), null, value, u, note]);
    money('saved', 'planner.csvSavedYuan', p.savedYuanPerYear, unit.yuan, unpriced);
    const total = scenarioEconomics(p.measures, p.savedYuanPerYear);
    const incomplete = total.capitalIncomplete ? t('planner.capitalIncomplete') : null;
    money('capital', 'planner.csvCapital', total.capitalCostYuan, unit.yuan, incomplete);
    money('payback', 'planner.csvPayback', total.paybackYears, unit.years, incomplete ?? unpriced);
    const pc = p.perCapita;
    rows.push([
      name,
      year,
      'per_capita',
      t('planner.csvPerCapita'),
      pc.beforeM3PerPersonYear,
      pc.afterM3PerPersonYear,
      unit.perPerson,
      t('planner.quota', {
        advanced: pc.quota.advancedM3PerPersonYear,
        general: pc.quota.generalM3PerPersonYear,
      }),
    ]);

    // Each measure.
    p.measures.forEach((measure, i) => {
      const id = `measure.${i + 1}.${measure.kind}`;
      const what = `${i + 1}. ${measureName(t, measure, draft)}`;
      const figure = (key: string, label: MessageKey, value: Cell, u: string, note: Cell) =>
        rows.push([name, year, `${id}.${key}`, `${what} · ${t(label)}`, null, value, u, note]);
      figure('saved', 'planner.csvSaved', measure.savedM3PerYear, unit.m3, null);
      figure(
        'capital',
        'planner.csvCapital',
        measure.capitalCostYuan,
        unit.yuan,
        t('planner.csvEstimate'),
      );
      figure('payback', 'planner.csvPayback', measure.paybackYears, unit.years, null);
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
