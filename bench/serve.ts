// A server for the benchmarks, in its own process: the Brugwerk app on the given database, or
// (BENCH_MODE=bare) a bare Fastify route as the baseline measured in the same run.
import Fastify from 'fastify';
import { buildApp } from '../src/app.ts';
import { systemClock } from '../src/platform/clock.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';

const port = Number(process.env.PORT);
if (process.env.BENCH_MODE === 'bare') {
  const bare = Fastify();
  bare.get('/bare', async () => ({ status: 'ok' }));
  await bare.listen({ port, host: '127.0.0.1' });
} else {
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000' });
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.databasePoolSize,
  });
  const app = await buildApp({
    deps: { db: database.db, engine: database.engine, clock: systemClock, config },
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.on(
    'SIGTERM',
    () =>
      void app
        .close()
        .then(() => database.close())
        .then(() => process.exit(0)),
  );
}
console.log('ready');
