import type { ColumnType, Generated } from 'kysely';

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

export const indicatorAgeGroups = ['under12', '12plus', 'all'] as const;
export const indicatorCombinations = ['sum', 'mean'] as const;

export interface RegionIndicatorsTable {
  code: string;
  name_nl: string;
  name_fr: string | null;
  unit: string;
  /** How values of municipalities that merged in 2025 combine: counts add up, shares average. */
  combine: (typeof indicatorCombinations)[number];
  higher_means_more_need: boolean;
  age_group: (typeof indicatorAgeGroups)[number];
  needs: ColumnType<string[], string[] | undefined, string[]>;
  created_at: Date;
  updated_at: Date;
}

export interface RegionIndicatorValuesTable {
  indicator_code: string;
  year: number;
  nis_code: string;
  value: number;
  source: string;
  imported_at: Date;
}

/** Named sets of municipalities kept by curators. */
export const regionGroupKinds = ['lop', 'learning_network', 'local_network', 'other'] as const;
export type RegionGroupKind = (typeof regionGroupKinds)[number];

export interface RegionGroupsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  kind: RegionGroupKind;
  description: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface RegionGroupMunicipalitiesTable {
  group_id: string;
  nis_code: string;
}
