import { sql } from 'kysely';
import * as accounts from '../../src/modules/accounts/accounts.service.ts';
import type { OrganisationRole } from '../../src/modules/accounts/accounts.table.ts';
import {
  confirmTotpEnrolment,
  currentTotpCode,
  startTotpEnrolment,
} from '../../src/modules/accounts/mfa.service.ts';
import { systemActor } from '../../src/platform/deps.ts';
import { Agent } from './agent.ts';
import { type TestContext, TEST_PASSWORD } from './app.ts';

export interface CaseWorker {
  id: string;
  email: string;
  secret: string | null;
  agent: Agent;
}

/** Turns on the second factor for a user; returns the TOTP secret. */
export async function enableSecondFactor(t: TestContext, userId: string): Promise<string> {
  const enrolment = await startTotpEnrolment(t.deps, userId);
  const user = await t.deps.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const codes = await confirmTotpEnrolment(
    t.deps,
    systemActor('test'),
    userId,
    await currentTotpCode(enrolment.secret, user.email, t.clock.now()),
  );
  if (!codes) throw new Error('second factor not enabled');
  return enrolment.secret;
}

/**
 * Signs an agent in with password and (when the user has one) the second factor. The clock moves
 * one TOTP step first: a code is accepted once per step.
 */
export async function signInWithSecondFactor(
  t: TestContext,
  agent: Agent,
  email: string,
  secret: string | null,
) {
  await agent.signIn(email, TEST_PASSWORD);
  if (!secret) return;
  t.clock.advance(30_000);
  await agent.get('/aanmelden/code');
  const response = await agent.post('/aanmelden/code', {
    code: await currentTotpCode(secret, email, t.clock.now()),
  });
  if (response.statusCode !== 303)
    throw new Error(`second factor refused for ${email}: ${response.statusCode}`);
}

/** A professional of an organisation, with a second factor unless told otherwise, signed in. */
export async function caseWorker(
  t: TestContext,
  key: string,
  organisationId: string | null,
  options: { role?: OrganisationRole; secondFactor?: boolean } = {},
): Promise<CaseWorker> {
  const actor = systemActor('test');
  const email = `${key}@test.invalid`;
  const user = await accounts.createUser(t.deps, actor, {
    email,
    name: `Test ${key}`,
    password: TEST_PASSWORD,
    platformRoles: [],
  });
  if (organisationId)
    await accounts.setMembership(t.deps, actor, {
      userId: user.id,
      organisationId,
      role: options.role ?? 'member',
    });
  const secret = options.secondFactor === false ? null : await enableSecondFactor(t, user.id);
  const agent = new Agent(t.app);
  await signInWithSecondFactor(t, agent, email, secret);
  return { id: user.id, email, secret, agent };
}

/** Every table of the database whose rows, read as text, contain the needle (a case id, a canary). */
export async function tablesContaining(t: TestContext, needle: string): Promise<string[]> {
  const tables = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(t.deps.db);
  const found: string[] = [];
  for (const { name } of tables.rows) {
    const hit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)} AS x
      WHERE strpos(x::text, ${needle}) > 0`.execute(t.deps.db);
    if (hit.rows[0]!.n > 0) found.push(name);
  }
  return found;
}
