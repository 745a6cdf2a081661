import ExcelJS from 'exceljs';
import type { ComplianceReport, Indicator, Ledger, LedgerRow } from '../../models/compliance';
import type { ScorecardResponse } from '../../models/scorecard';
import type { Site } from '../../models/site';
import {
  type ExportLang,
  endUseName,
  flagText,
  INDICATOR_NAMES,
  SUPPLY_NAMES,
} from './exportNames';

/**
 * The report and ledgers as an XLSX workbook (one sheet each) or one sheet as CSV, both written
 * by exceljs. Headers carry both languages, so one file serves both readers; names of end
 * uses, supplies and data flags are written in the reader's language. Volumes are m³ shown
 * with two decimals, rates are fractions shown as percentages (the cells keep full precision).
 */

/** Number formats: m³ with two decimals, rates as percent with one, counts whole. */
export const NUM_FMT = { m3: '0.00', rate: '0.0%', count: '0' } as const;

export const EXPORT_SHEETS = [
  'indicators',
  'balance',
  'leak-months',
  'unmetered',
  'ledger-day',
  'ledger-month',
  'function-day',
  'function-month',
] as const;
export type ExportSheet = (typeof EXPORT_SHEETS)[number];

const SHEET_TITLES: Readonly<Record<ExportSheet, string>> = {
  indicators: '指标 Indicators',
  balance: '水平衡 Balance',
  'leak-months': '月漏损率 Leak by month',
  unmetered: '已知未计量 Known unmetered',
  'ledger-day': '台账(日) Meters by day',
  'ledger-month': '台账(月) Meters by month',
  'function-day': '分功能(日) Functions by day',
  'function-month': '分功能(月) Functions by month',
};

/** The XLSX-only sheet of the self-assessment, written when the report has one. */
export const SCORECARD_SHEET = '自评 Self-assessment';

/** Indicators whose numerator and denominator are volumes (m³) rather than counts. */
const VOLUME_RATIOS: ReadonlySet<Indicator['id']> = new Set([
  'level2MeteringRate',
  'level3MeteringRate',
  'leakRate',
  'nonConventionalShare',
]);

export interface ExportData {
  readonly site: Site;
  readonly report: ComplianceReport;
  readonly daily: Ledger;
  readonly monthly: Ledger;
  /** Language of names (end uses, supplies, flags, scorecard items); headers carry both. */
  readonly lang?: ExportLang;
  /** The self-assessment of the period; a sheet of its own when given. */
  readonly scorecard?: ScorecardResponse;
}

/** The workbook of a period: every sheet of `EXPORT_SHEETS`. */
export function complianceWorkbook(data: ExportData): ExcelJS.Workbook {
  const { site, report, daily, monthly, lang = 'zh' } = data;
  const book = new ExcelJS.Workbook();
  book.creator = site.name.zh;
  const m3 = { numFmt: NUM_FMT.m3 };
  const serves = new Map(site.meters.map((m) => [m.id, `${m.serves.zh} ${m.serves.en}`]));
  const sheet = (
    id: ExportSheet | typeof SCORECARD_SHEET,
    columns: Array<{ header: string; key: string; width: number; style?: { numFmt: string } }>,
  ) => {
    const ws = book.addWorksheet(id === SCORECARD_SHEET ? id : SHEET_TITLES[id]);
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    return ws;
  };

  // Indicators, with the bar and where it comes from.
  const ind = sheet('indicators', [
    { header: '指标 Indicator', key: 'name', width: 40 },
    { header: '数值 Value', key: 'value', width: 14 },
    { header: '分子 Numerator', key: 'numerator', width: 14 },
    { header: '分母 Denominator', key: 'denominator', width: 14 },
    { header: '要求 Bar', key: 'bar', width: 10 },
    { header: '来源 Source', key: 'source', width: 50 },
    { header: '状态 Status', key: 'status', width: 10 },
    { header: '达标 Pass', key: 'pass', width: 8 },
  ]);
  for (const i of report.indicators) {
    const row = ind.addRow({
      name: INDICATOR_NAMES[i.id],
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      bar: i.bar ? `${i.bar.op} ${i.bar.value}` : '',
      source: i.bar?.source ?? '',
      status: i.bar?.status ?? '',
      pass: i.pass === null ? '' : i.pass ? 'Y' : 'N',
    });
    const parts = VOLUME_RATIOS.has(i.id) || i.id === 'perCapita' ? NUM_FMT.m3 : NUM_FMT.count;
    row.getCell('value').numFmt = i.unit === 'fraction' ? NUM_FMT.rate : NUM_FMT.m3;
    row.getCell('numerator').numFmt = parts;
    row.getCell('denominator').numFmt = VOLUME_RATIOS.has(i.id) ? NUM_FMT.m3 : NUM_FMT.count;
  }

  // The balance table per unit and for the site.
  const bal = sheet('balance', [
    { header: '水表 Meter', key: 'meter', width: 16 },
    { header: '级 Level', key: 'level', width: 8 },
    { header: '服务 Serves', key: 'serves', width: 34 },
    { header: '取水 Intake m³', key: 'intake', width: 14, style: m3 },
    { header: '下级 To children m³', key: 'children', width: 16, style: m3 },
    { header: '耗水 Consumed m³', key: 'consumed', width: 14, style: m3 },
    { header: '排水 Discharged m³', key: 'discharged', width: 16, style: m3 },
    { header: '回用 Reused m³', key: 'reused', width: 14, style: m3 },
    { header: '漏损 Lost m³', key: 'lost', width: 14, style: m3 },
    { header: '功能 Function', key: 'function', width: 18 },
    { header: '水源 Supply', key: 'supply', width: 12 },
  ]);
  for (const r of report.balance.rows) {
    bal.addRow({
      meter: r.meterId,
      level: r.level,
      serves: serves.get(r.meterId),
      intake: r.intakeM3,
      children: r.toChildrenM3,
      consumed: r.consumedM3,
      discharged: r.dischargedM3,
      reused: r.reusedM3,
      lost: r.lostM3,
      function: r.category === null ? '' : endUseName(r.category, lang),
      supply: SUPPLY_NAMES[r.supply][lang],
    });
  }
  const t = report.balance.total;
  bal.addRow({
    meter: '合计 Site',
    intake: t.intakeM3,
    consumed: t.consumedM3,
    discharged: t.dischargedM3,
    reused: t.reusedM3,
    lost: t.lostM3,
  }).font = { bold: true };

  const leak = sheet('leak-months', [
    { header: '月份 Month', key: 'month', width: 10 },
    { header: '一级 Level 1 m³', key: 'l1', width: 14, style: m3 },
    { header: '二级 Level 2 m³', key: 'l2', width: 14, style: m3 },
    { header: '已知未计量 Known unmetered m³', key: 'known', width: 18, style: m3 },
    { header: '漏损率 Leak rate', key: 'rate', width: 12, style: { numFmt: NUM_FMT.rate } },
  ]);
  for (const m of report.leakByMonth) {
    leak.addRow({
      month: m.month,
      l1: m.level1M3,
      l2: m.level2M3,
      known: m.knownUnmeteredM3,
      rate: m.rate,
    });
  }

  // The known unmetered uses the leak rate subtracted, each with what it was for.
  const known = sheet('unmetered', [
    { header: '日期 Date', key: 'date', width: 12 },
    { header: '水量 Volume m³', key: 'm3', width: 14, style: m3 },
    { header: '用途 What for', key: 'note', width: 40 },
    { header: '登记人 Entered by', key: 'by', width: 16 },
  ]);
  for (const u of report.knownUnmeteredUses) {
    known.addRow({ date: u.dateIso, m3: u.m3, note: u.note, by: u.by });
  }

  // The ledgers, with the flags behind each number.
  const ledger = (id: ExportSheet, rows: readonly LedgerRow[], byMeter: boolean) => {
    const ws = sheet(id, [
      { header: '日期 Date', key: 'date', width: 12 },
      { header: byMeter ? '水表 Meter' : '功能 Function', key: 'key', width: 16 },
      ...(byMeter ? [{ header: '服务 Serves', key: 'serves', width: 34 }] : []),
      { header: '用水量 Volume m³', key: 'm3', width: 14, style: m3 },
      { header: '标记 Flags', key: 'flags', width: 40 },
    ]);
    for (const r of rows) {
      ws.addRow({
        date: r.date,
        key: byMeter ? r.key : endUseName(r.key, lang),
        serves: serves.get(r.key),
        m3: r.m3,
        flags: flagText(r.flags, lang),
      });
    }
  };
  ledger('ledger-day', daily.meters, true);
  ledger('ledger-month', monthly.meters, true);
  ledger('function-day', daily.functions, false);
  ledger('function-month', monthly.functions, false);
  if (data.scorecard) scorecardSheet(data.scorecard, lang, sheet);
  return book;
}

type SheetMaker = (
  id: typeof SCORECARD_SHEET,
  columns: Array<{ header: string; key: string; width: number }>,
) => ExcelJS.Worksheet;

const SECTIONS = {
  technical: { zh: '技术', en: 'Technical' },
  management: { zh: '管理', en: 'Management' },
} as const;

/** The self-assessment: each item with its points, score and evidence, then the total. */
function scorecardSheet(card: ScorecardResponse, lang: ExportLang, sheet: SheetMaker): void {
  const ws = sheet(SCORECARD_SHEET, [
    { header: '项 Item', key: 'id', width: 8 },
    { header: '类 Section', key: 'section', width: 12 },
    { header: '内容 Title', key: 'title', width: 40 },
    { header: '分值 Points', key: 'points', width: 10 },
    { header: '得分 Score', key: 'scored', width: 10 },
    { header: '依据 Evidence', key: 'evidence', width: 50 },
  ]);
  for (const item of card.items) {
    ws.addRow({
      id: item.id,
      section: SECTIONS[item.section][lang],
      title: item.title[lang],
      points: item.points,
      scored: item.scored,
      evidence: item.evidence?.[lang] ?? item.entry?.note ?? '',
    });
  }
  const verdict = card.pass ? { zh: '达标', en: 'passed' } : { zh: '未达标', en: 'not passed' };
  ws.addRow({
    id: lang === 'zh' ? '合计' : 'Total',
    title: `${verdict[lang]} (≥ ${card.template.passPoints})`,
    points: card.maxPoints,
    scored: card.totalPoints,
  }).font = { bold: true };
  ws.getColumn('points').numFmt = '0.0';
  ws.getColumn('scored').numFmt = '0.0';
}

/** One sheet as CSV, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export async function sheetCsv(book: ExcelJS.Workbook, id: ExportSheet): Promise<Buffer> {
  const body = await book.csv.writeBuffer({ sheetName: SHEET_TITLES[id] });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(body)]);
}

export async function workbookXlsx(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
