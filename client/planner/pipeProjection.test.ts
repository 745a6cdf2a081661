import { describe, expect, it } from 'vitest';
import { buildSampleSite } from '../../models/sampleSite';
import { projectPipeHours, projectPipes } from './pipeProjection';

describe('projected pipe flows', () => {
  it('carry every fixture downstream, so the site main carries the whole day', () => {
    const site = buildSampleSite();
    const pipes = site.network.pipes;
    const days = site.fixtures.map((f) => ({ fixtureId: f.id, beforeL: 864, afterL: 432 }));

    const { beforeLps, afterLps } = projectPipes(site, pipes, days);

    const sources = new Set(site.network.nodes.filter((n) => n.kind === 'source').map((n) => n.id));
    const mains = pipes.map((p, i) => (sources.has(p.from) ? i : -1)).filter((i) => i >= 0);
    const total = mains.reduce((a, i) => a + beforeLps[i]!, 0);
    expect(total).toBeCloseTo((site.fixtures.length * 864) / 86_400, 9);
    for (let i = 0; i < pipes.length; i++) expect(afterLps[i]).toBeCloseTo(beforeLps[i]! / 2, 12);
  });

  it('carry each hour of the day, so the hours average to the day mean', () => {
    const site = buildSampleSite();
    const pipes = site.network.pipes;
    const hours = site.fixtures.map((f) => {
      const afterL = new Float64Array(24);
      afterL[9] = 432; // all of the day in one hour
      return { fixtureId: f.id, beforeL: afterL.map((v) => v * 2), afterL };
    });
    const days = site.fixtures.map((f) => ({ fixtureId: f.id, beforeL: 864, afterL: 432 }));

    const byHour = projectPipeHours(site, pipes, hours);
    const day = projectPipes(site, pipes, days);

    expect(byHour).toHaveLength(24);
    for (let i = 0; i < pipes.length; i++) {
      expect(byHour[3]!.afterLps[i]).toBe(0);
      const mean = byHour.reduce((a, h) => a + h.afterLps[i]!, 0) / 24;
      expect(mean).toBeCloseTo(day.afterLps[i]!, 12);
    }
  });
});
