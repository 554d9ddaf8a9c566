import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Agent } from '../helpers/agent.ts';
import { createFixtures, startTestApp, type TestContext } from '../helpers/app.ts';
import {
  type CaseCast,
  type CaseState,
  castConsultation,
  castForCases,
  castReferral,
  type Relation,
  relations,
} from '../helpers/cases.ts';

// Every route of the cases module, probed by every relation a person can have to a case (member or
// not, same or other organisation, each role) on an open, a closed and a purged case. The expected
// outcome is written out by hand below; the test fails on a route without one. While it runs, it
// counts the case's audit rows: exactly one per allowed read or write, none for a refused request.

type Outcome = 'allow' | 'forbid' | 'hidden' | 'signin' | 'secondFactor' | 'refuse';
type Kind = 'referral' | 'consultation';
interface Fixture {
  id: string;
  reference: string;
  actionId?: string;
  consentLink?: string | null;
  parentViewLink?: string | null;
}
interface Row {
  route: string;
  kind: Kind;
  /** Cases built for this route alone (token routes). */
  fixture?: { consentByLink?: boolean; parentView?: boolean };
  request(fx: Fixture, cast: CaseCast): { url: string; form?: Record<string, string | string[]> };
  expect(relation: Relation, state: CaseState): Outcome;
  /** Audit rows on the probed case; by default one when the request was served. */
  auditRows?(relation: Relation, state: CaseState, outcome: Outcome): number;
  /** The request opens a new case (with its one audit row). */
  creates?: boolean;
}

const states: CaseState[] = ['open', 'closed', 'purged'];
const served = (o: Outcome) => o === 'allow' || o === 'refuse';

/** What the route guard answers before any case is looked at. */
const gate = (r: Relation): Outcome | null =>
  r === 'anonymous'
    ? 'signin'
    : r === 'noSecondFactor'
      ? 'secondFactor'
      : r === 'curator' || r === 'platformAdmin'
        ? 'forbid'
        : null;

type Rule = (s: CaseState) => Outcome;
const always: Rule = () => 'allow';
const whileOpen: Rule = (s) => (s === 'open' ? 'allow' : 'forbid');
const never: Rule = () => 'forbid';
/** A route on one case: its members by rule, everyone else (and everyone once purged) "not found". */
const onCase =
  (members: Partial<Record<Relation, Rule>>) =>
  (r: Relation, s: CaseState): Outcome =>
    gate(r) ?? (s === 'purged' ? 'hidden' : (members[r]?.(s) ?? 'hidden'));
const referralMembers = (creator: Rule, added: Rule, handler: Rule) => onCase({ creator, added, handler });
const consultationMembers = (creator: Rule, added: Rule, coordinator: Rule) =>
  onCase({ creator, added, coordinator });
const professionals = (r: Relation): Outcome => gate(r) ?? 'allow';

const referralMemberOf = new Set<Relation>(['creator', 'added', 'handler']);
const consultationMemberOf = new Set<Relation>(['creator', 'added', 'coordinator']);

/** A route's path with the probed case, the added member and the case's action filled in. */
const fillPath = (path: string, fx: Fixture, cast: CaseCast) =>
  path
    .replace(':id', fx.id)
    .replace(':userId', cast.people.added.id)
    .replace(':actionId', fx.actionId ?? randomUUID());

const rows: Row[] = [];
const on = (kind: Kind, route: string, row: Omit<Row, 'route' | 'kind' | 'request'> & Partial<Row>) => {
  const path = route.slice(route.indexOf(' ') + 1);
  rows.push({
    route,
    kind,
    request: (fx, cast) => ({ url: fillPath(path, fx, cast) }),
    ...row,
  });
};
const withForm =
  (form: (cast: CaseCast) => Record<string, string | string[]>) =>
  (path: string) =>
  (fx: Fixture, cast: CaseCast) => ({ url: fillPath(path, fx, cast), form: form(cast) });

// ---- Referrals --------------------------------------------------------------------------------------
on('referral', 'GET /toeleiding/:id', { expect: referralMembers(always, always, always) });
on('referral', 'GET /toeleiding/:id/audit', { expect: referralMembers(always, always, always) });
for (const [route, form, expect] of [
  [
    'POST /toeleiding/:id/leden',
    (c: CaseCast) => ({ email: c.candidate.email }),
    referralMembers(whileOpen, never, never),
  ],
  ['POST /toeleiding/:id/leden/:userId/verwijderen', () => ({}), referralMembers(always, never, never)],
  ['POST /toeleiding/:id/identiteit', () => ({ reason: 'matrix' }), referralMembers(always, always, always)],
  [
    'POST /toeleiding/:id/toestemming-intrekken',
    () => ({ confirm: 'yes' }),
    referralMembers(always, always, never),
  ],
  ['POST /toeleiding/:id/status', () => ({ status: 'received' }), referralMembers(never, never, whileOpen)],
  [
    'POST /toeleiding/:id/opvolging',
    () => ({ outcome: 'helped' }),
    referralMembers(whileOpen, whileOpen, never),
  ],
  [
    'POST /toeleiding/:id/toewijzen',
    (c: CaseCast) => ({ handler: c.people.receivingColleague.email }),
    // The receiving organisation's admin routes an open referral without being a member of it.
    (r: Relation, s: CaseState) => gate(r) ?? (r === 'receivingAdmin' && s === 'open' ? 'allow' : 'hidden'),
  ],
] as const)
  on('referral', route, { expect, request: withForm(form)(route.slice(5)) });

// ---- Consultations ------------------------------------------------------------------------------------
on('consultation', 'GET /casusoverleg/:id', { expect: consultationMembers(always, always, always) });
on('consultation', 'GET /casusoverleg/:id/audit', { expect: consultationMembers(always, always, always) });
for (const [route, form, expect] of [
  [
    'POST /casusoverleg/:id/leden',
    (c: CaseCast) => ({ email: c.candidate.email }),
    consultationMembers(whileOpen, never, whileOpen),
  ],
  [
    'POST /casusoverleg/:id/leden/:userId/verwijderen',
    () => ({}),
    consultationMembers(always, never, always),
  ],
  [
    'POST /casusoverleg/:id/identiteit',
    () => ({ reason: 'matrix' }),
    consultationMembers(always, always, always),
  ],
  [
    'POST /casusoverleg/:id/advies',
    () => ({ advice: 'Advies' }),
    consultationMembers(never, never, whileOpen),
  ],
  [
    'POST /casusoverleg/:id/rondetafel',
    () => ({ basis: 'consent_parents', meetingOn: '2026-12-01', participants: 'CLB, ouders' }),
    consultationMembers(never, never, whileOpen),
  ],
  [
    'POST /casusoverleg/:id/acties',
    () => ({ description: 'Bellen', owner: 'CLB' }),
    consultationMembers(whileOpen, whileOpen, whileOpen),
  ],
  [
    'POST /casusoverleg/:id/acties/:actionId',
    () => ({ done: 'yes' }),
    consultationMembers(whileOpen, whileOpen, whileOpen),
  ],
  [
    'POST /casusoverleg/:id/uitkomst',
    () => ({ outcome: 'tailored' }),
    consultationMembers(never, never, whileOpen),
  ],
] as const)
  on('consultation', route, { expect, request: withForm(form)(route.slice(5)) });

// ---- Lists and new cases: every professional; a list is a read of each case it shows -------------------
for (const kind of ['referral', 'consultation'] as const) {
  const memberOf = kind === 'referral' ? referralMemberOf : consultationMemberOf;
  // The day page lists open referrals and every consultation; the consultations page only these.
  const listed = (route: string) => (r: Relation, s: CaseState, o: Outcome) =>
    o === 'allow' &&
    memberOf.has(r) &&
    s !== 'purged' &&
    (kind === 'consultation' || (route === 'GET /toeleiding' && s === 'open'))
      ? 1
      : 0;
  on(kind, 'GET /toeleiding', { expect: professionals, auditRows: listed('GET /toeleiding') });
  on(kind, 'GET /casusoverleg', { expect: professionals, auditRows: listed('GET /casusoverleg') });
}
on('referral', 'GET /toeleiding/nieuw', {
  expect: professionals,
  auditRows: () => 0,
  request: (_fx, cast) => ({ url: `/toeleiding/nieuw?dienst=${cast.serviceId}` }),
});
on('consultation', 'GET /casusoverleg/nieuw', { expect: professionals, auditRows: () => 0 });
on('referral', 'POST /toeleiding/nieuw', {
  expect: professionals,
  auditRows: () => 0,
  creates: true,
  request: (_fx, cast) => ({
    url: `/toeleiding/nieuw?dienst=${cast.serviceId}`,
    form: {
      pseudonym: 'Gezin Nieuw',
      needs: 'FIN',
      intensity: '2',
      consentGivenBy: 'parent',
      consentInformation: 'needs',
      consentPurpose: 'intake',
      consentMethod: 'conversation',
      checkBackDays: '14',
    },
  }),
});
on('consultation', 'POST /casusoverleg/nieuw', {
  expect: professionals,
  auditRows: () => 0,
  creates: true,
  request: (_fx, cast) => ({
    url: '/casusoverleg/nieuw',
    form: {
      region: cast.region,
      ageBand: '6-11',
      schoolLevel: 'lager',
      needs: 'EDU',
      tried: 'Gesprekken',
      question: 'Wat nu?',
    },
  }),
});

// ---- The family's pages (the link is the key) and the admin who serves their requests ----------------
const familyLink = (s: CaseState): Outcome => (s === 'open' ? 'allow' : 'hidden');
on('referral', 'GET /toestemming/:token', {
  fixture: { consentByLink: true },
  expect: (_r, s) => familyLink(s),
  request: (fx) => ({ url: `/toestemming/${fx.consentLink}` }),
});
on('referral', 'POST /toestemming/:token', {
  fixture: { consentByLink: true },
  expect: (_r, s) => familyLink(s),
  request: (fx) => ({ url: `/toestemming/${fx.consentLink}`, form: { answer: 'no' } }),
});
for (const kind of ['referral', 'consultation'] as const) {
  on(kind, 'GET /inzage/:token', {
    fixture: { parentView: true },
    // The family may read their data until it is purged, also after closing.
    expect: (_r, s) => (s === 'purged' ? 'hidden' : 'allow'),
    request: (fx) => ({ url: new URL(fx.parentViewLink!).pathname }),
  });
  const familyRequests = (r: Relation, s: CaseState): Outcome =>
    r === 'anonymous' ? 'signin' : r !== 'platformAdmin' ? 'forbid' : s === 'purged' ? 'hidden' : 'allow';
  on(kind, 'POST /beheer/verzoeken-gezinnen', {
    expect: familyRequests,
    request: (fx) => ({
      url: '/beheer/verzoeken-gezinnen',
      form: { reference: fx.reference, request: 'view', confirm: 'yes' },
    }),
  });
}
on('referral', 'GET /beheer/verzoeken-gezinnen', {
  expect: (r) => (r === 'anonymous' ? 'signin' : r === 'platformAdmin' ? 'allow' : 'forbid'),
  auditRows: () => 0,
});

const moduleRoute = /^(GET|POST) \/(toeleiding|casusoverleg|toestemming|inzage|beheer\/verzoeken-gezinnen)/;

function classify(status: number, location: string): Outcome | `status ${number}` {
  // Signing in first: a page redirects to the sign-in form, a form post is refused with 401.
  if (status === 401 || (status === 303 && location.startsWith('/aanmelden'))) return 'signin';
  if (status === 303 && location === '/account/tweestapsverificatie') return 'secondFactor';
  if (status === 403) return 'forbid';
  if (status === 404) return 'hidden';
  if (status === 422) return 'refuse';
  if (status === 200 || status === 303) return 'allow';
  return `status ${status}`;
}

/** A page without what differs between two requests: ids, tokens and form tokens. */
const normalise = (body: string) =>
  body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
    .replace(/(\/|%2F)(toestemming|inzage)(\/|%2F)[A-Za-z0-9_-]+/g, '$1$2$3TOKEN')
    .replace(/value="[^"]+"/g, '');

describe('case routes by role and relation', () => {
  let t: TestContext;
  let cast: CaseCast;
  const agentOf = (r: Relation) => (r === 'anonymous' ? cast.anonymous : cast.people[r].agent);

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    cast = await castForCases(t, await createFixtures(t.deps));
  });
  after(() => t.close());

  it('has an expectation for every route of the module', () => {
    const registered = t.app.registeredRoutes
      .filter((r) => r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => moduleRoute.test(k));
    const covered = new Set(rows.map((r) => r.route));
    assert.deepEqual(
      registered.filter((k) => !covered.has(k)),
      [],
    );
    assert.deepEqual(
      [...covered].filter((k) => !registered.includes(k)),
      [],
    );
  });

  it('allows exactly the expected relations, answers "not found" alike, and audits each served request once', async () => {
    const shared = new Map<string, Fixture>();
    const build = (kind: Kind, state: CaseState, options: Row['fixture'] = {}): Promise<Fixture> =>
      kind === 'referral' ? castReferral(t, cast, state, options) : castConsultation(t, cast, state, options);
    const auditRows = async (caseId?: string) => {
      let q = t.deps.db.selectFrom('case_audit').select((eb) => eb.fn.countAll<number>().as('n'));
      if (caseId) q = q.where('case_id', '=', caseId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const createdRows = async () =>
      Number(
        (
          await t.deps.db
            .selectFrom('case_audit')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('action', '=', 'created')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const send = (agent: Agent, method: string, url: string, form?: Record<string, string | string[]>) =>
      method === 'GET' ? agent.get(url) : agent.post(url, form ?? {});

    const unexpectedAllows: string[] = [];
    const unexpectedDenies: string[] = [];
    const wrongDenials: string[] = [];
    const auditMismatches: string[] = [];
    const notAlike: string[] = [];
    let probes = 0;
    let auditChecks = 0;
    for (const row of rows) {
      const method = row.route.split(' ')[0]!;
      for (const state of states) {
        for (const relation of relations) {
          const expected = row.expect(relation, state);
          const fresh = row.fixture !== undefined || (method === 'POST' && served(expected));
          const key = `${row.kind} ${state}`;
          let fx = fresh ? undefined : shared.get(key);
          if (!fx) {
            fx = await build(row.kind, state, row.fixture);
            if (!fresh) shared.set(key, fx);
          }
          const request = row.request(fx, cast);
          // A new case is opened for one's own (first) organisation.
          if (row.creates && request.form && relation !== 'anonymous')
            request.form.organisation =
              (await cast.user(cast.people[relation])).memberships[0]?.organisationId ?? '';
          const label = `${row.route} [${row.kind}, ${state}] as ${relation}`;
          const [caseBefore, allBefore, createdBefore] = [
            await auditRows(fx.id),
            await auditRows(),
            await createdRows(),
          ];
          const agent = agentOf(relation);
          const res = await send(agent, method, request.url, request.form);
          probes++;
          const outcome = classify(res.statusCode, String(res.headers.location ?? ''));
          if (outcome !== expected) {
            const line = `${label}: expected ${expected}, got ${outcome}`;
            if (served(expected) && !(outcome === 'allow' || outcome === 'refuse'))
              unexpectedDenies.push(line);
            else if (outcome === 'allow' || outcome === 'refuse') unexpectedAllows.push(line);
            else wrongDenials.push(line);
            continue;
          }
          // Exactly one audit row per served read or write, on this case and no other.
          const wanted = row.auditRows?.(relation, state, outcome) ?? (served(outcome) ? 1 : 0);
          const onCaseRows = (await auditRows(fx.id)) - caseBefore;
          const allRows = (await auditRows()) - allBefore;
          const created = (await createdRows()) - createdBefore;
          auditChecks++;
          if (onCaseRows !== wanted)
            auditMismatches.push(`${label}: ${onCaseRows} rows on the case, expected ${wanted}`);
          if (row.creates) {
            if (created !== (outcome === 'allow' ? 1 : 0) || allRows !== created)
              auditMismatches.push(`${label}: ${allRows} rows for ${created} new cases`);
          } else if (
            !row.route.endsWith('/toeleiding') &&
            !row.route.endsWith('/casusoverleg') &&
            allRows !== onCaseRows
          )
            auditMismatches.push(`${label}: ${allRows - onCaseRows} rows on other cases`);
          // As a browser would: follow the redirect, so its message does not show on the next probe.
          if (res.statusCode === 303 && outcome === 'allow') await agent.get(String(res.headers.location));
          // A case one may not see answers exactly like a case that does not exist.
          if (outcome === 'hidden' && state !== 'purged') {
            const token = /\/(toestemming|inzage)\/([^/?]+)/.exec(request.url)?.[2];
            const missingUrl = token
              ? request.url.replace(token, 'x'.repeat(token.length))
              : request.url.replace(fx.id, randomUUID());
            const missing = await send(agent, method, missingUrl, request.form);
            if (missing.statusCode !== res.statusCode || normalise(missing.body) !== normalise(res.body))
              notAlike.push(label);
          }
        }
      }
    }
    console.log(
      `case matrix: ${rows.length} route rows, ${probes} probes, ${auditChecks} audit checks; ` +
        `${unexpectedAllows.length} unexpected allows, ${unexpectedDenies.length} unexpected denies, ` +
        `${wrongDenials.length} other mismatches, ${auditMismatches.length} audit mismatches, ` +
        `${notAlike.length} "not found" unlike a missing case`,
    );
    assert.deepEqual(
      { unexpectedAllows, unexpectedDenies, wrongDenials, auditMismatches, notAlike },
      { unexpectedAllows: [], unexpectedDenies: [], wrongDenials: [], auditMismatches: [], notAlike: [] },
    );
  });
});
