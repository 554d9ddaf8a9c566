import type { ColumnType, Generated } from 'kysely';

export type OrganisationRole = 'member' | 'editor' | 'admin';
export type PlatformRole = 'platform-admin' | 'curator';

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  type: string;
  municipality_nis: string | null;
  is_demo: Generated<boolean>;
  created_at: Date;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  platform_roles: ColumnType<PlatformRole[], PlatformRole[] | undefined, PlatformRole[]>;
  totp_secret_encrypted: string | null;
  totp_enabled_at: Date | null;
  /** The last TOTP time step accepted: a code is never accepted twice (ASVS 2.8.4). */
  totp_last_step: number | null;
  locale: string | null;
  is_demo: Generated<boolean>;
  created_at: Date;
  disabled_at: Date | null;
}

export interface MembershipsTable {
  user_id: string;
  organisation_id: string;
  role: OrganisationRole;
  created_at: Date;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: Date;
  last_seen_at: Date;
  mfa_passed: boolean;
  second_factor_failures: Generated<number>;
}

export interface SignInThrottleTable {
  email_key: string;
  failures: number;
  last_failure_at: Date;
  locked_until: Date | null;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface MfaRecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Date | null;
}

export interface MfaRequirementsTable {
  id: Generated<string>;
  organisation_id: string | null;
  role: OrganisationRole | PlatformRole;
  created_at: Date;
}

export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  email: string;
  organisation_id: string;
  role: OrganisationRole;
  invited_by: string | null;
  created_at: Date;
  expires_at: Date;
  accepted_at: Date | null;
}

export interface PasswordResetsTable {
  token_hash: string;
  user_id: string;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}
