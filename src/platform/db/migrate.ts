import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileMigrationProvider, type Kysely, Migrator, sql } from 'kysely';
import { loadReferenceData } from '../../modules/regions/reference-data.ts';
import type { DB } from './schema.ts';

export const migrationsDir = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Brings the schema to the latest migration, then makes sure the reference data is present. */
export async function migrateToLatest(db: Kysely<DB>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsDir }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  await loadReferenceData(db);
  // Fresh planner statistics: PGlite has no autovacuum, and a planner without statistics picks
  // nested loops that turn a 0.5 s search into 20 s (measured on 20,000 services).
  await sql`ANALYZE`.execute(db);
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
