import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScorecardResponse } from '../../models/scorecard';
import { startTestTwin, type TestTwin } from '../support/testTwin';

const HOUR = 3_600_000;
const FROM_MS = Date.parse('2026-04-12T00:00:00+08:00');
const PERIOD = 'from=2026-04-12&to=2026-04-12';

let twin: TestTwin;
const scorecard = async () =>
  (await (
    await fetch(`${twin.url}/api/v1/compliance/scorecard?${PERIOD}`)
  ).json()) as ScorecardResponse;
const put = (itemId: string, body: unknown, token: string | null) =>
  fetch(`${twin.url}/api/v1/compliance/scorecard/${itemId}`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  twin = await startTestTwin({ TWIN_SOURCES: 'sim' });
  for (let t = FROM_MS; t <= FROM_MS + 25 * HOUR; t += HOUR) twin.server.twin.step(t);
});

afterAll(async () => {
  await twin.server.close();
});

describe('self-assessment scorecard', () => {
  it('is a 100-point template with a 90-point bar that says it is a template', async () => {
    const card = await scorecard();
    expect(card.maxPoints).toBe(100);
    expect(card.template).toMatchObject({ isTemplate: true, passPoints: 90, status: 'U' });
    expect(card.template.notice.zh).toContain('样表');
  });

  it('fills measurable items with their evidence and leaves the others pending', async () => {
    const card = await scorecard();
    const item = (id: string) => card.items.find((i) => i.id === id)!;
    // 3 of the sample's graded fixtures are grade 2: far below 96 %, so 0 points.
    expect(item('T2')).toMatchObject({ scored: 0, entry: null });
    expect(item('T2').evidence?.en).toMatch(/^water-saving \d+\.\d %$/);
    // Every sample meter has a serial and sits on a pipe with a diameter.
    expect(item('A2')).toMatchObject({ scored: 3, evidence: { en: 'serial and diameter 13/13' } });
    expect(item('M1')).toMatchObject({ scored: null, evidence: null });
    expect(card.pending).toBe(card.items.filter((i) => i.auto === undefined).length);
    expect(card.pass).toBe(false);
  });

  it('refuses a score without an engineer, above the item points or without a note', async () => {
    expect((await put('M1', { points: 3, note: 'x' }, null)).status).toBe(401);
    const token = twin.server.engineerToken;
    const tooMany = await put('M1', { points: 4, note: '制度文件 2026-03' }, token);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.json()).toMatchObject({
      code: 'bad_request',
      issues: [{ path: 'body.points', value: 4, rule: 'at most 3 points (item M1)' }],
    });
    const noNote = (await (await put('M1', { points: 2, note: ' ' }, token)).json()) as {
      message: string;
    };
    expect(noNote.message).toBe('body.note: " " — a note naming the evidence, not empty');
    expect((await put('T1', { points: 8, note: 'x' }, token)).status).toBe(409);
  });

  it('keeps an engineer’s score and note across a restart', async () => {
    const token = twin.server.engineerToken;
    const res = await put(
      'M1',
      { points: 2.5, note: '《节水管理制度》2026年3月印发', by: '王工' },
      token,
    );
    expect(res.status).toBe(200);
    const before = await scorecard();

    // Act: restart on the same data folder.
    await twin.server.close();
    twin = await startTestTwin({ TWIN_SOURCES: 'sim', DATA_DIR: twin.dataDir });

    const after = await scorecard();
    const m1 = after.items.find((i) => i.id === 'M1')!;
    expect(m1.scored).toBe(2.5);
    expect(m1.entry).toMatchObject({ note: '《节水管理制度》2026年3月印发', by: '王工' });
    expect(after.totalPoints).toBe(before.totalPoints);
  });
});
