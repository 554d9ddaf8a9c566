import type { OrganisationRole, PlatformRole } from '../../modules/accounts/accounts.table.ts';
import type { Principal } from '../authz/permissions.ts';

/** The signed-in user as routes and views see them. */
export interface CurrentUser extends Principal {
  id: string;
  email: string;
  name: string;
  platformRoles: PlatformRole[];
  memberships: { organisationId: string; slug: string; organisationName: string; role: OrganisationRole }[];
  secondFactorEnabled: boolean;
  secondFactorRequired: boolean;
  via: 'session' | 'token';
}
