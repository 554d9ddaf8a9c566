import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A PostgreSQL program (pg_dump, pg_restore, initdb, …): from Debian's newest installed version that
 * has it (pg_dump must be at least as new as the server), else its bare name, for the PATH.
 */
export function postgresProgram(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', name)))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions[0] ? join(base, versions[0], 'bin', name) : name;
}
