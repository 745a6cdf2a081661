import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../models/site';
import {
  loadReplayMapping,
  mappingProblems,
  parseReplayMapping,
  ReplayMappingError,
} from './replayMapping';

const SHIPPED = fileURLToPath(new URL('../../samples/replay-mapping.json', import.meta.url));

function validMapping() {
  return {
    file: 'daiad/swm_trialA_subset.csv',
    zone: 'Europe/Madrid',
    unit: 'L',
    meters: [{ recordedKey: 'df789230-d273-4fd0-aa24-6f5419469295', meterId: 'M3-office-f1' }],
  };
}

describe('the shipped replay mapping', () => {
  it('validates and drives floor meters and a level-2 meter from the defect keys', () => {
    const mapping = loadReplayMapping(SHIPPED);
    const byMeter = Object.fromEntries(mapping.meters.map((m) => [m.meterId, m.recordedKey]));

    expect(mapping.file).toBe('daiad/swm_trialA_subset.csv');
    expect(mapping.zone).toBe('Europe/Madrid');
    expect(mapping.unit).toBe('L');
    expect(byMeter).toEqual({
      'M3-office-f1': 'df789230-d273-4fd0-aa24-6f5419469295',
      'M3-office-f2': '9348c9bb-e66e-4970-94c8-609ba5461ef2',
      'M3-office-f3': '1de2cf65-092d-4791-9257-374470bdb3c3',
      'M3-office-f4': 'be4c16fa-197d-4006-a240-23275ea308fd',
      'M3-office-f5': 'da98dc95-8126-487f-95ab-1f89fd5d463a',
      'M2-barber': '05be51c3-e74b-4d02-a4bd-942c68c76f0c',
      'M2-laundry': 'a3eee6b3-b6d4-44a7-89dc-8215947cffc4',
    });
  });

  it('names keys that are in the shipped file', () => {
    const mapping = loadReplayMapping(SHIPPED);
    const csv = readFileSync(new URL(`../../samples/${mapping.file}`, import.meta.url), 'utf8');

    for (const { recordedKey } of mapping.meters) expect(csv).toContain(`\n${recordedKey};`);
  });
});

describe('parseReplayMapping', () => {
  it('defaults scale to 1', () => {
    expect(parseReplayMapping(validMapping()).meters[0]?.scale).toBe(1);
  });

  it('lists every problem with its path', () => {
    const bad = {
      ...validMapping(),
      zone: 'Madrid',
      unit: 'litre',
      meters: [
        { recordedKey: 'a', meterId: 'M3-office-f1', scale: 0 },
        { recordedKey: 'b', meterId: 'M3-office-f1', scale: 1 },
        { recordedKey: '', meterId: 'has space' },
      ],
    };

    const error = (() => {
      try {
        parseReplayMapping(bad, 'replay-mapping.json');
      } catch (e) {
        return e;
      }
    })();

    expect(error).toBeInstanceOf(ReplayMappingError);
    const message = (error as Error).message;
    expect(message).toMatch(/^replay-mapping.json is not a valid replay mapping:\n/);
    expect(message).toContain('  zone: zone must be an IANA time zone such as "Europe/Madrid"');
    expect(message).toContain('  unit: ');
    expect(message).toContain('  meters[0].scale: scale must be > 0');
    expect(message).toContain('  meters[2].recordedKey: recordedKey is empty');
    expect(message).toContain('  meters[2].meterId: an id is 1–64 letters, digits or _ . : -');
  });

  it('refuses a meter driven twice', () => {
    const twice = {
      ...validMapping(),
      meters: [
        { recordedKey: 'a', meterId: 'M3-office-f1' },
        { recordedKey: 'b', meterId: 'M3-office-f1' },
      ],
    };

    expect(() => parseReplayMapping(twice)).toThrow(
      "  meters[1].meterId: meter 'M3-office-f1' is driven twice; a meter has one register",
    );
  });

  it('refuses paths outside samples/ and unknown fields', () => {
    expect(() => parseReplayMapping({ ...validMapping(), file: '../secret.csv' })).toThrow(
      '  file: file must be a path inside samples/ (relative, no "..")',
    );
    expect(() => parseReplayMapping({ ...validMapping(), speed: 2 })).toThrow('(top level)');
  });
});

describe('mappingProblems', () => {
  it('names unknown meters and unit mismatches', () => {
    const meter = (id: string, unit: 'L' | 'm3') => ({ id, register: { unit } });
    const site = {
      id: 'demo',
      meters: [meter('M3-office-f1', 'm3'), meter('M3-office-f2', 'L')],
    } as unknown as Site;
    const mapping = parseReplayMapping({
      ...validMapping(),
      meters: [
        { recordedKey: 'a', meterId: 'M3-office-f1' },
        { recordedKey: 'b', meterId: 'M3-office-f2' },
        { recordedKey: 'c', meterId: 'M3-office-f9' },
      ],
    });

    expect(mappingProblems(mapping, site)).toEqual([
      "meter 'M3-office-f1' counts in m3, the recording in L",
      "meter 'M3-office-f9' is not in site 'demo'",
    ]);
  });
});
