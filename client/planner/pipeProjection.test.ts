import { describe, expect, it } from 'vitest';
import { buildSampleSite } from '../../models/sampleSite';
import {
  flowRampT,
  projectedColor,
  projectedRampT,
  type Rgb,
  STILL_FLOW_LPS,
} from '../scene/colorRamp';
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

  it('show a saving on a pipe feeding one fixture whose day mean is below still water', () => {
    // One basin tap draws 43.2 L a day before (0.0005 L/s) and 21.6 L after (0.00025 L/s);
    // no other fixture draws water. Both are below the 0.001 L/s still-water threshold.
    const site = buildSampleSite();
    const pipes = site.network.pipes;
    const basin = site.fixtures.find((f) => f.type === 'basin_tap')!;
    const feed = pipes.findIndex((p) => p.to === basin.nodeId);
    const days = site.fixtures.map((f) =>
      f.id === basin.id
        ? { fixtureId: f.id, beforeL: 43.2, afterL: 21.6 }
        : { fixtureId: f.id, beforeL: 0, afterL: 0 },
    );

    const { beforeLps, afterLps } = projectPipes(site, pipes, days);

    expect(beforeLps[feed]).toBeCloseTo(0.0005, 15);
    expect(afterLps[feed]).toBeCloseTo(0.00025, 15);
    expect(afterLps[feed]!).toBeLessThan(STILL_FLOW_LPS);
    // The measured ramp calls both still; the projected ramp (top 1 L/s, three decades,
    // t = ln(1 + q / 0.001) / ln(1001)) puts them at ln 1.5 / ln 1001 and ln 1.25 / ln 1001.
    expect(flowRampT(beforeLps[feed]!, 1)).toBe(0);
    expect(flowRampT(afterLps[feed]!, 1)).toBe(0);
    expect(projectedRampT(beforeLps[feed]!, 1)).toBeCloseTo(Math.log(1.5) / Math.log(1001), 12);
    expect(projectedRampT(afterLps[feed]!, 1)).toBeCloseTo(Math.log(1.25) / Math.log(1001), 12);
    const fresh = (): Rgb => ({ r: 0, g: 0, b: 0 });
    expect(projectedColor(afterLps[feed]!, 1, fresh())).not.toEqual(
      projectedColor(beforeLps[feed]!, 1, fresh()),
    );
  });
});
