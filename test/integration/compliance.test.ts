import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport, Ledger, NetworkDiagram } from '../../models/compliance';
import type { ScorecardResponse } from '../../models/scorecard';
import { levelM3 as levelM3Of, storedM3 as storedM3Of } from '../support/storedVolumes';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
/** The period: 2026-04-12 and 13 in Asia/Shanghai, the twin stepped hourly across it. */
const FROM_MS = Date.parse('2026-04-12T00:00:00+08:00');
const TO_MS = Date.parse('2026-04-14T00:00:00+08:00');
const PERIOD = 'from=2026-04-12&to=2026-04-13';

let twin: TestTwin;
const get = (path: string) => fetch(`${twin.url}${path}`);
/** What the store holds over the period, m³. */
const storedM3 = (meterId: string) => storedM3Of(twin, meterId, FROM_MS, TO_MS);
const levelM3 = (level: number) => levelM3Of(twin, level, FROM_MS, TO_MS);

beforeAll(async () => {
  twin = await startTestTwin({ TWIN_SOURCES: 'sim' });
  for (let t = FROM_MS - 6 * HOUR; t <= TO_MS + 2 * HOUR; t += HOUR) twin.server.twin.step(t);
});

afterAll(async () => {
  await twin.server.close();
});

describe('compliance API', () => {
  it('computes the indicators from the stored volumes of the period', async () => {
    const res = await get(`/api/v1/compliance/report?${PERIOD}`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as ComplianceReport;
    expect(report.period).toMatchObject({ fromIso: '2026-04-12', toIso: '2026-04-13', days: 2 });

    const k2 = report.indicators.find((i) => i.id === 'level2MeteringRate')!;
    expect(levelM3(1)).toBeGreaterThan(1);
    expect(k2.denominator).toBeCloseTo(levelM3(1), 6);
    expect(k2.numerator).toBeCloseTo(levelM3(2), 6);
    const leak = report.indicators.find((i) => i.id === 'leakRate')!;
    expect(leak.value).toBeCloseTo((levelM3(1) - levelM3(2)) / levelM3(1), 9);
    const capita = report.perCapita;
    expect(capita.lPerPersonDay).toBeCloseTo((levelM3(1) * 1000) / 120 / 2, 6);
    // The sample's 3 of 146 graded fixtures are grade 2.
    const fixtures = report.indicators.find((i) => i.id === 'waterSavingFixtures')!;
    expect(fixtures).toMatchObject({ pass: false });

    // The site balances: intake = consumed + discharged + lost.
    const t = report.balance.total;
    expect(t.intakeM3).toBeCloseTo(levelM3(1), 6);
    expect(t.consumedM3 + t.dischargedM3 + t.lostM3).toBeCloseTo(t.intakeM3, 6);
  });

  it('refuses a bad period, naming the field, the value and the rule', async () => {
    const res = await get('/api/v1/compliance/report?from=2026-04-12&to=12.4.2026');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; message: string };
    expect(body.code).toBe('bad_request');
    expect(body.message).toContain('query.to: "12.4.2026"');
    const long = await get('/api/v1/compliance/report?from=2024-01-01&to=2026-01-01');
    expect(((await long.json()) as { code: string }).code).toBe('range_too_long');
  });

  it('lists each meter by day with its volume, null never 0 for days without data', async () => {
    const res = await get(`/api/v1/compliance/ledger?from=2026-04-11&to=2026-04-13`);
    const ledger = (await res.json()) as Ledger;
    const main = ledger.meters.filter((r) => r.key === 'M1-main');
    expect(main.map((r) => r.date)).toEqual(['2026-04-11', '2026-04-12', '2026-04-13']);
    // The 11th holds only its last six hours; the 12th is whole.
    const day12 = twin.server.store
      .hourly('M1-main', FROM_MS, FROM_MS + 24 * HOUR)
      .reduce((s, r) => s + r.volumeL, 0);
    expect(main[1]!.m3).toBeCloseTo(day12 / 1000, 6);
    const before = await get('/api/v1/compliance/ledger?from=2026-03-01&to=2026-03-01');
    expect(((await before.json()) as Ledger).meters[0]!.m3).toBeNull();
  });

  it('exports an XLSX whose sheets hold the report and ledger numbers', async () => {
    const res = await get(`/api/v1/compliance/export.xlsx?${PERIOD}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('compliance-2026-04-12-2026-04-13');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());

    const balance = book.getWorksheet('水平衡 Balance')!;
    const main = balance.getRow(2);
    expect(main.getCell(1).value).toBe('M1-main');
    expect(main.getCell(4).value as number).toBeCloseTo(storedM3('M1-main'), 6);
    const daily = book.getWorksheet('台账(日) Meters by day')!;
    expect(daily.getRow(2).getCell(1).value).toBe('2026-04-12');
    expect(daily.getRow(2).getCell(4).value as number).toBeCloseTo(
      twin.server.store
        .hourly('M1-main', FROM_MS, FROM_MS + 24 * HOUR)
        .reduce((s, r) => s + r.volumeL, 0) / 1000,
      6,
    );
    const indicators = book.getWorksheet('指标 Indicators')!;
    expect(String(indicators.getRow(3).getCell(1).value)).toContain('Level-2 metering rate');
  });

  it('formats the XLSX numbers, names end uses and adds the self-assessment sheet', async () => {
    const res = await get(`/api/v1/compliance/export.xlsx?${PERIOD}&lang=en`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const report = (await (
      await get(`/api/v1/compliance/report?${PERIOD}`)
    ).json()) as ComplianceReport;

    // Rates as percentages, volumes with two decimals; the cells keep full precision.
    const indicators = book.getWorksheet('指标 Indicators')!;
    const k2 = indicators.getRow(3);
    expect(k2.getCell(2).numFmt).toBe('0.0%');
    expect(k2.getCell(3).numFmt).toBe('0.00');
    expect(k2.getCell(2).value).toBe(report.indicators[1]!.value);
    const balance = book.getWorksheet('水平衡 Balance')!;
    expect(balance.getRow(1).getCell(10).value).toBe('功能 Function');
    const canteenAt = report.balance.rows.findIndex((r) => r.meterId === 'M2-canteen');
    const canteen = balance.getRow(canteenAt + 2);
    expect(canteen.getCell(1).value).toBe('M2-canteen');
    expect(canteen.getCell(4).numFmt).toBe('0.00');
    expect(canteen.getCell(10).value).toBe('Canteen');
    expect(canteen.getCell(11).value).toBe('Potable');
    expect(book.getWorksheet('月漏损率 Leak by month')!.getRow(2).getCell(5).numFmt).toBe('0.0%');

    // The ledger by function names functions, never their code names.
    const functions = book.getWorksheet('分功能(日) Functions by day')!;
    const names: unknown[] = [];
    functions.eachRow((row, n) => {
      if (n > 1) names.push(row.getCell(2).value);
    });
    expect(new Set(names)).toEqual(
      new Set([
        'Toilets and washing',
        'Canteen',
        'Bathing',
        'Laundry',
        'Barber',
        'Cooling',
        'Irrigation',
      ]),
    );

    // The self-assessment: one row per item, then the total.
    const card = (await (
      await get(`/api/v1/compliance/scorecard?${PERIOD}`)
    ).json()) as ScorecardResponse;
    const sheet = book.getWorksheet('自评 Self-assessment')!;
    const first = card.items[0]!;
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      first.id,
      first.section === 'technical' ? 'Technical' : 'Management',
      first.title.en,
      first.points,
      ...(first.scored === null ? [] : [first.scored]),
      ...(first.evidence ? [first.evidence.en] : []),
    ]);
    const total = sheet.getRow(card.items.length + 2);
    expect(total.getCell(1).value).toBe('Total');
    expect(total.getCell(4).value).toBe(card.maxPoints);
    expect(total.getCell(5).value).toBe(card.totalPoints);
    expect(total.getCell(5).numFmt).toBe('0.0');
  });

  it('exports one sheet as CSV with the Chinese intact', async () => {
    const res = await get(`/api/v1/compliance/export.csv?${PERIOD}&sheet=ledger-month`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const text = (await res.text()).replace(/^\uFEFF/, '');
    const lines = text.trim().split('\n');
    expect(lines[0]).toContain('用水量 Volume m³');
    const mainLine = lines.find((l) => l.includes('M1-main'))!;
    expect(mainLine.startsWith('2026-04,M1-main')).toBe(true);
    expect(Number(mainLine.split(',')[3])).toBeCloseTo(storedM3('M1-main'), 4);
  });

  it('draws the network with serials and diameters', async () => {
    const body = (await (await get('/api/v1/compliance/network')).json()) as NetworkDiagram;
    expect(body.meters[0]).toMatchObject({
      id: 'M1-main',
      level: 1,
      serial: 'JL-DN100-2019-00017',
      diameterMm: 100,
      parentId: null,
    });
    expect(body.meters).toHaveLength(13);
  });
});
