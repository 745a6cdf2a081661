import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../models/importSummary';
import { translate } from '../i18n/index';
import {
  canImport,
  codeLabel,
  formatBytes,
  formatLitres,
  formatWallTime,
  meterViews,
  parseMappingText,
  reasonLabels,
  rejectMessage,
} from './importView';

const SHANGHAI = 'Asia/Shanghai';

/** A summary with one meter's tallies; the rest empty. */
function summaryWith(meters: ImportSummary['meters']): ImportSummary {
  const none = { count: 0, rows: [] };
  return {
    dryRun: true,
    rowsRead: 0,
    readings: 0,
    firstTsMs: null,
    lastTsMs: null,
    rejected: none,
    unmapped: {},
    emptyValues: 0,
    laterOffsetRows: 0,
    meters,
    notes: none,
    flaggedIntervals: none,
    serialChanges: none,
    preview: [],
    durationMs: 0,
  };
}

describe('import view', () => {
  it('writes sizes in B, KiB and MiB', () => {
    expect(formatBytes(532)).toBe('532 B');
    expect(formatBytes(12_697)).toBe('12.4 KiB');
    expect(formatBytes(8 * 1024 * 1024)).toBe('8.0 MiB');
  });

  it('reads a mapping object and says what is wrong with anything else', () => {
    expect(parseMappingText('{ "format": "long" }')).toEqual({ mapping: { format: 'long' } });
    expect(parseMappingText('  ')).toEqual({ error: { key: 'import.mappingEmpty' } });
    expect(parseMappingText('[1, 2]')).toEqual({ error: { key: 'import.mappingNotObject' } });
    expect(parseMappingText('null')).toEqual({ error: { key: 'import.mappingNotObject' } });

    // Node's V8 names the position; the line is counted from it.
    expect(parseMappingText('{\n  "format": "long",\n  "zone" "UTC"\n}')).toEqual({
      error: { key: 'import.mappingNotJsonAt', params: { line: 3 } },
    });
  });

  it('names outcomes, flags and reasons, and shows an unknown code as itself', () => {
    expect(codeLabel('glitch_decrease')).toEqual({ key: 'importCode.glitch_decrease' });
    expect(codeLabel('same_time_other_value')).toEqual({ key: 'importCode.conflict' });
    expect(codeLabel('brand_new')).toEqual({
      key: 'importCode.other',
      params: { code: 'brand_new' },
    });
    expect(reasonLabels('estimated_gap,after_rebase')).toEqual([
      { key: 'importCode.estimated_gap' },
      { key: 'importCode.after_rebase' },
    ]);
    expect(reasonLabels(undefined)).toEqual([]);
  });

  it('turns the server reasons for rejected rows into messages quoting the cell', () => {
    const say = (reason: string) => {
      const m = rejectMessage(reason);
      return translate('en', m.key, m.params);
    };
    expect(say("unreadable value 'n/a'")).toBe('unreadable value: n/a');
    expect(say("negative register value '-3'")).toBe('negative register value: -3');
    expect(say('expected at least 3 fields, got 2')).toBe(
      'too few fields: at least 3 expected, 2 found',
    );
    expect(say("unreadable time '2026-13-01' (expected yyyy-MM-dd: unit out of range)")).toBe(
      'unreadable time: 2026-13-01',
    );
    expect(
      say(
        "local time '2016-03-27 02:30' does not exist in Europe/Madrid (skipped by a DST change)",
      ),
    ).toBe('local time 2016-03-27 02:30 does not exist in Europe/Madrid (DST change)');
    expect(say('M3-office-f1: meter_fed_by_replay')).toBe(
      'meter M3-office-f1 is driven by the replay or the simulator and takes no import',
    );
    // A wide file's reasons carry the column first.
    expect(say("Floor 3: unreadable value 'x'")).toBe('unreadable value: x');
    expect(say('unreadable CSV: Invalid Closing Quote')).toBe(
      'malformed CSV (quotes or delimiters)',
    );
    expect(say('something new')).toBe('unreadable: something new');
  });

  it('counts a meter by status, lists the reasons behind them and the flags booked', () => {
    const summary = summaryWith({
      'M3-office-f3': {
        readings: 6,
        outcomes: { first: 1, booked: 4, duplicate: 1 },
        statuses: { accepted: 5, duplicate: 1 },
        intervals: { count: 4, volumeL: 625.0000000001, flags: { glitch_decrease: 1 } },
        firstTsMs: 0,
        lastTsMs: 1,
      },
      'M2-bath': {
        readings: 3,
        outcomes: { first: 1, suspect_decrease: 1, late: 1 },
        statuses: { accepted: 1, quarantined: 2 },
        intervals: { count: 0, volumeL: 0, flags: {} },
        firstTsMs: 0,
        lastTsMs: 1,
      },
    });

    const [bath, office] = meterViews(summary);

    expect(office).toEqual({
      meterId: 'M3-office-f3',
      readings: 6,
      statuses: { accepted: 5, duplicate: 1, conflict: 0, quarantined: 0, rejected: 0 },
      reasons: [{ code: 'duplicate', label: { key: 'importCode.duplicate' }, count: 1 }],
      intervals: 4,
      volumeL: 625.0000000001,
      flags: [{ code: 'glitch_decrease', label: { key: 'importCode.glitch_decrease' }, count: 1 }],
    });
    expect(bath?.statuses.quarantined).toBe(2);
    expect(bath?.reasons.map((r) => r.code)).toEqual(['late', 'suspect_decrease']);
    expect(formatLitres(office!.volumeL)).toBe('625');
  });

  it('prints litres to the millilitre with grouping', () => {
    expect(formatLitres(12_345.6789)).toBe('12,345.679');
    expect(formatLitres(-0.0001)).toBe('0');
  });

  it('shows building wall time, with seconds only when there are some', () => {
    const at8 = Date.parse('2026-03-01T00:00:00Z');
    expect(formatWallTime(at8, SHANGHAI)).toBe('2026-03-01 08:00');
    expect(formatWallTime(at8 + 19_000, SHANGHAI)).toBe('2026-03-01 08:00:19');
  });

  it('allows an import only on the input the last preview answered, when idle', () => {
    const preview = { dryRun: true, inputVersion: 3 };
    expect(canImport(preview, 3, false)).toBe(true);
    expect(canImport(preview, 4, false)).toBe(false);
    expect(canImport(preview, 3, true)).toBe(false);
    expect(canImport({ dryRun: false, inputVersion: 3 }, 3, false)).toBe(false);
    expect(canImport(null, 0, false)).toBe(false);
  });
});
