import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { importCsv } from '../../server/import/csvImport';
import { parseMapping } from '../../server/import/mapping';
import { allIntervals } from '../support/importApi';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

const run = promisify(execFile);
const MINUTE = 60_000;

let twin: TestTwin | null = null;
afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

/**
 * Writes one-minute register readings of every site meter, interleaved by time, to a temp
 * file, and returns what each meter's register rose by, L.
 */
async function writeMinuteFile(file: string, meterIds: readonly string[], minutes: number) {
  const out = fs.createWriteStream(file);
  const registerL = meterIds.map((_, m) => 1000 * (m + 1));
  const risenL = meterIds.map(() => 0);
  out.write('meter,time,value\n');
  const start = Date.parse('2026-01-05T00:00:00Z');
  let lines: string[] = [];
  for (let t = 0; t < minutes; t++) {
    // Local time in the mapping's zone (UTC+8): the importer reads it back in that zone.
    const local = new Date(start + t * MINUTE + 8 * 3_600_000).toISOString();
    const wall = `${local.slice(0, 10)} ${local.slice(11, 16)}`;
    meterIds.forEach((id, m) => {
      const useL = t === 0 ? 0 : (t * 7 + m * 13) % 6;
      registerL[m]! += useL;
      risenL[m]! += useL;
      lines.push(`${id},${wall},${(registerL[m]! / 1000).toFixed(3)}`);
    });
    if (lines.length >= 10_000 || t === minutes - 1) {
      if (!out.write(`${lines.join('\n')}\n`))
        await new Promise<void>((r) => out.once('drain', () => r()));
      lines = [];
    }
  }
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
  return risenL;
}

describe('streaming import', () => {
  it('imports ~300k one-minute readings of 13 meters with the heap bounded', async () => {
    // Arrange: a file of 23 100 minutes (16 days) × 13 meters = 300 300 rows.
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const meterIds = twin.server.twin.meterIds();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'twin-import-')), 'minutes.csv');
    const risenL = await writeMinuteFile(file, meterIds, 23_100);
    const mapping = parseMapping({
      format: 'long',
      columns: { meter: 'meter', time: 'time', value: 'value' },
      timeFormat: 'yyyy-MM-dd HH:mm',
      zone: 'Asia/Shanghai',
      unit: 'm3',
    });
    // Live heap after a full collection, so garbage not yet collected does not count.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const liveBytes = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const baselineBytes = liveBytes();
    let peakBytes = baselineBytes;
    let batches = 0;

    // Act
    const summary = await importCsv({
      twin: twin.server.twin,
      mapping,
      input: fs.createReadStream(file, { highWaterMark: 64 * 1024 }),
      dryRun: false,
      onProgress: () => {
        batches += 1;
        if (batches % 10 === 0) peakBytes = Math.max(peakBytes, liveBytes());
      },
    });

    // Assert: everything booked, and the live heap grew far less than the file's 300 300
    // readings would take if they were all held (~100 MB); the sort window holds 50 000.
    expect(summary.readings).toBe(300_300);
    expect(summary.rejected.count).toBe(0);
    meterIds.forEach((id, m) => {
      const meter = summary.meters[id]!;
      expect(meter.statuses).toEqual({ accepted: 23_100 });
      expect(meter.intervals.volumeL).toBeCloseTo(risenL[m]!, 6);
    });
    expect(allIntervals(twin, meterIds[0]!)).toHaveLength(23_099);
    expect(batches).toBe(61);
    expect((peakBytes - baselineBytes) / 2 ** 20).toBeLessThan(40);
  });
});

describe('npm run import', () => {
  const cli = (args: string[], env: Record<string, string>) =>
    run(path.resolve('node_modules/.bin/tsx'), ['scripts/import.ts', ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
  const sanJoan = [
    'samples/daiad/swm_trialA_SanJoan.csv',
    '--mapping',
    'samples/import/daiad-sanjoan.mapping.json',
  ];

  it('imports into the data folder a server then starts from', async () => {
    const dataDir = tempDataDir();

    const { stdout } = await cli([...sanJoan, '--data-dir', dataDir], { TWIN_SOURCES: 'none' });
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });

    expect(stdout).toContain(`stored in ${path.join(dataDir, 'twin.sqlite')}`);
    expect(stdout).toContain('M2-canteen: 102 readings');
    expect(allIntervals(twin, 'M2-canteen')).toHaveLength(97);
  });

  it('refuses to write into a data folder a running twin holds', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });

    const failed = await cli([...sanJoan, '--data-dir', twin.dataDir], {
      TWIN_SOURCES: 'none',
    }).catch((err: { code: number; stderr: string }) => err);

    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr.trim()).toBe(
      `import: DATA_DIR ${twin.dataDir} is in use by a running twin (process ${process.pid}); ` +
        'stop it first, or set DATA_DIR to another folder',
    );
    expect(allIntervals(twin, 'M2-canteen')).toEqual([]);
  });

  it('fails with one line when a mapped meter is driven by the simulator', async () => {
    const dataDir = tempDataDir();

    const failed = await cli([...sanJoan, '--dry-run', '--data-dir', dataDir], {
      TWIN_SOURCES: 'replay,sim',
    }).catch((err: { code: number; stderr: string }) => err);

    expect('code' in failed && failed.code).toBe(1);
    const lines = (failed as { stderr: string }).stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^import: mapping\.meters\.e3a797d4-.*TWIN_SOURCES=none/);
    // A dry run opens no new data folder.
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
