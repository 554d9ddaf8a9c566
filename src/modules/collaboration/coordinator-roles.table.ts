import type { Generated } from 'kysely';

/** Coordinator roles per region or network (ARCHITECTURE §2, Samenwerking). */
export const coordinatorRoleCodes = [
  'rots',
  'learning_network',
  'lop_expert',
  'signal',
  'bridge_contact',
  'network',
] as const;
export type CoordinatorRoleCode = (typeof coordinatorRoleCodes)[number];

export interface CoordinatorRolesTable {
  id: Generated<string>;
  code: CoordinatorRoleCode;
  /** A role belongs to a work region or to a network, never both. */
  region_code: string | null;
  network_id: string | null;
  created_at: Date;
}

export interface CoordinatorRoleHoldersTable {
  id: Generated<string>;
  role_id: string;
  user_id: string;
  organisation_id: string;
  is_deputy: Generated<boolean>;
  show_own_contact: Generated<boolean>;
  started_at: Date;
  ended_at: Date | null;
}
