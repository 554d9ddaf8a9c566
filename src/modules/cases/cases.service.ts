import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { decryptSecret, encryptSecret, hashToken } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { forbidden, notFound, refused } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import type { CaseKind, CaseMemberRole } from './cases.table.ts';

// The rules every case follows, referral or consultation (ARCHITECTURE §4, case data):
// membership is the only way in, every read and every write leaves exactly one audit row, every
// free text is sealed with the data key, and a closed case runs a retention clock.

// ---- Sealing: free text of a case is ciphertext in the database ----------------------------------

export const seal = (deps: Deps, text: string) =>
  encryptSecret(text, deps.config.secrets.DATA_ENCRYPTION_KEY);
export const sealIfGiven = (deps: Deps, text: string | null | undefined) => (text ? seal(deps, text) : null);
export function unseal(deps: Deps, sealed: string): string;
export function unseal(deps: Deps, sealed: string | null): string | null;
export function unseal(deps: Deps, sealed: string | null): string | null {
  return sealed === null ? null : decryptSecret(sealed, deps.config.secrets.DATA_ENCRYPTION_KEY);
}

// ---- Audit: one row per read and per write -----------------------------------------------------

export async function auditCase(
  db: Kysely<DB>,
  deps: Deps,
  actor: Actor,
  caseId: string,
  action: string,
  reason?: string | null,
): Promise<void> {
  await db
    .insertInto('case_audit')
    .values(auditRow(deps, actor, caseId, action, reason))
    .execute();
}

function auditRow(deps: Deps, actor: Actor, caseId: string, action: string, reason?: string | null) {
  return {
    case_id: caseId,
    occurred_at: deps.clock.now(),
    actor_user_id: actor.userId,
    actor_label: actor.label ?? null,
    action,
    reason_sealed: sealIfGiven(deps, reason),
    correlation_id: actor.correlationId,
  };
}

/** The audit trail of a case, newest first, as its members see it. */
export async function caseAuditTrail(deps: Deps, caseId: string) {
  const rows = await deps.db
    .selectFrom('case_audit as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.occurred_at', 'a.action', 'a.reason_sealed', 'a.actor_label', 'u.name as actorName'])
    .where('a.case_id', '=', caseId)
    .orderBy('a.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: r.occurred_at,
    action: r.action,
    reason: unseal(deps, r.reason_sealed),
    actor: r.actorName ?? r.actor_label ?? '',
  }));
}

// ---- Membership -----------------------------------------------------------------------------------

export interface CaseAccess {
  caseId: string;
  kind: CaseKind;
  role: CaseMemberRole;
  organisationId: string | null;
  createdAt: Date;
  closedAt: Date | null;
}

async function findAccess(
  db: Kysely<DB>,
  caseId: string,
  kind: CaseKind,
  userId: string,
  lock = false,
): Promise<CaseAccess | undefined> {
  let q = db
    .selectFrom('case_members as m')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select(['c.id', 'c.kind', 'c.created_at', 'c.closed_at', 'm.role', 'm.organisation_id'])
    .where('m.case_id', '=', caseId)
    .where('m.user_id', '=', userId)
    .where('c.kind', '=', kind);
  if (lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row
    ? {
        caseId: row.id,
        kind: row.kind,
        role: row.role,
        organisationId: row.organisation_id,
        createdAt: row.created_at,
        closedAt: row.closed_at,
      }
    : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A member's way into a case, with the audit row of this read. A case that does not exist, is of
 * another kind or of which the user is not a member is "not found", all alike (ARCHITECTURE §4).
 * Membership is read on every request, so a removed member is refused on their very next one.
 */
export async function readCase(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  kind: CaseKind,
  action = 'read',
  reason?: string | null,
): Promise<CaseAccess> {
  if (!UUID.test(caseId)) throw notFound();
  const access = await findAccess(deps.db, caseId, kind, user.id);
  if (!access) throw notFound();
  await auditCase(deps.db, deps, actor, caseId, action, reason);
  return access;
}

/**
 * A change to a case by one of its members: the membership is checked inside the transaction (the
 * case row locked), `allowed` decides on the member's role, and the change and its audit row
 * commit together.
 */
export async function changeCase<T>(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  kind: CaseKind,
  action: string,
  allowed: (access: CaseAccess) => boolean,
  change: (trx: Transaction<DB>, access: CaseAccess) => Promise<T>,
): Promise<T> {
  if (!UUID.test(caseId)) throw notFound();
  return deps.db.transaction().execute(async (trx) => {
    const access = await findAccess(trx, caseId, kind, user.id, true);
    if (!access) throw notFound();
    if (!allowed(access)) throw forbidden();
    const result = await change(trx, access);
    await auditCase(trx, deps, actor, caseId, action);
    return result;
  });
}

/** A rule broken by the input of a case form: 422 with its message, nothing stored. */

export const isClosed = (access: CaseAccess) => access.closedAt !== null;

export async function caseMembers(deps: Deps, caseId: string) {
  return deps.db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.user_id as userId',
      'u.name',
      'o.name as organisationName',
      'm.role',
      'm.added_at as addedAt',
    ])
    .where('m.case_id', '=', caseId)
    .orderBy('m.added_at')
    .execute();
}

/**
 * Only people with a second factor can be case members (the issue: a second factor is mandatory
 * for every account that can be a case member). Returns the user to add, or a refusal.
 */
export async function memberCandidate(db: Kysely<DB>, email: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'totp_enabled_at', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
  if (!user || user.disabled_at) throw refused('UnknownPerson', 'cases.members.unknown');
  if (!user.totp_enabled_at) throw refused('NoSecondFactor', 'cases.members.noSecondFactor');
  const membership = await db
    .selectFrom('memberships')
    .select('organisation_id')
    .where('user_id', '=', user.id)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!membership) throw refused('NotAProfessional', 'cases.members.notAProfessional');
  return { userId: user.id, organisationId: membership.organisation_id };
}

export async function insertMember(
  trx: Kysely<DB>,
  deps: Deps,
  caseId: string,
  member: { userId: string; organisationId: string | null; role: CaseMemberRole },
) {
  await trx
    .insertInto('case_members')
    .values({
      case_id: caseId,
      user_id: member.userId,
      organisation_id: member.organisationId,
      role: member.role,
      added_at: deps.clock.now(),
    })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .execute();
}

/** The creator adds a person (by e-mail address) to the case; they see it from their next request. */
export async function addCaseMember(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  kind: CaseKind,
  email: string,
) {
  const candidate = await memberCandidate(deps.db, email);
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    kind,
    'member_added',
    (a) => mayManageMembers(a) && !isClosed(a),
    (trx) => insertMember(trx, deps, caseId, { ...candidate, role: 'member' }),
  );
}

/** Removing a member takes effect on their very next request: access is read on every request. */
export async function removeCaseMember(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  kind: CaseKind,
  memberUserId: string,
) {
  await changeCase(deps, actor, user, caseId, kind, 'member_removed', mayManageMembers, async (trx) => {
    const removed = await trx
      .deleteFrom('case_members')
      .where('case_id', '=', caseId)
      .where('user_id', '=', memberUserId)
      .where('role', 'in', ['member', 'handler'])
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) throw refused('NotRemovable', 'cases.members.notRemovable');
  });
}

/** Who manages the members of a case: its creator, and for a consultation its coordinator. */
export const mayManageMembers = (a: CaseAccess) => a.role === 'creator' || a.role === 'coordinator';

// ---- Opening a case -------------------------------------------------------------------------------------

/** The organisation a professional acts for must be one of theirs; its municipality goes with the case. */
export async function actingOrganisation(deps: Deps, user: CurrentUser, organisationId: string) {
  if (!user.memberships.some((m) => m.organisationId === organisationId))
    throw refused('NotYourOrganisation', 'cases.referral.notYourOrganisation');
  return deps.db
    .selectFrom('organisations')
    .select(['id', 'municipality_nis'])
    .where('id', '=', organisationId)
    .executeTakeFirstOrThrow();
}

/**
 * The root of a new case, in the transaction that adds its details: the case row with the family's
 * reference, its creator as first member, and the audit row of its creation.
 */
export async function insertCase(
  trx: Kysely<DB>,
  deps: Deps,
  actor: Actor,
  input: {
    kind: CaseKind;
    userId: string;
    organisation: { id: string; municipality_nis: string | null };
    needs: string[];
  },
) {
  const reference = newParentReference(deps);
  const row = await trx
    .insertInto('cases')
    .values({
      kind: input.kind,
      created_by: input.userId,
      created_at: deps.clock.now(),
      municipality_nis: input.organisation.municipality_nis,
      needs: input.needs,
      parent_reference_hash: reference.hash,
      parent_reference_sealed: reference.sealed,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await insertMember(trx, deps, row.id, {
    userId: input.userId,
    organisationId: input.organisation.id,
    role: 'creator',
  });
  await auditCase(trx, deps, actor, row.id, 'created');
  return { id: row.id, reference: reference.code };
}

/** Every case shown in a list is a read of that case: one audit row each, written in one statement. */
export async function auditListed(deps: Deps, actor: Actor, caseIds: string[], action: string) {
  if (caseIds.length === 0) return;
  await deps.db
    .insertInto('case_audit')
    .values(caseIds.map((id) => auditRow(deps, actor, id, action)))
    .execute();
}

// ---- Closing and the retention clock ---------------------------------------------------------------

export function purgeMoment(deps: Deps, kind: CaseKind, closedAt: Date): Date {
  const at = new Date(closedAt);
  at.setUTCMonth(at.getUTCMonth() + deps.config.caseRetentionMonths[kind]);
  return at;
}

export async function closeCaseRow(trx: Kysely<DB>, deps: Deps, caseId: string, kind: CaseKind) {
  const now = deps.clock.now();
  await trx
    .updateTable('cases')
    .set({ closed_at: now, purge_after: purgeMoment(deps, kind, now) })
    .where('id', '=', caseId)
    .where('closed_at', 'is', null)
    .execute();
}

// ---- The family's reference code ------------------------------------------------------------------

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/**
 * A code the family keeps (on the consent page, or from the professional) to ask later to see or
 * erase what is stored about them. Stored hashed for lookup and sealed for the members to read.
 */
function newParentReference(deps: Deps) {
  const raw = Array.from({ length: 12 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join(
    '',
  );
  const code = `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
  return { code, hash: referenceHash(code), sealed: seal(deps, code) };
}

export const referenceHash = (code: string) => hashToken(code.toUpperCase().replace(/[^A-Z0-9]/g, ''));
