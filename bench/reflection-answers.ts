// 200 participants answer one reflection session at the same moment, on both engines: each opens
// the join link first (its own cookies and form token), then all 200 send their answers at once.
// Reports the latency of the answer submission and checks that no answer was lost. Baseline: 200
// requests at once to a bare Fastify route, in the same run.
//
//   npx tsx bench/reflection-answers.ts        → bench/results/reflection-answers.md
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import pg from 'pg';
import * as accounts from '../src/modules/accounts/accounts.service.ts';
import { findSets } from '../src/modules/reflection/reflection.repository.ts';
import { startSession } from '../src/modules/reflection/reflection.service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { systemActor } from '../src/platform/deps.ts';
import { startPostgres } from '../scripts/postgres-cluster.ts';
import { machineLine, percentile } from './measure.ts';
import { startServer, stop } from './servers.ts';
import { scratchDir } from '../scripts/scratch-dir.ts';

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 200);
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const root = new URL('..', import.meta.url).pathname;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One session per round, facilitated by a bench user; returns the join codes. */
async function prepareSessions(db: Kysely<DB>, engine: 'postgres' | 'pglite', rounds: number) {
  const deps = { db, engine, clock: systemClock, config: loadConfig({ LOG_LEVEL: 'silent' }) };
  const actor = systemActor('bench');
  const organisation = await accounts.createOrganisation(deps, actor, {
    slug: 'bench-school',
    name: 'Benchschool',
    type: 'school',
    municipalityNis: '44021',
  });
  const user = await accounts.createUser(deps, actor, {
    email: 'begeleider@bench.invalid',
    name: 'Begeleider',
  });
  const set = (await findSets(db)).find((s) => s.audience === 'school')!;
  const sessions: { id: string; code: string }[] = [];
  for (let round = 0; round < rounds; round++) {
    const id = await startSession(
      deps,
      { userId: user.id, correlationId: null },
      {
        setId: set.id,
        organisationId: organisation.id,
        team: `Benchteam ${round + 1}`,
        schoolYear: '2026-2027',
        dimensions: [],
        location: null,
      },
    );
    const row = await db
      .selectFrom('reflection_sessions')
      .select('code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    sessions.push({ id, code: row.code });
  }
  return { sessions, set: set.content };
}

type SetContent = Awaited<ReturnType<typeof prepareSessions>>['set'];

/** A participant's whole form: every statement, two endings, every open question. */
function answersOf(set: SetContent, n: number): URLSearchParams {
  const form = new URLSearchParams();
  for (const e of set.dimensions.flatMap((d) => d.exercises)) {
    if (e.type === 'scale') form.append(e.id, String(((n + e.id.length) % 5) + 1));
    if (e.type === 'endings') for (const i of [1, 1 + (n % 7) + 1]) form.append(e.id, String(i));
    if (e.type === 'open') form.append(e.id, `Antwoord ${n} op ${e.id}: samen met de ouder bellen helpt.`);
  }
  return form;
}

/** Opens the join link like a browser: cookies and the form token. */
async function openForm(base: string, code: string) {
  const res = await fetch(`${base}/reflectie/doe-mee/${code}`);
  const html = await res.text();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  return { cookie, token };
}

async function round(base: string, code: string, set: SetContent) {
  const browsers = [];
  for (let n = 0; n < PARTICIPANTS; n++) browsers.push(await openForm(base, code));
  const latencies: number[] = [];
  const statuses = await Promise.all(
    browsers.map(async (b, n) => {
      const body = answersOf(set, n);
      body.append('_csrf', b.token);
      const started = performance.now();
      const res = await fetch(`${base}/reflectie/doe-mee/${code}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      return res.status;
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1)!,
    accepted: statuses.filter((s) => s === 303).length,
    expectedAnswers: browsers.reduce((sum, _b, n) => sum + [...answersOf(set, n).keys()].length, 0),
  };
}

async function bareBaseline(port: number) {
  const bare = await startServer({ BENCH_MODE: 'bare' }, port);
  const base = `http://127.0.0.1:${port}`;
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const latencies = await Promise.all(
      Array.from({ length: PARTICIPANTS }, async () => {
        const started = performance.now();
        await (await fetch(`${base}/bare`)).arrayBuffer();
        return performance.now() - started;
      }),
    );
    latencies.sort((a, b) => a - b);
    rounds.push(percentile(latencies, 95));
  }
  await stop(bare);
  return median(rounds);
}

/** Per engine: every round, then the stored counts compared with what was sent. */
async function measure(
  engine: string,
  env: NodeJS.ProcessEnv,
  port: number,
  open: () => Promise<{ db: Kysely<DB>; close(): Promise<void> }>,
  prepared: Awaited<ReturnType<typeof prepareSessions>>,
) {
  const server = await startServer(env, port);
  const base = `http://127.0.0.1:${port}`;
  const rounds = [];
  for (const session of prepared.sessions) {
    console.error(`  ${engine}: round ${rounds.length + 1}`);
    rounds.push(await round(base, session.code, prepared.set));
  }
  await stop(server);
  const database = await open();
  const stored: { participations: number; answers: number }[] = [];
  for (const session of prepared.sessions) {
    const participations = await database.db
      .selectFrom('reflection_participations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    const answers = await database.db
      .selectFrom('reflection_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    stored.push({ participations: Number(participations.n), answers: Number(answers.n) });
  }
  await database.close();
  return rounds.map((r, i) => ({ ...r, ...stored[i]!, engine }));
}

console.error('baseline: bare Fastify route');
const bareP95 = await bareBaseline(32400);
const results: Awaited<ReturnType<typeof measure>> = [];

console.error('server PostgreSQL');
const cluster = await startPostgres();
try {
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE brugwerk_bench_reflection TEMPLATE ${cluster.template}`);
  await admin.end();
  const url = (base: string) => {
    const u = new URL(base);
    u.pathname = '/brugwerk_bench_reflection';
    return u.toString();
  };
  const owner = await openDatabase({ databaseUrl: url(cluster.adminUrl) });
  const prepared = await prepareSessions(owner.db, 'postgres', ROUNDS);
  await owner.close();
  results.push(
    ...(await measure(
      'server PostgreSQL',
      { DATABASE_URL: url(cluster.appUrl) },
      32401,
      () => openDatabase({ databaseUrl: url(cluster.adminUrl) }),
      prepared,
    )),
  );
} finally {
  cluster.stop();
}

console.error('PGlite');
const dataDir = scratchDir('bw-bench-reflection-');
const embedded = await openDatabase({ dataDir });
await migrateToLatest(embedded.db);
const prepared = await prepareSessions(embedded.db, 'pglite', ROUNDS);
await embedded.close();
results.push(
  ...(await measure('PGlite', { DATA_DIR: dataDir }, 32402, () => openDatabase({ dataDir }), prepared)),
);

const lost = results.filter(
  (r) => r.accepted !== PARTICIPANTS || r.participations !== PARTICIPANTS || r.answers !== r.expectedAnswers,
);
const fmt = (n: number) => n.toFixed(1);
const lines = [
  '# Reflectie: 200 participants answering one session at once',
  '',
  await machineLine(),
  `Per round: ${PARTICIPANTS} participants each open the join link (own cookies, own form token), then all send the whole school-team set (every statement, two endings, every open question) at the same moment; ${ROUNDS} rounds per engine, a new session each round. Server PostgreSQL ${cluster.version} is a throw-away cluster with fsync off; PGlite writes to a data directory on disk.`,
  `Baseline: ${PARTICIPANTS} simultaneous requests to a bare Fastify route, same run: median p95 ${fmt(bareP95)} ms.`,
  '',
  '| engine | round | p50 ms | p95 ms | max ms | accepted (303) | participations stored | answers stored / sent | p95 vs bare |',
  '|---|---|---|---|---|---|---|---|---|',
  ...results.map(
    (r, i) =>
      `| ${r.engine} | ${(i % ROUNDS) + 1} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.max)} | ${r.accepted} / ${PARTICIPANTS} | ${r.participations} | ${r.answers} / ${r.expectedAnswers} | ${(r.p95 / bareP95).toFixed(1)}× |`,
  ),
  '',
  ...['server PostgreSQL', 'PGlite'].map((engine) => {
    const rows = results.filter((r) => r.engine === engine);
    return `- **${engine}**: median over rounds of the p95 answer submission ${fmt(median(rows.map((r) => r.p95)))} ms (p50 ${fmt(median(rows.map((r) => r.p50)))} ms), ${(median(rows.map((r) => r.p95)) / bareP95).toFixed(1)}× the bare route.`;
  }),
  `- Answers lost: ${lost.length === 0 ? '0 in every round on both engines' : `${lost.length} round(s) with a difference`}.`,
  '',
  'Reproduce: `npx tsx bench/reflection-answers.ts` (PARTICIPANTS and ROUNDS may be set in the environment).',
];
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(join(root, 'bench', 'results', 'reflection-answers.md'), `${lines.join('\n')}\n`);
console.log(lines.join('\n'));
if (lost.length) process.exit(1);
