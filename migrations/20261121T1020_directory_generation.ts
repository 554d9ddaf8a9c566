import { type Kysely, sql } from 'kysely';

// A counter that changes with every write to what the directory search reads. Search results are
// cached per process and dropped when the counter moves, so a cached answer is never out of date.
// The indexes search and export need on the links between services, locations and organisations.
// And the words the directory knows, so a misspelt search word is matched to the nearest known
// words (trigram similarity on a short list) instead of to every text.

const searchedTables = [
  'directory_services',
  'directory_organizations',
  'directory_locations',
  'directory_service_at_locations',
  'directory_languages',
  'directory_taxonomy_terms',
];

const indexes: [string, string, string[]][] = [
  ['directory_service_at_locations_service', 'directory_service_at_locations', ['service_id']],
  ['directory_service_at_locations_location', 'directory_service_at_locations', ['location_id']],
  ['directory_locations_organization', 'directory_locations', ['organization_id']],
  ['directory_locations_position', 'directory_locations', ['latitude', 'longitude']],
  ['directory_languages_service', 'directory_languages', ['service_id']],
  ['directory_phones_organization', 'directory_phones', ['organization_id']],
  ['directory_contacts_organization', 'directory_contacts', ['organization_id']],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, table, columns] of indexes)
    await db.schema.createIndex(name).on(table).columns(columns).execute();
  await sql`CREATE TABLE directory_search_words (word text PRIMARY KEY)`.execute(db);
  await sql`CREATE INDEX directory_search_words_trigram ON directory_search_words USING gin (word gin_trgm_ops)`.execute(
    db,
  );
  await sql`
    CREATE FUNCTION directory_services_collect_words() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO directory_search_words (word)
        SELECT DISTINCT w FROM regexp_split_to_table(NEW.search_stems, '[^a-z0-9]+') AS w
        WHERE length(w) BETWEEN 3 AND 40
        ON CONFLICT DO NOTHING;
      RETURN NULL;
    END $$`.execute(db);
  await sql`CREATE TRIGGER directory_services_words AFTER INSERT OR UPDATE OF search_stems ON directory_services
    FOR EACH ROW EXECUTE FUNCTION directory_services_collect_words()`.execute(db);
  await sql`INSERT INTO directory_search_words (word)
    SELECT DISTINCT w FROM directory_services, regexp_split_to_table(search_stems, '[^a-z0-9]+') AS w
    WHERE length(w) BETWEEN 3 AND 40`.execute(db);

  await sql`CREATE TABLE directory_state (
    id smallint PRIMARY KEY CHECK (id = 1),
    generation bigint NOT NULL
  )`.execute(db);
  await sql`INSERT INTO directory_state (id, generation) VALUES (1, 1)`.execute(db);
  await sql`
    CREATE FUNCTION directory_bump_generation() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      UPDATE directory_state SET generation = generation + 1 WHERE id = 1;
      RETURN NULL;
    END $$`.execute(db);
  for (const table of searchedTables) {
    await sql`CREATE TRIGGER ${sql.id(`${table}_generation`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION directory_bump_generation()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [name] of indexes) await db.schema.dropIndex(name).execute();
  for (const table of searchedTables)
    await sql`DROP TRIGGER ${sql.id(`${table}_generation`)} ON ${sql.table(table)}`.execute(db);
  await sql`DROP FUNCTION directory_bump_generation()`.execute(db);
  await sql`DROP TRIGGER directory_services_words ON directory_services`.execute(db);
  await sql`DROP FUNCTION directory_services_collect_words()`.execute(db);
  await sql`DROP TABLE directory_search_words`.execute(db);
  await sql`DROP TABLE directory_state`.execute(db);
}
