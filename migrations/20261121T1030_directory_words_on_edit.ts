import { type Kysely, sql } from 'kysely';

// The directory's known words (migration 1020) were collected on "UPDATE OF search_stems", but the
// stems are set by a BEFORE trigger, which such a trigger does not see: words of edited services
// were never collected. Collect on every insert and update whose stems changed, and catch up.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER directory_services_words ON directory_services`.execute(db);
  await sql`CREATE TRIGGER directory_services_words AFTER INSERT OR UPDATE ON directory_services
    FOR EACH ROW EXECUTE FUNCTION directory_services_collect_words()`.execute(db);
  await sql`INSERT INTO directory_search_words (word)
    SELECT DISTINCT w FROM directory_services, regexp_split_to_table(search_stems, '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 3 AND 40
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER directory_services_words ON directory_services`.execute(db);
  await sql`CREATE TRIGGER directory_services_words AFTER INSERT OR UPDATE OF search_stems ON directory_services
    FOR EACH ROW EXECUTE FUNCTION directory_services_collect_words()`.execute(db);
}
