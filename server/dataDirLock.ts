import fs from 'node:fs';
import path from 'node:path';

/** The lock file in a data folder, holding the owner's pid, role and start time as JSON. */
export const LOCK_FILE = 'twin.lock';

/** Locks this process holds, by file; a lock left by this pid but not held here is stale. */
const held = new Set<string>();

interface LockContent {
  readonly pid: number;
  readonly role: string;
  readonly sinceMs: number;
}

export interface DataDirLock {
  release(): void;
}

/**
 * Takes the data folder for one writer: a running twin and a command-line import on the same
 * store would book the same meter's readings twice. Throws when a live process holds it; a
 * lock left by a process that is gone is taken over.
 */
export function lockDataDir(dataDir: string, role: string): DataDirLock {
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new Error(`DATA_DIR ${dataDir} is not a folder`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, LOCK_FILE);
  const content: LockContent = { pid: process.pid, role, sinceMs: Date.now() };

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(content), { flag: 'wx' });
      held.add(file);
      return {
        release() {
          if (!held.delete(file)) return;
          fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readLock(file);
    if (owner !== null && isLive(owner, file)) {
      throw new Error(
        `DATA_DIR ${dataDir} is in use by ${owner.role} (process ${owner.pid}); stop it ` +
          `first, or set DATA_DIR to another folder`,
      );
    }
    fs.rmSync(file, { force: true });
  }
  throw new Error(`DATA_DIR ${dataDir}: cannot take ${LOCK_FILE}`);
}

function readLock(file: string): LockContent | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number' || !Number.isInteger(parsed.pid)) return null;
    return { pid: parsed.pid, role: String(parsed.role ?? 'another process'), sinceMs: 0 };
  } catch {
    return null;
  }
}

/** Whether the lock's owner still runs: a live Node process with that pid (not a reused pid). */
function isLive(owner: LockContent, file: string): boolean {
  if (owner.pid === process.pid) return held.has(file);
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    return fs.readFileSync(`/proc/${owner.pid}/cmdline`, 'utf8').includes('node');
  } catch {
    // No /proc (not Linux): trust the signal check.
    return true;
  }
}
