import type { ColumnType, Generated } from 'kysely';

// Tables of the directory, named after Open Referral HSDS 3.0 with a `directory_` prefix.

type Id = Generated<string>;
type TextList = ColumnType<string[], string[] | undefined, string[]>;

export interface DirectoryTaxonomiesTable {
  id: Id;
  name: string;
  description: string;
  uri: string | null;
  version: string | null;
}

export interface DirectoryTaxonomyTermsTable {
  id: Id;
  taxonomy_id: string | null;
  code: string | null;
  name: string;
  description: string;
  parent_id: string | null;
  language: Generated<string>;
  term_uri: string | null;
}

export interface DirectoryOrganizationsTable {
  id: Id;
  name: string;
  alternate_name: string | null;
  description: string;
  email: string | null;
  website: string | null;
  kind: string;
  welfare_cluster: number | null;
  education_mandate: Generated<boolean>;
  municipality_nis: string | null;
  owner_organisation_id: string | null;
  school_institution_number: string | null;
  school_network: string | null;
  school_levels: TextList;
  lop_region: string | null;
  partner_clb_id: string | null;
  is_demo: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
  last_verified_at: Date | null;
  last_verified_by: string | null;
}

export interface DirectoryLocationsTable {
  id: Id;
  organization_id: string | null;
  location_type: 'physical' | 'postal' | 'virtual';
  name: string | null;
  description: string | null;
  transportation: string | null;
  latitude: number | null;
  longitude: number | null;
  municipality_nis: string | null;
}

export interface DirectoryAddressesTable {
  id: Id;
  location_id: string;
  address_1: string;
  address_2: string | null;
  city: string;
  region: string | null;
  state_province: string;
  postal_code: string;
  country: Generated<string>;
  address_type: Generated<string>;
}

export type ServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';
export type CapacityState = 'available' | 'waiting_list' | 'full';

export interface ServiceTranslation {
  name?: string;
  description?: string;
  plain_what_to_ask?: string;
  plain_cost?: string;
  plain_how_to_get_there?: string;
}

export interface DirectoryServicesTable {
  id: Id;
  organization_id: string;
  name: string;
  alternate_name: string | null;
  description: string;
  url: string | null;
  email: string | null;
  status: ServiceStatus;
  application_process: string | null;
  fees_description: string | null;
  eligibility_description: string | null;
  minimum_age: number | null;
  maximum_age: number | null;
  alert: string | null;
  audiences: TextList;
  age_bands: TextList;
  school_levels: TextList;
  referral_methods: TextList;
  need_codes: TextList;
  is_school_external_offer: Generated<boolean>;
  free_of_charge: Generated<boolean>;
  capacity_state: Generated<CapacityState>;
  expected_wait_weeks: number | null;
  plain_what_to_ask: string | null;
  plain_cost: string | null;
  plain_how_to_get_there: string | null;
  translations: ColumnType<Partial<Record<'fr' | 'en', ServiceTranslation>>, string | undefined, string>;
  search_vector: ColumnType<string, never, never>;
  search_stems: ColumnType<string, never, never>;
  is_demo: Generated<boolean>;
  created_at: Date;
  updated_at: Date;
  last_verified_at: Date | null;
  last_verified_by: string | null;
  verification_reminded_at: Generated<Date | null>;
}

export interface DirectoryServiceAtLocationsTable {
  id: Id;
  service_id: string;
  location_id: string;
  description: string | null;
}

export interface DirectoryContactsTable {
  id: Id;
  organization_id: string;
  service_id: string | null;
  name: string | null;
  title: string;
  department: string | null;
  email: string | null;
  direct_phone: string | null;
  presence: string | null;
}

export interface DirectoryContactSchoolsTable {
  contact_id: string;
  school_id: string;
}

export interface DirectoryPhonesTable {
  id: Id;
  organization_id: string | null;
  service_id: string | null;
  location_id: string | null;
  number: string;
  extension: string | null;
  type: string | null;
  description: string | null;
}

export interface DirectorySchedulesTable {
  id: Id;
  service_id: string | null;
  location_id: string | null;
  contact_id: string | null;
  freq: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
  description: string | null;
  attending_type: string | null;
}

export interface DirectoryLanguagesTable {
  id: Id;
  service_id: string | null;
  location_id: string | null;
  name: string;
  code: string;
  note: string | null;
}

export interface DirectoryCostOptionsTable {
  id: Id;
  service_id: string;
  option: string | null;
  amount: string | null;
  currency: Generated<string>;
  amount_description: string | null;
}

export interface DirectoryServiceAreasTable {
  id: Id;
  service_id: string;
  name: string;
  description: string | null;
  municipality_nis: string | null;
}

export interface DirectoryAttributesTable {
  id: Id;
  link_id: string;
  link_type: string;
  link_entity: string;
  taxonomy_term_id: string;
  value: string | null;
}

export interface DirectoryMetadataTable {
  id: Id;
  resource_id: string;
  resource_type: string;
  last_action_date: Date;
  last_action_type: string;
  field_name: string;
  previous_value: string;
  replacement_value: string;
  updated_by: string;
}

export type ClaimStatus = 'pending' | 'approved' | 'rejected';

/** An organisation (account) asking to own a directory entry; a curator decides. */
export interface DirectoryClaimsTable {
  id: Id;
  directory_organization_id: string;
  organisation_id: string;
  requested_by: string | null;
  requested_at: Date;
  status: Generated<ClaimStatus>;
  decided_by: string | null;
  decided_at: Date | null;
}

export const neighbourhoodStatuses = ['working_together', 'not_yet', 'to_contact'] as const;
export type NeighbourhoodStatus = (typeof neighbourhoodStatuses)[number];

/** Ken je buurt: how a school stands with a partner around it. Only the school's members see it. */
export interface DirectoryNeighbourhoodMarksTable {
  school_id: string;
  partner_id: string;
  status: NeighbourhoodStatus;
  note: string | null;
  updated_by: string | null;
  updated_at: Date;
}

/** One row: a counter moved by every write to what directory search reads (search cache). */
export interface DirectoryStateTable {
  id: number;
  generation: ColumnType<string, never, never>;
}
