import type { OrganisationRole, PlatformRole } from '../../modules/accounts/accounts.table.ts';
import { notFound } from '../errors.ts';

/**
 * Every route declares one of these. `public` is open to all; the others are `resource:action`
 * strings granted to roles below. Deny by default: a permission nobody is granted is refused.
 */
export const permissions = {
  'account:manage-own': ['authenticated'],
  'organisation:read-members': ['member', 'platform-admin'],
  'organisation:manage-members': ['admin', 'platform-admin'],
  'user:manage': ['platform-admin'],
  'organisation:create': ['platform-admin'],
  'mailbox:read': ['platform-admin'],
  'audit:read': ['platform-admin'],
  // Sociale kaart: owners edit through their organisation role, curators everything.
  'directory:edit': ['editor', 'curator'],
  'directory:claim': ['admin'],
  'directory:review-claims': ['curator'],
  'directory:neighbourhood': ['member'],
  // Praktijkendatabank: every signed-in professional writes fiches; makers and the editors of the
  // owning organisation change them (object level); only curators publish.
  'practice:write': ['authenticated'],
  'practice:edit': ['editor'],
  'practice:review': ['curator'],
  // Reflectie: members of an organisation facilitate sessions for their teams (object level: only
  // the facilitator sees a session); curators keep the question sets.
  'reflection:facilitate': ['member'],
  'reflection:edit-sets': ['curator'],
  // Toeleiding en casusoverleg: professionals of an organisation work on cases; who sees which
  // case is membership of that case alone (object level). Platform admins serve the families'
  // requests to see or erase, without reading cases.
  'case:work': ['member'],
  'case:serve-family-requests': ['platform-admin'],
  // Signalen: every signed-in professional passes signals on and follows their own; who handles
  // which signals is the signal coordinator role of their region (object level).
  'signal:raise': ['authenticated'],
  'signal:coordinate': ['authenticated'],
  // Samenwerking: a collaboration is seen by its partners' members (object level) and changed and
  // accepted by their admins; an organisation's admin starts a network, whose coordinators (a
  // coordinator role of that network, object level) run it.
  'collaboration:manage': ['admin'],
  'network:create': ['admin'],
  'network:coordinate': ['authenticated'],
  // Regio's: curators keep the regions (sets of municipalities) and import indicators.
  'region:curate': ['curator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

/** Permissions whose holders must have a second factor to use them (case data: ARCHITECTURE §4). */
export const secondFactorPermissions: ReadonlySet<Permission> = new Set([
  'case:work',
  'case:serve-family-requests',
]);
export type RoutePermission = 'public' | Permission;
export type Role = 'authenticated' | OrganisationRole | PlatformRole;

// A higher organisation role includes the lower ones.
const impliedRoles: Record<OrganisationRole, OrganisationRole[]> = {
  member: ['member'],
  editor: ['member', 'editor'],
  admin: ['member', 'editor', 'admin'],
};

export interface Principal {
  id: string;
  platformRoles: readonly PlatformRole[];
  memberships: readonly { organisationId: string; role: OrganisationRole }[];
}

export function isPermission(value: unknown): value is RoutePermission {
  return value === 'public' || (typeof value === 'string' && value in permissions);
}

function granted(permission: Permission, roles: Iterable<Role>): boolean {
  const allowed: readonly Role[] = permissions[permission];
  for (const role of roles) if (allowed.includes(role)) return true;
  return false;
}

/** Route level: does the principal hold the permission anywhere (in any organisation)? */
export function canAnywhere(principal: Principal | null, permission: RoutePermission): boolean {
  if (permission === 'public') return true;
  if (!principal) return false;
  const roles: Role[] = ['authenticated', ...principal.platformRoles];
  for (const m of principal.memberships) roles.push(...impliedRoles[m.role]);
  return granted(permission, roles);
}

/** Object level: does the principal hold the permission for this organisation? */
export function canInOrganisation(
  principal: Principal | null,
  permission: Permission,
  organisationId: string,
): boolean {
  if (!principal) return false;
  const roles: Role[] = ['authenticated', ...principal.platformRoles];
  for (const m of principal.memberships)
    if (m.organisationId === organisationId) roles.push(...impliedRoles[m.role]);
  return granted(permission, roles);
}

/**
 * The one object-level check: returns the object when allowed, and throws "not found" both when
 * it does not exist and when the principal may not see it, so ids cannot be probed.
 */
export function authorizeObject<T>(object: T | undefined | null, allowed: (object: T) => boolean): T {
  if (object === undefined || object === null || !allowed(object)) throw notFound();
  return object;
}
