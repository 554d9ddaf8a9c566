import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './lockfile.ts';
import type { DB } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  close(): Promise<void>;
}

// Only these two: with btree_gin or vector beside pg_trgm, PGlite's % operator breaks (ARCHITECTURE §5).
export const pgliteExtensions = { pg_trgm, unaccent };

// Return bigint counts as numbers: every count here stays far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number.parseInt(v, 10));
// Calendar dates stay 'YYYY-MM-DD' strings: a Date would shift them by the time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface OpenDatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  /** A ready PGlite instance (tests load one from a migrated template). */
  pglite?: PGlite;
  /** Server PostgreSQL connections kept by this process; without it pg's own default, 10. */
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize });
    // An idle connection the server ends (restart, failover, DROP DATABASE … FORCE) is dropped from
    // the pool and replaced on next use; without this listener pg would crash the process.
    pool.on('error', (err) => console.error(`database connection lost: ${err.message}`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }
  let release = () => {};
  let pglite = options.pglite;
  if (!pglite) {
    if (!options.dataDir) throw new Error('openDatabase needs a databaseUrl, a dataDir or a PGlite instance');
    release = acquireDataDirLock(options.dataDir);
    try {
      pglite = await PGlite.create(join(options.dataDir, 'pglite'), { extensions: pgliteExtensions });
    } catch (err) {
      release();
      throw err;
    }
  }
  const instance = pglite;
  // PGlite is one connection: the pool holds exactly one client, so transactions never interleave.
  const pool = new pg.Pool({ ...createPgConfig(instance), max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'pglite',
    async close() {
      await db.destroy();
      await instance.close();
      release();
    },
  };
}
