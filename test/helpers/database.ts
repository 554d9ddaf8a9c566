import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openDatabase, pgliteExtensions } from '../../src/platform/db/database.ts';
import { postgresProgram } from '../../src/platform/db/postgres-programs.ts';

export type TestEngine = 'pglite' | 'postgres';
export const testEngine: TestEngine = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the suite through \`npm test\` (scripts/test.ts)`);
  return value;
}

/**
 * A fresh, migrated database for one test file: PGlite loads the dump of a data directory that
 * was migrated once; server PostgreSQL copies a migrated template database. Both take well under
 * a second, where migrating from scratch would not.
 */
export interface TestDatabase extends Database {
  /**
   * Everything the engine keeps on disk, as text: `pg_dump` of the database on server PostgreSQL;
   * on PGlite, its data directory after a checkpoint (the heap pages as written).
   */
  dump(): Promise<string>;
}

export async function freshDatabase(): Promise<TestDatabase> {
  if (testEngine === 'postgres') {
    const name = `brugwerk_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: requireEnv('TEST_PG_ADMIN_URL') });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${requireEnv('TEST_PG_TEMPLATE')}`);
    await admin.end();
    const url = new URL(requireEnv('TEST_PG_APP_URL'));
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
    const adminUrl = new URL(requireEnv('TEST_PG_ADMIN_URL'));
    adminUrl.pathname = `/${name}`;
    return {
      ...database,
      async dump() {
        return execFileSync(postgresProgram('pg_dump'), ['--dbname', adminUrl.toString()], {
          encoding: 'utf8',
          maxBuffer: 1 << 30,
        });
      },
      async close() {
        await database.close();
        const cleanup = new pg.Client({ connectionString: requireEnv('TEST_PG_ADMIN_URL') });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  const dump = new Blob([readFileSync(requireEnv('TEST_PGLITE_TEMPLATE'))]);
  const pglite = await PGlite.create({ loadDataDir: dump, extensions: pgliteExtensions });
  const database = await openDatabase({ pglite });
  return {
    ...database,
    async dump() {
      await pglite.query('CHECKPOINT');
      const data = await pglite.dumpDataDir('none');
      return Buffer.from(await data.arrayBuffer()).toString('latin1');
    },
    async close() {
      await database.close();
    },
  };
}
