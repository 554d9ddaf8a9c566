import type { Kysely, Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { canInOrganisation } from '../../platform/authz/permissions.ts';
import { brusselsDay, days } from '../../platform/clock.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { refused } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import type { CooperationForm, NeedCode } from '../../platform/vocabularies.ts';
import type {
  AgreementKind,
  CollaborationLevel,
  CollaborationsTable,
  CollaborationStatus,
  Commitment,
  Intensity,
} from './collaboration.table.ts';

// ---- Who sees and changes a collaboration ------------------------------------------------------------

export interface Partner {
  organisationId: string;
  name: string;
  municipalityNis: string | null;
  publicConsentAt: Date | null;
}

export interface Collaboration {
  id: string;
  title: string;
  description: string;
  forms: CooperationForm[];
  intensity: Intensity;
  initiatorOrganisationId: string | null;
  needs: NeedCode[];
  level: CollaborationLevel;
  municipalityNis: string | null;
  place: string | null;
  startsOn: string;
  endsOn: string | null;
  status: CollaborationStatus;
  networkId: string | null;
  partners: Partner[];
  /** Every partner agreed to show it publicly. */
  isPublic: boolean;
  updatedAt: Date;
}

const isMemberOf = (user: CurrentUser | null, organisationId: string) =>
  Boolean(user?.memberships.some((m) => m.organisationId === organisationId));
const isAdminOf = (user: CurrentUser | null, organisationId: string) =>
  canInOrganisation(user, 'collaboration:manage', organisationId);
/** The organisations a user is admin of: those they may register a collaboration or start a network for. */
export const organisationsAdministeredBy = (user: CurrentUser) =>
  user.memberships
    .filter((m) => isAdminOf(user, m.organisationId))
    .map((m) => ({ id: m.organisationId, name: m.organisationName }));

/** Members of a partner see a collaboration; anyone sees it once every partner made it public. */
export const maySeeCollaboration = (user: CurrentUser | null, c: Collaboration) =>
  c.isPublic || c.partners.some((p) => isMemberOf(user, p.organisationId));
/** Only partners' admins change it, accept its agreements and decide on making it public. */
export const mayManageCollaboration = (user: CurrentUser | null, c: Collaboration) =>
  c.partners.some((p) => isAdminOf(user, p.organisationId));
/** The partners a user speaks for as admin (to accept an agreement or agree to publication). */
export const partnersAdministeredBy = (user: CurrentUser | null, c: Collaboration) =>
  c.partners.filter((p) => isAdminOf(user, p.organisationId));

const audit = (db: Kysely<DB>, deps: Deps, actor: Actor, event: string, id: string, details = {}) =>
  recordAudit(db, {
    event,
    actorUserId: actor.userId,
    actorLabel: actor.label,
    correlationId: actor.correlationId,
    subjectType: 'collaboration',
    subjectId: id,
    details,
    occurredAt: deps.clock.now(),
  });

async function partnersOf(db: Kysely<DB>, ids: string[]): Promise<Map<string, Partner[]>> {
  const result = new Map<string, Partner[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const rows = await db
    .selectFrom('collaboration_partners as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.collaboration_id',
      'p.organisation_id',
      'o.name',
      'o.municipality_nis',
      'p.public_consent_at',
    ])
    .where('p.collaboration_id', 'in', ids)
    .orderBy('o.name')
    .execute();
  for (const r of rows)
    result.get(r.collaboration_id)!.push({
      organisationId: r.organisation_id,
      name: r.name,
      municipalityNis: r.municipality_nis,
      publicConsentAt: r.public_consent_at,
    });
  return result;
}

type CollaborationRow = Selectable<CollaborationsTable>;

function toCollaboration(r: CollaborationRow, partners: Partner[]): Collaboration {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    forms: r.forms as CooperationForm[],
    intensity: r.intensity,
    initiatorOrganisationId: r.initiator_organisation_id,
    needs: r.needs as NeedCode[],
    level: r.level,
    municipalityNis: r.municipality_nis,
    place: r.place,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    networkId: r.network_id,
    partners,
    isPublic: partners.length > 0 && partners.every((p) => p.publicConsentAt !== null),
    updatedAt: r.updated_at,
  };
}

export async function findCollaboration(deps: Deps, id: string): Promise<Collaboration | undefined> {
  const row = await deps.db.selectFrom('collaborations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return toCollaboration(row, (await partnersOf(deps.db, [id])).get(id)!);
}

/**
 * The collaborations a user may see: those of their organisations, and the public ones. The SQL
 * narrows to candidates; `maySeeCollaboration` decides, so there is one rule.
 */
export async function visibleCollaborations(deps: Deps, user: CurrentUser | null): Promise<Collaboration[]> {
  const own = user?.memberships.map((m) => m.organisationId) ?? [];
  const rows = await deps.db
    .selectFrom('collaborations as c')
    .selectAll('c')
    .where((eb) => {
      const isPublic = eb.not(
        eb.exists(
          eb
            .selectFrom('collaboration_partners as p')
            .select('p.organisation_id')
            .whereRef('p.collaboration_id', '=', 'c.id')
            .where('p.public_consent_at', 'is', null),
        ),
      );
      if (own.length === 0) return isPublic;
      return eb.or([
        isPublic,
        eb.exists(
          eb
            .selectFrom('collaboration_partners as p')
            .select('p.organisation_id')
            .whereRef('p.collaboration_id', '=', 'c.id')
            .where('p.organisation_id', 'in', own),
        ),
      ]);
    })
    .orderBy('c.starts_on', 'desc')
    .orderBy('c.title')
    .execute();
  const partners = await partnersOf(
    deps.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCollaboration(r, partners.get(r.id)!)).filter((c) => maySeeCollaboration(user, c));
}

// ---- Registering and changing -------------------------------------------------------------------------

export interface CollaborationInput {
  title: string;
  description: string;
  forms: CooperationForm[];
  intensity: Intensity;
  needs: NeedCode[];
  level: CollaborationLevel;
  municipalityNis: string | null;
  place: string | null;
  startsOn: string;
  endsOn: string | null;
  status: CollaborationStatus;
  /** The organisations taking part; the registering organisation is always one of them. */
  partnerIds: string[];
  initiatorOrganisationId: string | null;
}

async function checkPartners(deps: Deps, input: CollaborationInput) {
  const partners = [...new Set(input.partnerIds)];
  if (partners.length < 2) throw refused('TooFewPartners', 'collaboration.partners.tooFew');
  const found = await deps.db.selectFrom('organisations').select('id').where('id', 'in', partners).execute();
  if (found.length !== partners.length) throw refused('UnknownPartner', 'collaboration.partners.unknown');
  if (input.initiatorOrganisationId && !partners.includes(input.initiatorOrganisationId))
    throw refused('InitiatorNotPartner', 'collaboration.initiator.notPartner');
  if (input.endsOn && input.endsOn < input.startsOn)
    throw refused('EndsBeforeStart', 'collaboration.endsOn.beforeStart');
  return partners;
}

const columnsOf = (input: CollaborationInput) => ({
  title: input.title,
  description: input.description,
  forms: input.forms,
  intensity: input.intensity,
  needs: input.needs,
  level: input.level,
  municipality_nis: input.municipalityNis,
  place: input.place,
  starts_on: input.startsOn,
  ends_on: input.endsOn,
  status: input.status,
  initiator_organisation_id: input.initiatorOrganisationId,
});

/** Registers a collaboration on behalf of `organisationId`, whose admin the user must be. */
export async function registerCollaboration(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  organisationId: string,
  input: CollaborationInput,
): Promise<string> {
  if (!isAdminOf(user, organisationId)) throw refused('NotAdmin', 'collaboration.own.notAdmin');
  const partners = await checkPartners(deps, { ...input, partnerIds: [organisationId, ...input.partnerIds] });
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('collaborations')
      .values({ ...columnsOf(input), created_by: user.id, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('collaboration_partners')
      .values(partners.map((p) => ({ collaboration_id: id, organisation_id: p, public_consent_at: null })))
      .execute();
    await audit(trx, deps, actor, 'collaboration.registered', id, { partners });
    return id;
  });
}

/**
 * Changes a collaboration. Partners who are removed lose sight of it; a partner added later has not
 * agreed to publication, so a public collaboration becomes private again until it does.
 */
export async function changeCollaboration(
  deps: Deps,
  actor: Actor,
  collaboration: Collaboration,
  input: CollaborationInput,
): Promise<void> {
  const partners = await checkPartners(deps, input);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('collaborations')
      .set({ ...columnsOf(input), updated_at: deps.clock.now() })
      .where('id', '=', collaboration.id)
      .execute();
    await trx
      .deleteFrom('collaboration_partners')
      .where('collaboration_id', '=', collaboration.id)
      .where('organisation_id', 'not in', partners)
      .execute();
    await trx
      .insertInto('collaboration_partners')
      .values(
        partners.map((p) => ({
          collaboration_id: collaboration.id,
          organisation_id: p,
          public_consent_at: null,
        })),
      )
      .onConflict((oc) => oc.columns(['collaboration_id', 'organisation_id']).doNothing())
      .execute();
    await audit(trx, deps, actor, 'collaboration.changed', collaboration.id, { partners });
  });
}

/** A partner's admin agrees (or no longer agrees) to show the collaboration publicly. */
export async function setPublicConsent(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  collaboration: Collaboration,
  organisationId: string,
  consent: boolean,
): Promise<void> {
  if (!partnersAdministeredBy(user, collaboration).some((p) => p.organisationId === organisationId))
    throw refused('NotPartnerAdmin', 'collaboration.own.notAdmin');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('collaboration_partners')
      .set({
        public_consent_at: consent ? deps.clock.now() : null,
        public_consent_by: consent ? user.id : null,
      })
      .where('collaboration_id', '=', collaboration.id)
      .where('organisation_id', '=', organisationId)
      .execute();
    await audit(trx, deps, actor, 'collaboration.public_consent', collaboration.id, {
      organisation: organisationId,
      consent,
    });
  });
}

// ---- Evaluation moments --------------------------------------------------------------------------------

export const findEvaluations = (deps: Deps, collaborationId: string) =>
  deps.db
    .selectFrom('collaboration_evaluations')
    .selectAll()
    .where('collaboration_id', '=', collaborationId)
    .orderBy('planned_on')
    .execute();

export async function planEvaluation(deps: Deps, actor: Actor, collaborationId: string, plannedOn: string) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('collaboration_evaluations')
      .values({ collaboration_id: collaborationId, planned_on: plannedOn, created_at: deps.clock.now() })
      .execute();
    await audit(trx, deps, actor, 'collaboration.evaluation_planned', collaborationId, { plannedOn });
  });
}

export async function recordEvaluation(
  deps: Deps,
  actor: Actor,
  collaborationId: string,
  evaluationId: string,
  input: { heldOn: string; notes: string },
) {
  await deps.db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('collaboration_evaluations')
      .set({ held_on: input.heldOn, notes: input.notes })
      .where('id', '=', evaluationId)
      .where('collaboration_id', '=', collaborationId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw refused('UnknownEvaluation', 'validation.choose');
    await audit(trx, deps, actor, 'collaboration.evaluation_recorded', collaborationId, { evaluationId });
  });
}

// ---- Agreements ---------------------------------------------------------------------------------------

export interface Agreement {
  id: string;
  collaborationId: string;
  schoolYear: string;
  kind: AgreementKind;
  version: number;
  commitments: Commitment[];
  reviewOn: string | null;
  createdAt: Date;
  acceptances: { organisationId: string; acceptedByName: string; acceptedAt: Date }[];
}

/** Every version of every school year of a collaboration's agreements, newest first. */
export async function agreementsOf(deps: Deps, collaborationId: string): Promise<Agreement[]> {
  const rows = await deps.db
    .selectFrom('agreements')
    .selectAll()
    .where('collaboration_id', '=', collaborationId)
    .orderBy('school_year', 'desc')
    .orderBy('version', 'desc')
    .execute();
  const acceptances =
    rows.length === 0
      ? []
      : await deps.db
          .selectFrom('agreement_acceptances')
          .selectAll()
          .where(
            'agreement_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('accepted_at')
          .execute();
  return rows.map((r) => ({
    id: r.id,
    collaborationId: r.collaboration_id,
    schoolYear: r.school_year,
    kind: r.kind,
    version: r.version,
    commitments: r.commitments,
    reviewOn: r.review_on,
    createdAt: r.created_at,
    acceptances: acceptances
      .filter((a) => a.agreement_id === r.id)
      .map((a) => ({
        organisationId: a.organisation_id,
        acceptedByName: a.accepted_by_name,
        acceptedAt: a.accepted_at,
      })),
  }));
}

/** Only the newest version of a school year can be accepted; older ones are history. */
export const isCurrentVersion = (agreement: Agreement, all: Agreement[]) =>
  !all.some((a) => a.schoolYear === agreement.schoolYear && a.version > agreement.version);

/** Accepted by every partner of the collaboration. */
export const isFullyAccepted = (agreement: Agreement, collaboration: Collaboration) =>
  collaboration.partners.every((p) =>
    agreement.acceptances.some((a) => a.organisationId === p.organisationId),
  );

/**
 * Saves an agreement for a school year as its next version. A change never touches an accepted
 * text: it is a new version, which every partner accepts again.
 */
export async function saveAgreement(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  collaboration: Collaboration,
  input: { schoolYear: string; kind: AgreementKind; commitments: Commitment[]; reviewOn: string | null },
): Promise<string> {
  if (input.commitments.length === 0) throw refused('NoCommitments', 'agreement.commitments.none');
  const partnerIds = new Set(collaboration.partners.map((p) => p.organisationId));
  if (input.commitments.some((c) => c.responsible !== null && !partnerIds.has(c.responsible)))
    throw refused('UnknownPartner', 'collaboration.partners.unknown');
  return deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('agreements')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('collaboration_id', '=', collaboration.id)
      .where('school_year', '=', input.schoolYear)
      .executeTakeFirst();
    const version = Number(last?.version ?? 0) + 1;
    const { id } = await trx
      .insertInto('agreements')
      .values({
        collaboration_id: collaboration.id,
        school_year: input.schoolYear,
        kind: input.kind,
        version,
        commitments: JSON.stringify(input.commitments),
        review_on: input.reviewOn,
        review_reminded_at: null,
        created_by: user.id,
        created_at: deps.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, deps, actor, 'agreement.saved', collaboration.id, {
      agreement: id,
      schoolYear: input.schoolYear,
      version,
    });
    return id;
  });
}

/** A partner's admin accepts the newest version of a school year's agreement for their organisation. */
export async function acceptAgreement(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  collaboration: Collaboration,
  agreement: Agreement,
  all: Agreement[],
  organisationId: string,
): Promise<void> {
  if (!partnersAdministeredBy(user, collaboration).some((p) => p.organisationId === organisationId))
    throw refused('NotPartnerAdmin', 'collaboration.own.notAdmin');
  if (!isCurrentVersion(agreement, all)) throw refused('OldVersion', 'agreement.accept.oldVersion');
  await deps.db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto('agreement_acceptances')
      .values({
        agreement_id: agreement.id,
        organisation_id: organisationId,
        accepted_by: user.id,
        accepted_by_name: user.name,
        accepted_at: deps.clock.now(),
      })
      .onConflict((oc) => oc.columns(['agreement_id', 'organisation_id']).doNothing())
      .returning('agreement_id')
      .executeTakeFirst();
    if (added)
      await audit(trx, deps, actor, 'agreement.accepted', collaboration.id, {
        agreement: agreement.id,
        organisation: organisationId,
      });
  });
}

export type CommitmentChange = 'kept' | 'added' | 'removed' | 'changed';

/**
 * Two versions side by side, per topic: a commitment with the same text is kept (or changed when
 * its responsible partner moved), one only in the newer version added, one only in the older removed.
 */
export function compareAgreements(older: Agreement, newer: Agreement) {
  const key = (c: Commitment) => `${c.topic}\u0000${c.text.trim().toLowerCase()}`;
  const before = new Map(older.commitments.map((c) => [key(c), c]));
  const after = new Map(newer.commitments.map((c) => [key(c), c]));
  const rows: {
    topic: Commitment['topic'];
    change: CommitmentChange;
    before?: Commitment;
    after?: Commitment;
  }[] = [];
  for (const [k, c] of after) {
    const old = before.get(k);
    rows.push({
      topic: c.topic,
      change: !old ? 'added' : old.responsible === c.responsible ? 'kept' : 'changed',
      ...(old ? { before: old } : {}),
      after: c,
    });
  }
  for (const [k, c] of before) if (!after.has(k)) rows.push({ topic: c.topic, change: 'removed', before: c });
  return rows;
}

/** How long before the review date the partners' admins get a reminder. */
export const REVIEW_REMINDER_DAYS = 14;

/**
 * Scheduled: a mail to every partner admin when the newest version of an agreement nears its review
 * date; once per version.
 */
export async function remindAgreementReviews(
  deps: Deps,
  message: (a: { title: string; schoolYear: string; reviewOn: string; link: string }) => {
    subject: string;
    text: string;
  },
): Promise<number> {
  const horizon = brusselsDay(new Date(deps.clock.now().getTime() + days(REVIEW_REMINDER_DAYS)));
  const due = await deps.db
    .selectFrom('agreements as a')
    .innerJoin('collaborations as c', 'c.id', 'a.collaboration_id')
    .select(['a.id', 'a.collaboration_id', 'a.school_year', 'a.review_on', 'c.title'])
    .where('a.review_on', 'is not', null)
    .where('a.review_on', '<=', horizon)
    .where('a.review_reminded_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('agreements as newer')
            .select('newer.id')
            .whereRef('newer.collaboration_id', '=', 'a.collaboration_id')
            .whereRef('newer.school_year', '=', 'a.school_year')
            .whereRef('newer.version', '>', 'a.version'),
        ),
      ),
    )
    .execute();
  for (const a of due) {
    await deps.db.transaction().execute(async (trx) => {
      const admins = await trx
        .selectFrom('collaboration_partners as p')
        .innerJoin('memberships as m', 'm.organisation_id', 'p.organisation_id')
        .innerJoin('users as u', 'u.id', 'm.user_id')
        .select('u.email')
        .distinct()
        .where('p.collaboration_id', '=', a.collaboration_id)
        .where('m.role', '=', 'admin')
        .where('u.disabled_at', 'is', null)
        .execute();
      const mail = message({
        title: a.title,
        schoolYear: a.school_year,
        reviewOn: a.review_on!,
        link: `${deps.config.publicUrl}/samenwerking/${a.collaboration_id}`,
      });
      for (const admin of admins)
        await queueMail(trx, deps.clock, { to: admin.email, ...mail, purpose: 'agreement_review' });
      await trx
        .updateTable('agreements')
        .set({ review_reminded_at: deps.clock.now() })
        .where('id', '=', a.id)
        .execute();
    });
  }
  return due.length;
}
