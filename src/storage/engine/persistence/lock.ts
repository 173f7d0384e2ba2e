// One process owns a data directory at a time (like mongod.lock). The lock file holds the owner's
// PID; a lock left by a process that no longer exists (kill -9) is taken over.
import { linkSync, mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LOCK_FILE = 'chemreg-engine.lock';
/**
 * Data directories an engine of this process holds. The lock file only tells processes apart; an engine started in a
 * worker thread (thread.ts) is reserved here, in the thread that started it, before the thread takes the lock file.
 */
const heldInThisProcess = new Set<string>();

export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: number | string,
  ) {
    super(`data directory ${dir} is locked by another chemreg engine (pid ${owner}); stop it or use another DATA_DIR`);
    this.name = 'DataDirLockedError';
  }
}

/** Claims `dir` for one engine of this process; answers the release. Throws if another engine here holds it. */
export function reserveInProcess(dir: string): () => void {
  const key = resolve(dir);
  if (heldInThisProcess.has(key)) throw new DataDirLockedError(dir, process.pid);
  heldInThisProcess.add(key);
  return () => {
    heldInThisProcess.delete(key);
  };
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Replacing a stale lock is read-check-unlink-create; two processes doing that at once could each
 * delete the other's fresh lock. A takeover directory (mkdir is atomic) lets only one try at a time.
 */
function takeOverStale(dir: string, path: string): void {
  const guard = `${path}.takeover`;
  try {
    mkdirSync(guard);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // Another process is taking over right now; a guard older than 10 s belongs to a crashed one.
    if (Date.now() - statSync(guard).mtimeMs < 10_000) throw new DataDirLockedError(dir, 'unknown (taking over a stale lock)');
    rmdirSync(guard);
    mkdirSync(guard);
  }
  try {
    const owner = readOwner(path);
    if (owner !== null && owner !== process.pid && processAlive(owner)) throw new DataDirLockedError(dir, owner);
    try {
      unlinkSync(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  } finally {
    rmdirSync(guard);
  }
}

function readOwner(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function acquireLock(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  const release = reserveInProcess(dir);
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      // Publish the lock with its content in one step (link fails if the name exists), so no other
      // process ever reads an empty lock file and mistakes it for a stale one.
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, String(process.pid));
      try {
        try {
          linkSync(tmp, path);
        } finally {
          unlinkSync(tmp);
        }
        return () => {
          release();
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = readOwner(path);
        if (owner !== null && owner !== process.pid && processAlive(owner)) throw new DataDirLockedError(dir, owner);
        takeOverStale(dir, path); // its owner died without releasing it (kill -9)
      }
    }
    throw new DataDirLockedError(dir, 'unknown');
  } catch (err) {
    release();
    throw err;
  }
}
