// One process owns a data directory at a time (like mongod.lock). The lock file holds the owner's
// PID; a lock left by a process that no longer exists (kill -9) is taken over.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const LOCK_FILE = 'chemreg-engine.lock';
const heldInThisProcess = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number | string) {
    super(`data directory ${dir} is locked by another chemreg engine (pid ${pid}); stop it or use another DATA_DIR`);
    this.name = 'DataDirLockedError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  if (heldInThisProcess.has(path)) throw new DataDirLockedError(dir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldInThisProcess.add(path);
      return () => {
        heldInThisProcess.delete(path);
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(owner) && owner !== process.pid && processAlive(owner)) throw new DataDirLockedError(dir, owner);
      unlinkSync(path); // stale: its owner died without releasing it
    }
  }
  throw new DataDirLockedError(dir, 'unknown');
}
