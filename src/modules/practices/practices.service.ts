import { type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { canInOrganisation } from '../../platform/authz/permissions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { type MessageKey, translator } from '../../platform/i18n/i18n.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import { flemishAndBrusselsMunicipalities } from '../regions/regions.service.ts';
import { contentFromText, type FicheContent } from './fiche.ts';
import { parseFicheText } from './fiche-text.ts';
import * as repo from './practices.repository.ts';
import type { PracticesTable } from './practices.table.ts';

// The practice workflow: any signed-in professional starts a fiche; draft → submitted → published,
// or returned with comments; curators decide; owners change a published fiche through a new
// version a curator approves; every version is kept. Each step is audited and its mails queued in
// the same transaction.

type Practice = NonNullable<Awaited<ReturnType<typeof repo.findPracticeById>>>;
type Version = NonNullable<Awaited<ReturnType<typeof repo.findVersionById>>>;

/** Municipality names (Dutch and French, lower case) → NIS code, for reading places. */
export async function municipalityNames(deps: Deps): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const m of await flemishAndBrusselsMunicipalities(deps)) {
    names.set(m.nameNl.toLowerCase(), m.nisCode);
    names.set(m.nameFr.toLowerCase(), m.nisCode);
  }
  return names;
}

/** The maker, the editors and admins of the owning organisation. Curators review; they do not edit. */
export function mayEditPractice(
  user: CurrentUser | null,
  practice: Pick<Practice, 'created_by' | 'owner_organisation_id'>,
) {
  if (!user) return false;
  if (practice.created_by === user.id) return true;
  return (
    practice.owner_organisation_id !== null &&
    canInOrganisation(user, 'practice:edit', practice.owner_organisation_id)
  );
}

/**
 * Owners see every version; curators see a fiche once it was submitted (a draft nobody submitted
 * yet stays with its owners); others only what is published.
 */
export function maySeeWork(
  user: CurrentUser | null,
  practice: Pick<Practice, 'created_by' | 'owner_organisation_id' | 'status'>,
) {
  if (mayEditPractice(user, practice)) return true;
  return Boolean(user?.platformRoles.includes('curator')) && practice.status !== 'draft';
}

const nl = translator('nl');

/** The published version's searchable fields, as the practices row keeps them. */
export function publishedColumns(c: FicheContent): Updateable<PracticesTable> {
  const body = [
    ...c.goals,
    ...c.targetGroups,
    c.description,
    ...c.successFactors,
    ...c.challenges,
    ...c.places.flatMap((p) => [p.municipality, p.localName ?? '', p.line]),
    ...c.sites.flatMap((s) => [s.name, s.municipality ?? '']),
    ...c.buildingBlocks.flatMap((b) => [b.name, b.description]),
    ...c.policyDomains,
    ...c.needCodes.map((n) => nl(`need.${n}` as MessageKey)),
  ];
  return {
    title: c.title,
    introduction: c.introduction,
    category: c.category,
    target_groups: c.targetGroups,
    need_codes: c.needCodes,
    cooperation_forms: c.cooperationForms,
    policy_domains: c.policyDomains,
    evidence_step: c.evidenceStep,
    municipality_nis: [
      ...new Set([...c.places.map((p) => p.nis), ...c.sites.flatMap((s) => (s.nis ? [s.nis] : []))]),
    ],
    search_body: body.filter(Boolean).join('\n'),
  };
}

const link = (deps: Deps, practiceId: string) => `${deps.config.publicUrl}/praktijken/${practiceId}`;

async function mail(
  trx: Transaction<DB>,
  deps: Deps,
  to: string[],
  subject: string,
  text: string,
  purpose: string,
) {
  for (const address of new Set(to))
    await queueMail(trx, deps.clock, { to: address, subject, text, purpose });
}

const audit = (trx: Kysely<DB>, deps: Deps, actor: Actor, event: string, practiceId: string, details = {}) =>
  recordAudit(trx, {
    event,
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    correlationId: actor.correlationId,
    subjectType: 'practice',
    subjectId: practiceId,
    details,
    occurredAt: deps.clock.now(),
  });

/** Starts a fiche as a draft (version 1). */
export async function startPractice(
  deps: Deps,
  actor: Actor,
  start: { content: FicheContent; ownerOrganisationId: string | null; isDemo?: boolean },
): Promise<string> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('practices')
      .values({
        owner_organisation_id: start.ownerOrganisationId,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        published_version_id: null,
        first_published_at: null,
        last_published_at: null,
        last_reviewed_at: null,
        review_reminded_at: null,
        category: null,
        evidence_step: null,
        is_demo: start.isDemo ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('practice_versions')
      .values({
        practice_id: id,
        number: 1,
        status: 'draft',
        content: JSON.stringify(start.content),
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        submitted_at: null,
        decided_by: null,
        decided_at: null,
        review_comment: null,
      })
      .execute();
    await audit(trx, deps, actor, 'practice.created', id);
    return id;
  });
}

/**
 * Saves the owner's changes: into the version in the works, or, for a published fiche with none,
 * into a new draft version. The published version stays online until a curator approves the new one.
 */
export async function saveFiche(deps: Deps, actor: Actor, practice: Practice, content: FicheContent) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const open = await repo.findOpenVersion(trx, practice.id);
    if (open) {
      await trx
        .updateTable('practice_versions')
        .set({ content: JSON.stringify(content), updated_at: now })
        .where('id', '=', open.id)
        .execute();
    } else {
      const last = await trx
        .selectFrom('practice_versions')
        .select((eb) => eb.fn.max('number').as('n'))
        .where('practice_id', '=', practice.id)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('practice_versions')
        .values({
          practice_id: practice.id,
          number: Number(last.n) + 1,
          status: 'draft',
          content: JSON.stringify(content),
          created_by: actor.userId,
          created_at: now,
          updated_at: now,
          submitted_at: null,
          decided_by: null,
          decided_at: null,
          review_comment: null,
        })
        .execute();
    }
    await trx.updateTable('practices').set({ updated_at: now }).where('id', '=', practice.id).execute();
    await audit(trx, deps, actor, 'practice.edited', practice.id);
  });
}

const nothingToSubmit = () => new AppError(409, 'NothingToSubmit', 'practices.error.nothingToSubmit');
const notSubmitted = () => new AppError(409, 'NotSubmitted', 'practices.error.notSubmitted');

/** Sends the version in the works to the curators. */
export async function submitFiche(deps: Deps, actor: Actor, practice: Practice) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const open = await repo.findOpenVersion(trx, practice.id);
    if (!open || open.status === 'submitted') throw nothingToSubmit();
    await trx
      .updateTable('practice_versions')
      .set({ status: 'submitted', submitted_at: now, updated_at: now })
      .where('id', '=', open.id)
      .execute();
    if (practice.status !== 'published')
      await trx
        .updateTable('practices')
        .set({ status: 'submitted', updated_at: now })
        .where('id', '=', practice.id)
        .execute();
    await mail(
      trx,
      deps,
      await repo.findCuratorEmails(trx),
      nl('practices.mail.submitted.subject', { title: open.content.title }),
      nl('practices.mail.submitted.body', {
        title: open.content.title,
        link: `${deps.config.publicUrl}/praktijken/redactie`,
      }),
      'practice_submitted',
    );
    await audit(trx, deps, actor, 'practice.submitted', practice.id, { version: open.number });
  });
}

/** A curator publishes a submitted version; the one before it is kept as superseded. */
export async function publishVersion(deps: Deps, actor: Actor, version: Version) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const practice = (await repo.findPracticeById(trx, version.practice_id))!;
    if (version.status !== 'submitted') throw notSubmitted();
    await trx
      .updateTable('practice_versions')
      .set({ status: 'superseded' })
      .where('practice_id', '=', practice.id)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('practice_versions')
      .set({ status: 'published', decided_by: actor.userId, decided_at: now, updated_at: now })
      .where('id', '=', version.id)
      .execute();
    await trx
      .updateTable('practices')
      .set({
        ...publishedColumns(version.content),
        status: 'published',
        published_version_id: version.id,
        first_published_at: practice.first_published_at ?? now,
        last_published_at: now,
        last_reviewed_at: now,
        updated_at: now,
      })
      .where('id', '=', practice.id)
      .execute();
    const title = version.content.title;
    await mail(
      trx,
      deps,
      await repo.findOwnerEmails(trx, practice),
      nl('practices.mail.published.subject', { title }),
      nl('practices.mail.published.body', { title, link: link(deps, practice.id) }),
      'practice_published',
    );
    if (practice.published_version_id) {
      await mail(
        trx,
        deps,
        await repo.findFollowerEmails(trx, practice.id),
        nl('practices.mail.changed.subject', { title }),
        nl('practices.mail.changed.body', { title, link: link(deps, practice.id) }),
        'practice_changed',
      );
    }
    await audit(trx, deps, actor, 'practice.published', practice.id, { version: version.number });
  });
}

/** A curator returns a submitted version with comments; the owners hear why. */
export async function returnVersion(deps: Deps, actor: Actor, version: Version, comment: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const practice = (await repo.findPracticeById(trx, version.practice_id))!;
    if (version.status !== 'submitted') throw notSubmitted();
    await trx
      .updateTable('practice_versions')
      .set({
        status: 'returned',
        review_comment: comment,
        decided_by: actor.userId,
        decided_at: now,
        updated_at: now,
      })
      .where('id', '=', version.id)
      .execute();
    if (practice.status !== 'published')
      await trx
        .updateTable('practices')
        .set({ status: 'returned', updated_at: now })
        .where('id', '=', practice.id)
        .execute();
    const title = version.content.title;
    await mail(
      trx,
      deps,
      await repo.findOwnerEmails(trx, practice),
      nl('practices.mail.returned.subject', { title }),
      nl('practices.mail.returned.body', { title, comment, link: `${link(deps, practice.id)}/bewerken` }),
      'practice_returned',
    );
    await audit(trx, deps, actor, 'practice.returned', practice.id, { version: version.number });
  });
}

/** The owner confirms a published fiche is still right: it counts as reviewed today. */
export async function confirmStillCurrent(deps: Deps, actor: Actor, practice: Practice) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('practices')
      .set({ last_reviewed_at: deps.clock.now() })
      .where('id', '=', practice.id)
      .execute();
    await audit(trx, deps, actor, 'practice.confirmed_current', practice.id);
  });
}

export async function setFollowing(deps: Deps, practiceId: string, userId: string, follow: boolean) {
  if (follow) {
    await deps.db
      .insertInto('practice_followers')
      .values({ practice_id: practiceId, user_id: userId, created_at: deps.clock.now() })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await deps.db
      .deleteFrom('practice_followers')
      .where('practice_id', '=', practiceId)
      .where('user_id', '=', userId)
      .execute();
  }
}

/** "Een wijziging of opmerking" from a visitor: kept, and sent to the curators and the owners. */
export async function suggestChange(
  deps: Deps,
  actor: Actor,
  practice: Practice,
  suggestion: { message: string; email: string | null },
) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('practice_suggestions')
      .values({
        practice_id: practice.id,
        message: suggestion.message,
        email: suggestion.email,
        created_at: deps.clock.now(),
      })
      .execute();
    await mail(
      trx,
      deps,
      [...(await repo.findCuratorEmails(trx)), ...(await repo.findOwnerEmails(trx, practice))],
      nl('practices.mail.suggestion.subject', { title: practice.title }),
      nl('practices.mail.suggestion.body', {
        title: practice.title,
        message: suggestion.message,
        email: suggestion.email ?? nl('visitorMessage.noEmail'),
        link: link(deps, practice.id),
      }),
      'practice_suggestion',
    );
    await audit(trx, deps, actor, 'practice.suggestion_received', practice.id);
  });
}

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** Whether a published fiche went a year without review. */
export const needsReview = (lastReviewedAt: Date | null, now: Date) =>
  !lastReviewedAt || now.getTime() - lastReviewedAt.getTime() > YEAR_MS;

/**
 * Mails the owners of published fiches nobody reviewed for a year, once per such year. Returns the
 * number of fiches flagged.
 */
export async function flagUnreviewedPractices(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db
    .selectFrom('practices')
    .selectAll()
    .where('status', '=', 'published')
    .where('last_reviewed_at', '<', new Date(now.getTime() - YEAR_MS))
    .where((eb) =>
      eb.or([
        eb('review_reminded_at', 'is', null),
        eb('review_reminded_at', '<', eb.ref('last_reviewed_at')),
      ]),
    )
    .limit(200)
    .execute();
  for (const practice of due) {
    await deps.db.transaction().execute(async (trx) => {
      await mail(
        trx,
        deps,
        await repo.findOwnerEmails(trx, practice),
        nl('practices.mail.review.subject', { title: practice.title }),
        nl('practices.mail.review.body', { title: practice.title, link: link(deps, practice.id) }),
        'practice_review',
      );
      await trx
        .updateTable('practices')
        .set({ review_reminded_at: now })
        .where('id', '=', practice.id)
        .execute();
    });
  }
  return due.length;
}

/**
 * Imports one fiche from the text format: a draft of the importer, or, for curators who ask for
 * it, published at once. Throws FicheTextError (nothing stored) when the text is not a fiche.
 */
export async function importFicheText(
  deps: Deps,
  actor: Actor,
  text: string,
  options: {
    title?: string | undefined;
    publish: boolean;
    ownerOrganisationId: string | null;
    municipalities?: Map<string, string>;
  },
) {
  const fiche = parseFicheText(text, options.municipalities ?? (await municipalityNames(deps)), {
    title: options.title,
  });
  const start = { content: contentFromText(fiche), ownerOrganisationId: options.ownerOrganisationId };
  const id = options.publish
    ? await publishNewFiche(deps, actor, start)
    : await startPractice(deps, actor, start);
  return { id, fiche };
}

/**
 * Starts a fiche and publishes it at once as its first version: for a curator's own import and for
 * demo data, which need no submission round.
 */
export async function publishNewFiche(deps: Deps, actor: Actor, start: Parameters<typeof startPractice>[2]) {
  const id = await startPractice(deps, actor, start);
  const version = (await repo.findOpenVersion(deps.db, id))!;
  await publishVersion(deps, actor, { ...version, status: 'submitted' });
  return id;
}

/** Published practices that run in any of the municipalities (the region picture's supply side). */
export async function publishedPracticesIn(deps: Deps, municipalities: string[]) {
  if (municipalities.length === 0) return [];
  const rows = await deps.db
    .selectFrom('practices')
    .select(['id', 'title', 'need_codes'])
    .where('status', '=', 'published')
    .where(sql<boolean>`municipality_nis && ${sql.val(municipalities)}::text[]`)
    .orderBy('title')
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, needs: r.need_codes }));
}
