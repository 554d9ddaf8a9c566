import { type Algorithm, hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import { days, hours, minutes } from '../../platform/clock.ts';
import { hashToken, randomToken } from '../../platform/crypto.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/outbox.ts';
import type { OrganisationType } from '../../platform/vocabularies.ts';
import * as repo from './accounts.repository.ts';
import type { OrganisationRole, PlatformRole } from './accounts.table.ts';

export const SESSION_IDLE_TIMEOUT = minutes(30);
export const SESSION_ABSOLUTE_TIMEOUT = hours(12);
export const FREE_SIGN_IN_FAILURES = 5;
const LINK_LIFETIME = hours(24);
const INVITATION_LIFETIME = days(7);

// Argon2id with the library's defaults (19 MiB, t=2, p=1): OWASP's minimum profile (ASVS 2.4.1).
const ARGON2ID = 2 as Algorithm.Argon2id; // const enum value; verbatimModuleSyntax cannot import it
const argonOptions = { algorithm: ARGON2ID };
export const hashPassword = (password: string) => hash(password, argonOptions);
// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
let dummyHash: Promise<string> | undefined;

/** A URL-safe name: "Basisschool Sint-Jozef (Gent)" → "basisschool-sint-jozef-gent". */
export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

function audit(
  db: Kysely<DB>,
  deps: Deps,
  actor: Actor,
  entry: Omit<Parameters<typeof recordAudit>[1], 'occurredAt'>,
) {
  return recordAudit(db, {
    occurredAt: deps.clock.now(),
    actorUserId: actor.userId,
    actorLabel: actor.label ?? null,
    correlationId: actor.correlationId,
    ...entry,
  });
}

// ---------------------------------------------------------------- users and organisations

export async function createUser(
  deps: Deps,
  actor: Actor,
  input: { email: string; name: string; password?: string; platformRoles?: PlatformRole[]; isDemo?: boolean },
) {
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findUserByEmail(trx, input.email))
      throw new AppError(409, 'EmailTaken', 'accounts.emailTaken');
    const user = await trx
      .insertInto('users')
      .values({
        email: normaliseEmail(input.email),
        name: input.name.trim(),
        password_hash: passwordHash,
        platform_roles: input.platformRoles ?? [],
        totp_secret_encrypted: null,
        totp_enabled_at: null,
        totp_last_step: null,
        locale: null,
        is_demo: input.isDemo ?? false,
        created_at: deps.clock.now(),
        disabled_at: null,
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    await audit(trx, deps, actor, {
      event: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      details: { platformRoles: input.platformRoles ?? [] },
    });
    return user;
  });
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  input: {
    slug: string;
    name: string;
    type: OrganisationType;
    municipalityNis: string | null;
    isDemo?: boolean;
  },
) {
  return deps.db.transaction().execute(async (trx) => {
    if (await repo.findOrganisationBySlug(trx, input.slug))
      throw new AppError(409, 'SlugTaken', 'org.slugTaken');
    const organisation = await trx
      .insertInto('organisations')
      .values({
        slug: input.slug,
        name: input.name,
        type: input.type,
        municipality_nis: input.municipalityNis,
        is_demo: input.isDemo ?? false,
        created_at: deps.clock.now(),
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow();
    await audit(trx, deps, actor, {
      event: 'organisation.created',
      subjectType: 'organisation',
      subjectId: organisation.id,
    });
    return organisation;
  });
}

/** Adds a membership, or changes the role of an existing one. */
export async function setMembership(
  deps: Deps,
  actor: Actor,
  input: { userId: string; organisationId: string; role: OrganisationRole },
  db: Kysely<DB> = deps.db,
) {
  const run = async (trx: Kysely<DB>) => {
    const existing = await repo.findMembership(trx, input.userId, input.organisationId);
    if (existing?.role === input.role) return;
    if (existing?.role === 'admin') await assertNotLastAdmin(trx, input.organisationId);
    if (existing) {
      await trx
        .updateTable('memberships')
        .set({ role: input.role })
        .where('user_id', '=', input.userId)
        .where('organisation_id', '=', input.organisationId)
        .execute();
    } else {
      await trx
        .insertInto('memberships')
        .values({ ...toMembershipRow(input), created_at: deps.clock.now() })
        .execute();
    }
    await audit(trx, deps, actor, {
      event: existing ? 'membership.role_changed' : 'membership.added',
      subjectType: 'user',
      subjectId: input.userId,
      details: {
        organisationId: input.organisationId,
        role: input.role,
        previousRole: existing?.role ?? null,
      },
    });
  };
  return db === deps.db ? deps.db.transaction().execute(run) : run(db);
}

/** An organisation always keeps at least one admin, or nobody could manage its members any more. */
async function assertNotLastAdmin(db: Kysely<DB>, organisationId: string) {
  const admins = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  if (Number(admins.n) <= 1) throw new AppError(409, 'LastAdmin', 'org.lastAdmin');
}

const toMembershipRow = (input: { userId: string; organisationId: string; role: OrganisationRole }) => ({
  user_id: input.userId,
  organisation_id: input.organisationId,
  role: input.role,
});

export async function removeMembership(
  deps: Deps,
  actor: Actor,
  input: { userId: string; organisationId: string },
) {
  await deps.db.transaction().execute(async (trx) => {
    const existing = await repo.findMembership(trx, input.userId, input.organisationId);
    if (existing?.role === 'admin') await assertNotLastAdmin(trx, input.organisationId);
    const removed = await trx
      .deleteFrom('memberships')
      .where('user_id', '=', input.userId)
      .where('organisation_id', '=', input.organisationId)
      .returning(['role'])
      .executeTakeFirst();
    if (!removed) return;
    await audit(trx, deps, actor, {
      event: 'membership.removed',
      subjectType: 'user',
      subjectId: input.userId,
      details: { organisationId: input.organisationId, previousRole: removed.role },
    });
  });
}

export async function setPlatformRoles(deps: Deps, actor: Actor, userId: string, roles: PlatformRole[]) {
  await deps.db.transaction().execute(async (trx) => {
    const user = await repo.findUserById(trx, userId);
    if (!user) throw new AppError(404, 'NotFound', 'error.notFound');
    const sorted = [...new Set(roles)].sort();
    if (JSON.stringify([...user.platform_roles].sort()) === JSON.stringify(sorted)) return;
    await trx.updateTable('users').set({ platform_roles: sorted }).where('id', '=', userId).execute();
    await audit(trx, deps, actor, {
      event: 'user.platform_roles_changed',
      subjectType: 'user',
      subjectId: userId,
      details: { roles: sorted, previousRoles: user.platform_roles },
    });
  });
}

// ---------------------------------------------------------------- signing in

export type SignInResult =
  | { outcome: 'signed-in'; sessionToken: string; userId: string; secondFactorNeeded: boolean }
  | { outcome: 'invalid' }
  | { outcome: 'throttled'; retryAfterSeconds: number };

/** Backoff after the free failures: 30 s, 1 min, 2 min … capped at 15 minutes (ASVS 2.2.1). */
export function lockDuration(failures: number): number {
  const extra = failures - FREE_SIGN_IN_FAILURES;
  return extra < 0 ? 0 : Math.min(30_000 * 2 ** extra, minutes(15));
}

export async function signIn(
  deps: Deps,
  actor: Actor,
  email: string,
  password: string,
): Promise<SignInResult> {
  const key = normaliseEmail(email);
  const now = deps.clock.now();
  const throttle = await deps.db
    .selectFrom('sign_in_throttle')
    .selectAll()
    .where('email_key', '=', key)
    .executeTakeFirst();
  if (throttle?.locked_until && throttle.locked_until > now) {
    const retryAfterSeconds = Math.ceil((throttle.locked_until.getTime() - now.getTime()) / 1000);
    await audit(deps.db, deps, actor, {
      event: 'user.sign_in_throttled',
      outcome: 'denied',
      subjectType: 'email',
      subjectId: key,
    });
    return { outcome: 'throttled', retryAfterSeconds };
  }

  const user = await repo.findUserByEmail(deps.db, key);
  dummyHash ??= hashPassword(randomToken());
  const ok =
    user?.password_hash && !user.disabled_at
      ? await verify(user.password_hash, password)
      : (await verify(await dummyHash, password), false);

  if (!ok || !user) {
    const failures = (throttle?.failures ?? 0) + 1;
    const lockMs = lockDuration(failures);
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('sign_in_throttle')
        .values({
          email_key: key,
          failures,
          last_failure_at: now,
          locked_until: lockMs ? new Date(now.getTime() + lockMs) : null,
        })
        .onConflict((oc) =>
          oc.column('email_key').doUpdateSet({
            failures,
            last_failure_at: now,
            locked_until: lockMs ? new Date(now.getTime() + lockMs) : null,
          }),
        )
        .execute();
      await audit(trx, deps, actor, {
        event: 'user.sign_in_failed',
        outcome: 'failure',
        subjectType: user ? 'user' : 'email',
        subjectId: user ? user.id : key,
        details: { failures },
      });
    });
    return { outcome: 'invalid' };
  }

  const sessionToken = randomToken();
  const secondFactorNeeded = user.totp_enabled_at !== null;
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sign_in_throttle').where('email_key', '=', key).execute();
    await trx
      .insertInto('sessions')
      .values({
        id_hash: hashToken(sessionToken),
        user_id: user.id,
        created_at: now,
        last_seen_at: now,
        mfa_passed: !secondFactorNeeded,
      })
      .execute();
    await audit(
      trx,
      deps,
      { ...actor, userId: user.id },
      {
        event: secondFactorNeeded ? 'user.password_accepted' : 'user.signed_in',
        subjectType: 'user',
        subjectId: user.id,
      },
    );
  });
  return { outcome: 'signed-in', sessionToken, userId: user.id, secondFactorNeeded };
}

export interface ActiveSession {
  idHash: string;
  userId: string;
  mfaPassed: boolean;
  createdAt: Date;
}

/**
 * Looks a session up and enforces the idle (30 min) and absolute (12 h) timeouts (ASVS 3.3.2).
 * An expired session is deleted on sight.
 */
export async function resolveSession(deps: Deps, token: string): Promise<ActiveSession | null> {
  const idHash = hashToken(token);
  const session = await repo.findSessionByHash(deps.db, idHash);
  if (!session) return null;
  const now = deps.clock.now().getTime();
  const idle = now - session.last_seen_at.getTime() > SESSION_IDLE_TIMEOUT;
  const tooOld = now - session.created_at.getTime() > SESSION_ABSOLUTE_TIMEOUT;
  if (idle || tooOld) {
    await deps.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  // Touch at most once a minute: enough precision for a 30-minute idle timeout, fewer writes.
  if (now - session.last_seen_at.getTime() > minutes(1)) {
    await deps.db
      .updateTable('sessions')
      .set({ last_seen_at: deps.clock.now() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return { idHash, userId: session.user_id, mfaPassed: session.mfa_passed, createdAt: session.created_at };
}

/** Replaces a session by a new id (after the second factor: ASVS 3.2.1), keeping its start time. */
export async function rotateSession(deps: Deps, db: Kysely<DB>, session: ActiveSession, mfaPassed: boolean) {
  const token = randomToken();
  await db.deleteFrom('sessions').where('id_hash', '=', session.idHash).execute();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: session.userId,
      created_at: session.createdAt,
      last_seen_at: deps.clock.now(),
      mfa_passed: mfaPassed,
    })
    .execute();
  return token;
}

export async function signOut(deps: Deps, actor: Actor, session: ActiveSession) {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id_hash', '=', session.idHash).execute();
    await audit(trx, deps, actor, {
      event: 'user.signed_out',
      subjectType: 'user',
      subjectId: session.userId,
    });
  });
}

// ---------------------------------------------------------------- API tokens

export async function createApiToken(deps: Deps, actor: Actor, userId: string, name: string) {
  const token = randomToken('bw_');
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({
        user_id: userId,
        name: name.trim(),
        token_hash: hashToken(token),
        created_at: deps.clock.now(),
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, deps, actor, {
      event: 'api_token.created',
      subjectType: 'api_token',
      subjectId: row.id,
      details: { userId, name: name.trim() },
    });
  });
  return token;
}

export async function revokeApiToken(
  deps: Deps,
  actor: Actor,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const revoked = await trx
      .updateTable('api_tokens')
      .set({ revoked_at: deps.clock.now() })
      .where('id', '=', tokenId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (revoked) {
      await audit(trx, deps, actor, {
        event: 'api_token.revoked',
        subjectType: 'api_token',
        subjectId: tokenId,
      });
    }
    return Boolean(revoked);
  });
}

export async function resolveApiToken(deps: Deps, token: string): Promise<string | null> {
  const row = await repo.findApiTokenByHash(deps.db, hashToken(token));
  if (!row) return null;
  await deps.db
    .updateTable('api_tokens')
    .set({ last_used_at: deps.clock.now() })
    .where('id', '=', row.id)
    .execute();
  return row.user_id;
}

// ---------------------------------------------------------------- invitations and password reset

export async function inviteMember(
  deps: Deps,
  actor: Actor,
  input: { email: string; organisationId: string; organisationName: string; role: OrganisationRole },
  mail: (link: string) => { subject: string; text: string },
) {
  const token = randomToken();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        email: normaliseEmail(input.email),
        organisation_id: input.organisationId,
        role: input.role,
        invited_by: actor.userId,
        created_at: now,
        expires_at: new Date(now.getTime() + INVITATION_LIFETIME),
        accepted_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const message = mail(`${deps.config.publicUrl}/uitnodiging/${token}`);
    await queueMail(trx, deps.clock, { to: normaliseEmail(input.email), purpose: 'invitation', ...message });
    await audit(trx, deps, actor, {
      event: 'invitation.created',
      subjectType: 'invitation',
      subjectId: row.id,
      details: { organisationId: input.organisationId, role: input.role },
    });
  });
}

export async function findOpenInvitation(deps: Deps, token: string) {
  return deps.db
    .selectFrom('invitations')
    .innerJoin('organisations', 'organisations.id', 'invitations.organisation_id')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.organisation_id',
      'organisations.name as organisationName',
    ])
    .where('invitations.token_hash', '=', hashToken(token))
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.expires_at', '>', deps.clock.now())
    .executeTakeFirst();
}

/** Accepts an invitation: creates the account when the e-mail has none, then adds the membership. */
export async function acceptInvitation(
  deps: Deps,
  actor: Actor,
  token: string,
  input: { name: string; password: string } | { existingUserId: string },
) {
  const invitation = await findOpenInvitation(deps, token);
  if (!invitation) throw new AppError(404, 'NotFound', 'accounts.invitationInvalid');
  const passwordHash = 'password' in input ? await hashPassword(input.password) : null;
  return deps.db.transaction().execute(async (trx) => {
    let userId: string;
    if ('existingUserId' in input) {
      userId = input.existingUserId;
    } else {
      if (await repo.findUserByEmail(trx, invitation.email)) {
        throw new AppError(409, 'EmailTaken', 'accounts.invitationSignInFirst');
      }
      const user = await trx
        .insertInto('users')
        .values({
          email: invitation.email,
          name: input.name.trim(),
          password_hash: passwordHash,
          platform_roles: [],
          totp_secret_encrypted: null,
          totp_enabled_at: null,
          totp_last_step: null,
          locale: null,
          created_at: deps.clock.now(),
          disabled_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userId = user.id;
      await audit(
        trx,
        deps,
        { ...actor, userId },
        { event: 'user.created', subjectType: 'user', subjectId: userId },
      );
    }
    await trx
      .updateTable('invitations')
      .set({ accepted_at: deps.clock.now() })
      .where('id', '=', invitation.id)
      .execute();
    await setMembership(
      deps,
      { ...actor, userId },
      { userId, organisationId: invitation.organisation_id, role: invitation.role },
      trx,
    );
    return { userId, email: invitation.email };
  });
}

/** Always behaves the same whether or not the address has an account (ASVS 2.5.x, no enumeration). */
export async function requestPasswordReset(
  deps: Deps,
  actor: Actor,
  email: string,
  mail: (link: string) => { subject: string; text: string },
) {
  const user = await repo.findUserByEmail(deps.db, email);
  if (!user || user.disabled_at) return;
  const token = randomToken();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({
        token_hash: hashToken(token),
        user_id: user.id,
        created_at: now,
        expires_at: new Date(now.getTime() + LINK_LIFETIME),
        used_at: null,
      })
      .execute();
    await queueMail(trx, deps.clock, {
      to: user.email,
      purpose: 'password_reset',
      ...mail(`${deps.config.publicUrl}/wachtwoord-herstellen/${token}`),
    });
    await audit(trx, deps, actor, {
      event: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
}

export async function findOpenPasswordReset(deps: Deps, token: string) {
  return deps.db
    .selectFrom('password_resets')
    .select(['user_id'])
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', deps.clock.now())
    .executeTakeFirst();
}

/** Sets the new password and ends every session of that user (ASVS 3.3.3). */
export async function resetPassword(deps: Deps, actor: Actor, token: string, password: string) {
  const reset = await findOpenPasswordReset(deps, token);
  if (!reset) throw new AppError(404, 'NotFound', 'accounts.resetInvalid');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('password_resets')
      .set({ used_at: deps.clock.now() })
      .where('token_hash', '=', hashToken(token))
      .execute();
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', reset.user_id)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', reset.user_id).execute();
    await trx
      .deleteFrom('sign_in_throttle')
      .where('email_key', 'in', trx.selectFrom('users').select('email').where('id', '=', reset.user_id))
      .execute();
    await audit(
      trx,
      deps,
      { ...actor, userId: reset.user_id },
      {
        event: 'user.password_reset',
        subjectType: 'user',
        subjectId: reset.user_id,
      },
    );
  });
}

/**
 * Deletes what can no longer be used: sessions past their idle or absolute timeout, spent or
 * expired reset links and invitations, and throttle rows of failures long past. Safe to run in
 * every process at once (plain deletes).
 */
export async function purgeExpiredAccountData(deps: Deps): Promise<number> {
  const now = deps.clock.now().getTime();
  const at = (ms: number) => new Date(now - ms);
  const results = await Promise.all([
    deps.db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('last_seen_at', '<', at(SESSION_IDLE_TIMEOUT)),
          eb('created_at', '<', at(SESSION_ABSOLUTE_TIMEOUT)),
        ]),
      )
      .executeTakeFirst(),
    deps.db
      .deleteFrom('password_resets')
      .where((eb) => eb.or([eb('expires_at', '<', at(0)), eb('used_at', 'is not', null)]))
      .executeTakeFirst(),
    deps.db
      .deleteFrom('invitations')
      .where('expires_at', '<', at(days(30)))
      .executeTakeFirst(),
    deps.db
      .deleteFrom('sign_in_throttle')
      .where('last_failure_at', '<', at(days(1)))
      .executeTakeFirst(),
  ]);
  return results.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
}
