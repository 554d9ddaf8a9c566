import { type Kysely, sql } from 'kysely';

// Praktijkendatabank: practice fiches with every version kept. A version holds the whole fiche as
// one JSON document (so versions compare field by field and never change once decided); the
// practice row holds the workflow state and, for search and facets, the published version's
// searchable fields. Followers get a mail when a fiche changes; suggestions from visitors are kept.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE practices (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'returned', 'published')),
    owner_organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    published_version_id uuid,
    first_published_at timestamptz,
    last_published_at timestamptz,
    last_reviewed_at timestamptz,
    review_reminded_at timestamptz,
    is_demo boolean NOT NULL DEFAULT false,
    title text NOT NULL DEFAULT '',
    introduction text NOT NULL DEFAULT '',
    category text,
    target_groups text[] NOT NULL DEFAULT '{}',
    need_codes text[] NOT NULL DEFAULT '{}',
    cooperation_forms text[] NOT NULL DEFAULT '{}',
    policy_domains text[] NOT NULL DEFAULT '{}',
    evidence_step text,
    municipality_nis text[] NOT NULL DEFAULT '{}',
    search_body text NOT NULL DEFAULT '',
    search_vector tsvector NOT NULL DEFAULT ''::tsvector,
    search_stems text NOT NULL DEFAULT ''
  )`.execute(db);
  await sql`CREATE TABLE practice_versions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    number integer NOT NULL,
    status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'published', 'superseded')),
    content jsonb NOT NULL,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    submitted_at timestamptz,
    decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
    decided_at timestamptz,
    review_comment text,
    UNIQUE (practice_id, number)
  )`.execute(db);
  await sql`ALTER TABLE practices ADD CONSTRAINT practices_published_version
    FOREIGN KEY (published_version_id) REFERENCES practice_versions (id) DEFERRABLE INITIALLY DEFERRED`.execute(
    db,
  );
  // At most one version in the works per practice.
  await sql`CREATE UNIQUE INDEX practice_versions_open ON practice_versions (practice_id)
    WHERE status IN ('draft', 'submitted', 'returned')`.execute(db);

  await sql`CREATE TABLE practice_followers (
    practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (practice_id, user_id)
  )`.execute(db);
  await sql`CREATE TABLE practice_suggestions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    practice_id uuid NOT NULL REFERENCES practices (id) ON DELETE CASCADE,
    message text NOT NULL,
    email text,
    created_at timestamptz NOT NULL
  )`.execute(db);

  for (const [name, columns, using] of [
    ['practices_search', 'search_vector', 'gin'],
    ['practices_stems', 'search_stems gin_trgm_ops', 'gin'],
    ['practices_needs', 'need_codes', 'gin'],
    ['practices_municipalities', 'municipality_nis', 'gin'],
    ['practices_status', 'status, last_published_at', 'btree'],
    ['practices_owner', 'owner_organisation_id', 'btree'],
  ] as const) {
    await sql`CREATE INDEX ${sql.id(name)} ON practices USING ${sql.raw(using)} (${sql.raw(columns)})`.execute(
      db,
    );
  }

  // The search document, kept by the database on every write: title A, introduction and category
  // B, the rest of the fiche C; and the stems plus the unaccented words as plain text for compounds
  // and typing errors (as in the directory, migration 0800).
  await sql`
    CREATE FUNCTION practices_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.search_vector :=
        setweight(to_tsvector('dutch', brugwerk_unaccent(NEW.title)), 'A') ||
        setweight(to_tsvector('dutch', brugwerk_unaccent(NEW.introduction || ' ' || coalesce(NEW.category, ''))), 'B') ||
        setweight(to_tsvector('dutch', brugwerk_unaccent(NEW.search_body)), 'C');
      NEW.search_stems := array_to_string(tsvector_to_array(NEW.search_vector), ' ') || ' ' ||
        lower(brugwerk_unaccent(NEW.title || ' ' || NEW.introduction || ' ' || coalesce(NEW.category, '') || ' ' || NEW.search_body));
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER practices_search BEFORE INSERT OR UPDATE OF title, introduction, category, search_body
    ON practices FOR EACH ROW EXECUTE FUNCTION practices_search_document()`.execute(db);

  await sql`CREATE TABLE practice_search_words (word text PRIMARY KEY)`.execute(db);
  await sql`CREATE INDEX practice_search_words_trigram ON practice_search_words USING gin (word gin_trgm_ops)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION practices_collect_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      -- Not "UPDATE OF search_stems": the stems are set by the BEFORE trigger, which that misses.
      IF TG_OP = 'UPDATE' AND NEW.search_stems IS NOT DISTINCT FROM OLD.search_stems THEN
        RETURN NULL;
      END IF;
      INSERT INTO practice_search_words (word)
        SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_stems, '[^a-z0-9]+') AS w
        WHERE length(w) BETWEEN 3 AND 40
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER practices_words AFTER INSERT OR UPDATE ON practices
    FOR EACH ROW EXECUTE FUNCTION practices_collect_words()`.execute(db);

  // Search answers are cached per process until this counter moves (as for the directory, 1020).
  await sql`CREATE TABLE practice_state (
    id smallint PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL
  )`.execute(db);
  await sql`INSERT INTO practice_state (id, generation) VALUES (1, 1)`.execute(db);
  await sql`
    CREATE FUNCTION practices_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE practice_state SET generation = generation + 1 WHERE id = 1;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER practices_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON practices
    FOR EACH STATEMENT EXECUTE FUNCTION practices_bump_generation()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE practice_state, practice_search_words, practice_suggestions, practice_followers CASCADE`.execute(
    db,
  );
  await sql`ALTER TABLE practices DROP CONSTRAINT practices_published_version`.execute(db);
  await sql`DROP TABLE practice_versions, practices CASCADE`.execute(db);
  await sql`DROP FUNCTION practices_search_document(), practices_collect_words(), practices_bump_generation()`.execute(
    db,
  );
}
