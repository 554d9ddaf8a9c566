import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { recordAudit } from '../../platform/audit/audit.ts';
import { decryptSecret, encryptSecret, hashToken } from '../../platform/crypto.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import * as repo from './accounts.repository.ts';
import { type ActiveSession, rotateSession } from './accounts.service.ts';
import type { OrganisationRole, PlatformRole } from './accounts.table.ts';

const RECOVERY_CODE_COUNT = 10;

function totpFor(secretBase32: string, email: string) {
  return new TOTP({ issuer: 'Brugwerk', label: email, secret: Secret.fromBase32(secretBase32) });
}

const STEP_MS = 30_000;
export const SECOND_FACTOR_ATTEMPTS = 5;

/**
 * The time step a code belongs to, accepting one step either side for clock drift (RFC 6238 §5.2),
 * or null. A step at or before `lastStep` was used already and is refused (ASVS 2.8.4).
 */
function matchingStep(
  secretBase32: string,
  email: string,
  code: string,
  at: Date,
  lastStep: number | null,
): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secretBase32, email).validate({ token, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(at.getTime() / STEP_MS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

export async function currentTotpCode(secretBase32: string, email: string, at: Date): Promise<string> {
  return totpFor(secretBase32, email).generate({ timestamp: at.getTime() });
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
  qrSvg: string;
}

/** Starts (or restarts) enrolment: a new secret is kept, encrypted, until a code confirms it. */
export async function startTotpEnrolment(deps: Deps, userId: string): Promise<TotpEnrolment> {
  const user = await repo.findUserById(deps.db, userId);
  if (!user) throw new Error('user vanished');
  let secret: string;
  if (user.totp_secret_encrypted && !user.totp_enabled_at) {
    secret = decryptSecret(user.totp_secret_encrypted, deps.config.secrets.DATA_ENCRYPTION_KEY);
  } else {
    secret = new Secret({ size: 20 }).base32;
    await deps.db
      .updateTable('users')
      .set({
        totp_secret_encrypted: encryptSecret(secret, deps.config.secrets.DATA_ENCRYPTION_KEY),
        totp_enabled_at: null,
      })
      .where('id', '=', userId)
      .execute();
  }
  const uri = totpFor(secret, user.email).toString();
  // Rendered on the server as SVG: no script, no third party sees the secret.
  const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' });
  return { secret, uri, qrSvg };
}

function newRecoveryCode(): string {
  const raw = randomBytes(8).toString('hex');
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}-${raw.slice(12)}`;
}

/** Confirms enrolment with a code; returns the recovery codes (shown once) or null for a wrong code. */
export async function confirmTotpEnrolment(deps: Deps, actor: Actor, userId: string, code: string) {
  const user = await repo.findUserById(deps.db, userId);
  if (!user?.totp_secret_encrypted || user.totp_enabled_at) return null;
  const secret = decryptSecret(user.totp_secret_encrypted, deps.config.secrets.DATA_ENCRYPTION_KEY);
  const step = matchingStep(secret, user.email, code, deps.clock.now(), null);
  if (step === null) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: deps.clock.now(), totp_last_step: step })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await trx
      .insertInto('mfa_recovery_codes')
      .values(codes.map((c) => ({ user_id: userId, code_hash: hashToken(c), used_at: null })))
      .execute();
    await recordAudit(trx, {
      occurredAt: deps.clock.now(),
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      event: 'user.mfa_enabled',
      subjectType: 'user',
      subjectId: userId,
    });
  });
  return codes;
}

export type SecondFactorResult =
  { outcome: 'passed'; sessionToken: string } | { outcome: 'wrong' } | { outcome: 'locked' };

/**
 * Second step of signing in: a TOTP code or an unused recovery code. On success the session gets
 * a new id and counts as fully signed in. After five wrong codes the half-open session ends, so
 * guessing goes back through the throttled password step (ASVS 2.2.1).
 */
export async function passSecondFactor(
  deps: Deps,
  actor: Actor,
  session: ActiveSession,
  code: string,
): Promise<SecondFactorResult> {
  const user = await repo.findUserById(deps.db, session.userId);
  if (!user?.totp_secret_encrypted || !user.totp_enabled_at) return { outcome: 'locked' };
  const secret = decryptSecret(user.totp_secret_encrypted, deps.config.secrets.DATA_ENCRYPTION_KEY);
  return deps.db.transaction().execute(async (trx): Promise<SecondFactorResult> => {
    const step = matchingStep(secret, user.email, code, deps.clock.now(), user.totp_last_step);
    let method: 'totp' | 'recovery_code' | null = null;
    if (step !== null) {
      method = 'totp';
      await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
    } else {
      const used = await trx
        .updateTable('mfa_recovery_codes')
        .set({ used_at: deps.clock.now() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', hashToken(code.trim().toLowerCase()))
        .where('used_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (used) method = 'recovery_code';
    }
    await recordAudit(trx, {
      occurredAt: deps.clock.now(),
      actorUserId: user.id,
      correlationId: actor.correlationId,
      event: method ? 'user.signed_in' : 'user.second_factor_failed',
      outcome: method ? 'success' : 'failure',
      subjectType: 'user',
      subjectId: user.id,
      details: method ? { secondFactor: method } : {},
    });
    if (method) return { outcome: 'passed', sessionToken: await rotateSession(deps, trx, session, true) };
    const failed = await trx
      .updateTable('sessions')
      .set((eb) => ({ second_factor_failures: eb('second_factor_failures', '+', 1) }))
      .where('id_hash', '=', session.idHash)
      .returning('second_factor_failures')
      .executeTakeFirst();
    if (!failed || failed.second_factor_failures >= SECOND_FACTOR_ATTEMPTS) {
      await trx.deleteFrom('sessions').where('id_hash', '=', session.idHash).execute();
      return { outcome: 'locked' };
    }
    return { outcome: 'wrong' };
  });
}

/** Removes a user's second factor and recovery codes and ends their sessions; audited. */
export async function resetSecondFactor(deps: Deps, actor: Actor, userId: string) {
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret_encrypted: null, totp_enabled_at: null, totp_last_step: null })
      .where('id', '=', userId)
      .execute();
    await trx.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(trx, {
      occurredAt: deps.clock.now(),
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      event: 'user.mfa_reset',
      subjectType: 'user',
      subjectId: userId,
    });
  });
}

export type MfaRole = OrganisationRole | PlatformRole;

/** Is a second factor mandatory for this user, through any of their roles? */
export async function isSecondFactorRequired(
  deps: Deps,
  user: {
    platformRoles: readonly PlatformRole[];
    memberships: readonly { organisationId: string; role: OrganisationRole }[];
  },
): Promise<boolean> {
  // Runs on every signed-in request: one query for the platform-wide rules and those of all the user's organisations.
  const rules = await repo.findMfaRequirementsFor(
    deps.db,
    user.memberships.map((m) => m.organisationId),
  );
  const applies = (organisationId: string | null, role: MfaRole) =>
    rules.some(
      (r) => r.role === role && (r.organisation_id === null || r.organisation_id === organisationId),
    );
  return (
    user.platformRoles.some((role) => applies(null, role)) ||
    user.memberships.some((m) => applies(m.organisationId, m.role))
  );
}

/** Makes a second factor mandatory (or not) for a role, in one organisation or platform-wide. */
export async function setSecondFactorRequirement(
  deps: Deps,
  actor: Actor,
  input: { organisationId: string | null; role: MfaRole; required: boolean },
) {
  await deps.db.transaction().execute(async (trx) => {
    let del = trx.deleteFrom('mfa_requirements').where('role', '=', input.role);
    del =
      input.organisationId === null
        ? del.where('organisation_id', 'is', null)
        : del.where('organisation_id', '=', input.organisationId);
    const removed = await del.returning('id').execute();
    if (input.required) {
      await trx
        .insertInto('mfa_requirements')
        .values({ organisation_id: input.organisationId, role: input.role, created_at: deps.clock.now() })
        .execute();
    }
    const wasRequired = removed.length > 0;
    if (input.required === wasRequired) return;
    await recordAudit(trx, {
      occurredAt: deps.clock.now(),
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      event: input.required ? 'mfa_requirement.added' : 'mfa_requirement.removed',
      subjectType: input.organisationId ? 'organisation' : 'platform',
      subjectId: input.organisationId ?? 'platform',
      details: { role: input.role },
    });
  });
}
