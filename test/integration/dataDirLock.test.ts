import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { LOCK_FILE } from '../../server/dataDirLock';
import { createLogger } from '../../server/logger';
import { createTwinServer } from '../../server/twinServer';
import { startTestTwin, type TestTwin, tempDataDir } from '../support/testTwin';

let twin: TestTwin | null = null;

afterEach(async () => {
  await twin?.server.close();
  twin = null;
});

const configFor = (dataDir: string) =>
  loadConfig({ DATA_DIR: dataDir, PORT: '0', TWIN_SOURCES: 'none', TWIN_SCENARIO: 'none' });

describe('one writer per data folder', () => {
  it('refuses a second twin on a folder in use, and starts once the first has stopped', async () => {
    twin = await startTestTwin({ TWIN_SOURCES: 'none' });
    const dataDir = twin.dataDir;

    expect(() => createTwinServer(configFor(dataDir), createLogger('silent'))).toThrow(
      `DATA_DIR ${dataDir} is in use by a running twin (process ${process.pid}); stop it ` +
        'first, or set DATA_DIR to another folder',
    );
    await twin.server.close();
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(true);
  });

  it('takes over a lock left by a process that has ended', async () => {
    const dataDir = tempDataDir();
    // The pid of a process that has run and exited.
    const gonePid = Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)']));
    fs.writeFileSync(
      path.join(dataDir, LOCK_FILE),
      JSON.stringify({ pid: gonePid, role: 'a running twin', sinceMs: 0 }),
    );

    twin = await startTestTwin({ TWIN_SOURCES: 'none', DATA_DIR: dataDir });

    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, role: 'a running twin' });
  });

  it('releases the folder when a start fails', () => {
    const dataDir = tempDataDir();
    const broken = path.join(dataDir, 'broken.json');
    fs.writeFileSync(broken, '{');
    const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', TWIN_SCENARIO: broken });

    expect(() => createTwinServer(config, createLogger('silent'))).toThrow(/cannot be read as/);
    expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
  });
});
