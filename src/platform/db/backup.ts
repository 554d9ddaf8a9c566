import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { pgliteExtensions } from './database.ts';
import { acquireDataDirLock } from './lockfile.ts';
import { postgresProgram } from './postgres-programs.ts';
import type { DB } from './schema.ts';

/** A backup or restore that cannot go on; the message is for the operator, in Dutch. */
export class BackupError extends Error {}

function run(program: string, args: string[]) {
  try {
    execFileSync(postgresProgram(program), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    const e = err as { code?: string; stderr?: Buffer };
    if (e.code === 'ENOENT')
      throw new BackupError(`${program} is niet gevonden. Installeer de PostgreSQL-clientprogramma's.`);
    throw new BackupError(`${program} is mislukt:\n${e.stderr?.toString().trim() ?? ''}`);
  }
}

const pgliteDir = (config: Config) => join(config.dataDir, 'pglite');

/**
 * Writes a backup to `file`: a pg_dump custom archive of the server database (consistent while the
 * app runs), or the embedded database's data directory as a gzipped tarball (PGlite has one user:
 * the server must be stopped, which the data directory's lock checks).
 */
export async function backupDatabase(config: Config, file: string): Promise<void> {
  if (config.databaseUrl) {
    run('pg_dump', ['--format=custom', '--file', file, '--dbname', config.databaseUrl]);
    return;
  }
  if (!existsSync(pgliteDir(config))) throw new BackupError(`Er is geen database in ${config.dataDir}.`);
  const release = acquireDataDirLock(config.dataDir);
  try {
    const pglite = await PGlite.create(pgliteDir(config), { extensions: pgliteExtensions });
    await pglite.query('CHECKPOINT');
    const dump = await pglite.dumpDataDir('gzip');
    await pglite.close();
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    release();
  }
}

/**
 * Restores a backup made by `backupDatabase` into the configured database. It refuses a database
 * that already holds Brugwerk data unless `replace` is given: then that data is overwritten.
 */
export async function restoreDatabase(config: Config, file: string, replace: boolean): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`${file} bestaat niet.`);
  if (config.databaseUrl) {
    const client = new pg.Client({ connectionString: config.databaseUrl });
    await client.connect();
    const tables = await client.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    await client.end();
    if (tables.rows[0].n > 0 && !replace)
      throw new BackupError('De database is niet leeg. Geef --replace om ze te overschrijven.');
    run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      config.databaseUrl,
      file,
    ]);
    return;
  }
  const release = acquireDataDirLock(config.dataDir);
  try {
    if (existsSync(pgliteDir(config))) {
      if (!replace)
        throw new BackupError(
          `${config.dataDir} bevat al een database. Geef --replace om ze te overschrijven.`,
        );
      rmSync(pgliteDir(config), { recursive: true, force: true });
    }
    const pglite = await PGlite.create(pgliteDir(config), {
      extensions: pgliteExtensions,
      loadDataDir: new Blob([readFileSync(file)]),
    });
    await pglite.close();
  } finally {
    release();
  }
}

/** The names of every table of the database, in order. */
export async function publicTables(db: Kysely<DB>): Promise<string[]> {
  const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  return tables.rows.map((t) => t.name);
}

/**
 * Every table's row count and a checksum of its rows (md5 over the rows as text, in sorted order):
 * the same numbers on two databases mean the same data. For restore drills.
 */
export async function tableChecksums(db: Kysely<DB>): Promise<Map<string, { rows: number; md5: string }>> {
  const result = new Map<string, { rows: number; md5: string }>();
  for (const name of await publicTables(db)) {
    const row = await sql<{ rows: number; md5: string | null }>`SELECT count(*)::int AS rows,
      md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM ${sql.table(name)} AS t`.execute(db);
    result.set(name, { rows: row.rows[0]!.rows, md5: row.rows[0]!.md5 ?? '' });
  }
  return result;
}
