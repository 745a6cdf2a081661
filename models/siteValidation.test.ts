import { describe, expect, it } from 'vitest';
import type { Site } from './site';
import { type SiteIssue, validateSite } from './siteValidation';
import { tinySite } from './testing/siteBuilder';

/** Node order: src, M1, j1, fA, M2, fB. Pipe order: as written. */
const valid = (): Site =>
  tinySite(['src>M1', 'M1>j1', 'j1>fA', 'j1>M2', 'M2>fB'], { M1: 1, M2: 2 });

function issuesOf(site: unknown): readonly SiteIssue[] {
  const result = validateSite(site);
  if (result.ok) throw new Error('expected the site to be refused');
  return result.issues;
}

describe('validateSite', () => {
  it('accepts a small valid site and derives its meter tree', () => {
    const result = validateSite(valid());

    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tree.parentOf.get('M2')).toBe('M1');
  });

  it('refuses a pipe to a node that does not exist', () => {
    const site = valid();
    site.network.pipes[2]!.to = 'ghost';

    expect(issuesOf(site)).toEqual([
      {
        path: 'network.pipes[2].to',
        value: 'ghost',
        rule: 'a pipe must join nodes listed in network.nodes',
      },
    ]);
  });

  it('refuses a meter on a node that is not in the network', () => {
    const site = valid();
    site.meters[1]!.nodeId = 'M9';

    expect(issuesOf(site)).toEqual([
      { path: 'meters[1].nodeId', value: 'M9', rule: 'a meter must sit on a node of the network' },
    ]);
  });

  it('refuses a meter node that no pipe connects', () => {
    const site = valid();
    site.network.nodes.push({ id: 'M9', kind: 'meter', position: { x: 9, y: 0, z: 0 } });
    site.meters[1]!.nodeId = 'M9';

    expect(issuesOf(site)).toEqual([
      { path: 'network.nodes[6]', value: 'M9', rule: 'node is not connected to any source' },
    ]);
  });

  it('refuses a loop back into the fed network: a node with two upstream pipes', () => {
    const site = valid();
    site.network.pipes.push({ ...site.network.pipes[1]!, id: 'p-M2-j1', from: 'M2', to: 'j1' });

    expect(issuesOf(site)).toEqual([
      {
        path: 'network.pipes[5].to',
        value: 'j1',
        rule:
          'node is already fed by pipe p-M1-j1; the network must be a tree (one upstream ' +
          'pipe per node)',
      },
    ]);
  });

  it('refuses a loop that no source feeds', () => {
    const site = valid();
    const at = { x: 9, y: 0, z: 0 };
    site.network.nodes.push({ id: 'ja', kind: 'junction', position: at });
    site.network.nodes.push({ id: 'jb', kind: 'junction', position: at });
    const pipe = site.network.pipes[1]!;
    site.network.pipes.push({ ...pipe, id: 'p-ja-jb', from: 'ja', to: 'jb' });
    site.network.pipes.push({ ...pipe, id: 'p-jb-ja', from: 'jb', to: 'ja' });

    const rule = 'node lies on a loop not fed by any source; the network must be a tree';
    expect(issuesOf(site)).toEqual([
      { path: 'network.nodes[6]', value: 'ja', rule },
      { path: 'network.nodes[7]', value: 'jb', rule },
    ]);
  });

  it('refuses a fixture in a room that does not exist', () => {
    const site = valid();
    site.fixtures[0]!.roomId = 'room-404';

    expect(issuesOf(site)).toEqual([
      {
        path: 'fixtures[0].roomId',
        value: 'room-404',
        rule: 'a fixture must stand in a room that exists in buildings[].floors[].rooms',
      },
    ]);
  });

  it('refuses a negative diameter with the zod shape error at its path', () => {
    const site = valid();
    site.network.pipes[1]!.diameterMm = -25;

    expect(issuesOf(site)).toEqual([
      {
        path: 'network.pipes[1].diameterMm',
        value: -25,
        rule: 'Too small: expected number to be >0',
      },
    ]);
  });

  it('refuses a level-2 meter with no meter upstream', () => {
    const site = tinySite(['src>j', 'j>M1', 'M1>fA', 'j>M2', 'M2>fB'], { M1: 1, M2: 2 });

    expect(issuesOf(site)).toEqual([
      {
        path: 'meters[1].level',
        value: 2,
        rule: 'a level-2 or level-3 meter needs a meter upstream of it',
      },
    ]);
  });

  it('refuses a level-1 meter below another meter', () => {
    const site = tinySite(['src>M1', 'M1>M2', 'M2>fA'], { M1: 1, M2: 1 });

    expect(issuesOf(site)).toEqual([
      { path: 'meters[1].level', value: 1, rule: 'a level-1 meter cannot sit below meter M1' },
      {
        path: 'meters[1].level',
        value: 1,
        rule: 'a meter must be at a deeper level than the meter upstream (M1, level 1)',
      },
    ]);
  });

  it('refuses a repeated id', () => {
    const site = valid();
    site.fixtures.push({ ...site.fixtures[0]! });

    expect(issuesOf(site)).toEqual([
      { path: 'fixtures[2].id', value: 'fA', rule: 'duplicate id in fixtures' },
    ]);
  });

  it('accepts a greywater meter heading its own tree at level 2, and files without supply', () => {
    const site = tinySite(['src>M1', 'M1>fA', 'srcG>MG', 'MG>fB'], { M1: 1, MG: 2 });
    site.meters[1]!.supply = 'greywater';

    const result = validateSite(site);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.tree.parentOf.get('MG')).toBeNull();
    expect(validateSite(valid()).ok).toBe(true);
  });

  it('refuses an unknown supply, naming the value and the choices', () => {
    const site = valid() as unknown as { meters: Array<Record<string, unknown>> };
    site.meters[1]!.supply = 'reclaimed';

    expect(issuesOf(site)).toEqual([
      {
        path: 'meters[1].supply',
        value: 'reclaimed',
        rule: 'one of potable, greywater, condensate, rain',
      },
    ]);
  });

  it('refuses a greywater meter below the potable main', () => {
    const site = valid();
    site.meters[1]!.supply = 'greywater';

    expect(issuesOf(site)).toEqual([
      {
        path: 'meters[1].supply',
        value: 'greywater',
        rule:
          'a meter must measure the same water as the meter upstream (M1, potable); a ' +
          'non-conventional supply is fed from its own source',
      },
    ]);
  });
});
