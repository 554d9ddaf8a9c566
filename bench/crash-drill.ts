// Crash drill: rounds of kill -9 during mixed writes (bench/crash-writer.ts: referrals, audit rows,
// fiche edits), on both engines. On server PostgreSQL (a durable throw-away cluster) the database
// server is killed with -9 too and started again. After each crash the database is opened as a
// restart would open it, and checked: every acknowledged write is there, every case has its
// "created" audit row, every started fiche its audit row. Writes bench/results/crash-drill.md;
// exits 1 when anything was lost. Usage: npx tsx bench/crash-drill.ts [--rounds 20]
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import * as accounts from '../src/modules/accounts/accounts.service.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, type Engine, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { systemActor } from '../src/platform/deps.ts';
import { type Cluster, startPostgres } from '../scripts/postgres-cluster.ts';
import type { CrashSeed } from './crash-writer.ts';
import { generateDirectory } from './directory-data.ts';
import { benchSecrets } from './flanders-data.ts';
import { machineLine, median } from './measure.ts';
import { startServer, stop } from './servers.ts';
import { scratchDir } from '../scripts/scratch-dir.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);

interface Acknowledged {
  referrals: Set<string>;
  audit: Map<string, number>;
  practices: Set<string>;
  edits: Map<string, number>;
}

interface RoundResult {
  acknowledged: number;
  lost: string[];
  casesWithoutAudit: number;
  practicesWithoutAudit: number;
  reopenMs: number;
}

/** One writer until it is killed with -9 at a random moment; what it acknowledged before. */
async function writeUntilKilled(
  env: NodeJS.ProcessEnv,
  seed: CrashSeed,
  acked: Acknowledged,
  cluster?: Cluster,
) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'bench/crash-writer.ts'], {
    cwd: root,
    env: { ...process.env, ...env, CRASH_SEED: JSON.stringify(seed) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let count = 0;
  let buffered = '';
  let ready: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop()!;
    for (const line of lines) {
      const [kind, id, n] = line.split(' ');
      if (kind === 'ready') ready();
      else count++;
      if (kind === 'referral') acked.referrals.add(id!);
      if (kind === 'audit') acked.audit.set(id!, Number(n));
      if (kind === 'practice') acked.practices.add(id!);
      if (kind === 'edit') acked.edits.set(id!, Number(n));
    }
  });
  const closed = new Promise((resolve) => child.stdout!.once('close', resolve));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await isReady;
  await new Promise((r) => setTimeout(r, 500 + Math.random() * 2500));
  child.kill('SIGKILL');
  cluster?.crash(); // the database server dies with it
  await closed; // every acknowledgement written before the kill has been read
  await exited; // reaped, as a supervisor would: a zombie still holds its pid
  return count;
}

async function verify(database: Database, acked: Acknowledged) {
  const { db } = database;
  const lost: string[] = [];
  const ids = [...acked.referrals];
  const found = ids.length
    ? await db.selectFrom('referrals').select('case_id').where('case_id', 'in', ids).execute()
    : [];
  const present = new Set(found.map((r) => r.case_id));
  for (const id of ids) if (!present.has(id)) lost.push(`referral ${id}`);
  const correlations = [...acked.audit.keys()];
  const counted = correlations.length
    ? await db
        .selectFrom('case_audit')
        .select(['correlation_id', db.fn.countAll<number>().as('n')])
        .where('correlation_id', 'in', correlations)
        .groupBy('correlation_id')
        .execute()
    : [];
  const rowsOf = new Map(counted.map((r) => [r.correlation_id, Number(r.n)]));
  for (const [correlation, n] of acked.audit)
    if (rowsOf.get(correlation) !== n)
      lost.push(`audit ${correlation}: ${rowsOf.get(correlation) ?? 0} of ${n} rows`);
  for (const id of acked.practices) {
    const row = await db.selectFrom('practices').select('id').where('id', '=', id).executeTakeFirst();
    if (!row) lost.push(`practice ${id}`);
  }
  for (const [id, k] of acked.edits) {
    const version = await db
      .selectFrom('practice_versions')
      .select('content')
      .where('practice_id', '=', id)
      .orderBy('number', 'desc')
      .executeTakeFirst();
    const saved = Number(
      /#(\d+)$/.exec((version?.content as { title?: string } | undefined)?.title ?? '')?.[1] ?? 0,
    );
    if (saved < k) lost.push(`edit ${id}: save ${saved} kept, ${k} acknowledged`);
  }
  const orphans = await sql<{ n: number }>`SELECT count(*)::int AS n FROM cases c WHERE NOT EXISTS
    (SELECT 1 FROM case_audit a WHERE a.case_id = c.id AND a.action = 'created')`.execute(db);
  const unaudited = await sql<{ n: number }>`SELECT count(*)::int AS n FROM practices p WHERE NOT EXISTS
    (SELECT 1 FROM audit_log a WHERE a.subject_id = p.id::text AND a.event = 'practice.created')`.execute(db);
  return { lost, casesWithoutAudit: orphans.rows[0]!.n, practicesWithoutAudit: unaudited.rows[0]!.n };
}

async function drill(engine: Engine) {
  const dataDir = scratchDir(`bw-crash-${engine}-`);
  let cluster: Cluster | undefined;
  let env: NodeJS.ProcessEnv = { ...benchSecrets, DATA_DIR: dataDir };
  let open = () => openDatabase({ dataDir });
  if (engine === 'postgres') {
    cluster = await startPostgres({ durable: true });
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE brugwerk_crash TEMPLATE ${cluster.template}`);
    await admin.end();
    const app = Object.assign(new URL(cluster.appUrl), { pathname: '/brugwerk_crash' }).toString();
    const owner = Object.assign(new URL(cluster.adminUrl), { pathname: '/brugwerk_crash' }).toString();
    env = { ...env, DATABASE_URL: app };
    open = () => openDatabase({ databaseUrl: owner });
  }
  try {
    // Someone who refers, from a school, and services to refer to.
    const seeding = await open();
    await migrateToLatest(seeding.db);
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    const deps = { db: seeding.db, engine: seeding.engine, clock: new ManualClock(new Date()), config };
    await generateDirectory(seeding.db, { organisations: 3, schools: 2, services: 10 });
    const actor = systemActor('crash-drill');
    const organisation = await accounts.createOrganisation(deps, actor, {
      slug: 'crashdrill-school',
      name: 'Basisschool Crashdrill (benchdata)',
      type: 'school',
      municipalityNis: '44021',
    });
    const user = await accounts.createUser(deps, actor, { email: 'crash@bench.invalid', name: 'Crashdrill' });
    await accounts.setMembership(deps, actor, {
      userId: user.id,
      organisationId: organisation.id,
      role: 'admin',
    });
    const services = await seeding.db.selectFrom('directory_services').select('id').execute();
    await seeding.close();
    const seed: CrashSeed = {
      userId: user.id,
      organisationId: organisation.id,
      serviceIds: services.map((s) => s.id),
    };

    const acked: Acknowledged = {
      referrals: new Set(),
      audit: new Map(),
      practices: new Set(),
      edits: new Map(),
    };
    const results: RoundResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      const acknowledged = await writeUntilKilled(env, seed, acked, cluster);
      const started = performance.now();
      cluster?.restart();
      const database = await open(); // the restart: a stale lock, crash recovery, no repair
      await migrateToLatest(database.db);
      const reopenMs = performance.now() - started;
      const checked = await verify(database, acked);
      await database.close();
      results.push({ acknowledged, reopenMs, ...checked });
      console.error(
        `${engine} round ${round}/${rounds}: ${acknowledged} writes acknowledged, ${checked.lost.length} lost, ` +
          `reopened in ${reopenMs.toFixed(0)} ms`,
      );
      for (const l of checked.lost.slice(0, 5)) console.error(`  LOST ${l}`);
    }
    // The app itself starts on the crashed-and-recovered database and answers.
    const server = await startServer(env, 32700 + (engine === 'postgres' ? 1 : 2));
    const health = await fetch(`http://127.0.0.1:${32700 + (engine === 'postgres' ? 1 : 2)}/health`);
    await stop(server);
    return { engine, results, acked, serverHealthy: health.status === 200 };
  } finally {
    try {
      cluster?.stop();
    } catch (err) {
      console.error(`the throw-away cluster did not stop cleanly: ${(err as Error).message}`);
    }
  }
}

const drills = [await drill('postgres'), await drill('pglite')];
const label = (e: string) =>
  e === 'postgres' ? 'server PostgreSQL (kill -9 of app and database server)' : 'PGlite (kill -9 of the app)';
const lines = [
  '# Crash drill: kill -9 during mixed writes',
  '',
  await machineLine(),
  `Each round: bench/crash-writer.ts writes referrals (two at a time), audit rows of listed cases and fiche edits through the services; after 0.5–3 s it is killed with SIGKILL (on server PostgreSQL the database server too, with \`fsync\` and \`synchronous_commit\` on as in production); then the database is opened again as a restart opens it and every acknowledged write is looked up.`,
  '',
  '| engine | rounds | writes acknowledged | referrals | audit statements | fiches started | fiche saves | lost | cases without their audit row | fiches without their audit row | median reopen (ms) | app starts after | ',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...drills.map((d) => {
    const sum = (f: (r: RoundResult) => number) => d.results.reduce((n, r) => n + f(r), 0);
    const saves = [...d.acked.edits.values()].reduce((a, b) => a + b, 0);
    return `| ${label(d.engine)} | ${d.results.length} | ${sum((r) => r.acknowledged)} | ${d.acked.referrals.size} | ${d.acked.audit.size} | ${d.acked.practices.size} | ${saves} | ${sum((r) => r.lost.length)} | ${Math.max(...d.results.map((r) => r.casesWithoutAudit))} | ${Math.max(...d.results.map((r) => r.practicesWithoutAudit))} | ${median(d.results.map((r) => r.reopenMs)).toFixed(0)} | ${d.serverHealthy ? 'yes' : 'NO'} |`;
  }),
  '',
  '"audit statements": acknowledged inserts of audit rows for listed cases (each checked for its exact row count). "fiche saves": the last acknowledged save of each fiche, checked against the newest stored version. "lost" counts every acknowledged write not found after a restart.',
  '',
  'Reproduce: `npm run drill:crash` (part of `npm run bench`).',
];
const passed = drills.every(
  (d) =>
    d.serverHealthy &&
    d.results.every((r) => r.lost.length === 0 && r.casesWithoutAudit === 0 && r.practicesWithoutAudit === 0),
);
lines.push(
  '',
  passed
    ? 'Result: **passed** — nothing acknowledged was lost, nothing needed repair.'
    : 'Result: **FAILED**.',
);
const report = lines.join('\n');
console.log(report);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'crash-drill.md'), `${report}\n`);
process.exit(passed ? 0 : 1);
