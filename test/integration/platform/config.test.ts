import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../../src/platform/config.ts';
import { scratchDir } from '../../../scripts/scratch-dir.ts';

describe('configuration', () => {
  it('refuses to start in production without its secrets, naming them', () => {
    assert.throws(
      () => loadConfig({ NODE_ENV: 'production', DATA_DIR: scratchDir('bw-cfg-') }),
      (err: Error) =>
        err instanceof ConfigError &&
        /SESSION_SECRET/.test(err.message) &&
        /DATA_ENCRYPTION_KEY/.test(err.message),
    );
  });

  it('starts in production with valid secrets from the environment', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      PUBLIC_URL: 'https://brugwerk.example',
    });
    assert.equal(config.secureCookies, true);
  });

  it('generates secrets once in development and keeps them in the data directory', () => {
    const dir = scratchDir('bw-cfg-');
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    assert.deepEqual(first.secrets, second.secrets);
    const file = join(dir, 'secrets.json');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).SESSION_SECRET, first.secrets.SESSION_SECRET);
  });

  it('rejects invalid values with a clear message', () => {
    assert.throws(() => loadConfig({ PORT: 'abc', DATA_DIR: scratchDir('bw-cfg-') }), /PORT/);
  });

  it('sizes the database pool from DATABASE_POOL_SIZE, 10 unless set, at least 1', () => {
    const dir = scratchDir('bw-cfg-');
    assert.equal(loadConfig({ DATA_DIR: dir }).databasePoolSize, 10);
    assert.equal(loadConfig({ DATA_DIR: dir, DATABASE_POOL_SIZE: '2' }).databasePoolSize, 2);
    assert.throws(() => loadConfig({ DATA_DIR: dir, DATABASE_POOL_SIZE: '0' }), /DATABASE_POOL_SIZE/);
  });
});
