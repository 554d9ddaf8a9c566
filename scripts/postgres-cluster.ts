// A throw-away PostgreSQL cluster in a temporary directory (or the server in DATABASE_URL), with a
// migrated template database and a non-owner app role. Used by the test runner and the benchmarks.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { postgresProgram } from '../src/platform/db/postgres-programs.ts';
import { grantAppRole } from '../src/platform/db/roles.ts';
import { childProcesses } from './processes.ts';

/** The directory of Debian's newest PostgreSQL server programs, or null when none is installed. */
export function postgresBinDir(): string | null {
  const initdb = postgresProgram('initdb');
  return initdb.startsWith('/') ? dirname(initdb) : null;
}

export interface Cluster {
  adminUrl: string;
  appUrl: string;
  template: string;
  version: string;
  stop(): void;
  /** kill -9 of the postmaster (a throw-away cluster only), and starting it again after. */
  crash(): void;
  restart(): void;
}

/**
 * A throw-away PostgreSQL cluster in a temporary directory, or the server in DATABASE_URL. It runs
 * without fsync for speed unless `durable` (the crash drill needs every commit kept as in production).
 */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<Cluster> {
  const template = 'brugwerk_template';
  let adminUrl = process.env.DATABASE_URL;
  let stop = () => {};
  let crash = (): void => {
    throw new Error('only a throw-away cluster can be crashed');
  };
  let restart = crash;
  if (!adminUrl) {
    const bin = postgresBinDir()!;
    const dir = mkdtempSync(join(tmpdir(), 'brugwerk-pg-'));
    const asPostgres = process.getuid?.() === 0;
    const port = 20000 + Math.floor(Math.random() * 20000);
    const exec = (cmd: string, cmdArgs: string[]) =>
      asPostgres
        ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...cmdArgs], { stdio: 'pipe' })
        : execFileSync(join(bin, cmd), cmdArgs, { stdio: 'pipe' });
    if (asPostgres) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
      chownSync(dir, uid, gid);
    }
    exec('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--locale=C.UTF-8',
    ]);
    const settings = `-p ${port} -k ${dir} -c listen_addresses='' -c max_connections=200`;
    // Throw-away cluster: durability off for speed unless asked for; it never outlives the run.
    const fast = options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const start = () => {
      exec('pg_ctl', ['-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', 'start', '-o', settings + fast]);
    };
    start();
    // The postmaster and every backend at once, as a power cut would; done when all are gone.
    crash = () => {
      const pid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
      const tree = [pid, ...childProcesses(pid)];
      for (const p of tree) process.kill(p, 'SIGKILL');
      while (tree.some((p) => existsSync(`/proc/${p}`))) execFileSync('sleep', ['0.05']);
    };
    restart = start;
    adminUrl = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${port}`;
    stop = () => {
      try {
        exec('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  for (const role of ['brugwerk_app']) {
    await admin.query(
      `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${role} LOGIN; END IF; END $$`,
    );
  }
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  // Migrate the template as the owner, then give the app role only what it may do.
  const ownerUrl = new URL(adminUrl);
  ownerUrl.pathname = `/${template}`;
  const database = await openDatabase({ databaseUrl: ownerUrl.toString() });
  await migrateToLatest(database.db);
  await grantAppRole(database.db, 'brugwerk_app');
  await database.close();
  const appUrl = new URL(adminUrl);
  appUrl.username = 'brugwerk_app';
  return { adminUrl, appUrl: appUrl.toString(), template, version, stop, crash, restart };
}
