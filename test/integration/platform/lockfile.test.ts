import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from '../../../src/platform/db/lockfile.ts';
import { scratchDir } from '../../../scripts/scratch-dir.ts';

describe('data directory lock', () => {
  it('takes over a lock left by a process that no longer runs (after kill -9)', () => {
    const dir = scratchDir('bw-lockfile-');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(join(dir, 'brugwerk.lock'), gone.stdout);
    const release = acquireDataDirLock(dir);
    assert.equal(readFileSync(join(dir, 'brugwerk.lock'), 'utf8'), String(process.pid));
    release();
    assert.equal(existsSync(join(dir, 'brugwerk.lock')), false);
  });

  it('refuses while the owner runs', () => {
    const dir = scratchDir('bw-lockfile-');
    writeFileSync(join(dir, 'brugwerk.lock'), String(process.ppid));
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError);
  });
});
