import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export const findSets = (db: Kysely<DB>) =>
  db
    .selectFrom('reflection_sets as s')
    .innerJoin('reflection_set_versions as v', 'v.id', 's.current_version_id')
    .select(['s.id', 's.audience', 'v.id as versionId', 'v.number', 'v.content', 'v.created_at'])
    .orderBy(sql`array_position(array['school','welfare','local_government','bridge_service'], s.audience)`)
    .execute();

export const findSetById = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('reflection_sets as s')
    .innerJoin('reflection_set_versions as v', 'v.id', 's.current_version_id')
    .select(['s.id', 's.audience', 'v.id as versionId', 'v.number', 'v.content', 'v.created_at'])
    .where('s.id', '=', id)
    .executeTakeFirst();

export const findSetVersion = (db: Kysely<DB>, versionId: string) =>
  db
    .selectFrom('reflection_set_versions as v')
    .innerJoin('reflection_sets as s', 's.id', 'v.set_id')
    .select(['v.id', 'v.set_id', 'v.number', 'v.content', 's.audience'])
    .where('v.id', '=', versionId)
    .executeTakeFirstOrThrow();

const sessionColumns = [
  'id',
  'set_version_id',
  'code',
  'facilitator_id',
  'organisation_id',
  'team',
  'school_year',
  'dimensions',
  'location_entry_id',
  'partners',
  'status',
  'results_shared',
  'previous_session_id',
  'notes',
  'created_at',
  'closed_at',
] as const;

export const findSessionById = (db: Kysely<DB>, id: string) =>
  db.selectFrom('reflection_sessions').select(sessionColumns).where('id', '=', id).executeTakeFirst();

export const findSessionByCode = (db: Kysely<DB>, code: string) =>
  db.selectFrom('reflection_sessions').select(sessionColumns).where('code', '=', code).executeTakeFirst();

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSessionById>>>;

/** A facilitator's sessions, newest first, with how many answered each. */
export const findSessionsOfFacilitator = (db: Kysely<DB>, userId: string) =>
  db
    .selectFrom('reflection_sessions as s')
    .select([
      's.id',
      's.team',
      's.school_year',
      's.status',
      's.created_at',
      (eb) =>
        eb
          .selectFrom('reflection_participations as p')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('p.session_id', '=', 's.id')
          .as('participants'),
    ])
    .where('s.facilitator_id', '=', userId)
    .orderBy('s.created_at', 'desc')
    .execute();

export const countParticipants = async (db: Kysely<DB>, sessionId: string) =>
  Number(
    (
      await db
        .selectFrom('reflection_participations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('session_id', '=', sessionId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const hasParticipated = async (db: Kysely<DB>, sessionId: string, browserHash: string) =>
  Boolean(
    await db
      .selectFrom('reflection_participations')
      .select('session_id')
      .where('session_id', '=', sessionId)
      .where('browser_hash', '=', browserHash)
      .executeTakeFirst(),
  );

/** The closed (non-open) answers counted per exercise and value; never one row per participant. */
export const countAnswers = (db: Kysely<DB>, sessionId: string) =>
  db
    .selectFrom('reflection_answers')
    .select(['exercise_id', 'scale', 'choice', 'partner_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('session_id', '=', sessionId)
    .where('text', 'is', null)
    .groupBy(['exercise_id', 'scale', 'choice', 'partner_id'])
    .execute();

/** Open answers; ordered by their random id, so the order says nothing about who or when. */
export const findOpenAnswers = (db: Kysely<DB>, sessionId: string) =>
  db
    .selectFrom('reflection_answers')
    .select(['exercise_id', 'text'])
    .where('session_id', '=', sessionId)
    .where('text', 'is not', null)
    .orderBy('id')
    .execute();

export const findActions = (db: Kysely<DB>, sessionId: string) =>
  db
    .selectFrom('reflection_actions')
    .select(['id', 'description', 'owner', 'due_on', 'done_at'])
    .where('session_id', '=', sessionId)
    .orderBy('done_at', 'desc')
    .orderBy('due_on')
    .orderBy('created_at')
    .execute();

/** The session that repeats this one next school year, if any. */
export const findNextSession = (db: Kysely<DB>, sessionId: string) =>
  db
    .selectFrom('reflection_sessions')
    .select('id')
    .where('previous_session_id', '=', sessionId)
    .executeTakeFirst();
