import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDataDir } from '../support/testTwin';

const run = promisify(execFile);

describe('starting with a broken site file', () => {
  it('refuses to start and names each problem with its place, value and rule', async () => {
    // Arrange: the sample site with a pipe to nowhere and a negative diameter.
    const site = JSON.parse(fs.readFileSync('samples/sites/county-water-bureau.json', 'utf8'));
    site.network.pipes[3].to = 'no-such-node';
    site.network.pipes[5].diameterMm = -20;
    const dir = tempDataDir();
    const file = path.join(dir, 'broken-site.json');
    fs.writeFileSync(file, JSON.stringify(site));

    // Act
    const result = await run('npx', ['tsx', 'server/main.ts'], {
      env: { ...process.env, TWIN_SITE: file, DATA_DIR: dir, PORT: '0' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
    );

    // Assert: the shape error is reported (references are checked once the shape is right).
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`site file ${file} is invalid`);
    expect(result.stderr).toContain('network.pipes[5].diameterMm: -20');
    expect(fs.existsSync(path.join(dir, 'twin.sqlite'))).toBe(false);
  });

  it('names a pipe to an unknown node once the shape is valid', async () => {
    const site = JSON.parse(fs.readFileSync('samples/sites/county-water-bureau.json', 'utf8'));
    site.network.pipes[3].to = 'no-such-node';
    const dir = tempDataDir();
    const file = path.join(dir, 'broken-site.json');
    fs.writeFileSync(file, JSON.stringify(site));

    const result = await run('npx', ['tsx', 'server/main.ts'], {
      env: { ...process.env, TWIN_SITE: file, DATA_DIR: dir, PORT: '0' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'network.pipes[3].to: "no-such-node" — a pipe must join nodes listed in network.nodes',
    );
  });
});
