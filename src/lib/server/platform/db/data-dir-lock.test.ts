import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { DatabaseLockedError } from './database.ts';

const fresh = () => path.join(mkdtempSync(path.join(tmpdir(), 'tadata-lock-')), 'pglite');

function fakeLock(dataDir: string, pid: number) {
  writeFileSync(
    `${dataDir}.lock`,
    JSON.stringify({ pid, hostname: hostname(), since: '2026-01-01T00:00:00Z', purpose: 'tadata serve' }),
  );
}

describe('acquireDataDirLock', () => {
  it('locks, refuses a second opening in the same process, and releases', () => {
    const dir = fresh();
    const release = acquireDataDirLock(dir, 'test');
    expect(existsSync(`${dir}.lock`)).toBe(true);
    expect(() => acquireDataDirLock(dir, 'test')).toThrow(/already open in this process/);
    release();
    expect(existsSync(`${dir}.lock`)).toBe(false);
  });

  it('refuses a directory held by another live process, naming it', async () => {
    const dir = fresh();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fakeLock(dir, holder.pid as number);
      const error = (() => {
        try {
          acquireDataDirLock(dir, 'tadata import');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect((error as Error).message).toContain(`in use by process ${holder.pid} (tadata serve`);
      expect((error as Error).message).toContain('DATABASE_URL');
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = fresh();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.on('exit', resolve));
    fakeLock(dir, dead.pid as number);
    const release = acquireDataDirLock(dir, 'test');
    release();
  });
});
