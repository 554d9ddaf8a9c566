import { refused } from '../../platform/errors.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps, Actor } from '../../platform/deps.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { currentRoleHolders } from '../collaboration/coordinator-roles.service.ts';
import {
  actingOrganisation,
  auditListed,
  type CaseAccess,
  caseMembers,
  changeCase,
  closeCaseRow,
  insertCase,
  insertMember,
  isClosed,
  readCase,
  seal,
  sealIfGiven,
  unseal,
} from './cases.service.ts';

export interface NewConsultation {
  organisationId: string;
  regionCode: string;
  ageBand: string;
  schoolLevel: string;
  needs: string[];
  tried: string;
  question: string;
  schoolName: string | null;
}

/** Advice, the round table and the outcome are the coordinator's, while the case is open. */
const coordinatorOfOpenCase = (a: CaseAccess) => a.role === 'coordinator' && !isClosed(a);

/** Mails link to the overview, never to a case: nothing of a case outlives its purge. */
const overviewLink = (deps: Deps) => `${deps.config.publicUrl}/casusoverleg`;

/**
 * Step 1: an anonymous consult request to the region's ROTS coordinators (the holders of that role
 * who have a second factor); they become members of the case. No names, no dates of birth.
 */
export async function requestConsultation(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  input: NewConsultation,
) {
  const organisation = await actingOrganisation(deps, user, input.organisationId);
  const holders = await currentRoleHolders(deps, 'rots', input.regionCode);
  const coordinators = holders.length
    ? await deps.db
        .selectFrom('users')
        .select(['id', 'email'])
        .where(
          'id',
          'in',
          holders.map((h) => h.userId),
        )
        .where('totp_enabled_at', 'is not', null)
        .where('disabled_at', 'is', null)
        .execute()
    : [];
  if (coordinators.length === 0) throw refused('NoCoordinator', 'cases.consultation.noCoordinator');
  return deps.db.transaction().execute(async (trx) => {
    const row = await insertCase(trx, deps, actor, {
      kind: 'consultation',
      userId: user.id,
      organisation,
      needs: input.needs,
    });
    await trx
      .insertInto('consultations')
      .values({
        case_id: row.id,
        region_code: input.regionCode,
        age_band: input.ageBand,
        school_level: input.schoolLevel,
        tried_sealed: seal(deps, input.tried),
        question_sealed: seal(deps, input.question),
        school_name_sealed: sealIfGiven(deps, input.schoolName),
      })
      .execute();
    for (const c of coordinators) {
      const holder = holders.find((h) => h.userId === c.id)!;
      if (c.id !== user.id)
        await insertMember(trx, deps, row.id, {
          userId: c.id,
          organisationId: holder.organisationId,
          role: 'coordinator',
        });
      await queueMail(trx, deps.clock, {
        to: c.email,
        subject: 'Brugwerk: een nieuwe consultvraag in je regio',
        text: `Er is een nieuwe anonieme consultvraag voor het regionaal ondersteuningsteam.\n\n${overviewLink(deps)}\n\nDeze mail noemt bewust geen inhoud.`,
        purpose: 'case.consultation_requested',
      });
    }
    return row.id;
  });
}

const findConsultation = (deps: Deps, caseId: string) =>
  deps.db
    .selectFrom('consultations as k')
    .innerJoin('cases as c', 'c.id', 'k.case_id')
    .selectAll('k')
    .select(['c.needs', 'c.created_at', 'c.closed_at', 'c.purge_after', 'c.parent_reference_sealed'])
    .where('k.case_id', '=', caseId)
    .executeTakeFirstOrThrow();

/** A consultation as its members see it; the identity only through the reveal step. */
export async function consultationFor(deps: Deps, access: CaseAccess) {
  const k = await findConsultation(deps, access.caseId);
  const actions = await deps.db
    .selectFrom('case_actions')
    .selectAll()
    .where('case_id', '=', access.caseId)
    .orderBy('created_at')
    .execute();
  return {
    id: access.caseId,
    role: access.role,
    createdAt: k.created_at,
    closedAt: k.closed_at,
    purgeAfter: k.purge_after,
    regionCode: k.region_code,
    ageBand: k.age_band,
    schoolLevel: k.school_level,
    needs: k.needs,
    tried: unseal(deps, k.tried_sealed),
    question: unseal(deps, k.question_sealed),
    schoolName: unseal(deps, k.school_name_sealed),
    advice: unseal(deps, k.advice_sealed),
    advisedAt: k.advised_at,
    roundTable: k.round_table_at
      ? {
          basis: k.basis,
          legalGround: k.legal_ground,
          basisRecordedAt: k.basis_recorded_at,
          meetingOn: k.meeting_on,
          participants: unseal(deps, k.participants_sealed),
          hasIdentity: k.identity_sealed !== null,
        }
      : null,
    outcome: k.outcome,
    outcomeAt: k.outcome_at,
    actions: actions.map((a) => ({
      id: a.id,
      description: unseal(deps, a.description_sealed),
      owner: unseal(deps, a.owner_sealed),
      dueOn: a.due_on,
      done: a.done_at !== null,
    })),
    reference: unseal(deps, k.parent_reference_sealed),
    members: await caseMembers(deps, access.caseId),
  };
}
export type ConsultationView = Awaited<ReturnType<typeof consultationFor>>;

/** The coordinator's advice on the anonymous question. */
export async function giveAdvice(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  advice: string,
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'consultation',
    'advice_given',
    coordinatorOfOpenCase,
    async (trx) => {
      await trx
        .updateTable('consultations')
        .set({ advice_sealed: seal(deps, advice), advised_at: deps.clock.now() })
        .where('case_id', '=', caseId)
        .execute();
      const requester = await trx
        .selectFrom('cases as c')
        .innerJoin('users as u', 'u.id', 'c.created_by')
        .select('u.email')
        .where('c.id', '=', caseId)
        .executeTakeFirst();
      if (requester)
        await queueMail(trx, deps.clock, {
          to: requester.email,
          subject: 'Brugwerk: advies op je consultvraag',
          text: `De regionale coördinator heeft je consultvraag beantwoord.\n\n${overviewLink(deps)}`,
          purpose: 'case.advice_given',
        });
    },
  );
}

export interface RoundTableInput {
  basis: string;
  legalGround: string | null;
  meetingOn: string;
  participants: string;
  identity: string | null;
}

/**
 * Step 2: the round table. The basis (consent or a legal ground) is recorded in the same step as,
 * and so always before, any identity is stored or shown.
 */
export async function recordRoundTable(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  input: RoundTableInput,
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'consultation',
    'round_table_recorded',
    coordinatorOfOpenCase,
    async (trx) => {
      const now = deps.clock.now();
      await trx
        .updateTable('consultations')
        .set((eb) => ({
          round_table_at: eb.fn.coalesce('round_table_at', eb.val(now)),
          basis: input.basis,
          legal_ground: input.basis === 'legal_ground' ? input.legalGround : null,
          basis_recorded_at: now,
          meeting_on: input.meetingOn,
          participants_sealed: seal(deps, input.participants),
          ...(input.identity ? { identity_sealed: seal(deps, input.identity) } : {}),
        }))
        .where('case_id', '=', caseId)
        .execute();
    },
  );
}

/** Shows who the case is about: only after a basis was recorded; a separate, audited step. */
export async function revealConsultationIdentity(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  reason: string | null,
): Promise<{ access: CaseAccess; identity: string }> {
  const access = await readCase(deps, actor, user, caseId, 'consultation', 'identity_revealed', reason);
  const k = await findConsultation(deps, caseId);
  if (!k.basis_recorded_at || !k.identity_sealed) throw refused('NoIdentityToShow', 'cases.identity.none');
  return { access, identity: unseal(deps, k.identity_sealed) };
}

export async function addCaseAction(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  input: { description: string; owner: string; dueOn: string | null },
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'consultation',
    'action_added',
    (a) => !isClosed(a),
    async (trx) => {
      await trx
        .insertInto('case_actions')
        .values({
          case_id: caseId,
          description_sealed: seal(deps, input.description),
          owner_sealed: seal(deps, input.owner),
          due_on: input.dueOn,
          created_at: deps.clock.now(),
        })
        .execute();
    },
  );
}

export async function setCaseActionDone(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  actionId: string,
  done: boolean,
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'consultation',
    'action_changed',
    (a) => !isClosed(a),
    async (trx) => {
      const changed = await trx
        .updateTable('case_actions')
        .set({ done_at: done ? deps.clock.now() : null })
        .where('case_id', '=', caseId)
        .where('id', '=', actionId)
        .executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) throw refused('UnknownAction', 'cases.actions.unknown');
    },
  );
}

/**
 * The outcome closes the consultation. "No offer" passes what lacked on as an anonymous signal in
 * the same step: region, needs, age band and school level, and the coordinator's description,
 * without any link back to the case.
 */
export async function recordConsultationOutcome(
  deps: Deps,
  actor: Actor,
  user: CurrentUser,
  caseId: string,
  input: { outcome: string; signal: string | null },
) {
  await changeCase(
    deps,
    actor,
    user,
    caseId,
    'consultation',
    input.outcome === 'none' ? 'outcome_recorded_signal_queued' : 'outcome_recorded',
    coordinatorOfOpenCase,
    async (trx) => {
      const now = deps.clock.now();
      const k = await trx
        .updateTable('consultations')
        .set({ outcome: input.outcome, outcome_at: now })
        .where('case_id', '=', caseId)
        .returning(['region_code', 'age_band', 'school_level'])
        .executeTakeFirstOrThrow();
      if (input.outcome === 'none' && input.signal) {
        const c = await trx
          .selectFrom('cases')
          .select('needs')
          .where('id', '=', caseId)
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('case_signal_queue')
          .values({
            created_at: now,
            region_code: k.region_code,
            needs: c.needs,
            age_band: k.age_band,
            school_level: k.school_level,
            description: input.signal,
          })
          .execute();
      }
      await closeCaseRow(trx, deps, caseId, 'consultation');
    },
  );
}

/** An anonymous "no offer" signal as the cases module passes it on: no link back to its case. */
export interface QueuedCaseSignal {
  createdAt: Date;
  regionCode: string;
  needs: string[];
  description: string;
}

/**
 * Hands the queued "no offer" signals over, oldest first. Each leaves the queue in the same
 * transaction in which `receive` takes it, so none is lost or passed on twice, also with several
 * processes running this side by side (SKIP LOCKED).
 */
export async function handOverQueuedSignals(
  deps: Deps,
  receive: (trx: Kysely<DB>, signal: QueuedCaseSignal) => Promise<unknown>,
): Promise<number> {
  let handedOver = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const queued = await trx
        .selectFrom('case_signal_queue')
        .select(['id', 'created_at', 'region_code', 'needs', 'description'])
        .orderBy('created_at')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!queued) return false;
      await receive(trx, {
        createdAt: queued.created_at,
        regionCode: queued.region_code,
        needs: queued.needs,
        description: queued.description,
      });
      await trx.deleteFrom('case_signal_queue').where('id', '=', queued.id).execute();
      return true;
    });
    if (!done) return handedOver;
    handedOver++;
  }
}

/** The consultations a user takes part in: asked, coordinated or invited to, open ones first. */
export async function consultationOverview(deps: Deps, actor: Actor, user: CurrentUser) {
  const rows = await deps.db
    .selectFrom('case_members as m')
    .innerJoin('consultations as k', 'k.case_id', 'm.case_id')
    .innerJoin('cases as c', 'c.id', 'm.case_id')
    .select([
      'k.case_id',
      'm.role',
      'k.region_code',
      'k.age_band',
      'k.school_level',
      'k.advised_at',
      'k.round_table_at',
      'k.meeting_on',
      'k.outcome',
      'c.needs',
      'c.created_at',
      'c.closed_at',
    ])
    .where('m.user_id', '=', user.id)
    .orderBy('c.closed_at', (ob) => ob.desc().nullsFirst())
    .orderBy('c.created_at', 'desc')
    .execute();
  await auditListed(
    deps,
    actor,
    rows.map((r) => r.case_id),
    'listed',
  );
  const item = (r: (typeof rows)[number]) => ({
    id: r.case_id,
    role: r.role,
    regionCode: r.region_code,
    ageBand: r.age_band,
    schoolLevel: r.school_level,
    needs: r.needs,
    createdAt: r.created_at,
    closedAt: r.closed_at,
    advised: r.advised_at !== null,
    meetingOn: r.meeting_on,
    outcome: r.outcome,
  });
  return {
    asked: rows.filter((r) => r.role === 'creator').map(item),
    coordinated: rows.filter((r) => r.role === 'coordinator').map(item),
    roundTables: rows.filter((r) => r.role === 'member').map(item),
  };
}
