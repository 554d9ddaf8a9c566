// The whole suite: static checks, integration tests on PGlite and on server PostgreSQL (same
// files), then the browser tests. Installs Debian's postgresql and chromium when missing and able.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, pgliteExtensions } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { postgresBinDir, startPostgres } from './postgres-cluster.ts';

const root = new URL('..', import.meta.url).pathname;
const work = join(root, '.tmp');
mkdirSync(work, { recursive: true });
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
/** `--match TEXT`: only the test files whose path contains TEXT (for working on one module). */
const match = args.includes('--match') ? args[args.indexOf('--match') + 1]! : '';
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
    .filter((f) => pattern.test(f) && f.includes(match))
    .map((f) => join(dir, f))
    .sort();
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
