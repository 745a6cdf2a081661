import ExcelJS from 'exceljs';
import type { ComplianceReport, IndicatorId, Ledger, LedgerRow } from '../../models/compliance';
import type { Site } from '../../models/site';

/**
 * The report and ledgers as an XLSX workbook (one sheet each) or one sheet as CSV, both written
 * by exceljs. Headers carry both languages, so one file serves both readers; volumes are m³,
 * shares fractions.
 */

export const EXPORT_SHEETS = [
  'indicators',
  'balance',
  'leak-months',
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
  'ledger-day': '台账(日) Meters by day',
  'ledger-month': '台账(月) Meters by month',
  'function-day': '分功能(日) Functions by day',
  'function-month': '分功能(月) Functions by month',
};

export const INDICATOR_NAMES: Readonly<Record<IndicatorId, string>> = {
  level1MeteringRate: '一级计量率 Level-1 metering rate',
  level2MeteringRate: '二级计量率 Level-2 metering rate',
  level3MeteringRate: '三级计量率 Level-3 metering rate',
  meteringCoverage: '计量器具配备率 Metering coverage',
  leakRate: '管网漏损率 Pipe-network leak rate',
  perCapita: '人均用水量 Per-capita use (m³/person·a)',
  waterSavingFixtures: '节水器具普及率 Water-saving fixtures',
  nonConventionalShare: '非常规水利用率 Non-conventional water',
  efficientIrrigation: '高效节水灌溉率 Efficient irrigation',
};

const flagText = (row: LedgerRow) =>
  Object.entries(row.flags)
    .map(([flag, n]) => `${flag}×${n}`)
    .join('; ');

export interface ExportData {
  readonly site: Site;
  readonly report: ComplianceReport;
  readonly daily: Ledger;
  readonly monthly: Ledger;
}

/** The workbook of a period: every sheet of `EXPORT_SHEETS`. */
export function complianceWorkbook({ site, report, daily, monthly }: ExportData): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = site.name.zh;
  const serves = new Map(site.meters.map((m) => [m.id, `${m.serves.zh} ${m.serves.en}`]));
  const sheet = (
    id: ExportSheet,
    columns: Array<{ header: string; key: string; width: number }>,
  ) => {
    const ws = book.addWorksheet(SHEET_TITLES[id]);
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
    ind.addRow({
      name: INDICATOR_NAMES[i.id],
      value: i.value,
      numerator: i.numerator,
      denominator: i.denominator,
      bar: i.bar ? `${i.bar.op} ${i.bar.value}` : '',
      source: i.bar?.source ?? '',
      status: i.bar?.status ?? '',
      pass: i.pass === null ? '' : i.pass ? 'Y' : 'N',
    });
  }

  // The balance table per unit and for the site.
  const bal = sheet('balance', [
    { header: '水表 Meter', key: 'meter', width: 16 },
    { header: '级 Level', key: 'level', width: 8 },
    { header: '服务 Serves', key: 'serves', width: 34 },
    { header: '取水 Intake m³', key: 'intake', width: 14 },
    { header: '下级 To children m³', key: 'children', width: 16 },
    { header: '耗水 Consumed m³', key: 'consumed', width: 14 },
    { header: '排水 Discharged m³', key: 'discharged', width: 16 },
    { header: '回用 Reused m³', key: 'reused', width: 14 },
    { header: '漏损 Lost m³', key: 'lost', width: 14 },
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
    { header: '一级 Level 1 m³', key: 'l1', width: 14 },
    { header: '二级 Level 2 m³', key: 'l2', width: 14 },
    { header: '已知未计量 Known unmetered m³', key: 'known', width: 18 },
    { header: '漏损率 Leak rate', key: 'rate', width: 12 },
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

  // The ledgers, with the flags behind each number.
  const ledger = (id: ExportSheet, rows: readonly LedgerRow[], byMeter: boolean) => {
    const ws = sheet(id, [
      { header: '日期 Date', key: 'date', width: 12 },
      { header: byMeter ? '水表 Meter' : '功能 Function', key: 'key', width: 16 },
      ...(byMeter ? [{ header: '服务 Serves', key: 'serves', width: 34 }] : []),
      { header: '用水量 Volume m³', key: 'm3', width: 14 },
      { header: '标记 Flags', key: 'flags', width: 40 },
    ]);
    for (const r of rows) {
      ws.addRow({
        date: r.date,
        key: r.key,
        serves: serves.get(r.key),
        m3: r.m3,
        flags: flagText(r),
      });
    }
  };
  ledger('ledger-day', daily.meters, true);
  ledger('ledger-month', monthly.meters, true);
  ledger('function-day', daily.functions, false);
  ledger('function-month', monthly.functions, false);
  return book;
}

/** One sheet as CSV, UTF-8 with a byte-order mark so spreadsheet programs read the Chinese. */
export async function sheetCsv(book: ExcelJS.Workbook, id: ExportSheet): Promise<Buffer> {
  const body = await book.csv.writeBuffer({ sheetName: SHEET_TITLES[id] });
  return Buffer.concat([Buffer.from('\uFEFF', 'utf8'), Buffer.from(body)]);
}

export async function workbookXlsx(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
