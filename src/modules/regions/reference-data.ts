import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RegionCode } from './regions.table.ts';

// Belgian reference data as published in ./data (see ./data/SOURCES.md for provenance and licences).
const dataFile = (name: string) => new URL(`./data/${name}`, import.meta.url);

function readCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(dataFile(name)), { columns: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
}

const field = (row: Record<string, string>, name: string): string => {
  const value = row[name];
  if (value === undefined) throw new Error(`reference data: column ${name} missing`);
  return value;
};
const orNull = (value: string) => (value === '' ? null : value);

async function insertInBatches<T extends keyof DB>(db: Kysely<DB>, table: T, rows: object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    // The rows were built for `table` by the caller; Kysely cannot check that through a generic table name.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + 500) as never)
      .execute();
  }
}

/**
 * Loads provinces, the 565 municipalities (2025), the 2025 mergers and postal codes once.
 * Idempotent: it does nothing when the municipalities are already there.
 */
export async function loadReferenceData(db: Kysely<DB>): Promise<void> {
  const municipalities = readCsv('municipalities.csv');
  const present = await db
    .selectFrom('municipalities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(present.n) === municipalities.length) return;

  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('postal_codes').execute();
    await trx.deleteFrom('municipality_mergers').execute();
    await trx.deleteFrom('municipalities').execute();
    await trx.deleteFrom('provinces').execute();
    await insertInBatches(
      trx,
      'provinces',
      readCsv('provinces.csv').map((r) => ({
        nis_code: field(r, 'nis_code'),
        name_nl: field(r, 'name_nl'),
        name_fr: field(r, 'name_fr'),
        region: field(r, 'region') as RegionCode,
      })),
    );
    await insertInBatches(
      trx,
      'municipalities',
      municipalities.map((r) => ({
        nis_code: field(r, 'nis_code'),
        name_nl: field(r, 'name_nl'),
        name_fr: field(r, 'name_fr'),
        name_de: orNull(field(r, 'name_de')),
        region: field(r, 'region') as RegionCode,
        province_nis: orNull(field(r, 'province_nis')),
        arrondissement_nis: field(r, 'arrondissement_nis'),
        latitude: Number(field(r, 'latitude')),
        longitude: Number(field(r, 'longitude')),
      })),
    );
    await insertInBatches(
      trx,
      'municipality_mergers',
      readCsv('municipality-mergers-2025.csv').map((r) => ({
        old_nis: field(r, 'old_nis'),
        old_name_nl: field(r, 'old_name_nl'),
        old_name_fr: field(r, 'old_name_fr'),
        new_nis: field(r, 'new_nis'),
      })),
    );
    await insertInBatches(
      trx,
      'postal_codes',
      readCsv('postal-codes.csv').map((r) => ({
        postal_code: field(r, 'postal_code'),
        locality_name: orNull(field(r, 'locality_name')),
        nis_code: field(r, 'nis_code'),
      })),
    );
  });
}
