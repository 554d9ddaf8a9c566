import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provinces')
    .addColumn('nis_code', 'text', (c) => c.primaryKey())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull().check(sql`region in ('VLG', 'WAL', 'BRU')`))
    .execute();
  await db.schema
    .createTable('municipalities')
    .addColumn('nis_code', 'text', (c) => c.primaryKey())
    .addColumn('name_nl', 'text', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_de', 'text')
    .addColumn('region', 'text', (c) => c.notNull().check(sql`region in ('VLG', 'WAL', 'BRU')`))
    .addColumn('province_nis', 'text', (c) => c.references('provinces.nis_code'))
    .addColumn('arrondissement_nis', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision', (c) => c.notNull())
    .addColumn('longitude', 'double precision', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('municipality_mergers')
    .addColumn('old_nis', 'text', (c) => c.primaryKey())
    .addColumn('old_name_nl', 'text', (c) => c.notNull())
    .addColumn('old_name_fr', 'text', (c) => c.notNull())
    .addColumn('new_nis', 'text', (c) => c.notNull().references('municipalities.nis_code'))
    .execute();
  await db.schema
    .createTable('postal_codes')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('locality_name', 'text')
    .addColumn('nis_code', 'text', (c) => c.notNull().references('municipalities.nis_code'))
    .execute();
  await db.schema.createIndex('postal_codes_code').on('postal_codes').column('postal_code').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['postal_codes', 'municipality_mergers', 'municipalities', 'provinces'])
    await db.schema.dropTable(t).execute();
}
