import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../src/modules/accounts/accounts.service.ts';
import { loadDemoDirectory } from '../../src/modules/directory/directory.demo.ts';
import { emptyFiche } from '../../src/modules/practices/fiche.ts';
import * as practices from '../../src/modules/practices/practices.service.ts';
import { findPracticeById } from '../../src/modules/practices/practices.repository.ts';
import * as reflection from '../../src/modules/reflection/reflection.service.ts';
import { createReferral } from '../../src/modules/cases/referrals.service.ts';
import { createParentViewLink } from '../../src/modules/cases/cases.retention.ts';
import type { CurrentUser } from '../../src/platform/http/principal.ts';
import { findSets, findSessionById } from '../../src/modules/reflection/reflection.repository.ts';
import { systemActor } from '../../src/platform/deps.ts';
import { queueMail } from '../../src/platform/mail/outbox.ts';
import { Agent } from '../helpers/agent.ts';
import { loadCurrentUser } from '../../src/modules/accounts/authenticate.ts';
import { assignRole } from '../../src/modules/collaboration/coordinator-roles.service.ts';
import * as signals from '../../src/modules/signals/signals.service.ts';
import * as collaborations from '../../src/modules/collaboration/collaborations.service.ts';
import * as networks from '../../src/modules/collaboration/networks.service.ts';
import * as events from '../../src/modules/collaboration/events.service.ts';
import * as pulse from '../../src/modules/collaboration/pulse.service.ts';
import { roleHoldings } from '../../src/modules/collaboration/coordinator-roles.service.ts';
import { saveRegionGroup } from '../../src/modules/regions/region-groups.service.ts';
import {
  createFixtures,
  type Fixtures,
  type RoleName,
  roleNames,
  startTestApp,
  type TestContext,
  TEST_PASSWORD,
} from '../helpers/app.ts';

// The expected access of every route, written out by hand. The test fails on a route missing here,
// on a route here that no longer exists, and on every unexpected allow or deny.
const ALL: RoleName[] = roleNames;
const SIGNED_IN: RoleName[] = ['member', 'editor', 'admin', 'curator', 'platform-admin'];
const ORG_MEMBERS: RoleName[] = ['member', 'editor', 'admin', 'platform-admin'];
const ORG_ADMINS: RoleName[] = ['admin', 'platform-admin'];
const PLATFORM_ADMIN: RoleName[] = ['platform-admin'];
const ENTRY_OWNERS: RoleName[] = ['editor', 'admin', 'curator'];
const SCHOOL_STAFF: RoleName[] = ['member', 'editor', 'admin'];
// A practice fiche's owners: its maker (an editor) and the editors and admins of its organisation.
const FICHE_OWNERS: RoleName[] = ['editor', 'admin'];
// Curators see a fiche once it has been submitted.
const FICHE_READERS: RoleName[] = ['editor', 'admin', 'curator'];
// A reflection session is seen by its facilitator only (here the member who started it).
const FACILITATOR: RoleName[] = ['member'];

interface Probe {
  url: string;
  form?: Record<string, string | string[]>;
  /** A text/plain body for the JSON API. */
  text?: string;
  /** A JSON body for the JSON API. */
  json?: Record<string, unknown>;
}
type Builder = (role: RoleName) => Promise<Probe> | Probe;

describe('route-by-role matrix', () => {
  let t: TestContext;
  let f: Fixtures;
  const agents = new Map<RoleName, Agent>();
  let owned: { schoolId: string; serviceId: string; partnerId: string };
  const tokens = new Map<RoleName, string>();
  const actor = systemActor('test');

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    f = await createFixtures(t.deps);
    await loadDemoDirectory(t.deps.db, t.clock.now());
    // The test organisation owns one school entry and one partner entry (with its services).
    const school = await t.deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .where('kind', '=', 'school')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const service = await t.deps.db
      .selectFrom('directory_services')
      .select(['id', 'organization_id'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    owned = { schoolId: school.id, serviceId: service.id, partnerId: service.organization_id };
    await t.deps.db
      .updateTable('directory_organizations')
      .set({ owner_organisation_id: f.organisation.id })
      .where('id', 'in', [school.id, service.organization_id])
      .execute();
    published = await freshPractice('published');
    await assignRole(t.deps, actor, {
      code: 'signal',
      regionCode: '40000',
      userId: f.users.admin.id,
      organisationId: f.organisation.id,
      deputy: false,
    });
    for (const role of roleNames) {
      const agent = new Agent(t.app);
      if (role === 'anonymous') await agent.get('/');
      else {
        const res = await agent.signIn(f.users[role].email);
        assert.equal(res.statusCode, 303, `sign in as ${role}`);
        tokens.set(role, await accounts.createApiToken(t.deps, actor, f.users[role].id, 'matrix'));
      }
      agents.set(role, agent);
    }
  });
  after(() => t.close());

  let counter = 0;
  /** A fresh member of the test organisation, so destructive probes never share a target. */
  const freshMember = async () => {
    counter++;
    const user = await accounts.createUser(t.deps, actor, {
      email: `doel${counter}@test.invalid`,
      name: `Doel ${counter}`,
    });
    await accounts.setMembership(t.deps, actor, {
      userId: user.id,
      organisationId: f.organisation.id,
      role: 'member',
    });
    return user.id;
  };
  const freshInvitation = async () => {
    let link = '';
    counter++;
    await accounts.inviteMember(
      t.deps,
      actor,
      {
        email: `genodigde${counter}@test.invalid`,
        organisationId: f.organisation.id,
        organisationName: 'Testschool',
        role: 'member',
      },
      (l) => ((link = l), { subject: 'x', text: l }),
    );
    return new URL(link).pathname;
  };
  const freshReset = async () => {
    let link = '';
    await accounts.requestPasswordReset(
      t.deps,
      actor,
      f.users.curator.email,
      (l) => ((link = l), { subject: 'x', text: l }),
    );
    return new URL(link).pathname;
  };
  const ownTokenId = async (role: RoleName) => {
    if (role === 'anonymous') return '00000000-0000-4000-8000-000000000000';
    await accounts.createApiToken(t.deps, actor, f.users[role].id, 'in te trekken');
    const row = await t.deps.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', f.users[role].id)
      .where('revoked_at', 'is', null)
      .where('name', '=', 'in te trekken')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  /** A fresh user with a second factor enrolled, so each reset probe has something to clear. */
  const userWithSecondFactor = async () => {
    counter++;
    const user = await accounts.createUser(t.deps, actor, {
      email: `tweestaps${counter}@test.invalid`,
      name: `Tweestaps ${counter}`,
    });
    await t.deps.db
      .updateTable('users')
      .set({ totp_secret_encrypted: 'v1.x.y.z', totp_enabled_at: t.clock.now() })
      .where('id', '=', user.id)
      .execute();
    return user.id;
  };
  const anyServiceId = async () =>
    (await t.deps.db.selectFrom('directory_services').select('id').executeTakeFirstOrThrow()).id;
  const anyMailId = async () => {
    await queueMail(t.deps.db, t.clock, {
      to: 'x@test.invalid',
      subject: 'Test',
      text: 'Test',
      purpose: 'test',
    });
    return (await t.deps.db.selectFrom('mail_outbox').select('id').executeTakeFirstOrThrow()).id;
  };

  /** A contact point of the owned partner, new for each probe (some probes remove it). */
  const freshContact = async () =>
    (
      await t.deps.db
        .insertInto('directory_contacts')
        .values({
          organization_id: owned.partnerId,
          service_id: null,
          name: null,
          title: 'brugfiguur',
          department: null,
          email: null,
          direct_phone: null,
          presence: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  /** A pending claim on a different entry each time, so each decision probe has its own. */
  const freshClaim = async (): Promise<string> => {
    counter++;
    const entry = await t.deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .orderBy('id')
      .offset(counter % 40)
      .executeTakeFirstOrThrow();
    const claim = await t.deps.db
      .insertInto('directory_claims')
      .values({
        directory_organization_id: entry.id,
        organisation_id: f.otherOrganisation.id,
        requested_by: null,
        requested_at: t.clock.now(),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    return claim?.id ?? freshClaim();
  };

  /** A practice of the test organisation made by its editor: a draft, submitted, or published. */
  const freshPractice = async (state: 'draft' | 'submitted' | 'published') => {
    counter++;
    const maker = { userId: f.users.editor.id, correlationId: null };
    const content = { ...emptyFiche(), title: `Matrixpraktijk ${counter}`, description: 'Om te proberen.' };
    const start = { content, ownerOrganisationId: f.organisation.id };
    if (state === 'published') return practices.publishNewFiche(t.deps, maker, start);
    const id = await practices.startPractice(t.deps, maker, start);
    if (state === 'submitted')
      await practices.submitFiche(t.deps, maker, (await findPracticeById(t.deps.db, id))!);
    return id;
  };
  let published = '';

  /** A reflection session facilitated by the member: open, or closed with answers (and shared). */
  const freshSession = async (state: 'open' | 'closed' | 'shared' = 'open') => {
    counter++;
    const set = (await findSets(t.deps.db))[0]!;
    const id = await reflection.startSession(
      t.deps,
      { userId: f.users.member.id, correlationId: null },
      {
        setId: set.id,
        organisationId: f.organisation.id,
        team: `Matrixteam ${counter}`,
        schoolYear: '2026-2027',
        dimensions: ['noden'],
        location: null,
      },
    );
    if (state !== 'open') {
      for (const browser of ['a', 'b', 'c'])
        await reflection.recordAnswers(t.deps, { id }, `${browser}${counter}`, [
          { exerciseId: 'noden-1', scale: 3 },
        ]);
      await reflection.setSessionStatus(t.deps, actor, id, 'closed');
      if (state === 'shared') await reflection.shareResults(t.deps, actor, id, true);
    }
    return { id, code: (await findSessionById(t.deps.db, id))!.code };
  };
  const freshAction = async () => {
    const session = await freshSession();
    await reflection.addAction(t.deps, session.id, {
      description: 'Iets doen',
      owner: 'iemand',
      dueOn: null,
    });
    const action = await t.deps.db
      .selectFrom('reflection_actions')
      .select('id')
      .where('session_id', '=', session.id)
      .executeTakeFirstOrThrow();
    return `/reflectie/sessies/${session.id}/acties/${action.id}`;
  };
  const anySet = async () => (await findSets(t.deps.db))[0]!.id;

  /** A referral made by the member, with a one-time consent link for the family. */
  const freshReferral = async () => {
    const referrer = {
      id: f.users.member.id,
      memberships: [{ organisationId: f.organisation.id, role: 'member' }],
    } as unknown as CurrentUser;
    return createReferral(t.deps, actor, referrer, {
      organisationId: f.organisation.id,
      serviceId: owned.serviceId,
      needs: ['FIN'],
      intensity: 2,
      pseudonym: 'Gezin Matrix',
      identity: null,
      note: null,
      consentGivenBy: 'parent',
      consentInformation: ['needs'],
      consentPurpose: 'intake',
      consentFeedbackText: false,
      consentMethod: 'link',
      consentLocale: 'nl',
      checkBackDays: 14,
    });
  };
  const anyCase = async () => (await freshReferral()).caseId;

  // Signalen: the admin of the test organisation is the signal coordinator of East Flanders.
  const signalInput = {
    title: 'Matrixsignaal',
    description: 'Een signaal voor de routematrix.',
    needs: ['FIN' as const],
    sector: 'income' as const,
    place: { municipality: '44021' },
    frequency: 'often' as const,
    seenSince: null,
    sourceType: 'school' as const,
    mayBeNamed: false,
    organisationId: null,
  };
  const freshSignal = async () =>
    signals.raiseSignal(
      t.deps,
      actor,
      (await loadCurrentUser(t.deps, f.users.member.id, 'session'))!,
      signalInput,
    );
  /** A curators' region of its own for each probe (some probes remove it). */
  const freshRegion = async () => {
    counter++;
    return saveRegionGroup(t.deps, actor, null, {
      name: `Matrixregio ${counter}`,
      kind: 'lop',
      description: null,
      municipalities: ['44021'],
    });
  };
  const freshBundle = async () =>
    signals.bundleSignal(
      t.deps,
      actor,
      (await loadCurrentUser(t.deps, f.users.admin.id, 'session'))!,
      await freshSignal(),
      { title: 'Matrixbundel' },
    );

  /** A collaboration of the test organisation and the other one, not public, with two agreement versions. */
  let collaboration: { id: string; agreements: string[] } | undefined;
  const sharedCollaboration = async () => {
    if (collaboration) return collaboration;
    const admin = (await loadCurrentUser(t.deps, f.users.admin.id, 'session'))!;
    const id = await collaborations.registerCollaboration(t.deps, actor, admin, f.organisation.id, {
      title: 'Matrixsamenwerking',
      description: '',
      forms: ['referral'],
      intensity: 'recurring',
      needs: ['FIN'],
      level: 'school_policy',
      municipalityNis: null,
      place: null,
      startsOn: '2026-09-01',
      endsOn: null,
      status: 'active',
      partnerIds: [f.otherOrganisation.id],
      initiatorOrganisationId: null,
    });
    const found = (await collaborations.findCollaboration(t.deps, id))!;
    const agreements = [];
    for (const text of ['Eerste afspraak', 'Tweede afspraak'])
      agreements.push(
        await collaborations.saveAgreement(t.deps, actor, admin, found, {
          schoolYear: '2026-2027',
          kind: 'agreement_note',
          commitments: [{ topic: 'tasks', text, responsible: null }],
          reviewOn: null,
        }),
      );
    await collaborations.planEvaluation(t.deps, actor, id, '2027-06-01');
    collaboration = { id, agreements };
    return collaboration;
  };
  const anyEvaluation = async () =>
    (await t.deps.db.selectFrom('collaboration_evaluations').select('id').executeTakeFirstOrThrow()).id;
  const collab = async (rest = '') => `/samenwerking/${(await sharedCollaboration()).id}${rest}`;
  const PARTNER_ADMIN: RoleName[] = ['admin'];

  /** A public network started by the test organisation's admin (its coordinator), with a meeting and an action. */
  let network:
    | {
        slug: string;
        meetingId: string;
        actionId: string;
        memberId: string;
        holdingId: string;
        roundId: string;
      }
    | undefined;
  const sharedNetwork = async () => {
    if (network) return network;
    const admin = (await loadCurrentUser(t.deps, f.users.admin.id, 'session'))!;
    const n = await networks.createNetwork(t.deps, actor, admin, f.organisation.id, {
      name: 'Matrixnetwerk',
      kind: 'learning_network',
      purpose: 'Proeven',
      municipalityNis: null,
      isPublic: true,
    });
    const meetingId = await networks.planMeeting(t.deps, actor, n, {
      title: 'Matrixvergadering',
      startsAt: new Date('2026-12-01T09:00:00Z'),
      endsAt: new Date('2026-12-01T11:00:00Z'),
      location: 'Gent',
      description: '',
      agenda: ['Welkom'],
    });
    const meeting = (await networks.findMeeting(t.deps, n.id, meetingId))!;
    await networks.addAction(t.deps, actor, meeting, { description: 'Proef', owner: 'Iemand', dueOn: null });
    const actionId = (await networks.actionsOf(t.deps, meetingId))[0]!.id;
    const memberId = (await networks.membersOf(t.deps, n.id))[0]!.id;
    const holdingId = (await roleHoldings(t.deps, { networkId: n.id }))[0]!.id;
    const roundId = (await pulse.openPulseRound(t.deps, actor, n, 'Matrixpuls')).id;
    network = { slug: n.slug, meetingId, actionId, memberId, holdingId, roundId };
    return network;
  };
  const net = async (rest = '') => `/netwerken/${(await sharedNetwork()).slug}${rest}`;
  const meet = async (rest = '') => net(`/vergaderingen/${(await sharedNetwork()).meetingId}${rest}`);
  /** A published event of the shared network with one workshop and one registration. */
  let event: { slug: string; workshopId: string; token: string } | undefined;
  const sharedEvent = async () => {
    if (event) return event;
    const n = (await networks.findNetworkBySlug(t.deps, (await sharedNetwork()).slug))!;
    const e = await events.createEvent(t.deps, actor, n, {
      title: 'Matrixdag',
      description: '',
      startsAt: new Date('2027-01-15T08:00:00Z'),
      endsAt: new Date('2027-01-15T15:00:00Z'),
      location: 'Gent',
    });
    await events.addWorkshop(t.deps, actor, e, { title: 'Proefworkshop', description: '', capacity: 10 });
    await events.publishEvent(t.deps, actor, e);
    const workshopId = (await events.workshopsOf(t.deps, e.id))[0]!.id;
    const token = await events.register(t.deps, actor, (await events.findEvent(t.deps, e.slug))!, {
      name: 'Proef',
      email: 'proef@test.invalid',
      organisation: null,
      workshopIds: [workshopId],
      locale: 'nl',
    });
    event = { slug: e.slug, workshopId, token };
    return event;
  };
  const ev = async (rest = '') => `/evenementen/${(await sharedEvent()).slug}${rest}`;
  const round = async (rest = '') => net(`/puls/${(await sharedNetwork()).roundId}${rest}`);
  const calendarLink = async () =>
    `/kalender/${await networks.renewCalendarFeed(t.deps, actor, f.users.member.id)}.ics`;
  const COORDINATOR: RoleName[] = ['admin'];

  const s = () => f.organisation.slug;
  const matrix: Record<string, { allowed: RoleName[]; probe: Builder }> = {
    'GET /health': { allowed: ALL, probe: () => ({ url: '/health' }) },
    'GET /static/*': { allowed: ALL, probe: () => ({ url: '/static/app.css' }) },
    'GET /api/v1/openapi.json': { allowed: ALL, probe: () => ({ url: '/api/v1/openapi.json' }) },
    'GET /': { allowed: ALL, probe: () => ({ url: '/' }) },
    'GET /sociale-kaart': { allowed: ALL, probe: () => ({ url: '/sociale-kaart' }) },
    'GET /sociale-kaart/aanbod/:id': {
      allowed: ALL,
      probe: async () => ({ url: `/sociale-kaart/aanbod/${await anyServiceId()}` }),
    },
    'GET /api/v1/services': { allowed: ALL, probe: () => ({ url: '/api/v1/services?q=huiswerk' }) },
    'GET /api/hsds/': { allowed: ALL, probe: () => ({ url: '/api/hsds/' }) },
    'GET /api/hsds/services': { allowed: ALL, probe: () => ({ url: '/api/hsds/services?per_page=2' }) },
    'GET /api/hsds/services/:id': {
      allowed: ALL,
      probe: async () => ({ url: `/api/hsds/services/${await anyServiceId()}` }),
    },
    'GET /api/hsds/organizations': {
      allowed: ALL,
      probe: () => ({ url: '/api/hsds/organizations?per_page=2' }),
    },
    'GET /api/hsds/organizations/:id': {
      allowed: ALL,
      probe: async () => ({
        url: `/api/hsds/organizations/${(await t.deps.db.selectFrom('directory_organizations').select('id').executeTakeFirstOrThrow()).id}`,
      }),
    },
    'GET /api/hsds/service_at_locations': {
      allowed: ALL,
      probe: () => ({ url: '/api/hsds/service_at_locations?per_page=2' }),
    },
    'GET /api/hsds/service_at_locations/:id': {
      allowed: ALL,
      probe: async () => ({
        url: `/api/hsds/service_at_locations/${(await t.deps.db.selectFrom('directory_service_at_locations').select('id').executeTakeFirstOrThrow()).id}`,
      }),
    },
    'GET /api/hsds/taxonomies': { allowed: ALL, probe: () => ({ url: '/api/hsds/taxonomies' }) },
    'GET /api/hsds/taxonomy_terms': { allowed: ALL, probe: () => ({ url: '/api/hsds/taxonomy_terms' }) },
    'GET /reflectie': { allowed: ALL, probe: () => ({ url: '/reflectie' }) },
    'GET /reflectie/doe-mee': { allowed: ALL, probe: () => ({ url: '/reflectie/doe-mee?code=' }) },
    'GET /reflectie/doe-mee/:code': {
      allowed: ALL,
      probe: async () => ({ url: `/reflectie/doe-mee/${(await freshSession()).code}` }),
    },
    'POST /reflectie/doe-mee/:code': {
      allowed: ALL,
      probe: async () => ({
        url: `/reflectie/doe-mee/${(await freshSession()).code}`,
        form: { 'noden-1': '4' },
      }),
    },
    'GET /reflectie/doe-mee/:code/resultaten': {
      allowed: ALL,
      probe: async () => ({ url: `/reflectie/doe-mee/${(await freshSession('shared')).code}/resultaten` }),
    },
    'GET /reflectie/vragensets/:id': {
      allowed: ALL,
      probe: async () => ({ url: `/reflectie/vragensets/${await anySet()}` }),
    },
    'GET /reflectie/vragensets/:id/bewerken': {
      allowed: ['curator'],
      probe: async () => ({ url: `/reflectie/vragensets/${await anySet()}/bewerken` }),
    },
    'POST /reflectie/vragensets/:id/bewerken': {
      allowed: ['curator'],
      probe: async () => ({ url: `/reflectie/vragensets/${await anySet()}/bewerken`, form: {} }),
    },
    'GET /reflectie/sessies/nieuw': {
      allowed: SCHOOL_STAFF,
      probe: () => ({ url: '/reflectie/sessies/nieuw' }),
    },
    'POST /reflectie/sessies/nieuw': {
      allowed: SCHOOL_STAFF,
      probe: () => ({ url: '/reflectie/sessies/nieuw', form: {} }),
    },
    'GET /reflectie/sessies/:id': {
      allowed: FACILITATOR,
      probe: async () => ({ url: `/reflectie/sessies/${(await freshSession('closed')).id}` }),
    },
    'GET /reflectie/sessies/:id/stand': {
      allowed: FACILITATOR,
      probe: async () => ({ url: `/reflectie/sessies/${(await freshSession()).id}/stand` }),
    },
    'GET /reflectie/sessies/:id/verslag': {
      allowed: FACILITATOR,
      probe: async () => ({ url: `/reflectie/sessies/${(await freshSession('closed')).id}/verslag` }),
    },
    'GET /reflectie/sessies/:id/resultaten.csv': {
      allowed: FACILITATOR,
      probe: async () => ({ url: `/reflectie/sessies/${(await freshSession('closed')).id}/resultaten.csv` }),
    },
    'POST /reflectie/sessies/:id/status': {
      allowed: FACILITATOR,
      probe: async () => ({
        url: `/reflectie/sessies/${(await freshSession()).id}/status`,
        form: { status: 'closed' },
      }),
    },
    'POST /reflectie/sessies/:id/delen': {
      allowed: FACILITATOR,
      probe: async () => ({
        url: `/reflectie/sessies/${(await freshSession('closed')).id}/delen`,
        form: { shared: '1' },
      }),
    },
    'POST /reflectie/sessies/:id/notities': {
      allowed: FACILITATOR,
      probe: async () => ({
        url: `/reflectie/sessies/${(await freshSession()).id}/notities`,
        form: { notes: 'Notitie' },
      }),
    },
    'POST /reflectie/sessies/:id/acties': {
      allowed: FACILITATOR,
      probe: async () => ({
        url: `/reflectie/sessies/${(await freshSession()).id}/acties`,
        form: { description: 'Iets', owner: 'Iemand' },
      }),
    },
    'POST /reflectie/sessies/:id/acties/:actionId': {
      allowed: FACILITATOR,
      probe: async () => ({ url: await freshAction(), form: { change: 'done' } }),
    },
    'POST /reflectie/sessies/:id/herhalen': {
      allowed: FACILITATOR,
      probe: async () => ({
        url: `/reflectie/sessies/${(await freshSession('closed')).id}/herhalen`,
        form: {},
      }),
    },
    'GET /samenwerking/rollen': { allowed: ALL, probe: () => ({ url: '/samenwerking/rollen' }) },
    'GET /samenwerking/netwerkbeeld': {
      allowed: ALL,
      probe: () => ({ url: '/samenwerking/netwerkbeeld?vorm=referral' }),
    },
    'GET /samenwerking': { allowed: ALL, probe: () => ({ url: '/samenwerking' }) },
    'GET /toeleiding': { allowed: ALL, probe: () => ({ url: '/toeleiding' }) },
    'GET /signalen': { allowed: ALL, probe: () => ({ url: '/signalen' }) },
    'GET /regios': { allowed: ALL, probe: () => ({ url: '/regios' }) },
    'GET /taal/:locale': { allowed: ALL, probe: () => ({ url: '/taal/nl?terug=/' }) },
    'GET /bronnen': { allowed: ALL, probe: () => ({ url: '/bronnen' }) },
    'GET /aanmelden': { allowed: ALL, probe: () => ({ url: '/aanmelden' }) },
    'POST /aanmelden': { allowed: ALL, probe: () => ({ url: '/aanmelden', form: {} }) },
    'GET /aanmelden/code': { allowed: ALL, probe: () => ({ url: '/aanmelden/code' }) },
    'POST /aanmelden/code': { allowed: ALL, probe: () => ({ url: '/aanmelden/code', form: {} }) },
    'POST /afmelden': { allowed: ALL, probe: () => ({ url: '/afmelden', form: {} }) },
    'GET /account': { allowed: SIGNED_IN, probe: () => ({ url: '/account' }) },
    'GET /account/tweestapsverificatie': {
      allowed: SIGNED_IN,
      probe: () => ({ url: '/account/tweestapsverificatie' }),
    },
    'POST /account/tweestapsverificatie': {
      allowed: SIGNED_IN,
      probe: () => ({ url: '/account/tweestapsverificatie', form: {} }),
    },
    'GET /account/tokens': { allowed: SIGNED_IN, probe: () => ({ url: '/account/tokens' }) },
    'POST /account/tokens': { allowed: SIGNED_IN, probe: () => ({ url: '/account/tokens', form: {} }) },
    'POST /account/tokens/:id/intrekken': {
      allowed: SIGNED_IN,
      probe: async (role) => ({ url: `/account/tokens/${await ownTokenId(role)}/intrekken`, form: {} }),
    },
    'GET /wachtwoord-vergeten': { allowed: ALL, probe: () => ({ url: '/wachtwoord-vergeten' }) },
    'POST /wachtwoord-vergeten': { allowed: ALL, probe: () => ({ url: '/wachtwoord-vergeten', form: {} }) },
    'GET /wachtwoord-herstellen/:token': { allowed: ALL, probe: async () => ({ url: await freshReset() }) },
    'POST /wachtwoord-herstellen/:token': {
      allowed: ALL,
      probe: async () => ({ url: await freshReset(), form: {} }),
    },
    'GET /uitnodiging/:token': { allowed: ALL, probe: async () => ({ url: await freshInvitation() }) },
    'POST /uitnodiging/:token': {
      allowed: ALL,
      probe: async () => ({ url: await freshInvitation(), form: {} }),
    },
    'GET /organisaties/:slug/leden': {
      allowed: ORG_MEMBERS,
      probe: () => ({ url: `/organisaties/${s()}/leden` }),
    },
    'POST /organisaties/:slug/uitnodigingen': {
      allowed: ORG_ADMINS,
      probe: () => ({ url: `/organisaties/${s()}/uitnodigingen`, form: {} }),
    },
    'POST /organisaties/:slug/leden/:userId/rol': {
      allowed: ORG_ADMINS,
      probe: async () => ({
        url: `/organisaties/${s()}/leden/${await freshMember()}/rol`,
        form: { role: 'editor' },
      }),
    },
    'GET /organisaties/:slug/leden/:userId/verwijderen': {
      allowed: ORG_ADMINS,
      probe: async () => ({ url: `/organisaties/${s()}/leden/${await freshMember()}/verwijderen` }),
    },
    'POST /organisaties/:slug/leden/:userId/verwijderen': {
      allowed: ORG_ADMINS,
      probe: async () => ({ url: `/organisaties/${s()}/leden/${await freshMember()}/verwijderen`, form: {} }),
    },
    'POST /organisaties/:slug/tweestapsverificatie': {
      allowed: ORG_ADMINS,
      probe: () => ({ url: `/organisaties/${s()}/tweestapsverificatie`, form: {} }),
    },
    'GET /beheer/gebruikers': { allowed: PLATFORM_ADMIN, probe: () => ({ url: '/beheer/gebruikers' }) },
    'POST /beheer/gebruikers/:id/platformrollen': {
      allowed: PLATFORM_ADMIN,
      probe: () => ({
        url: `/beheer/gebruikers/${f.users.curator.id}/platformrollen`,
        form: { roles: 'curator' },
      }),
    },
    'GET /beheer/gebruikers/:id/tweestapsverificatie-wissen': {
      allowed: PLATFORM_ADMIN,
      probe: async () => ({
        url: `/beheer/gebruikers/${await userWithSecondFactor()}/tweestapsverificatie-wissen`,
      }),
    },
    'POST /beheer/gebruikers/:id/tweestapsverificatie-wissen': {
      allowed: PLATFORM_ADMIN,
      probe: async () => ({
        url: `/beheer/gebruikers/${await userWithSecondFactor()}/tweestapsverificatie-wissen`,
        form: {},
      }),
    },
    'POST /beheer/tweestapsverificatie': {
      allowed: PLATFORM_ADMIN,
      probe: () => ({ url: '/beheer/tweestapsverificatie', form: {} }),
    },
    'GET /beheer/organisaties': { allowed: PLATFORM_ADMIN, probe: () => ({ url: '/beheer/organisaties' }) },
    'POST /beheer/organisaties': {
      allowed: PLATFORM_ADMIN,
      probe: () => ({ url: '/beheer/organisaties', form: {} }),
    },
    'GET /beheer/mailbox': { allowed: PLATFORM_ADMIN, probe: () => ({ url: '/beheer/mailbox' }) },
    'GET /beheer/mailbox/:id': {
      allowed: PLATFORM_ADMIN,
      probe: async () => ({ url: `/beheer/mailbox/${await anyMailId()}` }),
    },
    'GET /beheer/audit': { allowed: PLATFORM_ADMIN, probe: () => ({ url: '/beheer/audit' }) },
    'GET /sociale-kaart/aanbod/:id/bewerken': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/aanbod/${owned.serviceId}/bewerken` }),
    },
    'POST /sociale-kaart/aanbod/:id/bewerken': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/aanbod/${owned.serviceId}/bewerken`, form: {} }),
    },
    'GET /sociale-kaart/aanbod/:id/geschiedenis': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/aanbod/${owned.serviceId}/geschiedenis` }),
    },
    'GET /sociale-kaart/aanbod/:id/meld-een-fout': {
      allowed: ALL,
      probe: async () => ({ url: `/sociale-kaart/aanbod/${await anyServiceId()}/meld-een-fout` }),
    },
    'POST /sociale-kaart/aanbod/:id/meld-een-fout': {
      allowed: ALL,
      probe: async () => ({ url: `/sociale-kaart/aanbod/${await anyServiceId()}/meld-een-fout`, form: {} }),
    },
    'GET /sociale-kaart/organisaties/:id/bewerken': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/organisaties/${owned.partnerId}/bewerken` }),
    },
    'POST /sociale-kaart/organisaties/:id/bewerken': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/organisaties/${owned.partnerId}/bewerken`, form: {} }),
    },
    'GET /sociale-kaart/organisaties/:id/geschiedenis': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/organisaties/${owned.partnerId}/geschiedenis` }),
    },
    'GET /sociale-kaart/organisaties/:id/aanspreekpunten/nieuw': {
      allowed: ENTRY_OWNERS,
      probe: () => ({ url: `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/nieuw` }),
    },
    'POST /sociale-kaart/organisaties/:id/aanspreekpunten/nieuw': {
      allowed: ENTRY_OWNERS,
      probe: () => ({
        url: `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/nieuw`,
        form: {},
      }),
    },
    'GET /sociale-kaart/organisaties/:id/aanspreekpunten/:contactId': {
      allowed: ENTRY_OWNERS,
      probe: async () => ({
        url: `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/${await freshContact()}`,
      }),
    },
    'POST /sociale-kaart/organisaties/:id/aanspreekpunten/:contactId': {
      allowed: ENTRY_OWNERS,
      probe: async () => ({
        url: `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/${await freshContact()}`,
        form: {},
      }),
    },
    'GET /sociale-kaart/organisaties/:id/aanspreekpunten/:contactId/verwijderen': {
      allowed: ENTRY_OWNERS,
      probe: async () => ({
        url: `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/${await freshContact()}/verwijderen`,
      }),
    },
    'POST /sociale-kaart/organisaties/:id/aanspreekpunten/:contactId/verwijderen': {
      allowed: ENTRY_OWNERS,
      probe: async () => ({
        url: `/sociale-kaart/organisaties/${owned.partnerId}/aanspreekpunten/${await freshContact()}/verwijderen`,
        form: {},
      }),
    },
    'GET /sociale-kaart/organisaties/:id': {
      allowed: ALL,
      probe: () => ({ url: `/sociale-kaart/organisaties/${owned.partnerId}` }),
    },
    'POST /sociale-kaart/organisaties/:id/claimen': {
      allowed: ['admin'],
      probe: () => ({
        url: `/sociale-kaart/organisaties/${owned.partnerId}/claimen`,
        form: { organisation: f.organisation.id },
      }),
    },
    'GET /sociale-kaart/claims': { allowed: ['curator'], probe: () => ({ url: '/sociale-kaart/claims' }) },
    'POST /sociale-kaart/claims/:id': {
      allowed: ['curator'],
      probe: async () => ({
        url: `/sociale-kaart/claims/${await freshClaim()}`,
        form: { decision: 'reject' },
      }),
    },
    'GET /sociale-kaart/ken-je-buurt': {
      allowed: SCHOOL_STAFF,
      probe: () => ({ url: '/sociale-kaart/ken-je-buurt' }),
    },
    'GET /sociale-kaart/ken-je-buurt/:school/:partner': {
      allowed: SCHOOL_STAFF,
      probe: () => ({ url: `/sociale-kaart/ken-je-buurt/${owned.schoolId}/${owned.partnerId}` }),
    },
    'POST /sociale-kaart/ken-je-buurt/:school/:partner': {
      allowed: SCHOOL_STAFF,
      probe: () => ({
        url: `/sociale-kaart/ken-je-buurt/${owned.schoolId}/${owned.partnerId}`,
        form: { status: 'to_contact' },
      }),
    },
    'GET /praktijken': { allowed: ALL, probe: () => ({ url: '/praktijken?q=matrix' }) },
    'GET /praktijken/feed.atom': { allowed: ALL, probe: () => ({ url: '/praktijken/feed.atom' }) },
    'GET /praktijken/nieuw': { allowed: SIGNED_IN, probe: () => ({ url: '/praktijken/nieuw' }) },
    'POST /praktijken/nieuw': { allowed: SIGNED_IN, probe: () => ({ url: '/praktijken/nieuw', form: {} }) },
    'GET /praktijken/mijn': { allowed: SIGNED_IN, probe: () => ({ url: '/praktijken/mijn' }) },
    'GET /praktijken/redactie': { allowed: ['curator'], probe: () => ({ url: '/praktijken/redactie' }) },
    'GET /praktijken/:id': {
      allowed: FICHE_OWNERS,
      probe: async () => ({ url: `/praktijken/${await freshPractice('draft')}` }),
    },
    'GET /praktijken/:id/bewerken': {
      allowed: FICHE_OWNERS,
      probe: () => ({ url: `/praktijken/${published}/bewerken` }),
    },
    'POST /praktijken/:id/bewerken': {
      allowed: FICHE_OWNERS,
      probe: () => ({ url: `/praktijken/${published}/bewerken`, form: {} }),
    },
    'POST /praktijken/:id/indienen': {
      allowed: FICHE_OWNERS,
      probe: async () => ({ url: `/praktijken/${await freshPractice('draft')}/indienen`, form: {} }),
    },
    'POST /praktijken/:id/nog-actueel': {
      allowed: FICHE_OWNERS,
      probe: () => ({ url: `/praktijken/${published}/nog-actueel`, form: {} }),
    },
    'GET /praktijken/:id/beoordelen': {
      allowed: ['curator'],
      probe: async () => ({ url: `/praktijken/${await freshPractice('submitted')}/beoordelen` }),
    },
    'POST /praktijken/:id/beoordelen': {
      allowed: ['curator'],
      probe: async () => ({
        url: `/praktijken/${await freshPractice('submitted')}/beoordelen`,
        form: { decision: 'return', comment: 'Graag nog een contact.' },
      }),
    },
    'GET /praktijken/:id/versies': {
      allowed: FICHE_READERS,
      probe: () => ({ url: `/praktijken/${published}/versies` }),
    },
    'POST /praktijken/:id/volgen': {
      allowed: SIGNED_IN,
      probe: () => ({ url: `/praktijken/${published}/volgen`, form: { follow: '1' } }),
    },
    'GET /praktijken/:id/opmerking': {
      allowed: ALL,
      probe: () => ({ url: `/praktijken/${published}/opmerking` }),
    },
    'POST /praktijken/:id/opmerking': {
      allowed: ALL,
      probe: () => ({ url: `/praktijken/${published}/opmerking`, form: {} }),
    },
    'GET /praktijken/:id/tekst': { allowed: ALL, probe: () => ({ url: `/praktijken/${published}/tekst` }) },
    'GET /api/v1/practices': { allowed: ALL, probe: () => ({ url: '/api/v1/practices?q=matrix' }) },
    'GET /api/v1/practices/export.json': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/practices/export.json' }),
    },
    'GET /api/v1/practices/export.csv': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/practices/export.csv' }),
    },
    'GET /api/v1/practices/:id': { allowed: ALL, probe: () => ({ url: `/api/v1/practices/${published}` }) },
    'POST /api/v1/practices/import': {
      allowed: SIGNED_IN,
      probe: () => ({
        url: '/api/v1/practices/import',
        text: 'Matrixpraktijk uit tekst\n\nBeschrijving\n\nOm te proberen.\n',
      }),
    },
    'GET /api/v1/me': { allowed: SIGNED_IN, probe: () => ({ url: '/api/v1/me' }) },
    'GET /api/v1/provinces': { allowed: ALL, probe: () => ({ url: '/api/v1/provinces' }) },
    'GET /api/v1/municipalities': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/municipalities?region=BRU' }),
    },
    'GET /api/v1/municipalities/:nisCode': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/municipalities/44021' }),
    },
    'GET /api/v1/postal-codes/:postalCode': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/postal-codes/9000' }),
    },
    'GET /kaart/gemeenten.topojson': { allowed: ALL, probe: () => ({ url: '/kaart/gemeenten.topojson' }) },
    // Toeleiding en casusoverleg: nobody here has a second factor, so no role reaches a case route
    // (who sees which case is tested per relation in case-matrix.test.ts). The family's pages are public.
    ...Object.fromEntries(
      [
        'GET /toeleiding',
        'GET /toeleiding/nieuw',
        'POST /toeleiding/nieuw',
        'GET /toeleiding/:id',
        'GET /toeleiding/:id/audit',
        'POST /toeleiding/:id/leden',
        'POST /toeleiding/:id/leden/:userId/verwijderen',
        'POST /toeleiding/:id/identiteit',
        'POST /toeleiding/:id/toestemming-intrekken',
        'POST /toeleiding/:id/status',
        'POST /toeleiding/:id/opvolging',
        'POST /toeleiding/:id/toewijzen',
        'GET /casusoverleg',
        'GET /casusoverleg/nieuw',
        'POST /casusoverleg/nieuw',
        'GET /casusoverleg/:id',
        'GET /casusoverleg/:id/audit',
        'POST /casusoverleg/:id/leden',
        'POST /casusoverleg/:id/leden/:userId/verwijderen',
        'POST /casusoverleg/:id/identiteit',
        'POST /casusoverleg/:id/advies',
        'POST /casusoverleg/:id/rondetafel',
        'POST /casusoverleg/:id/acties',
        'POST /casusoverleg/:id/acties/:actionId',
        'POST /casusoverleg/:id/uitkomst',
        'GET /beheer/verzoeken-gezinnen',
        'POST /beheer/verzoeken-gezinnen',
      ].map((key): [string, { allowed: RoleName[]; probe: Builder }] => [
        key,
        {
          allowed: [],
          probe: async () => {
            const id = await anyCase();
            const url = key
              .slice(key.indexOf(' ') + 1)
              .replace(':id', id)
              .replace(':userId', f.users.member.id)
              .replace(':actionId', id);
            return { url, form: {} };
          },
        },
      ]),
    ),
    'GET /regios/:slug': { allowed: ALL, probe: () => ({ url: '/regios/40000' }) },
    'GET /regios/nieuw': { allowed: ['curator'], probe: () => ({ url: '/regios/nieuw' }) },
    'POST /regios/nieuw': { allowed: ['curator'], probe: () => ({ url: '/regios/nieuw', form: {} }) },
    'GET /regios/indicatoren': { allowed: ['curator'], probe: () => ({ url: '/regios/indicatoren' }) },
    'POST /regios/indicatoren': {
      allowed: ['curator'],
      probe: () => ({ url: '/regios/indicatoren', form: {} }),
    },
    'GET /regios/:slug/bewerken': {
      allowed: ['curator'],
      probe: async () => ({ url: `/regios/${await freshRegion()}/bewerken` }),
    },
    'POST /regios/:slug/bewerken': {
      allowed: ['curator'],
      probe: async () => ({ url: `/regios/${await freshRegion()}/bewerken`, form: {} }),
    },
    'POST /regios/:slug/verwijderen': {
      allowed: ['curator'],
      probe: async () => ({ url: `/regios/${await freshRegion()}/verwijderen`, form: { confirm: 'yes' } }),
    },
    'GET /signalen/rapport': {
      allowed: ALL,
      probe: () => ({ url: '/signalen/rapport?regio=40000&jaar=2026' }),
    },
    'GET /signalen/rapport.csv': {
      allowed: ALL,
      probe: () => ({ url: '/signalen/rapport.csv?regio=40000&jaar=2026' }),
    },
    'GET /api/v1/regions': { allowed: ALL, probe: () => ({ url: '/api/v1/regions' }) },
    'GET /api/v1/regions/:slug/figures': {
      allowed: ALL,
      probe: async () => ({ url: `/api/v1/regions/${await freshRegion()}/figures` }),
    },
    'GET /api/v1/regions/:slug/figures.csv': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/regions/40000/figures.csv' }),
    },
    'GET /api/v1/signals/report': {
      allowed: ALL,
      probe: () => ({ url: '/api/v1/signals/report?region=40000&year=2026' }),
    },
    'GET /signalen/nieuw': { allowed: SIGNED_IN, probe: () => ({ url: '/signalen/nieuw' }) },
    'POST /signalen/nieuw': { allowed: SIGNED_IN, probe: () => ({ url: '/signalen/nieuw', form: {} }) },
    'GET /signalen/mijn': { allowed: SIGNED_IN, probe: () => ({ url: '/signalen/mijn' }) },
    'GET /api/v1/signals': { allowed: SIGNED_IN, probe: () => ({ url: '/api/v1/signals' }) },
    'POST /api/v1/signals': {
      allowed: SIGNED_IN,
      probe: () => ({
        url: '/api/v1/signals',
        json: {
          title: 'Matrix',
          description: 'Via de API.',
          needs: ['FIN'],
          sector: 'income',
          region: '40000',
          frequency: 'often',
          sourceType: 'school',
        },
      }),
    },
    // Only the region's signal coordinator (the test organisation's admin) handles its signals.
    'GET /signalen/behandelen': { allowed: ['admin'], probe: () => ({ url: '/signalen/behandelen' }) },
    'GET /signalen/behandelen/signalen/:id': {
      allowed: ['admin'],
      probe: async () => ({ url: `/signalen/behandelen/signalen/${await freshSignal()}` }),
    },
    'POST /signalen/behandelen/signalen/:id/bundel': {
      allowed: ['admin'],
      probe: async () => ({
        url: `/signalen/behandelen/signalen/${await freshSignal()}/bundel`,
        form: { bundle: 'new', title: 'Matrixbundel' },
      }),
    },
    'GET /signalen/behandelen/bundels/:id': {
      allowed: ['admin'],
      probe: async () => ({ url: `/signalen/behandelen/bundels/${await freshBundle()}` }),
    },
    'GET /signalen/behandelen/bundels/:id/werkgroep': {
      allowed: ['admin'],
      probe: async () => ({ url: `/signalen/behandelen/bundels/${await freshBundle()}/werkgroep` }),
    },
    ...Object.fromEntries(
      ['onderschrijving', 'aanbeveling', 'antwoord', 'opvolging'].map(
        (step): [string, { allowed: RoleName[]; probe: Builder }] => [
          `POST /signalen/behandelen/bundels/:id/${step}`,
          {
            allowed: ['admin'],
            probe: async () => ({
              url: `/signalen/behandelen/bundels/${await freshBundle()}/${step}`,
              form: {},
            }),
          },
        ],
      ),
    ),
    'GET /samenwerking/nieuw': { allowed: PARTNER_ADMIN, probe: () => ({ url: '/samenwerking/nieuw' }) },
    'POST /samenwerking/nieuw': {
      allowed: PARTNER_ADMIN,
      probe: () => ({ url: '/samenwerking/nieuw', form: {} }),
    },
    'GET /samenwerking/:id': { allowed: SCHOOL_STAFF, probe: async () => ({ url: await collab() }) },
    'GET /samenwerking/:id/wijzigen': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab('/wijzigen') }),
    },
    'POST /samenwerking/:id/wijzigen': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab('/wijzigen'), form: {} }),
    },
    'POST /samenwerking/:id/openbaar': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab('/openbaar'), form: {} }),
    },
    'POST /samenwerking/:id/evaluaties': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab('/evaluaties'), form: {} }),
    },
    'POST /samenwerking/:id/evaluaties/:evaluationId': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab(`/evaluaties/${await anyEvaluation()}`), form: {} }),
    },
    'GET /samenwerking/:id/afspraken/nieuw': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab('/afspraken/nieuw') }),
    },
    'POST /samenwerking/:id/afspraken/nieuw': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({ url: await collab('/afspraken/nieuw'), form: {} }),
    },
    'GET /samenwerking/:id/afspraken/vergelijk': {
      allowed: SCHOOL_STAFF,
      probe: async () => {
        const [a, b] = (await sharedCollaboration()).agreements;
        return { url: await collab(`/afspraken/vergelijk?van=${a}&met=${b}`) };
      },
    },
    'GET /samenwerking/:id/afspraken/:agreementId': {
      allowed: SCHOOL_STAFF,
      probe: async () => ({ url: await collab(`/afspraken/${(await sharedCollaboration()).agreements[1]}`) }),
    },
    'POST /samenwerking/:id/afspraken/:agreementId/aanvaarden': {
      allowed: PARTNER_ADMIN,
      probe: async () => ({
        url: await collab(`/afspraken/${(await sharedCollaboration()).agreements[1]}/aanvaarden`),
        form: {},
      }),
    },
    'GET /netwerken': { allowed: ALL, probe: () => ({ url: '/netwerken' }) },
    'GET /netwerken/nieuw': { allowed: PARTNER_ADMIN, probe: () => ({ url: '/netwerken/nieuw' }) },
    'POST /netwerken/nieuw': { allowed: PARTNER_ADMIN, probe: () => ({ url: '/netwerken/nieuw', form: {} }) },
    'GET /netwerken/:slug': { allowed: ALL, probe: async () => ({ url: await net() }) },
    'GET /netwerken/:slug/wijzigen': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/wijzigen') }),
    },
    'POST /netwerken/:slug/wijzigen': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/wijzigen'), form: {} }),
    },
    'POST /netwerken/:slug/leden': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/leden'), form: {} }),
    },
    'POST /netwerken/:slug/leden/:memberId/verwijderen': {
      allowed: COORDINATOR,
      probe: async () => ({
        url: await net(`/leden/${(await sharedNetwork()).memberId}/verwijderen`),
        form: {},
      }),
    },
    'POST /netwerken/:slug/rollen': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/rollen'), form: {} }),
    },
    'POST /netwerken/:slug/rollen/:holdingId/overdragen': {
      allowed: COORDINATOR,
      probe: async () => ({
        url: await net(`/rollen/${(await sharedNetwork()).holdingId}/overdragen`),
        form: {},
      }),
    },
    'POST /netwerken/:slug/acties/:actionId': {
      allowed: COORDINATOR,
      probe: async () => ({
        url: await net(`/acties/${(await sharedNetwork()).actionId}`),
        form: { status: 'open' },
      }),
    },
    'GET /netwerken/:slug/vergaderingen/nieuw': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/vergaderingen/nieuw') }),
    },
    'POST /netwerken/:slug/vergaderingen/nieuw': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/vergaderingen/nieuw'), form: {} }),
    },
    // The test organisation is a member, so all its staff take part and read the meeting.
    'GET /netwerken/:slug/vergaderingen/:meetingId': {
      allowed: SCHOOL_STAFF,
      probe: async () => ({ url: await meet() }),
    },
    'GET /netwerken/:slug/vergaderingen/:meetingId/wijzigen': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/wijzigen') }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/wijzigen': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/wijzigen'), form: {} }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/agenda': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/agenda'), form: {} }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/besluiten': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/besluiten'), form: {} }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/acties': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/acties'), form: {} }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/verslag': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/verslag'), form: {} }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/uitnodigen': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/uitnodigen'), form: {} }),
    },
    'POST /netwerken/:slug/vergaderingen/:meetingId/afgelasten': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await meet('/afgelasten'), form: {} }),
    },
    'GET /netwerken/:slug/agenda.ics': {
      allowed: ALL,
      probe: async () => ({ url: await net('/agenda.ics') }),
    },
    'GET /netwerken/:slug/puls': { allowed: SCHOOL_STAFF, probe: async () => ({ url: await net('/puls') }) },
    'POST /netwerken/:slug/puls': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/puls'), form: {} }),
    },
    'GET /netwerken/:slug/puls/:roundId': {
      allowed: SCHOOL_STAFF,
      probe: async () => ({ url: await round() }),
    },
    'POST /netwerken/:slug/puls/:roundId/antwoord': {
      allowed: SCHOOL_STAFF,
      probe: async () => ({ url: await round('/antwoord'), form: {} }),
    },
    'POST /netwerken/:slug/puls/:roundId/afsluiten': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await round('/afsluiten'), form: {} }),
    },
    'GET /netwerken/:slug/evenementen/nieuw': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/evenementen/nieuw') }),
    },
    'POST /netwerken/:slug/evenementen/nieuw': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await net('/evenementen/nieuw'), form: {} }),
    },
    'GET /evenementen/:eventSlug': { allowed: ALL, probe: async () => ({ url: await ev() }) },
    'POST /evenementen/:eventSlug/inschrijven': {
      allowed: ALL,
      probe: async () => ({ url: await ev('/inschrijven'), form: {} }),
    },
    'POST /evenementen/:eventSlug/workshops': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await ev('/workshops'), form: {} }),
    },
    'POST /evenementen/:eventSlug/publiceren': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await ev('/publiceren'), form: {} }),
    },
    'POST /evenementen/:eventSlug/afgelasten': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await ev('/afgelasten'), form: {} }),
    },
    'GET /evenementen/:eventSlug/aanwezigheden': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await ev('/aanwezigheden') }),
    },
    'POST /evenementen/:eventSlug/aanwezigheden/:workshopId': {
      allowed: COORDINATOR,
      probe: async () => ({ url: await ev(`/aanwezigheden/${(await sharedEvent()).workshopId}`), form: {} }),
    },
    'GET /inschrijving/:token': {
      allowed: ALL,
      probe: async () => ({ url: `/inschrijving/${(await sharedEvent()).token}` }),
    },
    'POST /inschrijving/:token/annuleren': {
      allowed: ALL,
      probe: async () => ({ url: `/inschrijving/${(await sharedEvent()).token}/annuleren`, form: {} }),
    },
    'GET /netwerken/kalender': { allowed: SIGNED_IN, probe: () => ({ url: '/netwerken/kalender' }) },
    'POST /netwerken/kalender': {
      allowed: SIGNED_IN,
      probe: () => ({ url: '/netwerken/kalender', form: {} }),
    },
    'GET /kalender/:file': { allowed: ALL, probe: async () => ({ url: await calendarLink() }) },
    'GET /toestemming/:token': {
      allowed: ALL,
      probe: async () => ({ url: `/toestemming/${(await freshReferral()).consentLink}` }),
    },
    'POST /toestemming/:token': {
      allowed: ALL,
      probe: async () => ({
        url: `/toestemming/${(await freshReferral()).consentLink}`,
        form: { answer: 'no' },
      }),
    },
    'GET /inzage/:token': {
      allowed: ALL,
      probe: async () => ({
        url: new URL(await createParentViewLink(t.deps, actor, (await freshReferral()).reference)).pathname,
      }),
    },
  };

  it('has an expectation for every registered route, and no stale ones', () => {
    const registered = new Set(
      t.app.registeredRoutes.filter((r) => r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`),
    );
    assert.deepEqual(
      [...registered].filter((k) => !(k in matrix)),
      [],
      'routes without an expectation',
    );
    assert.deepEqual(
      Object.keys(matrix).filter((k) => !registered.has(k)),
      [],
      'expectations without a route',
    );
  });

  it('allows exactly the expected roles on every route', async () => {
    const unexpectedAllows: string[] = [];
    const unexpectedDenies: string[] = [];
    let probes = 0;
    for (const [key, { allowed, probe }] of Object.entries(matrix)) {
      const method = key.split(' ')[0]!;
      for (const role of roleNames) {
        // Signing out ends the session: that probe gets its own browser.
        let agent = agents.get(role)!;
        if (key === 'POST /afmelden' && role !== 'anonymous') {
          agent = new Agent(t.app);
          await agent.signIn(f.users[role].email, TEST_PASSWORD);
        }
        const p = await probe(role);
        const isApi = p.url.startsWith('/api/');
        const headers: Record<string, string> =
          isApi && tokens.has(role) ? { authorization: `Bearer ${tokens.get(role)}` } : {};
        const res =
          method === 'GET'
            ? await agent.get(p.url, headers)
            : p.text !== undefined
              ? await t.app.inject({
                  method: 'POST',
                  url: p.url,
                  headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' },
                  payload: p.text,
                })
              : p.json !== undefined
                ? await t.app.inject({ method: 'POST', url: p.url, headers, payload: p.json })
                : await agent.post(p.url, p.form ?? {});
        probes++;
        assert.ok(res.statusCode < 500, `${key} as ${role} answered ${res.statusCode}`);
        const location = String(res.headers.location ?? '');
        const denied =
          [401, 403, 404].includes(res.statusCode) ||
          (res.statusCode === 303 &&
            (location.startsWith('/aanmelden?terug=') || location === '/account/tweestapsverificatie'));
        const expected = allowed.includes(role);
        if (expected && denied) unexpectedDenies.push(`${key} as ${role}: ${res.statusCode} ${location}`);
        if (!expected && !denied) unexpectedAllows.push(`${key} as ${role}: ${res.statusCode} ${location}`);
      }
    }
    console.log(
      `route matrix: ${probes} probes, ${unexpectedAllows.length} unexpected allows, ${unexpectedDenies.length} unexpected denies`,
    );
    assert.deepEqual(unexpectedAllows, []);
    assert.deepEqual(unexpectedDenies, []);
  });
});
