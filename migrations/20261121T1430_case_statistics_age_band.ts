import { type Kysely, sql } from 'kysely';

// The region picture splits demand into under-12 and 12-plus: a consultation's age band now
// survives the purge in the anonymous counts (referrals carry no age band: '').

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE case_statistics ADD COLUMN age_band text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE case_statistics DROP CONSTRAINT case_statistics_pkey`.execute(db);
  await sql`ALTER TABLE case_statistics ADD PRIMARY KEY
    (kind, month, municipality_nis, need, age_band, destination_type, intensity, outcome)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM case_statistics WHERE age_band <> ''`.execute(db);
  await sql`ALTER TABLE case_statistics DROP CONSTRAINT case_statistics_pkey`.execute(db);
  await sql`ALTER TABLE case_statistics DROP COLUMN age_band`.execute(db);
  await sql`ALTER TABLE case_statistics ADD PRIMARY KEY
    (kind, month, municipality_nis, need, destination_type, intensity, outcome)`.execute(db);
}
