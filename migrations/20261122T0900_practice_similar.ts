import { type Kysely, sql } from 'kysely';

// "Vergelijkbare praktijken" kept per fiche: scoring every published fiche against one took ~35 ms at
// Flanders scale (10,000 fiches), too much for every first view of a fiche. The list is worked out
// when a fiche is first shown and again once a day; a fiche whose matching fields change loses its
// list here, so the next view works it out anew.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE practice_similar (
    practice_id uuid PRIMARY KEY REFERENCES practices (id) ON DELETE CASCADE,
    similar_ids uuid[] NOT NULL,
    computed_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX practice_similar_computed ON practice_similar (computed_at)`.execute(db);
  await sql`
    CREATE FUNCTION practices_forget_similar() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM practice_similar WHERE practice_id = NEW.id;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER practices_similar AFTER UPDATE OF status, title, category, need_codes,
      cooperation_forms, municipality_nis ON practices
    FOR EACH ROW WHEN (
      (OLD.status, OLD.title, OLD.category, OLD.need_codes, OLD.cooperation_forms, OLD.municipality_nis)
      IS DISTINCT FROM
      (NEW.status, NEW.title, NEW.category, NEW.need_codes, NEW.cooperation_forms, NEW.municipality_nis))
    EXECUTE FUNCTION practices_forget_similar()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER practices_similar ON practices`.execute(db);
  await sql`DROP FUNCTION practices_forget_similar()`.execute(db);
  await sql`DROP TABLE practice_similar`.execute(db);
}
