import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import type { CoordinatorRoleCode } from './coordinator-roles.table.ts';

export interface RoleHolder {
  userId: string;
  organisationId: string;
  isDeputy: boolean;
}

/** Where a role belongs: a work region (NIS code) or a network. */
export type RolePlace = { regionCode: string } | { networkId: string };

const audit = (
  db: Kysely<DB>,
  deps: Deps,
  actor: Actor,
  event: string,
  userId: string,
  details: Record<string, unknown>,
) =>
  recordAudit(db, {
    event,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    correlationId: actor.correlationId,
    subjectType: 'user',
    subjectId: userId,
    details,
    occurredAt: deps.clock.now(),
  });

/** The people holding a role in a region now (deputies included, marked). */
export async function currentRoleHolders(
  deps: Deps,
  code: CoordinatorRoleCode,
  regionCode: string,
): Promise<RoleHolder[]> {
  const rows = await deps.db
    .selectFrom('coordinator_role_holders as h')
    .innerJoin('coordinator_roles as r', 'r.id', 'h.role_id')
    .select(['h.user_id', 'h.organisation_id', 'h.is_deputy'])
    .where('r.code', '=', code)
    .where('r.region_code', '=', regionCode)
    .where('h.ended_at', 'is', null)
    .orderBy('h.is_deputy')
    .orderBy('h.started_at')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, organisationId: r.organisation_id, isDeputy: r.is_deputy }));
}

/** The regions in which a person holds a role now. */
export async function regionsHeldBy(
  deps: Deps,
  userId: string,
  code: CoordinatorRoleCode,
): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('coordinator_role_holders as h')
    .innerJoin('coordinator_roles as r', 'r.id', 'h.role_id')
    .select('r.region_code')
    .where('r.code', '=', code)
    .where('r.region_code', 'is not', null)
    .where('h.user_id', '=', userId)
    .where('h.ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.region_code!);
}

/** The networks a person coordinates now: they hold one of the network's roles (deputies too). */
export async function networksCoordinatedBy(deps: Deps, userId: string): Promise<string[]> {
  const rows = await deps.db
    .selectFrom('coordinator_role_holders as h')
    .innerJoin('coordinator_roles as r', 'r.id', 'h.role_id')
    .select('r.network_id')
    .distinct()
    .where('r.network_id', 'is not', null)
    .where('h.user_id', '=', userId)
    .where('h.ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.network_id!);
}

export interface RoleHolding {
  id: string;
  code: CoordinatorRoleCode;
  userId: string;
  userName: string;
  userEmail: string;
  organisationId: string;
  organisationName: string;
  isDeputy: boolean;
  showOwnContact: boolean;
  startedAt: Date;
  endedAt: Date | null;
}

/** Every holding of the roles of a region or network, current ones first, then the history. */
export async function roleHoldings(deps: Deps, place: RolePlace): Promise<RoleHolding[]> {
  const rows = await deps.db
    .selectFrom('coordinator_role_holders as h')
    .innerJoin('coordinator_roles as r', 'r.id', 'h.role_id')
    .innerJoin('users as u', 'u.id', 'h.user_id')
    .innerJoin('organisations as o', 'o.id', 'h.organisation_id')
    .select([
      'h.id',
      'r.code',
      'h.user_id',
      'u.name as user_name',
      'u.email as user_email',
      'h.organisation_id',
      'o.name as organisation_name',
      'h.is_deputy',
      'h.show_own_contact',
      'h.started_at',
      'h.ended_at',
    ])
    .where(
      'regionCode' in place ? 'r.region_code' : 'r.network_id',
      '=',
      'regionCode' in place ? place.regionCode : place.networkId,
    )
    .orderBy((eb) => eb('h.ended_at', 'is', null), 'desc')
    .orderBy('r.code')
    .orderBy('h.is_deputy')
    .orderBy('h.started_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    userId: r.user_id,
    userName: r.user_name,
    userEmail: r.user_email,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    isDeputy: r.is_deputy,
    showOwnContact: r.show_own_contact,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  }));
}

/**
 * Gives a person a role in a region or network (the role is created on first use). Holding it
 * already changes nothing; a hand-over is `handOverRole`.
 */
export async function assignRole(
  deps: Deps,
  actor: Actor,
  input: RolePlace & {
    code: CoordinatorRoleCode;
    userId: string;
    organisationId: string;
    deputy: boolean;
    showOwnContact?: boolean;
  },
): Promise<void> {
  await deps.db.transaction().execute((trx) => assignRoleIn(trx, deps, actor, input));
}

async function assignRoleIn(
  trx: Kysely<DB>,
  deps: Deps,
  actor: Actor,
  input: Parameters<typeof assignRole>[2],
): Promise<void> {
  const now = deps.clock.now();
  const regionCode = 'regionCode' in input ? input.regionCode : null;
  const networkId = 'networkId' in input ? input.networkId : null;
  const find = () =>
    trx
      .selectFrom('coordinator_roles')
      .select('id')
      .where('code', '=', input.code)
      .where(regionCode ? 'region_code' : 'network_id', '=', (regionCode ?? networkId)!)
      .executeTakeFirst();
  let role = await find();
  if (!role) {
    await trx
      .insertInto('coordinator_roles')
      .values({ code: input.code, region_code: regionCode, network_id: networkId, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    role = await find();
  }
  const added = await trx
    .insertInto('coordinator_role_holders')
    .values({
      role_id: role!.id,
      user_id: input.userId,
      organisation_id: input.organisationId,
      is_deputy: input.deputy,
      show_own_contact: input.showOwnContact ?? false,
      started_at: now,
    })
    .onConflict((oc) => oc.columns(['role_id', 'user_id']).where('ended_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (added)
    await audit(trx, deps, actor, 'coordinator_role.assigned', input.userId, {
      code: input.code,
      region: regionCode,
      network: networkId,
      deputy: input.deputy,
    });
}

/**
 * Moves a holding to another person: the old holding ends now and stays in the history, the new
 * one starts now with the same role and deputy mark.
 */
export async function handOverRole(
  deps: Deps,
  actor: Actor,
  input: { holdingId: string; toUserId: string; toOrganisationId: string; showOwnContact: boolean },
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const holding = await trx
      .selectFrom('coordinator_role_holders as h')
      .innerJoin('coordinator_roles as r', 'r.id', 'h.role_id')
      .select(['h.id', 'h.user_id', 'h.is_deputy', 'r.code', 'r.region_code', 'r.network_id'])
      .where('h.id', '=', input.holdingId)
      .where('h.ended_at', 'is', null)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('coordinator_role_holders')
      .set({ ended_at: deps.clock.now() })
      .where('id', '=', holding.id)
      .execute();
    await audit(trx, deps, actor, 'coordinator_role.handed_over', holding.user_id, {
      code: holding.code,
      to: input.toUserId,
    });
    const place: RolePlace = holding.region_code
      ? { regionCode: holding.region_code }
      : { networkId: holding.network_id! };
    await assignRoleIn(trx, deps, actor, {
      ...place,
      code: holding.code,
      userId: input.toUserId,
      organisationId: input.toOrganisationId,
      deputy: holding.is_deputy,
      showOwnContact: input.showOwnContact,
    });
  });
}

/** Ends a holding (someone leaves the role without a successor); it stays in the history. */
export async function endRoleHolding(deps: Deps, actor: Actor, holdingId: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const ended = await trx
      .updateTable('coordinator_role_holders')
      .set({ ended_at: deps.clock.now() })
      .where('id', '=', holdingId)
      .where('ended_at', 'is', null)
      .returning(['user_id'])
      .executeTakeFirst();
    if (ended) await audit(trx, deps, actor, 'coordinator_role.ended', ended.user_id, { holding: holdingId });
  });
}
