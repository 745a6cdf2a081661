import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplianceReport } from '../../models/compliance';
import { complianceSite } from '../../server/compliance/testSite';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

/**
 * A constructed site whose toilet `fG` flushes with treated greywater from its own tank through
 * meter MG (level 2, supply greywater), beside the potable main M1 → M2a (→ M3x), M2b.
 */
let twin: TestTwin;
const PERIOD = 'from=2026-04-12&to=2026-04-12';
/** m³ booked on each meter in the quarter hour to 11:00 on 12 April (below Q4). */
const BOOKED_M3: Readonly<Record<string, number>> = {
  M1: 1,
  M2a: 0.6,
  M2b: 0.35,
  M3x: 0.4,
  MG: 0.25,
};

beforeAll(async () => {
  const dir = tempDataDir();
  const file = path.join(dir, 'site.json');
  fs.writeFileSync(file, JSON.stringify(complianceSite({ greywater: true })));
  twin = await startTestTwin({ TWIN_SOURCES: 'none', TWIN_SITE: file });
  const res = await fetch(`${twin.url}/api/v1/readings`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${twin.server.ingestToken}`,
    },
    body: JSON.stringify({
      readings: Object.entries(BOOKED_M3).map(([meter, value]) => ({
        meter,
        ts: '2026-04-12T11:00:00+08:00',
        value,
        unit: 'm3',
        kind: 'interval_volume',
      })),
    }),
  });
  const body = (await res.json()) as { results: Array<{ status: string }> };
  expect(body.results.map((r) => r.status)).toEqual(Array(5).fill('accepted'));
});

afterAll(async () => {
  await twin.server.close();
});

describe('non-conventional water through the compliance API', () => {
  it('reports the greywater share and keeps it out of the potable indicators', async () => {
    const report = (await (
      await fetch(`${twin.url}/api/v1/compliance/report?${PERIOD}`)
    ).json()) as ComplianceReport;
    const get = (id: string) => report.indicators.find((i) => i.id === id)!;

    // R = V_r ÷ (V_f + V_r) = 0.25 ÷ (1 + 0.25) (domain.md §3.3).
    expect(get('nonConventionalShare')).toMatchObject({ numerator: 0.25, denominator: 1.25 });
    expect(get('nonConventionalShare').value).toBeCloseTo(0.2, 12);
    // Potable only: K2 = (0.6 + 0.35) ÷ 1, leak (1 − 0.95) ÷ 1, the tank is no intake.
    expect(get('level1MeteringRate')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(get('level2MeteringRate').value).toBeCloseTo(0.95, 12);
    expect(get('leakRate').value).toBeCloseTo(0.05, 12);
    expect(report.perCapita.lPerPersonDay).toBeCloseTo(250, 9);

    // The balance: V_t = V_f + V_r, with reused water as its own source into flushing.
    expect(report.balance.total).toMatchObject({
      intakeM3: 1.25,
      freshM3: 1,
      nonConventionalM3: 0.25,
    });
    expect(report.balance.rows.find((r) => r.meterId === 'MG')).toMatchObject({
      supply: 'greywater',
      parentId: null,
      category: 'sanitary',
    });
    expect(report.balance.links).toContainEqual({ source: 'reused', target: 'MG', m3: 0.25 });
    expect(report.balance.links).toContainEqual({
      source: 'MG',
      target: 'use:sanitary',
      m3: 0.25,
    });
  });
});
