import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { systemClock } from '../src/platform/clock.ts';
const config = loadConfig({ DATA_DIR: '/tmp/bw-t1' });
const d = await openDatabase({ dataDir: '/tmp/bw-t1' });
await migrateToLatest(d.db);
const app = await buildApp({ deps: { db: d.db, engine: d.engine, clock: systemClock, config } });
for (const url of [
  '/health',
  '/',
  '/aanmelden',
  '/nope',
  '/api/v1/municipalities/11007',
  '/api/v1/openapi.json',
  '/account',
]) {
  const r = await app.inject({ url });
  console.log(url, r.statusCode, r.headers['content-type'], r.body.slice(0, 300).replace(/\n/g, ' '));
}
await app.close();
await d.close();
