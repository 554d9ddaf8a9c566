// A search benchmark under concurrent load, on both engines, against a bare Fastify route measured
// in the same run: generated data in a throw-away server PostgreSQL cluster and in a PGlite data
// directory, each engine first with the answer cache off (with timings per query), then on.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { startPostgres } from '../scripts/postgres-cluster.ts';
import { machineLine, percentile } from './measure.ts';
import { startServer, stop } from './servers.ts';
import { scratchDir } from '../scripts/scratch-dir.ts';

const root = new URL('..', import.meta.url).pathname;

export interface SearchBenchmark {
  /** Report title and file name (bench/results/NAME.md). */
  title: string;
  name: string;
  /** One line on the data set, for the report. */
  data: string;
  queries: string[];
  generate: (db: Kysely<DB>) => Promise<void>;
  /** Closing lines of the report: the target and how to read it. */
  notes: string[];
  connections: number;
  seconds: number;
}

export async function runSearchBenchmark(b: SearchBenchmark) {
  const { queries, connections, seconds } = b;

  async function load(url: string, paths: string[]) {
    const latencies: number[] = [];
    let errors = 0;
    let non2xx = 0;
    const result = await autocannon({
      url,
      connections,
      duration: seconds,
      timeout: 60,
      requests: paths.map((path) => ({ method: 'GET', path })),
      setupClient: (client) => {
        client.on('response', (_status: number, _bytes: number, responseTime: number) =>
          latencies.push(responseTime),
        );
      },
    });
    errors = result.errors + result.timeouts;
    non2xx = result.non2xx;
    latencies.sort((a, b) => a - b);
    return {
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      rps: result.requests.average,
      requests: result.requests.total,
      errors,
      non2xx,
    };
  }

  /** Each query of the mix alone, one at a time: the median of 5 runs, in ms. */
  async function perQuery(url: string) {
    const result: Record<string, number> = {};
    for (const path of queries) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        await (await fetch(url + path)).arrayBuffer();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      result[path] = times[2]!;
    }
    return result;
  }

  const single: Record<string, Record<string, number>> = {};

  type Row = Awaited<ReturnType<typeof load>> & { label: string };
  const rows: Row[] = [];
  let port = 32100;

  /**
   * One engine: first with the answer cache off (every request searches the database; also the
   * per-query timings), then with it on (the default: repeated searches come from memory).
   */
  async function measureEngine(engine: string, env: NodeJS.ProcessEnv) {
    const uncached = await startServer({ ...env, SEARCH_CACHE_SIZE: '0' }, ++port);
    const timings = await perQuery(`http://127.0.0.1:${port}`); // also the warm-up
    rows.push({
      label: `search mix, ${engine}, cache off`,
      ...(await load(`http://127.0.0.1:${port}`, queries)),
    });
    await stop(uncached);
    const cached = await startServer(env, ++port);
    await perQuery(`http://127.0.0.1:${port}`);
    rows.push({
      label: `search mix, ${engine}, cache on`,
      ...(await load(`http://127.0.0.1:${port}`, queries)),
    });
    await stop(cached);
    return timings;
  }

  console.error('baseline: bare Fastify route');
  const bare = await startServer({ BENCH_MODE: 'bare' }, ++port);
  rows.push({ label: 'bare Fastify route', ...(await load(`http://127.0.0.1:${port}`, ['/bare'])) });
  await stop(bare);

  // Server PostgreSQL: a throw-away cluster, the generated data in a database of its own.
  console.error('server PostgreSQL: generating data');
  const cluster = await startPostgres();
  try {
    const admin = new pg.Client({ connectionString: cluster.adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE brugwerk_bench TEMPLATE ${cluster.template}`);
    await admin.end();
    const ownerUrl = new URL(cluster.adminUrl);
    ownerUrl.pathname = '/brugwerk_bench';
    const owner = await openDatabase({ databaseUrl: ownerUrl.toString() });
    const started = performance.now();
    await b.generate(owner.db);
    await owner.close();
    console.error(`  generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const appUrl = new URL(cluster.appUrl);
    appUrl.pathname = '/brugwerk_bench';
    single.postgres = await measureEngine('server PostgreSQL', { DATABASE_URL: appUrl.toString() });
  } finally {
    cluster.stop();
  }

  console.error('PGlite: generating data');
  const dataDir = scratchDir('bw-bench-');
  const embedded = await openDatabase({ dataDir });
  await migrateToLatest(embedded.db);
  await b.generate(embedded.db);
  await embedded.close();
  single.pglite = await measureEngine('PGlite', { DATA_DIR: dataDir });

  const base = rows[0]!;
  const report = [
    `# ${b.title}`,
    '',
    await machineLine(),
    `Data: ${b.data} Load: autocannon, ${connections} connections, ${seconds} s per scenario after a warm-up run; query mix of ${queries.length} searches.`,
    '',
    '| scenario | p50 ms | p95 ms | p99 ms | req/s | errors | non-2xx | p95 vs bare | req/s vs bare |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.rps.toFixed(0)} | ${r.errors} | ${r.non2xx} | ${(r.p95 / Math.max(base.p95, 1)).toFixed(1)}× | ${(r.rps / base.rps).toFixed(3)}× |`,
    ),
    '',
    'Each query alone, answer cache off (median of 5 sequential requests, ms):',
    '',
    '| query | server PostgreSQL | PGlite |',
    '|---|---|---|',
    ...queries.map(
      (q) => `| \`${q}\` | ${single.postgres?.[q]?.toFixed(0)} | ${single.pglite?.[q]?.toFixed(0)} |`,
    ),
    '',
    ...b.notes,
    '',
    '"cache on" is how Brugwerk runs (SEARCH_CACHE_SIZE, default 500): answers are kept per process and',
    'dropped as soon as the searched data changes; the searches of the mix repeat, so after the first',
    'round they come from memory. "cache off" makes every request search the database.',
  ].join('\n');
  console.log(report);
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', `${b.name}.md`), `${report}\n`);
}
