import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * Server PostgreSQL: the app runs as a role that does not own the tables. It may read and write
 * every table, but on the audit log only read and append (ARCHITECTURE §4, append-only audit).
 * Run after migrating, as the owner: `npm run cli -- db:grant --role NAME`.
 */
export async function grantAppRole(db: Kysely<DB>, role: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(role)) throw new Error(`invalid role name: ${role}`);
  const r = sql.id(role);
  await sql`GRANT USAGE ON SCHEMA public TO ${r}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${r}`.execute(db);
  await sql`REVOKE ALL ON kysely_migration, kysely_migration_lock FROM ${r}`.execute(db);
}
