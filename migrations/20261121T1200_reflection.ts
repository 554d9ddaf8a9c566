import { type Kysely, sql } from 'kysely';
import { reflectionSets2026 } from './data/reflection-sets-2026.ts';

// Reflectie: question sets (one per audience, every version kept so a session keeps the wording it
// was answered in), team sessions with a join code, and anonymous answers. Answers carry no
// participant, no time and no order of arrival: the only link from a browser to a session is a
// hash in reflection_participations, so nobody can tell who answered what (ARCHITECTURE §4).

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE reflection_sets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    audience text NOT NULL UNIQUE CHECK (audience IN ('school', 'welfare', 'local_government', 'bridge_service')),
    current_version_id uuid,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE reflection_set_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    set_id uuid NOT NULL REFERENCES reflection_sets (id) ON DELETE CASCADE,
    number integer NOT NULL,
    content jsonb NOT NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (set_id, number)
  )`.execute(db);
  await sql`ALTER TABLE reflection_sets ADD CONSTRAINT reflection_sets_current_version
    FOREIGN KEY (current_version_id) REFERENCES reflection_set_versions (id) DEFERRABLE INITIALLY DEFERRED`.execute(
    db,
  );

  await sql`CREATE TABLE reflection_sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    set_version_id uuid NOT NULL REFERENCES reflection_set_versions (id),
    code text NOT NULL UNIQUE,
    facilitator_id uuid REFERENCES users (id) ON DELETE SET NULL,
    organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    team text NOT NULL,
    school_year text NOT NULL,
    dimensions text[] NOT NULL DEFAULT '{}',
    location_entry_id uuid REFERENCES directory_organizations (id) ON DELETE SET NULL,
    partners jsonb NOT NULL DEFAULT '[]',
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
    results_shared boolean NOT NULL DEFAULT false,
    previous_session_id uuid REFERENCES reflection_sessions (id) ON DELETE SET NULL,
    notes text NOT NULL DEFAULT '',
    is_demo boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL,
    closed_at timestamptz
  )`.execute(db);
  await sql`CREATE INDEX reflection_sessions_facilitator ON reflection_sessions (facilitator_id, created_at)`.execute(
    db,
  );
  await sql`CREATE TABLE reflection_participations (
    session_id uuid NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    browser_hash text NOT NULL,
    PRIMARY KEY (session_id, browser_hash)
  )`.execute(db);
  await sql`CREATE TABLE reflection_answers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    exercise_id text NOT NULL,
    scale smallint CHECK (scale BETWEEN 1 AND 5),
    choice text,
    partner_id uuid,
    text text
  )`.execute(db);
  await sql`CREATE INDEX reflection_answers_session ON reflection_answers (session_id, exercise_id)`.execute(
    db,
  );
  await sql`CREATE TABLE reflection_actions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_id uuid NOT NULL REFERENCES reflection_sessions (id) ON DELETE CASCADE,
    description text NOT NULL,
    owner text NOT NULL,
    due_on date,
    done_at timestamptz,
    created_at timestamptz NOT NULL
  )`.execute(db);

  for (const set of reflectionSets2026) {
    const { rows } = await sql<{ id: string }>`INSERT INTO reflection_sets (audience, created_at)
      VALUES (${set.audience}, now()) RETURNING id`.execute(db);
    const setId = rows[0]!.id;
    await sql`INSERT INTO reflection_set_versions (set_id, number, content, created_at)
      VALUES (${setId}, 1, ${JSON.stringify(set.content)}::jsonb, now())`.execute(db);
    await sql`UPDATE reflection_sets SET current_version_id =
      (SELECT id FROM reflection_set_versions WHERE set_id = ${setId}) WHERE id = ${setId}`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE reflection_actions, reflection_answers, reflection_participations, reflection_sessions,
    reflection_set_versions, reflection_sets CASCADE`.execute(db);
}
