import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { RegionCode } from './regions.table.ts';

export const findProvinces = (db: Kysely<DB>) =>
  db.selectFrom('provinces').selectAll().orderBy('name_nl').execute();

export const findMunicipalities = (
  db: Kysely<DB>,
  filter: { regions?: RegionCode[]; provinceNis?: string | undefined },
) => {
  let q = db.selectFrom('municipalities').selectAll().orderBy('name_nl');
  if (filter.regions?.length) q = q.where('region', 'in', filter.regions);
  if (filter.provinceNis) q = q.where('province_nis', '=', filter.provinceNis);
  return q.execute();
};

export const findMunicipalityByNis = (db: Kysely<DB>, nis: string) =>
  db.selectFrom('municipalities').selectAll().where('nis_code', '=', nis).executeTakeFirst();

export const findMergerByOldNis = (db: Kysely<DB>, oldNis: string) =>
  db.selectFrom('municipality_mergers').selectAll().where('old_nis', '=', oldNis).executeTakeFirst();

export const findMunicipalitiesByPostalCode = (db: Kysely<DB>, postalCode: string) =>
  db
    .selectFrom('postal_codes')
    .innerJoin('municipalities', 'municipalities.nis_code', 'postal_codes.nis_code')
    .select([
      'postal_codes.postal_code',
      'postal_codes.locality_name',
      'municipalities.nis_code',
      'municipalities.name_nl',
      'municipalities.name_fr',
    ])
    .where('postal_codes.postal_code', '=', postalCode)
    .orderBy('postal_codes.locality_name')
    .execute();

export const findFlemishProvinces = (db: Kysely<DB>) =>
  db.selectFrom('provinces').selectAll().where('region', '=', 'VLG').orderBy('name_nl').execute();
