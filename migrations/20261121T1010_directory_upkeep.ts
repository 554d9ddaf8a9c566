import { type Kysely, sql } from 'kysely';

// Keeping the sociale kaart true: claims of entries by organisations, verification reminders, and
// the Ken je buurt marks a school keeps about the partners around it.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('directory_claims')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('directory_organization_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'uuid', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`status in ('pending', 'approved', 'rejected')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .execute();
  // One open claim per entry and organisation.
  await sql`CREATE UNIQUE INDEX directory_claims_pending ON directory_claims (directory_organization_id, organisation_id)
    WHERE status = 'pending'`.execute(db);

  await sql`ALTER TABLE directory_services ADD COLUMN verification_reminded_at timestamptz`.execute(db);

  await db.schema
    .createTable('directory_neighbourhood_marks')
    .addColumn('school_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('partner_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('working_together', 'not_yet', 'to_contact')`),
    )
    .addColumn('note', 'text')
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('directory_neighbourhood_marks_pk', ['school_id', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('directory_organizations_owner')
    .on('directory_organizations')
    .column('owner_organisation_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('directory_organizations_owner').execute();
  await db.schema.dropTable('directory_neighbourhood_marks').execute();
  await sql`ALTER TABLE directory_services DROP COLUMN verification_reminded_at`.execute(db);
  await db.schema.dropTable('directory_claims').execute();
}
