import type { Generated } from 'kysely';

export type RegionCode = 'VLG' | 'WAL' | 'BRU';

export interface ProvincesTable {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  region: RegionCode;
}

export interface MunicipalitiesTable {
  nis_code: string;
  name_nl: string;
  name_fr: string;
  name_de: string | null;
  region: RegionCode;
  province_nis: string | null;
  arrondissement_nis: string;
  latitude: number;
  longitude: number;
}

export interface MunicipalityMergersTable {
  old_nis: string;
  old_name_nl: string;
  old_name_fr: string;
  new_nis: string;
}

export interface PostalCodesTable {
  id: Generated<number>;
  postal_code: string;
  locality_name: string | null;
  nis_code: string;
}
