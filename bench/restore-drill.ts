// Restore drill: Flanders-scale data (bench/flanders-data.ts) on each engine, `npm run cli -- backup`,
// `npm run cli -- restore` into a scratch database, then the row count and an md5 of the rows of
// every table compared between the two. Writes bench/results/restore-drill.md; exits 1 on any
// difference. Usage: npx tsx bench/restore-drill.ts [--scale 0.1]
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { tableChecksums } from '../src/platform/db/backup.ts';
import { type Engine, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { startPostgres } from '../scripts/postgres-cluster.ts';
import { benchSecrets, generateFlanders, scaledSize } from './flanders-data.ts';
import { machineLine } from './measure.ts';
import { scratchDir } from '../scripts/scratch-dir.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.1' } } });
const scale = Number(values.scale);
const size = scaledSize(scale);

/** The CLI as an operator runs it; the time it took. */
function cli(env: NodeJS.ProcessEnv, ...args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...benchSecrets, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`cli ${args.join(' ')} failed:\n${result.stderr}`);
  return performance.now() - started;
}

async function drill(engine: Engine) {
  const file = join(scratchDir('bw-restore-file-'), 'brugwerk.backup');
  const sourceDir = scratchDir(`bw-restore-${engine}-`);
  const targetDir = scratchDir(`bw-restore-${engine}-scratch-`);
  const cluster = engine === 'postgres' ? await startPostgres() : undefined;
  try {
    let source: NodeJS.ProcessEnv = { DATA_DIR: sourceDir };
    let target: NodeJS.ProcessEnv = { DATA_DIR: targetDir };
    if (cluster) {
      const admin = new pg.Client({ connectionString: cluster.adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE brugwerk_source TEMPLATE ${cluster.template}`);
      await admin.query('CREATE DATABASE brugwerk_scratch');
      await admin.end();
      const at = (name: string) =>
        Object.assign(new URL(cluster.adminUrl), { pathname: `/${name}` }).toString();
      source = { ...source, DATABASE_URL: at('brugwerk_source') };
      target = { ...target, DATABASE_URL: at('brugwerk_scratch') };
    }
    const open = (env: NodeJS.ProcessEnv) =>
      openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR! });
    console.error(`${engine}: generating ${JSON.stringify(size)}`);
    const database = await open(source);
    await migrateToLatest(database.db);
    const config = loadConfig({ ...benchSecrets, ...source, LOG_LEVEL: 'silent' });
    await generateFlanders({ db: database.db, engine, clock: systemClock, config }, size);
    const before = await tableChecksums(database.db);
    await database.close();

    const backupMs = cli(source, 'backup', file);
    const restoreMs = cli(target, 'restore', file);
    const restored = await open(target);
    const after = await tableChecksums(restored.db);
    await restored.close();
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter(
      (t) => JSON.stringify(before.get(t)) !== JSON.stringify(after.get(t)),
    );
    console.error(`${engine}: ${before.size} tables, ${differing.length} differ`);
    return {
      engine,
      tables: before.size,
      rows: [...before.values()].reduce((n, t) => n + t.rows, 0),
      differing,
      backupMs,
      restoreMs,
      bytes: statSync(file).size,
    };
  } finally {
    cluster?.stop();
  }
}

const drills = [await drill('postgres'), await drill('pglite')];
const passed = drills.every((d) => d.differing.length === 0 && d.tables > 40);
const lines = [
  '# Restore drill: backup, restore into a scratch database, compare every table',
  '',
  await machineLine(),
  `Data: bench/flanders-data.ts at scale ${scale} (${Object.entries(size)
    .map(([k, v]) => `${v} ${k}`)
    .join(
      ', ',
    )}). Backup and restore through the command line (\`npm run cli -- backup FILE\`, \`npm run cli -- restore FILE\`); each table compared by its row count and an md5 over its rows as text in sorted order.`,
  '',
  '| engine | backup format | tables | rows | tables that differ | backup (s) | restore (s) | backup size (MiB) |',
  '|---|---|---|---|---|---|---|---|',
  ...drills.map(
    (d) =>
      `| ${d.engine === 'postgres' ? 'server PostgreSQL' : 'PGlite'} | ${d.engine === 'postgres' ? 'pg_dump custom archive' : 'data directory, .tar.gz'} | ${d.tables} | ${d.rows} | ${d.differing.length ? d.differing.join(', ') : '0'} | ${(d.backupMs / 1000).toFixed(1)} | ${(d.restoreMs / 1000).toFixed(1)} | ${(d.bytes / 2 ** 20).toFixed(1)} |`,
  ),
  '',
  'Backup and restore times include starting the command line (about 2 s).',
  '',
  'Reproduce: `npm run drill:restore` (part of `npm run bench`).',
  '',
  passed ? 'Result: **passed** — every table restored identical.' : 'Result: **FAILED**.',
];
const report = lines.join('\n');
console.log(report);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'restore-drill.md'), `${report}\n`);
process.exit(passed ? 0 : 1);
