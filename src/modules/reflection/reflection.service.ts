import { createHash, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { nextSchoolYear } from '../../platform/school-year.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import { partnersAround } from '../directory/neighbourhood.ts';
import { dimensionsOf, parseSetText, type SetContent } from './question-set.ts';
import type { SessionPartner } from './reflection.table.ts';
import * as repo from './reflection.repository.ts';

/** Results show only when at least this many answered, so no answer can be traced to a person. */
export const MIN_PARTICIPANTS = 3;
/** Partners around the session's school listed in the neighbourhood exercise. */
const PARTNER_RADIUS_KM = 3;
const MAX_PARTNERS = 12;

// Join codes: no 0/O, 1/I/L, so they can be read aloud and typed from a projector.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 6;

export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
export const isCodeShaped = (code: string) =>
  code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));

/** Only the facilitator who started a session sees and manages it. */
export const isFacilitator = (user: CurrentUser | null, session: { facilitator_id: string | null }) =>
  Boolean(user && session.facilitator_id === user.id);

/**
 * Stored for a browser and a session, so the same browser cannot answer twice; hashed with the
 * session, so the value links nothing across sessions and nothing to the answers.
 */
export const browserHash = (sessionId: string, browserId: string) =>
  createHash('sha256').update(`${sessionId}:${browserId}`).digest('hex');

export interface SessionStart {
  setId: string;
  organisationId: string | null;
  team: string;
  schoolYear: string;
  dimensions: string[];
  /** A school or site of the team's organisation, to list partners around it. */
  location: { id: string; latitude: number | null; longitude: number | null } | null;
  /** The partners to list; looked up around the location when not given. */
  partners?: SessionPartner[];
  previousSessionId?: string | null;
}

export async function startSession(deps: Deps, actor: Actor, start: SessionStart): Promise<string> {
  const set = await repo.findSetById(deps.db, start.setId);
  if (!set) throw new Error(`unknown question set ${start.setId}`);
  const asked = dimensionsOf(set.content, start.dimensions);
  const wantsPartners = asked.some((d) => d.exercises.some((e) => e.type === 'neighbourhood'));
  const location = start.location;
  let partners: SessionPartner[] = start.partners ?? [];
  if (!start.partners && wantsPartners && location?.latitude != null && location.longitude != null) {
    const around = await partnersAround(
      deps.db,
      location.id,
      { latitude: location.latitude, longitude: location.longitude },
      PARTNER_RADIUS_KM,
    );
    partners = around
      .slice(0, MAX_PARTNERS)
      .map((p) => ({ id: p.id, name: p.name, km: Math.round(p.km * 10) / 10 }));
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    // A clash of random codes is rare; try again with a new one.
    for (let attempt = 0; ; attempt++) {
      const code = Array.from(
        { length: CODE_LENGTH },
        () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)],
      ).join('');
      const row = await trx
        .insertInto('reflection_sessions')
        .values({
          set_version_id: set.versionId,
          code,
          facilitator_id: actor.userId,
          organisation_id: start.organisationId,
          team: start.team,
          school_year: start.schoolYear,
          dimensions: asked.length === set.content.dimensions.length ? [] : asked.map((d) => d.code),
          location_entry_id: location?.id ?? null,
          partners: JSON.stringify(partners),
          previous_session_id: start.previousSessionId ?? null,
          created_at: now,
          closed_at: null,
        })
        .onConflict((oc) => oc.column('code').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (row) {
        await audit(trx, actor, 'reflection.session_started', row.id, now, { setVersionId: set.versionId });
        return row.id;
      }
      if (attempt > 20) throw new Error('no free join code');
    }
  });
}

/** Next school year's session for the same team, to compare with this one. */
export async function repeatSession(deps: Deps, actor: Actor, session: repo.SessionRow): Promise<string> {
  const version = await repo.findSetVersion(deps.db, session.set_version_id);
  return startSession(deps, actor, {
    setId: version.set_id,
    organisationId: session.organisation_id,
    team: session.team,
    schoolYear: nextSchoolYear(session.school_year),
    dimensions: session.dimensions,
    location: session.location_entry_id
      ? { id: session.location_entry_id, latitude: null, longitude: null }
      : null,
    // The same partners as last year, so the marks compare.
    partners: session.partners,
    previousSessionId: session.id,
  });
}

export type AnswerRow =
  | { exerciseId: string; scale: number }
  | { exerciseId: string; choice: string; partnerId?: string }
  | { exerciseId: string; text: string };

/**
 * Stores one participant's answers. The participation row and the answers share nothing but the
 * session: no participant id, no time. 'already' when this browser answered before, 'closed'
 * when the session no longer takes answers.
 */
export async function recordAnswers(
  deps: Deps,
  session: { id: string },
  browser: string,
  answers: AnswerRow[],
): Promise<'recorded' | 'already' | 'closed'> {
  return deps.db.transaction().execute(async (trx) => {
    // FOR SHARE: many participants answer at once, while closing waits for them to finish.
    const current = await trx
      .selectFrom('reflection_sessions')
      .select('status')
      .where('id', '=', session.id)
      .forShare()
      .executeTakeFirstOrThrow();
    if (current.status !== 'open') return 'closed';
    const joined = await trx
      .insertInto('reflection_participations')
      .values({ session_id: session.id, browser_hash: browserHash(session.id, browser) })
      .onConflict((oc) => oc.doNothing())
      .returning('session_id')
      .executeTakeFirst();
    if (!joined) return 'already';
    if (answers.length)
      await trx
        .insertInto('reflection_answers')
        .values(
          answers.map((a) => ({
            session_id: session.id,
            exercise_id: a.exerciseId,
            scale: 'scale' in a ? a.scale : null,
            choice: 'choice' in a ? a.choice : null,
            partner_id: 'partnerId' in a ? (a.partnerId ?? null) : null,
            text: 'text' in a ? a.text : null,
          })),
        )
        .execute();
    return 'recorded';
  });
}

const audit = (
  db: Kysely<DB>,
  actor: Actor,
  event: string,
  sessionId: string,
  occurredAt: Date,
  details?: Record<string, unknown>,
) =>
  recordAudit(db, {
    event,
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    correlationId: actor.correlationId,
    subjectType: 'reflection_session',
    subjectId: sessionId,
    details,
    occurredAt,
  });

/** Closes a session (no more answers, results show) or opens it again. */
export async function setSessionStatus(
  deps: Deps,
  actor: Actor,
  sessionId: string,
  status: 'open' | 'closed',
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reflection_sessions')
      .set({ status, closed_at: status === 'closed' ? now : null })
      .where('id', '=', sessionId)
      .execute();
    await audit(
      trx,
      actor,
      status === 'closed' ? 'reflection.session_closed' : 'reflection.session_reopened',
      sessionId,
      now,
    );
  });
}

/** Lets the participants read the results through their join link, or stops that. */
export async function shareResults(deps: Deps, actor: Actor, sessionId: string, shared: boolean) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('reflection_sessions')
      .set({ results_shared: shared })
      .where('id', '=', sessionId)
      .execute();
    await audit(trx, actor, 'reflection.results_shared', sessionId, now, { shared });
  });
}

export async function saveNotes(deps: Deps, sessionId: string, notes: string) {
  await deps.db.updateTable('reflection_sessions').set({ notes }).where('id', '=', sessionId).execute();
}

export async function addAction(
  deps: Deps,
  sessionId: string,
  action: { description: string; owner: string; dueOn: string | null },
) {
  await deps.db
    .insertInto('reflection_actions')
    .values({
      session_id: sessionId,
      description: action.description,
      owner: action.owner,
      due_on: action.dueOn,
      done_at: null,
      created_at: deps.clock.now(),
    })
    .execute();
}

/** Marks an action point done or open again, or removes it; false when the session has no such action. */
export async function changeAction(
  deps: Deps,
  sessionId: string,
  actionId: string,
  change: 'done' | 'open' | 'remove',
): Promise<boolean> {
  const result =
    change === 'remove'
      ? await deps.db
          .deleteFrom('reflection_actions')
          .where('id', '=', actionId)
          .where('session_id', '=', sessionId)
          .executeTakeFirst()
      : await deps.db
          .updateTable('reflection_actions')
          .set({ done_at: change === 'done' ? deps.clock.now() : null })
          .where('id', '=', actionId)
          .where('session_id', '=', sessionId)
          .executeTakeFirst();
  return Number('numDeletedRows' in result ? result.numDeletedRows : result.numUpdatedRows) > 0;
}

/**
 * A curator's new wording of a set: a new version when the text changed (sessions keep the version
 * they started with). Throws SetTextError for a text that is not a set.
 */
export async function saveSetText(deps: Deps, actor: Actor, setId: string, text: string): Promise<boolean> {
  const content: SetContent = parseSetText(text);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await repo.findSetById(trx, setId);
    if (!current) throw new Error(`unknown question set ${setId}`);
    if (JSON.stringify(current.content) === JSON.stringify(content)) return false;
    const version = await trx
      .insertInto('reflection_set_versions')
      .values({
        set_id: setId,
        number: current.number + 1,
        content: JSON.stringify(content),
        created_by: actor.userId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('reflection_sets')
      .set({ current_version_id: version.id })
      .where('id', '=', setId)
      .execute();
    await recordAudit(trx, {
      event: 'reflection.set_changed',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'reflection_set',
      subjectId: setId,
      details: { version: current.number + 1 },
      occurredAt: now,
    });
    return true;
  });
}
