import { sql, type Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { days } from '../../platform/clock.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, type Deps } from '../../platform/deps.ts';
import { notFound } from '../../platform/errors.ts';
import { auditCase, type CaseAccess, referenceHash, unseal } from './cases.service.ts';
import type { CaseKind } from './cases.table.ts';
import { consultationFor } from './consultations.service.ts';
import { referralFor } from './referrals.service.ts';

// Retention (the issue: a retention clock on every case, purged completely after it) and the
// family's rights to see and to erase what is stored about them.

/** A link for the family to read what is stored about them is valid this long. */
export const PARENT_VIEW_DAYS = 7;

/**
 * Removes one case completely. Its anonymous remains are counted first (per need: kind, month it
 * was made, municipality, age band, destination type, intensity, outcome); every other row goes with the
 * case through the foreign keys, its audit trail included.
 */
async function removeCase(trx: Kysely<DB>, caseId: string) {
  const c = await trx
    .selectFrom('cases as c')
    .leftJoin('referrals as r', 'r.case_id', 'c.id')
    .leftJoin('consultations as k', 'k.case_id', 'c.id')
    .select([
      'c.kind',
      'c.needs',
      'c.municipality_nis',
      sql<string>`to_char(c.created_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-01')`.as('month'),
      'r.destination_type',
      'r.intensity',
      'r.outcome as referralOutcome',
      'k.outcome as consultationOutcome',
      'k.age_band',
    ])
    .where('c.id', '=', caseId)
    .forUpdate('c')
    .executeTakeFirst();
  if (!c) return false;
  for (const need of c.needs.length ? c.needs : ['']) {
    await trx
      .insertInto('case_statistics')
      .values({
        kind: c.kind,
        month: c.month,
        municipality_nis: c.municipality_nis ?? '',
        need,
        age_band: c.age_band ?? '',
        destination_type: c.destination_type ?? '',
        intensity: c.intensity ?? 0,
        outcome: c.referralOutcome ?? c.consultationOutcome ?? '',
        count: 1,
      })
      .onConflict((oc) =>
        oc
          .columns([
            'kind',
            'month',
            'municipality_nis',
            'need',
            'age_band',
            'destination_type',
            'intensity',
            'outcome',
          ])
          .doUpdateSet({ count: sql`case_statistics.count + 1` }),
      )
      .execute();
  }
  await trx.deleteFrom('cases').where('id', '=', caseId).execute();
  return true;
}

/**
 * The scheduled purge: every case whose retention ran out is removed. The platform audit log gets
 * one row with the number, never the cases' ids.
 */
export async function purgeExpiredCases(deps: Deps, actor: Actor): Promise<number> {
  const now = deps.clock.now();
  const expired = await deps.db.selectFrom('cases').select('id').where('purge_after', '<=', now).execute();
  let purged = 0;
  for (const { id } of expired)
    if (await deps.db.transaction().execute((trx) => removeCase(trx, id))) purged++;
  if (purged > 0)
    await recordAudit(deps.db, {
      event: 'cases.purged',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      correlationId: actor.correlationId,
      details: { count: purged },
      occurredAt: now,
    });
  return purged;
}

// ---- The family's requests, served by a platform admin who never reads the case --------------------

async function caseByReference(deps: Deps, reference: string) {
  const hash = referenceHash(reference);
  return deps.db
    .selectFrom('cases')
    .select(['id', 'kind'])
    .where('parent_reference_hash', '=', hash)
    .executeTakeFirst();
}

/**
 * A request to see: the admin gets a link for the family (valid {@link PARENT_VIEW_DAYS} days), and
 * sees nothing of the case. Unknown references are "not found".
 */
export async function createParentViewLink(deps: Deps, actor: Actor, reference: string): Promise<string> {
  const found = await caseByReference(deps, reference);
  if (!found) throw notFound();
  const token = randomToken();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cases')
      .set({
        parent_view_hash: hashToken(token),
        parent_view_expires_at: new Date(now.getTime() + days(PARENT_VIEW_DAYS)),
      })
      .where('id', '=', found.id)
      .execute();
    await auditCase(trx, deps, actor, found.id, 'parent_view_link_created');
    await recordAudit(trx, {
      event: 'case.parent_view_link_created',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      details: { kind: found.kind },
      occurredAt: now,
    });
  });
  return `${deps.config.publicUrl}/inzage/${token}`;
}

/** A request to erase: the case goes now, as in the purge (only anonymous counts stay). */
export async function eraseOnParentRequest(deps: Deps, actor: Actor, reference: string): Promise<void> {
  const found = await caseByReference(deps, reference);
  if (!found) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await removeCase(trx, found.id);
    await recordAudit(trx, {
      event: 'case.erased_on_request',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      details: { kind: found.kind },
      occurredAt: deps.clock.now(),
    });
  });
}

/** What the family reads through their link: the whole case as its creator sees it, identity included. */
export async function readParentView(deps: Deps, actor: Actor, token: string) {
  if (token.length > 100) throw notFound();
  const c = await deps.db
    .selectFrom('cases')
    .select(['id', 'kind', 'created_at', 'closed_at'])
    .where('parent_view_hash', '=', hashToken(token))
    .where('parent_view_expires_at', '>', deps.clock.now())
    .executeTakeFirst();
  if (!c) throw notFound();
  await auditCase(
    deps.db,
    deps,
    { ...actor, userId: null, label: 'gezin (inzagelink)' },
    c.id,
    'parent_view_read',
  );
  const access: CaseAccess = {
    caseId: c.id,
    kind: c.kind as CaseKind,
    role: 'creator',
    organisationId: null,
    createdAt: c.created_at,
    closedAt: c.closed_at,
  };
  const identity = await deps.db
    .selectFrom('cases as c')
    .leftJoin('referrals as r', 'r.case_id', 'c.id')
    .leftJoin('consultations as k', 'k.case_id', 'c.id')
    .select(['r.identity_sealed as referralIdentity', 'k.identity_sealed as consultationIdentity'])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const sealedIdentity = identity.referralIdentity ?? identity.consultationIdentity;
  return c.kind === 'referral'
    ? {
        kind: 'referral' as const,
        referral: await referralFor(deps, access),
        identity: unseal(deps, sealedIdentity),
      }
    : {
        kind: 'consultation' as const,
        consultation: await consultationFor(deps, access),
        identity: unseal(deps, sealedIdentity),
      };
}
