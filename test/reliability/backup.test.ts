import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import pg from 'pg';
import { loadDemoDataIfEmpty } from '../../src/demo.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { tableChecksums } from '../../src/platform/db/backup.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { testEngine } from '../helpers/database.ts';
import { scratchDir } from '../../scripts/scratch-dir.ts';

const root = new URL('../..', import.meta.url).pathname;
const secrets = {
  SESSION_SECRET: 'backup-test-secret-backup-test-secret-000000',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
};

/** The CLI as an operator runs it, against the database in `env`. */
function cli(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...secrets, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** A database of this run's engine: an empty one, and how to reach it. */
async function scratch(): Promise<{
  env: Record<string, string>;
  open: () => ReturnType<typeof openDatabase>;
}> {
  const dataDir = scratchDir('bw-backup-');
  if (testEngine === 'pglite') return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }) };
  const name = `brugwerk_b_${Math.random().toString(16).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = Object.assign(new URL(process.env.TEST_PG_ADMIN_URL!), { pathname: `/${name}` }).toString();
  return { env: { DATA_DIR: dataDir, DATABASE_URL: url }, open: () => openDatabase({ databaseUrl: url }) };
}

describe(`backup and restore (${testEngine})`, () => {
  it('restores the demo data into an empty database with every table equal, row for row', async () => {
    const source = await scratch();
    const db = await source.open();
    await migrateToLatest(db.db);
    const config = loadConfig({ ...secrets, ...source.env, NODE_ENV: 'test' });
    await loadDemoDataIfEmpty({ db: db.db, engine: db.engine, clock: new ManualClock(), config });
    const before = await tableChecksums(db.db);
    await db.close();

    const file = join(scratchDir('bw-backup-file-'), 'brugwerk.backup');
    const backup = cli(source.env, 'backup', file);
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stderr, /Reservekopie geschreven/);

    const target = await scratch();
    const restore = cli(target.env, 'restore', file);
    assert.equal(restore.status, 0, restore.stderr);
    const restored = await target.open();
    const after = await tableChecksums(restored.db);
    await restored.close();
    assert.ok(before.size > 40, `only ${before.size} tables`);
    assert.ok((before.get('cases')?.rows ?? 0) > 0 && (before.get('case_audit')?.rows ?? 0) > 0);
    assert.deepEqual(after, before);

    // A database with data is only overwritten on request.
    const again = cli(target.env, 'restore', file);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /--replace/);
    const replaced = cli(target.env, 'restore', file, '--replace');
    assert.equal(replaced.status, 0, replaced.stderr);
    const reopened = await target.open();
    assert.deepEqual(await tableChecksums(reopened.db), before);
    await reopened.close();
  });

  it('answers a missing file in Dutch without a stack trace', async () => {
    const target = await scratch();
    const result = cli(target.env, 'restore', '/nonexistent/brugwerk.backup');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /bestaat niet/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  });
});
