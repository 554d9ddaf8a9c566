import { type Kysely, sql } from 'kysely';

// Samenwerking, first part: coordinator roles per region (ROTS coordinator, signal coordinator …).
// A role is held by one or more people, each with or without the deputy mark; a hand-over ends one
// holding and starts another, so the history stays. Networks come with the collaboration module.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE coordinator_roles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL CHECK (code IN ('rots', 'learning_network', 'lop_expert', 'signal', 'bridge_contact')),
    region_code text NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (code, region_code)
  )`.execute(db);
  await sql`CREATE TABLE coordinator_role_holders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    role_id uuid NOT NULL REFERENCES coordinator_roles (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
    is_deputy boolean NOT NULL DEFAULT false,
    show_own_contact boolean NOT NULL DEFAULT false,
    started_at timestamptz NOT NULL,
    ended_at timestamptz
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX coordinator_role_holders_current
    ON coordinator_role_holders (role_id, user_id) WHERE ended_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE coordinator_role_holders`.execute(db);
  await sql`DROP TABLE coordinator_roles`.execute(db);
}
