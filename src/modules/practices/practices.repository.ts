import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

// The SQL of the practice library, named after what it reads.

export const findPracticeById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('practices').selectAll().where('id', '=', id).executeTakeFirst();

/** A practice that is published (what everyone may read), or undefined. */
export const findPublishedPracticeById = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('practices')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();

export const findVersionById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('practice_versions').selectAll().where('id', '=', id).executeTakeFirst();

/** Every version of a practice, newest first, with who made and who decided it. */
export const findVersionsOfPractice = (db: Kysely<DB>, practiceId: string) =>
  db
    .selectFrom('practice_versions as v')
    .leftJoin('users as c', 'c.id', 'v.created_by')
    .leftJoin('users as d', 'd.id', 'v.decided_by')
    .select([
      'v.id',
      'v.number',
      'v.status',
      'v.created_at',
      'v.submitted_at',
      'v.decided_at',
      'v.review_comment',
      'c.name as createdByName',
      'd.name as decidedByName',
      sql<string>`v.content->>'title'`.as('title'),
    ])
    .where('v.practice_id', '=', practiceId)
    .orderBy('v.number', 'desc')
    .execute();

/** The version in the works (draft, submitted or returned), if any. */
export const findOpenVersion = (db: Kysely<DB>, practiceId: string) =>
  db
    .selectFrom('practice_versions')
    .selectAll()
    .where('practice_id', '=', practiceId)
    .where('status', 'in', ['draft', 'submitted', 'returned'])
    .executeTakeFirst();

/** Practices a user works on: created by them or owned by one of their organisations. */
export const findPracticesOfUser = (db: Kysely<DB>, userId: string, organisationIds: string[]) =>
  db
    .selectFrom('practices as p')
    .innerJoin('practice_versions as v', (j) =>
      j.onRef('v.practice_id', '=', 'p.id').on('v.number', '=', (eb) =>
        eb
          .selectFrom('practice_versions as l')
          .select((e) => e.fn.max('l.number').as('n'))
          .whereRef('l.practice_id', '=', 'p.id'),
      ),
    )
    .select([
      'p.id',
      'p.status',
      'p.updated_at',
      'p.last_reviewed_at',
      'v.status as latestStatus',
      sql<string>`v.content->>'title'`.as('title'),
    ])
    .where((eb) =>
      eb.or([
        eb('p.created_by', '=', userId),
        ...(organisationIds.length ? [eb('p.owner_organisation_id', 'in', organisationIds)] : []),
      ]),
    )
    .orderBy('p.updated_at', 'desc')
    .execute();

/** Versions waiting for a curator, oldest first. */
export const findSubmittedVersions = (db: Kysely<DB>) =>
  db
    .selectFrom('practice_versions as v')
    .innerJoin('practices as p', 'p.id', 'v.practice_id')
    .leftJoin('organisations as o', 'o.id', 'p.owner_organisation_id')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.practice_id as practiceId',
      'v.number',
      'v.submitted_at',
      'p.status as practiceStatus',
      'o.name as organisationName',
      'u.name as createdByName',
      sql<string>`v.content->>'title'`.as('title'),
    ])
    .where('v.status', '=', 'submitted')
    .orderBy('v.submitted_at')
    .execute();

export const isFollowing = async (db: Kysely<DB>, practiceId: string, userId: string) =>
  Boolean(
    await db
      .selectFrom('practice_followers')
      .select('user_id')
      .where('practice_id', '=', practiceId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
  );

/** E-mail addresses of the curators. */
export const findCuratorEmails = async (db: Kysely<DB>) =>
  (
    await db
      .selectFrom('users as u')
      .select('u.email')
      .where('u.disabled_at', 'is', null)
      .where((eb) => eb(eb.val('curator'), '=', eb.fn.any('u.platform_roles')))
      .orderBy('u.email')
      .execute()
  ).map((r) => r.email);

/** E-mail addresses of a practice's owners: its maker and the editors and admins of its organisation. */
export async function findOwnerEmails(
  db: Kysely<DB>,
  practice: { created_by: string | null; owner_organisation_id: string | null },
) {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .select('u.email')
    .distinct()
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('u.id', '=', practice.created_by ?? '00000000-0000-0000-0000-000000000000'),
        eb.and([
          eb(
            'm.organisation_id',
            '=',
            practice.owner_organisation_id ?? '00000000-0000-0000-0000-000000000000',
          ),
          eb('m.role', 'in', ['editor', 'admin']),
        ]),
      ]),
    )
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

export const findFollowerEmails = async (db: Kysely<DB>, practiceId: string) =>
  (
    await db
      .selectFrom('practice_followers as f')
      .innerJoin('users as u', 'u.id', 'f.user_id')
      .select('u.email')
      .where('f.practice_id', '=', practiceId)
      .where('u.disabled_at', 'is', null)
      .orderBy('u.email')
      .execute()
  ).map((r) => r.email);

/** The practices' generation: it moves on every write to the practices table (migration 1100). */
export const readPracticeGeneration = (db: Kysely<DB>) => () =>
  db
    .selectFrom('practice_state')
    .select('generation')
    .executeTakeFirstOrThrow()
    .then((row) => String(row.generation));
