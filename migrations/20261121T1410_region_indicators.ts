import { type Kysely, sql } from 'kysely';

// Regio's, first part of the region analysis: indicators per municipality (a child poverty index,
// the share of pupils with an education-equity indicator …) that curators import from CSV files.
// - An indicator says what it measures (unit), which needs and age group it speaks to (for the gap
//   analysis) and how values of municipalities that merged in 2025 combine (sum for counts, mean
//   for shares and indices).
// - Values are per indicator, year and 2025 municipality; each carries its source.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE region_indicators (
    code text PRIMARY KEY CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name_nl text NOT NULL,
    name_fr text,
    unit text NOT NULL,
    combine text NOT NULL CHECK (combine IN ('sum', 'mean')),
    higher_means_more_need boolean NOT NULL DEFAULT true,
    age_group text NOT NULL DEFAULT 'all' CHECK (age_group IN ('under12', '12plus', 'all')),
    needs text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE region_indicator_values (
    indicator_code text NOT NULL REFERENCES region_indicators (code) ON DELETE CASCADE,
    year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    nis_code text NOT NULL REFERENCES municipalities (nis_code),
    value double precision NOT NULL,
    source text NOT NULL,
    imported_at timestamptz NOT NULL,
    PRIMARY KEY (indicator_code, year, nis_code)
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE region_indicator_values`.execute(db);
  await sql`DROP TABLE region_indicators`.execute(db);
}
