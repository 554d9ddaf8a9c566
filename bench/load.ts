// Flanders-scale load test on both engines, against a bare Fastify route measured in the same run:
// six scenarios at 50 connections, then the saturating load, four times that load with and without
// load shedding, and the recovery after it. Writes bench/results/load.md; exits 1 when a budget on
// server PostgreSQL does not hold.
// Usage: npx tsx bench/load.ts [--seconds 10] [--scale 1]   (--scale 0.05 for a quick try)
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { currentTotpCode } from '../src/modules/accounts/mfa.service.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { type Database, type Engine, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { startPostgres } from '../scripts/postgres-cluster.ts';
import {
  benchCoordinator,
  countRows,
  type FlandersData,
  benchSecrets,
  generateFlanders,
  scaledSize,
} from './flanders-data.ts';
import { type LoadRequest, machineLine, type Measurement, measure, medianRound } from './measure.ts';
import { residentMiB, startServer, stop } from './servers.ts';
import { scratchDir } from '../scripts/scratch-dir.ts';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, scale: { type: 'string', default: '1' } },
});
const seconds = Number(values.seconds);
const scale = Number(values.scale);
const size = scaledSize(scale);
const CONNECTIONS = 50;
const BUDGET_P95_MS = 50;
/**
 * Fifty connections sending as fast as they are answered saturate the server (latency is then just
 * connections ÷ throughput); the budget is held at fifty connections paced to half the throughput
 * measured that way, the load a server is planned for. Both are reported.
 */
const PACED_SHARE = 0.5;
/**
 * A closed loop stops with a request in flight on every connection, which the server still
 * answers (it does not know the client left). Measuring the next load before that backlog is gone
 * counts the previous run's work against it: at Flanders scale that put up to a second of stall into
 * the first paced seconds. The pause lets it drain.
 */
const SETTLE_MS = 3000;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
/** The paced loads and the overload run this many times; the report gives the median round. */
const ROUNDS = 3;
/** `ROUNDS` times the given load, each followed by the pause, as one measurement (its median round). */
async function rounds(load: () => Promise<Measurement>, by?: (m: Measurement) => number) {
  const all: Measurement[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    all.push(await load());
    await settle();
  }
  return medianRound(all, by);
}
/** Recovery holds when the public reads after the overload are at most this much slower (p95) than before it. */
const RECOVERY_P95_RATIO = 1.5;
/**
 * PostgreSQL runs on this machine too, so the app keeps as many queries running as there are cores.
 * With 10 or 20 connections (20 was used before) the busy backends took the CPU from the Node process
 * under overload: it got about a tenth of a core and its refusals took seconds.
 */
const DATABASE_POOL_SIZE = availableParallelism();
/**
 * The overload's first seconds are not counted (its connections are opened before the clock
 * starts, see measure.ts): the compiler and the heap settle into a load four times the saturating one.
 */
const OVERLOAD_RAMP_SECONDS = 2;
let port = 32300;

// ---- Data ----------------------------------------------------------------------------------------

interface Prepared {
  env: NodeJS.ProcessEnv;
  data: FlandersData;
  generateSeconds: number;
  counts: Awaited<ReturnType<typeof countRows>>;
  cleanup: () => void;
}

async function fill(database: Database, dataDir: string) {
  const config = loadConfig({ ...benchSecrets, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const started = performance.now();
  const data = await generateFlanders(
    { db: database.db, engine: database.engine, clock: systemClock, config },
    size,
  );
  const generateSeconds = (performance.now() - started) / 1000;
  // A database that has been running is vacuumed and analysed. Without this, PostgreSQL's
  // autovacuum works through the freshly generated tables in the middle of the first measurements
  // (about a minute after the start), and PGlite plans without statistics.
  await sql`VACUUM ANALYZE`.execute(database.db);
  return { data, generateSeconds, counts: await countRows(database.db) };
}

async function prepare(engine: Engine): Promise<Prepared> {
  const dataDir = scratchDir(`bw-load-${engine}-`);
  console.error(`${engine}: generating Flanders (${JSON.stringify(size)})`);
  if (engine === 'pglite') {
    const database = await openDatabase({ dataDir });
    await migrateToLatest(database.db);
    const filled = await fill(database, dataDir);
    await database.close();
    return { ...filled, env: { ...benchSecrets, DATA_DIR: dataDir }, cleanup: () => {} };
  }
  const cluster = await startPostgres();
  const withDb = (url: string, name = 'brugwerk_load') =>
    Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE brugwerk_load TEMPLATE ${cluster.template}`);
  await admin.end();
  // The template's migrations left work for autovacuum as well (its catalogue, analysed in the
  // middle of a paced run a minute in).
  const template = new pg.Client({ connectionString: withDb(cluster.adminUrl, cluster.template) });
  await template.connect();
  await template.query('VACUUM ANALYZE');
  await template.end();
  const database = await openDatabase({ databaseUrl: withDb(cluster.adminUrl) });
  const filled = await fill(database, dataDir);
  await database.close();
  return {
    ...filled,
    env: {
      ...benchSecrets,
      DATA_DIR: dataDir,
      DATABASE_URL: withDb(cluster.appUrl),
      DATABASE_POOL_SIZE: String(DATABASE_POOL_SIZE),
    },
    cleanup: () => cluster.stop(),
  };
}

// ---- Signing in as the zorgcoördinator, the way a browser does -------------------------------------

async function signIn(base: string, totpSecret: string) {
  const cookies = new Map<string, string>();
  let csrf = '';
  const send = async (path: string, form?: Record<string, string>) => {
    const res = await fetch(base + path, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { body: new URLSearchParams({ _csrf: csrf, ...form }).toString() } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const body = await res.text();
    csrf = /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? csrf;
    return res.status;
  };
  await send('/aanmelden');
  await send('/aanmelden', { email: benchCoordinator.email, password: benchCoordinator.password });
  await send('/aanmelden/code');
  // A code counts once per 30-second step: wait for the next step if this one was used.
  for (let attempt = 0; attempt < 2; attempt++) {
    const code = await currentTotpCode(totpSecret, benchCoordinator.email, new Date());
    if ((await send('/aanmelden/code', { code })) === 303) {
      await send('/toeleiding'); // a page with a form: the CSRF token for the referral form
      return { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '), csrf };
    }
    await new Promise((r) => setTimeout(r, 31_000));
  }
  throw new Error('the zorgcoördinator could not sign in');
}

// ---- Scenarios -------------------------------------------------------------------------------------

interface Scenario {
  name: string;
  /** Held to the p95 budget (searches and pages). */
  budget: boolean;
  requests: LoadRequest[];
  expected?: (status: number) => boolean;
}

const directoryQueries = [
  'schoolkosten',
  'huiswerkbegeleiding',
  'opvoeding',
  'tandarts',
  'kleuterschool%20inschrijven',
];
const practiceQueries = [
  'ouderbetrokkenheid',
  'schoolkosten',
  'huiswerk',
  'voorlezen',
  'brugfiguur%20ouders',
];

function scenarios(d: FlandersData, session: { cookie: string; csrf: string }): Scenario[] {
  const referralForm = new URLSearchParams({
    _csrf: session.csrf,
    organisation: d.coordinatorOrganisationId,
    pseudonym: 'Gezin L. (benchdata)',
    needs: 'FIN',
    intensity: '2',
    consentGivenBy: 'parents',
    consentInformation: 'needs',
    consentPurpose: 'intake',
    consentMethod: 'conversation',
    consentLocale: 'nl',
    checkBackDays: '14',
  }).toString();
  return [
    {
      name: 'public directory search',
      budget: true,
      requests: directoryQueries.flatMap((q) => [
        { path: `/sociale-kaart?q=${q}` },
        { path: `/sociale-kaart?q=${q}&nood=FIN&gratis=1` },
      ]),
    },
    {
      name: 'practice search',
      budget: true,
      requests: practiceQueries.flatMap((q) => [
        { path: `/praktijken?q=${q}` },
        { path: `/praktijken?q=${q}&need=EDU` },
      ]),
    },
    {
      name: 'practice page',
      budget: true,
      requests: d.practiceIds.map((id) => ({ path: `/praktijken/${id}` })),
    },
    {
      name: 'directory search near a school',
      budget: true,
      requests: d.schoolIds.map((id, i) => ({
        path: `/sociale-kaart?school=${id}&straal=${['2', '5', '10'][i % 3]}${i % 2 ? '&q=huiswerk' : ''}`,
      })),
    },
    {
      name: 'zorgcoördinator day overview (signed in)',
      budget: true,
      requests: [{ path: '/toeleiding', headers: { cookie: session.cookie } }],
    },
    {
      name: 'record a referral (signed in)',
      budget: false,
      expected: (s) => s === 200, // the page with the family's reference code
      requests: d.serviceIds.map((id) => ({
        method: 'POST',
        path: `/toeleiding/nieuw?dienst=${id}`,
        headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: referralForm,
      })),
    },
  ];
}

// ---- One engine ------------------------------------------------------------------------------------

interface EngineResult {
  engine: string;
  counts: Prepared['counts'];
  generateSeconds: number;
  startMs: number;
  rssMiB: number;
  /** Per scenario: as fast as answered (closed loop), and paced at half that throughput. */
  rows: { name: string; budget: boolean; m: Measurement; paced: Measurement }[];
  saturation: { connections: number; servedRps: number; p95: number }[];
  overload: { rate: number; shedding: Measurement; noShedding: Measurement; recovery: Measurement };
}

const url = (p: number) => `http://127.0.0.1:${p}`;

async function runEngine(engine: Engine, label: string): Promise<EngineResult> {
  const prepared = await prepare(engine);
  try {
    const appPort = ++port;
    const server = await startServer(prepared.env, appPort);
    const session = await signIn(url(appPort), prepared.data.coordinatorTotpSecret);
    const rows: EngineResult['rows'] = [];
    const list = scenarios(prepared.data, session);
    for (const s of list) {
      console.error(`${label}: ${s.name}`);
      const run = (secs: number, overallRate?: number) =>
        measure({
          url: url(appPort),
          requests: s.requests,
          connections: CONNECTIONS,
          seconds: secs,
          expected: s.expected,
          overallRate,
          openWith: '/health', // the paced run's connections, as a closed loop's, are open when it starts
        });
      await run(3); // warm-up
      await settle();
      const m = await run(seconds);
      await settle();
      const paced = await rounds(() => run(seconds, Math.max(1, Math.round(m.rps * PACED_SHARE))));
      for (const x of [m, paced])
        console.error(
          `  p95 ${x.p95.toFixed(1)} ms, ${x.rps.toFixed(0)} req/s, statuses ${JSON.stringify(x.statuses)}`,
        );
      rows.push({ name: s.name, budget: s.budget, m, paced });
    }

    // Saturation and overload, on the public reads together.
    const publicMix = list.filter((s) => s.budget && !s.requests[0]!.headers).flatMap((s) => s.requests);
    const readLoad = (target: number, connections: number, secs: number) =>
      measure({ url: url(target), requests: publicMix, connections, seconds: secs });
    const overload = (target: number, overallRate: number) =>
      measure({
        url: url(target),
        requests: publicMix,
        connections: 400,
        seconds,
        overallRate,
        openWith: '/health',
        rampSeconds: OVERLOAD_RAMP_SECONDS,
      });
    const saturation: EngineResult['saturation'] = [];
    for (const connections of [4, 16, 32, 50]) {
      const m = await readLoad(appPort, connections, 5);
      saturation.push({ connections, servedRps: (m.requests - m.shed) / 5, p95: m.p95 });
      await settle();
    }
    const saturated = Math.max(...saturation.map((s) => s.servedRps));
    const rate = Math.round(4 * saturated);
    console.error(`${label}: overload at ${rate} req/s (4 × ${saturated.toFixed(0)})`);
    // After each round the load drops for the pause; nothing is restarted or reset.
    const shedding = await rounds(
      () => overload(appPort, rate),
      (m) => m.shedP95 ?? Infinity,
    );
    const recovery = await readLoad(appPort, CONNECTIONS, 5);
    const rssMiB = residentMiB(server);
    await stop(server);

    const unshedPort = ++port;
    const unshed = await startServer({ ...prepared.env, MAX_CONCURRENT_REQUESTS: '100000' }, unshedPort);
    await readLoad(unshedPort, CONNECTIONS, 3); // warm-up
    const noShedding = await overload(unshedPort, rate);
    await stop(unshed);

    return {
      engine: label,
      counts: prepared.counts,
      generateSeconds: prepared.generateSeconds,
      startMs: server.startMs,
      rssMiB,
      rows,
      saturation,
      overload: { rate, shedding, noShedding, recovery },
    };
  } finally {
    prepared.cleanup();
  }
}

// ---- Run and report --------------------------------------------------------------------------------

console.error('baseline: bare Fastify route');
const barePort = ++port;
const bareServer = await startServer({ BENCH_MODE: 'bare' }, barePort);
const bare = await measure({
  url: url(barePort),
  requests: [{ path: '/bare' }],
  connections: CONNECTIONS,
  seconds,
});
const bareRss = residentMiB(bareServer);
await stop(bareServer);

const results = [await runEngine('postgres', 'server PostgreSQL'), await runEngine('pglite', 'PGlite')];

const f = (n: number | null, digits = 1) => (n === null || !Number.isFinite(n) ? '–' : n.toFixed(digits));
/** A median of rounds, with every round's value after it. */
const withRounds = (n: number | null, m: Measurement) =>
  m.rounds ? `${f(n)} (${m.rounds.map((x) => f(x)).join(', ')})` : f(n);
const ratio = (a: number, b: number) => `${(a / Math.max(b, 0.1)).toFixed(1)}×`;
const checks: { engine: string; what: string; ok: boolean }[] = [];
const lines = [
  '# Brugwerk under load: Flanders scale',
  '',
  await machineLine(),
  `Load from the same machine, ${CONNECTIONS} connections, ${seconds} s per scenario after a 3 s warm-up, with a ${SETTLE_MS / 1000} s pause after every load so that the requests a closed loop leaves in flight do not count against the next: "as fast as answered" with autocannon (closed loop, each connection starting at its own place in the scenario's list of requests, so that together they ask for all of it); "paced" with an undici pool sending at a steady rate (open loop, its connections opened first with one /health request each; each latency counted from the moment the request was due, so waiting for a connection counts). The generated database is vacuumed and analysed before the server starts, as a running one is. The app on server PostgreSQL runs with DATABASE_POOL_SIZE ${DATABASE_POOL_SIZE} (the cores of this machine, which PostgreSQL shares), the default answer caches and MAX_CONCURRENT_REQUESTS 64 (the default; once it has refused, a quarter of that until a second passes without refusing).`,
  '',
  '## Data (bench/flanders-data.ts)',
  '',
  '| | ' + results.map((r) => r.engine).join(' | ') + ' |',
  '|---|' + results.map(() => '---|').join(''),
  ...(
    ['schools', 'organisations', 'services', 'practices', 'signals', 'referrals', 'caseAudit'] as const
  ).map(
    (k) =>
      `| ${k === 'caseAudit' ? 'case audit rows' : k} | ${results.map((r) => r.counts[k]).join(' | ')} |`,
  ),
  `| generated in (s) | ${results.map((r) => r.generateSeconds.toFixed(0)).join(' | ')} |`,
  '',
  '## Scenarios at 50 connections',
  '',
  '| engine | scenario | p50 ms | p95 ms | p99 ms | req/s | errors | p95 vs bare | req/s vs bare | budget |',
  '|---|---|---|---|---|---|---|---|---|---|',
  `| – | bare Fastify route | ${f(bare.p50)} | ${f(bare.p95)} | ${f(bare.p99)} | ${bare.rps.toFixed(0)} | ${bare.errors} | 1.0× | 1.000× | |`,
];
for (const r of results) {
  for (const { name, budget, m, paced } of r.rows) {
    const clean = (x: Measurement) => x.errors === 0 && x.shed === 0;
    const ok = budget ? paced.p95 <= BUDGET_P95_MS && clean(paced) : clean(paced);
    const held = ok ? (budget ? 'holds' : '0 errors') : budget ? 'MISSED' : 'ERRORS';
    if (r.engine === 'server PostgreSQL') checks.push({ engine: r.engine, what: name, ok });
    const row = (x: Measurement, how: string, verdict: string) =>
      `| ${r.engine} | ${name}, ${how} | ${f(x.p50)} | ${withRounds(x.p95, x)} | ${f(x.p99)} | ${x.rps.toFixed(0)} | ${x.errors + x.shed} | ${ratio(x.p95, bare.p95)} | ${(x.rps / bare.rps).toFixed(3)}× | ${verdict} |`;
    lines.push(row(m, 'as fast as answered', clean(m) ? '' : 'ERRORS'), row(paced, 'paced at half', held));
  }
}
lines.push(
  '',
  `Budget (issue 9, server PostgreSQL): p95 ≤ ${BUDGET_P95_MS} ms for searches and pages, 0 errors, at 50 connections. "as fast as answered": each connection sends its next request when the last is answered, which saturates the server; "paced at half": the same 50 connections offering half that throughput at a steady rate (open loop), where the budget is held; it runs ${ROUNDS} times and the row gives the round with the median p95 (every round's p95 in brackets) and the errors of all rounds. "errors" counts connection errors, timeouts, 503s and unexpected statuses (a recorded referral answers 200 with the family’s reference code).`,
  '',
  '## Overload: four times the saturating load',
  '',
  `The saturating load is the highest throughput of the public reads (the four public scenarios together) at 4, 16, 32 or 50 connections. Four times that rate is then offered open-loop from 400 connections (opened first with one /health request each; the first ${OVERLOAD_RAMP_SECONDS} s of the overload are not counted), ${ROUNDS} times with load shedding (the default; the row gives the round with the median p95 of the 503s, every round's in brackets, and the 503s and errors of all rounds) and once with it turned off (MAX_CONCURRENT_REQUESTS=100000, a fresh server); 3 s after the last overload with shedding stops (nothing restarted or reset), 5 s at 50 connections show the recovery, compared with the same load at 50 connections before the overload.`,
  '',
  '| engine | saturating req/s (served, by connections) | offered req/s | | p50 ms | p95 ms | p99 ms | answered req/s | 503s | p95 of 503s | p95 of the others | errors |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
);
for (const r of results) {
  const o = r.overload;
  const sat = r.saturation.map((s) => `${s.connections}: ${s.servedRps.toFixed(0)}`).join(', ');
  const row = (what: string, m: Measurement) =>
    `| ${r.engine} | ${sat} | ${o.rate} | ${what} | ${f(m.p50)} | ${f(m.p95)} | ${f(m.p99)} | ${m.rps.toFixed(0)} | ${m.shed} | ${withRounds(m.shedP95, m)} | ${f(m.servedP95)} | ${m.errors} |`;
  lines.push(
    row('with shedding', o.shedding),
    row('without shedding', o.noShedding),
    row('recovery, 50 connections', o.recovery),
  );
  if (r.engine === 'server PostgreSQL') {
    const before = r.saturation.find((s) => s.connections === CONNECTIONS)!;
    checks.push(
      {
        engine: r.engine,
        what: 'overload: 503s answered (p95 of the 503s ≤ 50 ms)',
        ok: o.shedding.shed > 0 && (o.shedding.shedP95 ?? Infinity) <= BUDGET_P95_MS,
      },
      {
        engine: r.engine,
        what: 'overload: p99 with shedding below p99 without',
        ok: o.shedding.p99 < o.noShedding.p99,
      },
      { engine: r.engine, what: 'overload: no connection errors or timeouts', ok: o.shedding.errors === 0 },
      {
        engine: r.engine,
        what: `recovery: p95 at most ${RECOVERY_P95_RATIO}× the p95 before the overload (${f(before.p95)} ms), no 503s, 0 errors`,
        ok:
          o.recovery.p95 <= RECOVERY_P95_RATIO * before.p95 &&
          o.recovery.shed === 0 &&
          o.recovery.errors === 0,
      },
    );
  }
}
lines.push(
  '',
  '## Start-up and memory',
  '',
  '| server | process start to listening (ms) | ratio to bare | resident memory after the run (MiB) | ratio to bare |',
  '|---|---|---|---|---|',
  ...results.map(
    (r) =>
      `| ${r.engine}, Flanders data | ${r.startMs.toFixed(0)} | ${ratio(r.startMs, bareServer.startMs)} | ${r.rssMiB.toFixed(0)} | ${ratio(r.rssMiB, bareRss)} |`,
  ),
  `| bare Fastify route | ${bareServer.startMs.toFixed(0)} | 1.0× | ${bareRss.toFixed(0)} | 1.0× |`,
  '',
  '## Budgets on server PostgreSQL',
  '',
  ...checks.map((c) => `- ${c.ok ? 'holds' : '**MISSED**'}: ${c.what}`),
  '',
  'Reproduce: `npx tsx bench/load.ts` (part of `npm run bench`).',
);
const report = lines.join('\n');
console.log(report);
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
writeFileSync(
  join(root, 'bench', 'results', scale === 1 ? 'load.md' : `load-scale-${scale}.md`),
  `${report}\n`,
);
process.exit(checks.every((c) => c.ok) ? 0 : 1);
