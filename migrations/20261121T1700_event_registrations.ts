import { type Kysely, sql } from 'kysely';

// Mails about an event registration (confirmation, a seat freed, the reminder) go out in the language
// the person registered in; a waiting list is served strictly in the order people registered (seq), even
// when two registrations carry the same moment.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE event_registrations ADD COLUMN locale text NOT NULL DEFAULT 'nl'
    CHECK (locale IN ('nl', 'fr', 'en'))`.execute(db);
  await sql`ALTER TABLE event_registrations ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY`.execute(db);
  await sql`CREATE INDEX event_registration_workshops_workshop
    ON event_registration_workshops (workshop_id, status, queued_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX event_registration_workshops_workshop`.execute(db);
  await sql`ALTER TABLE event_registrations DROP COLUMN seq`.execute(db);
  await sql`ALTER TABLE event_registrations DROP COLUMN locale`.execute(db);
}
