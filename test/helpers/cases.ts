import { sql } from 'kysely';
import * as accounts from '../../src/modules/accounts/accounts.service.ts';
import type { OrganisationRole, PlatformRole } from '../../src/modules/accounts/accounts.table.ts';
import { currentTotpCode } from '../../src/modules/accounts/mfa.service.ts';
import { turnOnSecondFactor } from '../../src/demo.ts';
import { loadCurrentUser } from '../../src/modules/accounts/authenticate.ts';
import { createParentViewLink, purgeExpiredCases } from '../../src/modules/cases/cases.retention.ts';
import { addCaseMember, removeCaseMember, unseal } from '../../src/modules/cases/cases.service.ts';
import {
  addCaseAction,
  giveAdvice,
  recordConsultationOutcome,
  recordRoundTable,
  requestConsultation,
  revealConsultationIdentity,
} from '../../src/modules/cases/consultations.service.ts';
import {
  addReferralUpdate,
  assignHandler,
  createReferral,
  recordOutcome,
  revealReferralIdentity,
} from '../../src/modules/cases/referrals.service.ts';
import { assignRole } from '../../src/modules/collaboration/coordinator-roles.service.ts';
import { publicTables } from '../../src/platform/db/backup.ts';
import { loadDemoDirectory } from '../../src/modules/directory/directory.demo.ts';
import { systemActor } from '../../src/platform/deps.ts';
import type { CurrentUser } from '../../src/platform/http/principal.ts';
import { Agent } from './agent.ts';
import { type Fixtures, type TestContext, TEST_PASSWORD } from './app.ts';

export interface CaseWorker {
  id: string;
  email: string;
  secret: string | null;
  agent: Agent;
}

/** Turns on the second factor for a user; returns the TOTP secret. */
export async function enableSecondFactor(t: TestContext, userId: string): Promise<string> {
  const user = await t.deps.db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return turnOnSecondFactor(t.deps, userId, user.email);
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
  password = TEST_PASSWORD,
) {
  await agent.signIn(email, password);
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
  options: { role?: OrganisationRole; secondFactor?: boolean; platformRoles?: PlatformRole[] } = {},
): Promise<CaseWorker> {
  const actor = systemActor('test');
  const email = `${key}@test.invalid`;
  const user = await accounts.createUser(t.deps, actor, {
    email,
    name: `Test ${key}`,
    password: TEST_PASSWORD,
    platformRoles: options.platformRoles ?? [],
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
  const found: string[] = [];
  for (const name of await publicTables(t.deps.db)) {
    const hit = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(name)} AS x
      WHERE strpos(x::text, ${needle}) > 0`.execute(t.deps.db);
    if (hit.rows[0]!.n > 0) found.push(name);
  }
  return found;
}

// ---- A cast of people around cases, for the access matrix and the canary sweep -----------------

/** How a person stands to a case (the fixture cases below put each relation in place). */
export const relations = [
  'creator',
  'added',
  'colleague',
  'schoolAdmin',
  'removed',
  'handler',
  'receivingAdmin',
  'receivingColleague',
  'coordinator',
  'coordinatorElsewhere',
  'outsider',
  'noSecondFactor',
  'curator',
  'platformAdmin',
  'anonymous',
] as const;
export type Relation = (typeof relations)[number];
export type CaseState = 'open' | 'closed' | 'purged';

export interface CaseCast {
  people: Record<Exclude<Relation, 'anonymous'>, CaseWorker>;
  /** A professional with a second factor who is in no case: the person members add. */
  candidate: CaseWorker;
  anonymous: Agent;
  organisations: { school: string; receiving: string; clb: string; other: string };
  serviceId: string;
  serviceName: string;
  region: string;
  user(worker: CaseWorker): Promise<CurrentUser>;
}

/**
 * A CAW service of the demo sociale kaart, its entry handed to `organisationId`: referrals to it
 * reach that organisation's intake.
 */
export async function receivingService(t: TestContext, organisationId: string) {
  const loaded = await t.deps.db.selectFrom('directory_organizations').select('id').executeTakeFirst();
  if (!loaded) await loadDemoDirectory(t.deps.db, t.clock.now());
  const service = await t.deps.db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name', 'o.id as organizationId'])
    .where('o.kind', '=', 'caw')
    .orderBy('s.name')
    .executeTakeFirstOrThrow();
  await t.deps.db
    .updateTable('directory_organizations')
    .set({ owner_organisation_id: organisationId })
    .where('id', '=', service.organizationId)
    .execute();
  return { id: service.id, name: service.name };
}

/**
 * The people around a case: the school (creator, an editor added to the case, a colleague, the
 * school's admin, someone added and removed again), the receiving CAW (handler, admin, colleague),
 * a CLB with the ROTS coordinator of the region and one of another region, a third organisation,
 * a professional without a second factor, a curator, a platform admin and the public.
 */
export async function castForCases(t: TestContext, f: Fixtures): Promise<CaseCast> {
  const actor = systemActor('test');
  const service = await receivingService(t, f.otherOrganisation.id);
  const clb = await accounts.createOrganisation(t.deps, actor, {
    slug: 'test-clb',
    name: 'Test-CLB',
    type: 'clb',
    municipalityNis: '44021',
  });
  const other = await accounts.createOrganisation(t.deps, actor, {
    slug: 'andere-school',
    name: 'Andere school',
    type: 'school',
    municipalityNis: '71016',
  });
  const school = f.organisation.id;
  const receiving = f.otherOrganisation.id;
  const worker = (key: string, organisationId: string | null, options = {}) =>
    caseWorker(t, `matrix-${key}`, organisationId, options);
  const people = {
    creator: await worker('creator', school),
    added: await worker('added', school, { role: 'editor' }),
    colleague: await worker('colleague', school),
    schoolAdmin: await worker('school-admin', school, { role: 'admin' }),
    removed: await worker('removed', school),
    handler: await worker('handler', receiving),
    receivingAdmin: await worker('receiving-admin', receiving, { role: 'admin' }),
    receivingColleague: await worker('receiving-colleague', receiving),
    coordinator: await worker('coordinator', clb.id),
    coordinatorElsewhere: await worker('coordinator-elsewhere', clb.id),
    outsider: await worker('outsider', other.id),
    noSecondFactor: await worker('no-second-factor', school, { secondFactor: false }),
    curator: await worker('curator', null, { platformRoles: ['curator'] }),
    platformAdmin: await worker('platform-admin', null, { platformRoles: ['platform-admin'] }),
  };
  const region = '40000';
  for (const [person, regionCode] of [
    [people.coordinator, region],
    [people.coordinatorElsewhere, '70000'],
  ] as const)
    await assignRole(t.deps, actor, {
      code: 'rots',
      regionCode,
      userId: person.id,
      organisationId: clb.id,
      deputy: false,
    });
  // Each first page after signing in says so; read it now, so later pages compare alike.
  for (const person of Object.values(people)) await person.agent.get('/');
  const anonymous = new Agent(t.app);
  await anonymous.get('/');
  return {
    people,
    candidate: await worker('candidate', school),
    anonymous,
    organisations: { school, receiving, clb: clb.id, other: other.id },
    serviceId: service.id,
    serviceName: service.name,
    region,
    user: async (w) => (await loadCurrentUser(t.deps, w.id, 'session'))!,
  };
}

/** The free texts of a case; the canary sweep fills each with its own canary. */
export interface CaseTexts {
  pseudonym: string;
  parentName: string;
  childName: string;
  phone: string;
  email: string;
  note: string;
  statusMessage: string;
  outcomeNote: string;
  revealReason: string;
  tried: string;
  question: string;
  schoolName: string;
  advice: string;
  participants: string;
  identity: string;
  actionDescription: string;
  actionOwner: string;
}
const plainTexts: CaseTexts = {
  pseudonym: 'Gezin Matrix',
  parentName: 'Ouder Matrix',
  childName: 'Kind Matrix',
  phone: '0470 00 00 00',
  email: 'ouder@matrix.invalid',
  note: 'Context',
  statusMessage: 'Eerste gesprek gepland',
  outcomeNote: 'Het liep goed',
  revealReason: 'eerste contact',
  tried: 'Gesprekken',
  question: 'Welke begeleiding?',
  schoolName: 'Matrixschool',
  advice: 'Start een rondetafel',
  participants: 'CLB, ouders',
  identity: 'Jongere Matrix',
  actionDescription: 'Afspraak maken',
  actionOwner: 'CLB',
};

/** Ends a case in the given state: closed by its own step, purged after its retention clock. */
async function bringTo(t: TestContext, caseId: string, state: CaseState, close: () => Promise<void>) {
  if (state === 'open') return;
  await close();
  if (state === 'closed') return;
  await t.deps.db
    .updateTable('cases')
    .set({ purge_after: new Date(t.clock.now().getTime() - 1) })
    .where('id', '=', caseId)
    .execute();
  await purgeExpiredCases(t.deps, systemActor('test'));
}

/**
 * A referral from the school's creator to the receiving CAW, with its handler, an added member, a
 * removed one, a status with a message and the identity revealed once; brought to `state`.
 */
export async function castReferral(
  t: TestContext,
  cast: CaseCast,
  state: CaseState,
  options: { texts?: CaseTexts; consentByLink?: boolean; parentView?: boolean } = {},
) {
  const texts = options.texts ?? plainTexts;
  const actor = systemActor('test');
  const { people } = cast;
  const creator = await cast.user(people.creator);
  const created = await createReferral(t.deps, actor, creator, {
    organisationId: cast.organisations.school,
    serviceId: cast.serviceId,
    needs: ['FIN', 'EDU'],
    intensity: 3,
    pseudonym: texts.pseudonym,
    identity: {
      parentName: texts.parentName,
      childName: texts.childName,
      phone: texts.phone,
      email: texts.email,
    },
    note: texts.note,
    consentGivenBy: 'parent',
    consentInformation: ['needs', 'contact', 'school_context'],
    consentPurpose: 'intake',
    consentFeedbackText: true,
    consentMethod: options.consentByLink ? 'link' : 'conversation',
    consentLocale: 'nl',
    checkBackDays: 14,
  });
  const id = created.caseId;
  if (!options.consentByLink) {
    await assignHandler(t.deps, actor, await cast.user(people.receivingAdmin), id, people.handler.email);
    await addReferralUpdate(t.deps, actor, await cast.user(people.handler), id, {
      status: 'in_progress',
      waitWeeks: null,
      reasonCode: null,
      message: texts.statusMessage,
    });
  }
  await addCaseMember(t.deps, actor, creator, id, 'referral', people.added.email);
  await addCaseMember(t.deps, actor, creator, id, 'referral', people.removed.email);
  await removeCaseMember(t.deps, actor, creator, id, 'referral', people.removed.id);
  await revealReferralIdentity(t.deps, actor, creator, id, texts.revealReason);
  const parentViewLink = options.parentView
    ? await createParentViewLink(t.deps, actor, created.reference)
    : null;
  await bringTo(t, id, state, () =>
    recordOutcome(t.deps, actor, creator, id, { outcome: 'helped', note: texts.outcomeNote, close: true }),
  );
  return { id, reference: created.reference, consentLink: created.consentLink, parentViewLink };
}

/**
 * A consultation from the school's creator to the region's coordinator, with advice, an added
 * member, a removed one, a round table with identity and an action; brought to `state`.
 */
export async function castConsultation(
  t: TestContext,
  cast: CaseCast,
  state: CaseState,
  options: { texts?: CaseTexts; parentView?: boolean } = {},
) {
  const texts = options.texts ?? plainTexts;
  const actor = systemActor('test');
  const { people } = cast;
  const creator = await cast.user(people.creator);
  const coordinator = await cast.user(people.coordinator);
  const id = await requestConsultation(t.deps, actor, creator, {
    organisationId: cast.organisations.school,
    regionCode: cast.region,
    ageBand: '12-17',
    schoolLevel: 'secundair',
    needs: ['EDU', 'HEALTH'],
    tried: texts.tried,
    question: texts.question,
    schoolName: texts.schoolName,
  });
  await giveAdvice(t.deps, actor, coordinator, id, texts.advice);
  await addCaseMember(t.deps, actor, creator, id, 'consultation', people.added.email);
  await addCaseMember(t.deps, actor, creator, id, 'consultation', people.removed.email);
  await removeCaseMember(t.deps, actor, creator, id, 'consultation', people.removed.id);
  await recordRoundTable(t.deps, actor, coordinator, id, {
    basis: 'consent_parents',
    legalGround: null,
    meetingOn: '2026-12-01',
    participants: texts.participants,
    identity: texts.identity,
  });
  await revealConsultationIdentity(t.deps, actor, coordinator, id, texts.revealReason);
  await addCaseAction(t.deps, actor, creator, id, {
    description: texts.actionDescription,
    owner: texts.actionOwner,
    dueOn: '2026-12-15',
  });
  const action = await t.deps.db
    .selectFrom('case_actions')
    .select('id')
    .where('case_id', '=', id)
    .executeTakeFirstOrThrow();
  const reference = (
    await t.deps.db
      .selectFrom('cases')
      .select('parent_reference_sealed')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).parent_reference_sealed!;
  const parentViewLink = options.parentView
    ? await createParentViewLink(t.deps, actor, unseal(t.deps, reference))
    : null;
  await bringTo(t, id, state, () =>
    recordConsultationOutcome(t.deps, actor, coordinator, id, { outcome: 'tailored', signal: null }),
  );
  return { id, actionId: action.id, reference: unseal(t.deps, reference), parentViewLink };
}
