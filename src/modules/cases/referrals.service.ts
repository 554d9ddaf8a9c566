import type { Kysely } from 'kysely';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import { days } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import { type Actor, type Deps, systemActor } from '../../platform/deps.ts';
import { notFound, refused } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { findServiceById } from '../directory/directory.repository.ts';
import {
  actingOrganisation,
  auditCase,
  auditListed,
  type CaseAccess,
  caseMembers,
  changeCase,
  closeCaseRow,
  insertCase,
  insertMember,
  isClosed,
  memberCandidate,
  readCase,
  seal,
  sealIfGiven,
  unseal,
} from './cases.service.ts';
import type { ReferralStatus } from './cases.table.ts';

/** A one-time consent link is valid this long. */
export const CONSENT_LINK_DAYS = 14;

export interface Identity {
  parentName: string;
  childName: string;
  phone: string;
  email: string;
}

export interface NewReferral {
  organisationId: string;
  serviceId: string;
  needs: string[];
  intensity: number;
  pseudonym: string;
  identity: Identity | null;
  note: string | null;
  consentGivenBy: string;
  consentInformation: string[];
  consentPurpose: string;
  consentFeedbackText: boolean;
  consentMethod: 'conversation' | 'link';
  consentLocale: string;
  checkBackDays: number;
}

/** Which side of a referral a member is on: the school's, or the receiving organisation's handler. */
export const sideOf = (a: CaseAccess) => (a.role === 'handler' ? 'receiver' : 'referrer');
const onReferrerSide = (a: CaseAccess) => sideOf(a) === 'referrer';

/** The referrer's organisation must be theirs; the destination a service from the sociale kaart. */
export async function createReferral(deps: Deps, actor: Actor, user: CurrentUser, input: NewReferral) {
  const organisation = await actingOrganisation(deps, user, input.organisationId);
  const service = await findServiceById(deps.db, input.serviceId);
  if (!service) throw refused('UnknownService', 'cases.referral.unknownService');
  const now = deps.clock.now();
  const link = input.consentMethod === 'link' ? randomToken() : null;
  const created = await deps.db.transaction().execute(async (trx) => {
    const row = await insertCase(trx, deps, actor, {
      kind: 'referral',
      userId: user.id,
      organisation,
      needs: input.needs,
    });
    await trx
      .insertInto('referrals')
      .values({
        case_id: row.id,
        referrer_organisation_id: input.organisationId,
        service_id: service.id,
        service_name: service.name,
        receiving_organisation_id: service.ownerOrganisationId,
        destination_type: service.organizationKind,
        intensity: input.intensity,
        pseudonym_sealed: seal(deps, input.pseudonym),
        identity_sealed: input.identity ? seal(deps, JSON.stringify(input.identity)) : null,
        note_sealed: sealIfGiven(deps, input.note),
        consent_given_by: input.consentGivenBy,
        consent_information: input.consentInformation,
        consent_purpose: input.consentPurpose,
        consent_feedback_text: input.consentFeedbackText,
        consent_method: input.consentMethod,
        consent_link_hash: link ? hashToken(link) : null,
        consent_link_expires_at: link ? new Date(now.getTime() + days(CONSENT_LINK_DAYS)) : null,
        consent_locale: input.consentLocale,
        // Recorded in a conversation: the professional confirms it was given now.
        consent_given_at: input.consentMethod === 'conversation' ? now : null,
        check_back_days: input.checkBackDays,
      })
      .execute();
    return row;
  });
  return { caseId: created.id, reference: created.reference, consentLink: link };
}

// ---- What each side sees -----------------------------------------------------------------------------

export const consentActive = (r: {
  consent_given_at: Date | null;
  consent_withdrawn_at: Date | null;
  consent_refused_at: Date | null;
}) => r.consent_given_at !== null && r.consent_withdrawn_at === null && r.consent_refused_at === null;

const findReferral = (db: Kysely<DB>, caseId: string) =>
  db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('organisations as ro', 'ro.id', 'r.referrer_organisation_id')
    .leftJoin('organisations as rc', 'rc.id', 'r.receiving_organisation_id')
    .selectAll('r')
    .select([
      'c.needs',
      'c.created_at',
      'c.closed_at',
      'c.purge_after',
      'c.parent_reference_sealed',
      'ro.name as referrerOrganisationName',
      'rc.name as receivingOrganisationName',
    ])
    .where('r.case_id', '=', caseId)
    .executeTakeFirstOrThrow();

export type ReferralRow = Awaited<ReturnType<typeof findReferral>>;

/** The check-back is due this many days after consent was given. */
export const checkBackDue = (r: Pick<ReferralRow, 'consent_given_at' | 'check_back_days'>) =>
  r.consent_given_at ? new Date(r.consent_given_at.getTime() + days(r.check_back_days)) : null;

/**
 * A referral as one member may see it. The receiving side sees what the family agreed to share,
 * and nothing once consent is withdrawn; free text travels back to the school only when the
 * family agreed to that.
 */
export async function referralFor(deps: Deps, access: CaseAccess) {
  const r = await findReferral(deps.db, access.caseId);
  const updates = await deps.db
    .selectFrom('referral_updates')
    .selectAll()
    .where('case_id', '=', access.caseId)
    .orderBy('created_at', 'desc')
    .execute();
  const receiver = sideOf(access) === 'receiver';
  const active = consentActive(r);
  const shared = (what: string) => !receiver || (active && r.consent_information.includes(what));
  return {
    id: access.caseId,
    side: sideOf(access),
    role: access.role,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    purgeAfter: r.purge_after,
    serviceName: r.service_name,
    serviceId: r.service_id,
    referrerOrganisationName: r.referrerOrganisationName,
    receivingOrganisationName: r.receivingOrganisationName,
    inApp: r.receiving_organisation_id !== null,
    pseudonym: !receiver || active ? unseal(deps, r.pseudonym_sealed) : null,
    needs: shared('needs') ? r.needs : null,
    note: shared('school_context') ? unseal(deps, r.note_sealed) : null,
    intensity: r.intensity,
    hasIdentity: r.identity_sealed !== null,
    mayRevealIdentity: r.identity_sealed !== null && shared('contact'),
    consent: {
      givenBy: r.consent_given_by,
      information: r.consent_information,
      purpose: r.consent_purpose,
      feedbackText: r.consent_feedback_text,
      method: r.consent_method,
      givenAt: r.consent_given_at,
      refusedAt: r.consent_refused_at,
      withdrawnAt: r.consent_withdrawn_at,
      active,
      linkPending: r.consent_link_hash !== null,
      linkExpiresAt: r.consent_link_expires_at,
    },
    updates: updates.map((u) => ({
      status: u.status,
      waitWeeks: u.wait_weeks,
      reasonCode: u.reason_code,
      message: r.consent_feedback_text ? unseal(deps, u.message_sealed) : null,
      at: u.created_at,
    })),
    checkBackDue: receiver ? null : checkBackDue(r),
    outcome: receiver ? null : r.outcome,
    outcomeNote: receiver ? null : unseal(deps, r.outcome_note_sealed),
    outcomeAt: receiver ? null : r.outcome_at,
    reference: receiver ? null : unseal(deps, r.parent_reference_sealed),
    members: await caseMembers(deps, access.caseId),
  };
}
export type ReferralView = Awaited<ReturnType<typeof referralFor>>;

/** Shows the family's name and contact details: a separate, audited step with its reason. */
export async function revealReferralIdentity(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  reason: string | null,
): Promise<{ access: CaseAccess; identity: Identity }> {
  const access = await readCase(deps, actor, user, caseId, 'referral', 'identity_revealed', reason);
  const r = await findReferral(deps.db, caseId);
  const allowed =
    r.identity_sealed !== null &&
    (sideOf(access) === 'referrer' || (consentActive(r) && r.consent_information.includes('contact')));
  if (!allowed || r.identity_sealed === null) throw refused('NoIdentityToShow', 'cases.identity.none');
  return { access, identity: JSON.parse(unseal(deps, r.identity_sealed)) as Identity };
}

// ---- Consent ------------------------------------------------------------------------------------------

/** Withdrawal stops sharing at once: the receiving side sees nothing more from its next request. */
export async function withdrawConsent(deps: Deps, actor: Actor, user: CurrentUser, caseId: string) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'referral',
    'consent_withdrawn',
    onReferrerSide,
    async (trx) => {
      await trx
        .updateTable('referrals')
        .set({ consent_withdrawn_at: deps.clock.now(), consent_link_hash: null })
        .where('case_id', '=', caseId)
        .where('consent_withdrawn_at', 'is', null)
        .execute();
    },
  );
}

/** The referral behind a one-time consent link, while the link is unused and valid. */
export async function findConsentRequest(deps: Deps, token: string) {
  if (token.length > 100) return undefined;
  return deps.db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .leftJoin('organisations as rc', 'rc.id', 'r.receiving_organisation_id')
    .leftJoin('organisations as ro', 'ro.id', 'r.referrer_organisation_id')
    .select([
      'r.case_id',
      'r.service_name',
      'r.consent_information',
      'r.consent_purpose',
      'r.consent_feedback_text',
      'r.consent_locale',
      'r.consent_link_expires_at',
      'c.needs',
      'c.parent_reference_sealed',
      'rc.name as receivingOrganisationName',
      'ro.name as referrerOrganisationName',
    ])
    .where('r.consent_link_hash', '=', hashToken(token))
    .where('r.consent_link_expires_at', '>', deps.clock.now())
    .executeTakeFirst();
}
export type ConsentRequest = NonNullable<Awaited<ReturnType<typeof findConsentRequest>>>;

const familyActor = (actor: Actor): Actor => ({ ...actor, userId: null, label: 'gezin (toestemmingslink)' });

/** Reading the consent page is a read of the case: audited, with the family as actor; undefined for a used or unknown link. */
export async function readConsentRequest(deps: Deps, actor: Actor, token: string) {
  const request = await findConsentRequest(deps, token);
  if (!request) return undefined;
  await auditCase(deps.db, deps, familyActor(actor), request.case_id, 'consent_page_read');
  return { ...request, reference: unseal(deps, request.parent_reference_sealed ?? '') };
}

/** The family answers through the link, once: the link stops working after. */
export async function answerConsent(deps: Deps, actor: Actor, token: string, agree: boolean) {
  const request = await findConsentRequest(deps, token);
  if (!request) throw notFound();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('referrals')
      .set(
        agree
          ? { consent_given_at: now, consent_link_hash: null }
          : { consent_refused_at: now, consent_link_hash: null },
      )
      .where('case_id', '=', request.case_id)
      .where('consent_link_hash', '=', hashToken(token))
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) === 0) throw notFound();
    await auditCase(
      trx,
      deps,
      familyActor(actor),
      request.case_id,
      agree ? 'consent_given' : 'consent_refused',
    );
  });
}

// ---- The receiving side ------------------------------------------------------------------------------

/**
 * The open referrals to the organisations a user administers, which the family agreed to share:
 * the intake, where their admins pick a handler (`caseId` for one referral).
 */
async function intakeReferrals(
  db: Kysely<DB>,
  user: CurrentUser,
  filter: { caseId?: string; unassigned?: boolean },
) {
  const adminOf = user.memberships.filter((m) => m.role === 'admin').map((m) => m.organisationId);
  if (adminOf.length === 0) return [];
  let q = db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .select([
      'r.case_id',
      'r.service_name',
      'r.receiving_organisation_id',
      'r.consent_given_at',
      'r.consent_withdrawn_at',
      'r.consent_refused_at',
      'c.created_at',
    ])
    .where('r.receiving_organisation_id', 'in', adminOf)
    .where('c.closed_at', 'is', null);
  if (filter.caseId) q = q.where('r.case_id', '=', filter.caseId);
  if (filter.unassigned)
    q = q.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_members as h')
            .select('h.case_id')
            .whereRef('h.case_id', '=', 'r.case_id')
            .where('h.role', '=', 'handler'),
        ),
      ),
    );
  return (await q.orderBy('c.created_at').execute()).filter(consentActive);
}

/**
 * The receiving organisation's admin assigns a handler (a colleague with a second factor, or
 * themself). The handler becomes a case member; the admin does not, and sees no case content.
 */
export async function assignHandler(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  handlerEmail: string,
) {
  const [intake] = await intakeReferrals(deps.db, user, { caseId });
  if (!intake?.receiving_organisation_id) throw notFound();
  const candidate = await memberCandidate(deps.db, handlerEmail);
  const inOrganisation = await deps.db
    .selectFrom('memberships')
    .select('user_id')
    .where('user_id', '=', candidate.userId)
    .where('organisation_id', '=', intake.receiving_organisation_id)
    .executeTakeFirst();
  if (!inOrganisation) throw refused('NotInOrganisation', 'cases.intake.notInOrganisation');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('case_members')
      .where('case_id', '=', caseId)
      .where('role', '=', 'handler')
      .execute();
    await insertMember(trx, deps, caseId, {
      userId: candidate.userId,
      organisationId: intake.receiving_organisation_id,
      role: 'handler',
    });
    await auditCase(trx, deps, actor, caseId, 'handler_assigned');
  });
}

/** The receiving side answers with a status only; a message only when the family agreed to it. */
export async function addReferralUpdate(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  input: {
    status: ReferralStatus;
    waitWeeks: number | null;
    reasonCode: string | null;
    message: string | null;
  },
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'referral',
    'status_set',
    (a) => sideOf(a) === 'receiver' && !isClosed(a),
    async (trx) => {
      const r = await trx
        .selectFrom('referrals')
        .select(['consent_given_at', 'consent_withdrawn_at', 'consent_refused_at', 'consent_feedback_text'])
        .where('case_id', '=', caseId)
        .executeTakeFirstOrThrow();
      if (!consentActive(r)) throw refused('ConsentWithdrawn', 'cases.referral.consentWithdrawn');
      if (input.message && !r.consent_feedback_text)
        throw refused('NoFeedbackConsent', 'cases.status.noFeedbackConsent');
      await trx
        .insertInto('referral_updates')
        .values({
          case_id: caseId,
          status: input.status,
          wait_weeks: input.status === 'waiting_list' ? input.waitWeeks : null,
          reason_code: input.status === 'cannot_share' ? input.reasonCode : null,
          message_sealed: sealIfGiven(deps, input.message),
          created_by: user.id,
          created_at: deps.clock.now(),
        })
        .execute();
    },
  );
}

// ---- Checking back with the family -----------------------------------------------------------------

export async function recordOutcome(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  input: { outcome: string; note: string | null; close: boolean },
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'referral',
    input.close ? 'outcome_recorded_and_closed' : 'outcome_recorded',
    (a) => onReferrerSide(a) && !isClosed(a),
    async (trx) => {
      await trx
        .updateTable('referrals')
        .set({
          outcome: input.outcome,
          outcome_note_sealed: sealIfGiven(deps, input.note),
          outcome_at: deps.clock.now(),
          // A consent request still open ends with the referral: nothing is asked about a closed case.
          ...(input.close ? { consent_link_hash: null } : {}),
        })
        .where('case_id', '=', caseId)
        .execute();
      if (input.close) await closeCaseRow(trx, deps, caseId, 'referral');
    },
  );
}

/**
 * Hourly: a mail to each referrer whose check-back is due, once per referral. The mail names no
 * family, no need and no case: it links to the overview, so nothing of the case outlives its purge.
 */
export async function remindCheckBacks(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('referrals as r')
    .innerJoin('cases as c', 'c.id', 'r.case_id')
    .innerJoin('users as u', 'u.id', 'c.created_by')
    .select(['r.case_id', 'r.consent_given_at', 'r.check_back_days', 'u.email', 'u.disabled_at'])
    .where('c.closed_at', 'is', null)
    .where('r.outcome', 'is', null)
    .where('r.check_back_reminded_at', 'is', null)
    .where('r.consent_given_at', 'is not', null)
    .execute();
  let sent = 0;
  for (const r of due) {
    const at = checkBackDue(r);
    if (!at || at > now || r.disabled_at) continue;
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('referrals')
        .set({ check_back_reminded_at: now })
        .where('case_id', '=', r.case_id)
        .execute();
      await queueMail(trx, deps.clock, {
        to: r.email,
        subject: 'Brugwerk: tijd om na te vragen hoe een doorverwijzing liep',
        text: `Een doorverwijzing die je maakte, wacht op je opvolging: vraag het gezin hoe het liep en noteer het.\n\n${deps.config.publicUrl}/toeleiding\n\nDeze mail noemt bewust geen namen en geen dossier.`,
        purpose: 'case.check_back',
      });
      await auditCase(trx, deps, systemActor('herinnering opvolging'), r.case_id, 'check_back_reminded');
    });
    sent++;
  }
  return sent;
}

// ---- Lists for the day's work ---------------------------------------------------------------------------

/** The referrals a user works on: as referrer, as handler, and the intake of organisations they admin. */
export async function referralOverview(deps: Deps, actor: Actor, user: CurrentUser) {
  const mine = await deps.db
    .selectFrom('case_members as m')
    .innerJoin('referrals as r', 'r.case_id', 'm.case_id')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'r.case_id',
      'm.role',
      'r.service_name',
      'r.pseudonym_sealed',
      'r.consent_given_at',
      'r.consent_withdrawn_at',
      'r.consent_refused_at',
      'r.consent_link_hash',
      'r.check_back_days',
      'r.outcome',
      'c.created_at',
      (eb) =>
        eb
          .selectFrom('referral_updates as u')
          .select('u.status')
          .whereRef('u.case_id', '=', 'r.case_id')
          .orderBy('u.created_at', 'desc')
          .limit(1)
          .as('latestStatus'),
    ])
    .where('m.user_id', '=', user.id)
    .where('c.closed_at', 'is', null)
    .orderBy('c.created_at', 'desc')
    .execute();
  const intake = await intakeReferrals(deps.db, user, { unassigned: true });
  const now = deps.clock.now();
  const view = mine.map((r) => {
    const receiver = r.role === 'handler';
    const active = consentActive(r);
    const due = checkBackDue(r);
    return {
      id: r.case_id,
      side: receiver ? ('receiver' as const) : ('referrer' as const),
      serviceName: r.service_name,
      pseudonym: !receiver || active ? unseal(deps, r.pseudonym_sealed) : null,
      createdAt: r.created_at,
      latestStatus: r.latestStatus ?? null,
      consentActive: active,
      consentPending: r.consent_link_hash !== null,
      consentWithdrawn: r.consent_withdrawn_at !== null,
      checkBackDue: receiver ? null : due,
      waitingForCheckBack: !receiver && r.outcome === null && due !== null && due <= now,
    };
  });
  await auditListed(
    deps,
    actor,
    view.map((r) => r.id),
    'listed',
  );
  await auditListed(
    deps,
    actor,
    intake.map((r) => r.case_id),
    'intake_listed',
  );
  return {
    sent: view.filter((r) => r.side === 'referrer'),
    received: view.filter((r) => r.side === 'receiver'),
    intake: intake.map((r) => ({
      id: r.case_id,
      serviceName: r.service_name,
      createdAt: r.created_at,
      organisationId: r.receiving_organisation_id,
    })),
    handlerCandidates: await handlerCandidates(deps.db, [
      ...new Set(intake.map((r) => r.receiving_organisation_id!)),
    ]),
  };
}

/** The colleagues an intake admin may choose as handler: members of that organisation with a second factor. */
const handlerCandidates = (db: Kysely<DB>, organisationIds: string[]) =>
  organisationIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select(['m.organisation_id as organisationId', 'u.email', 'u.name'])
        .where('m.organisation_id', 'in', organisationIds)
        .where('u.totp_enabled_at', 'is not', null)
        .where('u.disabled_at', 'is', null)
        .orderBy('u.name')
        .execute();
