// The whole suite: static checks, integration tests on PGlite and on server PostgreSQL (same
// files), then the browser tests. Installs Debian's postgresql and chromium when missing and able.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  chownSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { grantAppRole } from '../src/platform/db/roles.ts';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, '.tmp');
mkdirSync(work, { recursive: true });
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const started = Date.now();
const summary: string[] = [];

function step(title: string) {
  console.log(`\n== ${title} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

function run(cmd: string, cmdArgs: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`\nFAILED: ${cmd} ${cmdArgs.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

function findFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => join(dir, f))
    .sort();
}

function postgresBinDir(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb')));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

function ensureSystemPackages() {
  const missing: string[] = [];
  if (!postgresBinDir() && !process.env.DATABASE_URL) missing.push('postgresql');
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (missing.length === 0) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(
      `De tests hebben deze Debian-pakketten nodig: ${missing.join(', ')}.\n` +
        `Installeer ze als root met: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get …`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    DEBIAN_FRONTEND: 'noninteractive',
  });
}

/** node:test over the given files, counting results from its TAP output. */
function nodeTest(label: string, files: string[], env: NodeJS.ProcessEnv, concurrency = 2) {
  const tap = join(work, `${label}.tap`);
  run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  const text = readFileSync(tap, 'utf8');
  const count = (name: string) => Number(new RegExp(`^# ${name} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
  summary.push(
    `${label}: ${count('pass')} passed, ${count('fail')} failed, ${count('skipped')} skipped, ${count('todo')} todo (${files.length} files)`,
  );
  if (count('skipped') > 0 || count('todo') > 0) {
    console.error(`${label}: skipped or todo tests are not allowed`);
    process.exit(1);
  }
}

async function buildPgliteTemplate(): Promise<string> {
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  await migrateToLatest(database.db);
  const dump = await pglite.dumpDataDir('none');
  await database.close();
  const file = join(work, 'pglite-template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

interface Cluster {
  adminUrl: string;
  appUrl: string;
  template: string;
  version: string;
  stop(): void;
}

/** A throw-away PostgreSQL cluster in a temporary directory, or the server in DATABASE_URL. */
async function startPostgres(): Promise<Cluster> {
  const template = 'brugwerk_template';
  let adminUrl = process.env.DATABASE_URL;
  let stop = () => {};
  if (!adminUrl) {
    const bin = postgresBinDir()!;
    const dir = mkdtempSync(join(tmpdir(), 'brugwerk-pg-'));
    const asPostgres = process.getuid?.() === 0;
    const port = 20000 + Math.floor(Math.random() * 20000);
    const exec = (cmd: string, cmdArgs: string[]) =>
      asPostgres
        ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...cmdArgs], { stdio: 'pipe' })
        : execFileSync(join(bin, cmd), cmdArgs, { stdio: 'pipe' });
    if (asPostgres) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    exec('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    // Throw-away cluster: durability off for speed; it never outlives the run.
    exec('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`,
    ]);
    adminUrl = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`;
    stop = () => {
      try {
        exec('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  for (const role of ['brugwerk_app']) {
    await admin.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN; END IF; END $$`,
    );
  }
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  // Migrate the template as the owner, then give the app role only what it may do.
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: ownerUrl.toString() });
  await migrateToLatest(database.db);
  await grantAppRole(database.db, 'brugwerk_app');
  await database.close();
  const appUrl = new URL(adminUrl);
  appUrl.username = 'brugwerk_app';
  return { adminUrl, appUrl: appUrl.toString(), template, version, stop };
}

// ------------------------------------------------------------------ run
if (!only || only === 'static') {
  step('Static checks: types, lint, format');
  run('npx', ['tsc', '-p', '.']);
  run('npx', ['eslint', '.', '--max-warnings', '0']);
  run('npx', ['prettier', '--check', '.', '--log-level', 'warn']);
}

ensureSystemPackages();
const integrationFiles = findFiles(join(root, 'test'), /\.test\.tsx?$/);

step('Migrated PGlite template');
const pgliteTemplate = await buildPgliteTemplate();

if (!only || only === 'integration') {
  step('Integration tests on PGlite');
  nodeTest('pglite', integrationFiles, { TEST_ENGINE: 'pglite', TEST_PGLITE_TEMPLATE: pgliteTemplate });

  step('Integration tests on server PostgreSQL');
  const cluster = await startPostgres();
  try {
    nodeTest(`postgres ${cluster.version}`, integrationFiles, {
      TEST_ENGINE: 'postgres',
      TEST_PG_ADMIN_URL: cluster.adminUrl,
      TEST_PG_APP_URL: cluster.appUrl,
      TEST_PG_TEMPLATE: cluster.template,
    });
  } finally {
    cluster.stop();
  }
}

if (!only || only === 'e2e') {
  step('Browser tests (Chromium, axe, without JavaScript)');
  nodeTest(
    'e2e chromium',
    findFiles(join(root, 'e2e'), /\.test\.tsx?$/),
    {
      TEST_ENGINE: 'pglite',
      TEST_PGLITE_TEMPLATE: pgliteTemplate,
    },
    1,
  );
}

console.log(`\n== Summary (wall time ${((Date.now() - started) / 1000).toFixed(1)} s)`);
for (const line of summary) console.log(`  ${line}`);
