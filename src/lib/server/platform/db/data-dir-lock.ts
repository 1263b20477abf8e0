import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { DatabaseLockedError } from './database.ts';

interface LockInfo {
  pid: number;
  hostname: string;
  since: string;
  purpose: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite allows one process per data directory; a second one would corrupt it. The lock file
 * names its holder, and a lock left by a process that died (kill -9) is taken over.
 */
export function acquireDataDirLock(dataDir: string, purpose: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  const info: LockInfo = { pid: process.pid, hostname: hostname(), since: new Date().toISOString(), purpose };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      const release = () => {
        try {
          const held = JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
          if (held.pid === process.pid) rmSync(lockPath, { force: true });
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let held: LockInfo | undefined;
      try {
        held = JSON.parse(readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        held = undefined;
      }
      if (held && held.hostname === info.hostname && held.pid !== process.pid && isAlive(held.pid)) {
        throw new DatabaseLockedError(
          `The embedded database ${dataDir} is in use by process ${held.pid} (${held.purpose}, since ${held.since}). ` +
            'PGlite allows one process at a time: stop that process first (for example the running `tadata serve`), ' +
            'or set DATABASE_URL to use a PostgreSQL server that several processes can share.',
        );
      }
      if (held && held.pid === process.pid) {
        throw new DatabaseLockedError(`The embedded database ${dataDir} is already open in this process.`);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock the embedded database ${dataDir} (${lockPath}).`);
}
