import { type Kysely, sql } from 'kysely';

// Regio's: besides provinces and municipalities, regions are named sets of municipalities (LOP
// regions, learning networks, a Brede School's area …), kept by curators.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE region_groups (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name text NOT NULL,
    kind text NOT NULL CHECK (kind IN ('lop', 'learning_network', 'local_network', 'other')),
    description text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE region_group_municipalities (
    group_id uuid NOT NULL REFERENCES region_groups (id) ON DELETE CASCADE,
    nis_code text NOT NULL REFERENCES municipalities (nis_code),
    PRIMARY KEY (group_id, nis_code)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE region_group_municipalities`.execute(db);
  await sql`DROP TABLE region_groups`.execute(db);
}
