import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import type { CoordinatorRoleCode } from './coordinator-roles.table.ts';

export interface RoleHolder {
  userId: string;
  organisationId: string;
  isDeputy: boolean;
}

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
    .where('h.user_id', '=', userId)
    .where('h.ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.region_code);
}

/**
 * Gives a person a role in a region (the role is created on first use). Holding it already
 * changes nothing; a hand-over is `endRoleHolding` for one and this for the other.
 */
export async function assignRole(
  deps: Deps,
  actor: Actor,
  input: {
    code: CoordinatorRoleCode;
    regionCode: string;
    userId: string;
    organisationId: string;
    deputy: boolean;
  },
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('coordinator_roles')
      .values({ code: input.code, region_code: input.regionCode, created_at: now })
      .onConflict((oc) => oc.columns(['code', 'region_code']).doNothing())
      .execute();
    const role = await trx
      .selectFrom('coordinator_roles')
      .select('id')
      .where('code', '=', input.code)
      .where('region_code', '=', input.regionCode)
      .executeTakeFirstOrThrow();
    const added = await trx
      .insertInto('coordinator_role_holders')
      .values({
        role_id: role.id,
        user_id: input.userId,
        organisation_id: input.organisationId,
        is_deputy: input.deputy,
        started_at: now,
      })
      .onConflict((oc) => oc.columns(['role_id', 'user_id']).where('ended_at', 'is', null).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (added)
      await recordAudit(trx, {
        event: 'coordinator_role.assigned',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        correlationId: actor.correlationId,
        subjectType: 'user',
        subjectId: input.userId,
        details: { code: input.code, region: input.regionCode, deputy: input.deputy },
        occurredAt: now,
      });
  });
}
