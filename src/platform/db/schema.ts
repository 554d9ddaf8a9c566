// The database as Kysely sees it: one line per table, each typed by the module that owns it.
import type * as accounts from '../../modules/accounts/accounts.table.ts';
import type * as directory from '../../modules/directory/directory.table.ts';
import type * as regions from '../../modules/regions/regions.table.ts';
import type { AuditLogTable } from '../audit/audit.table.ts';
import type { MailOutboxTable } from '../mail/mail.table.ts';

export interface DB {
  audit_log: AuditLogTable;
  mail_outbox: MailOutboxTable;
  provinces: regions.ProvincesTable;
  municipalities: regions.MunicipalitiesTable;
  municipality_mergers: regions.MunicipalityMergersTable;
  postal_codes: regions.PostalCodesTable;
  organisations: accounts.OrganisationsTable;
  users: accounts.UsersTable;
  memberships: accounts.MembershipsTable;
  sessions: accounts.SessionsTable;
  sign_in_throttle: accounts.SignInThrottleTable;
  api_tokens: accounts.ApiTokensTable;
  mfa_recovery_codes: accounts.MfaRecoveryCodesTable;
  mfa_requirements: accounts.MfaRequirementsTable;
  invitations: accounts.InvitationsTable;
  password_resets: accounts.PasswordResetsTable;
  directory_taxonomies: directory.DirectoryTaxonomiesTable;
  directory_taxonomy_terms: directory.DirectoryTaxonomyTermsTable;
  directory_organizations: directory.DirectoryOrganizationsTable;
  directory_locations: directory.DirectoryLocationsTable;
  directory_addresses: directory.DirectoryAddressesTable;
  directory_services: directory.DirectoryServicesTable;
  directory_service_at_locations: directory.DirectoryServiceAtLocationsTable;
  directory_contacts: directory.DirectoryContactsTable;
  directory_contact_schools: directory.DirectoryContactSchoolsTable;
  directory_phones: directory.DirectoryPhonesTable;
  directory_schedules: directory.DirectorySchedulesTable;
  directory_languages: directory.DirectoryLanguagesTable;
  directory_cost_options: directory.DirectoryCostOptionsTable;
  directory_service_areas: directory.DirectoryServiceAreasTable;
  directory_attributes: directory.DirectoryAttributesTable;
  directory_metadata: directory.DirectoryMetadataTable;
  directory_claims: directory.DirectoryClaimsTable;
  directory_state: directory.DirectoryStateTable;
  directory_search_words: { word: string };
  directory_neighbourhood_marks: directory.DirectoryNeighbourhoodMarksTable;
}
