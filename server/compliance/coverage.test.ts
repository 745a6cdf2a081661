import { describe, expect, it } from 'vitest';
import { deriveMeterTree } from '../../models/meterTree';
import { meteringUnits } from './coverage';
import { complianceSite } from './testSite';

describe('metering coverage', () => {
  it('takes a meter that mainly serves a unit as the unit’s meter', () => {
    // Arrange: the irrigation meter M2b also feeds one basin of the building (half its use).
    const base = complianceSite();
    const basin = base.fixtures.find((f) => f.id === 'fa')!;
    const site = {
      ...base,
      network: {
        nodes: [
          ...base.network.nodes,
          { id: 'fb', kind: 'fixture' as const, position: basin.position },
        ],
        pipes: [
          ...base.network.pipes,
          { ...base.network.pipes[0]!, id: 'p-M2b-fb', from: 'M2b', to: 'fb' },
        ],
      },
      fixtures: [...base.fixtures, { ...basin, id: 'fb', nodeId: 'fb' }],
    };

    // Act
    const units = meteringUnits(site, deriveMeterTree(site));

    // Assert: irrigation keeps M2b (1 of its 2 fixtures); the building still lacks the guard
    // house's meter.
    expect(units.find((u) => u.id === 'irrigation')?.meterIds).toEqual(['M2b']);
    expect(units.find((u) => u.id === 'b')?.meterIds).toEqual([]);
  });
});
