import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Agent } from '../helpers/agent.ts';
import { createFixtures, startTestApp, type TestContext } from '../helpers/app.ts';
import {
  type CaseCast,
  type CaseTexts,
  castConsultation,
  castForCases,
  castReferral,
  type Relation,
  relations,
  tablesContaining,
} from '../helpers/cases.ts';

// Unique canary strings in every personal field of four cases (two made through the pages by their
// members, two closed ones), then everyone who is not a member of a case walks the whole app: every
// GET route (case ids, tokens and slugs filled in), every link they can follow from there, searches
// for the canaries' common prefix, error pages. None of them may meet a canary; nor may the request
// log, the platform audit log, the mail outbox or any table hold one as plain text.

const PREFIX = 'Kanarie';
/** The personal fields of each kind of case (the reason for a reveal goes into the audit trail). */
const kindFields = {
  referral: [
    'pseudonym',
    'parentName',
    'childName',
    'phone',
    'email',
    'note',
    'statusMessage',
    'outcomeNote',
    'revealReason',
  ],
  consultation: [
    'tried',
    'question',
    'schoolName',
    'advice',
    'participants',
    'identity',
    'actionDescription',
    'actionOwner',
    'revealReason',
  ],
} as const satisfies Record<string, (keyof CaseTexts)[]>;
const fields = [...new Set([...kindFields.referral, ...kindFields.consultation])];
/** One canary per field, unique to the case ("Kanarie" + field + case letter). */
function canaries(letter: string): CaseTexts {
  const texts = Object.fromEntries(
    fields.map((f) => [f, `${PREFIX}${f[0]!.toUpperCase()}${f.slice(1)}${letter}`]),
  ) as unknown as CaseTexts;
  texts.email = `${PREFIX.toLowerCase()}email${letter.toLowerCase()}@ouders.invalid`;
  return texts;
}
const identityFields: (keyof CaseTexts)[] = ['parentName', 'childName', 'phone', 'email', 'identity'];
const found = (body: string, texts: string[]) =>
  texts.filter((c) => body.toLowerCase().includes(c.toLowerCase()));

describe('case canaries: nothing of a case reaches anyone who is not its member', () => {
  let t: TestContext;
  let cast: CaseCast;
  const logLines: string[] = [];
  /** Per case: its id, its canaries, and who its members are. */
  const cases: { id: string; path: string; canaries: string[]; members: Set<Relation> }[] = [];
  /** Keeps a case for the sweep: its members are the creator, the added editor and the other side. */
  const remember = (kind: keyof typeof kindFields, id: string, texts: CaseTexts) =>
    cases.push({
      id,
      path: `${kind === 'referral' ? '/toeleiding' : '/casusoverleg'}/${id}`,
      canaries: kindFields[kind].map((f) => texts[f]),
      members: new Set(['creator', 'added', kind === 'referral' ? 'handler' : 'coordinator']),
    });

  before(async () => {
    t = await startTestApp({
      logLines,
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    cast = await castForCases(t, await createFixtures(t.deps));
  });
  after(() => t.close());

  it('members fill every field through the pages; identities show only after the reveal step', async () => {
    const { people } = cast;
    const a = canaries('A');
    // A referral, recorded by the school, routed by the CAW's admin, answered by its handler.
    await people.creator.agent.get(`/toeleiding/nieuw?dienst=${cast.serviceId}`);
    const created = await people.creator.agent.post(`/toeleiding/nieuw?dienst=${cast.serviceId}`, {
      organisation: cast.organisations.school,
      pseudonym: a.pseudonym,
      needs: ['FIN', 'EDU'],
      intensity: '4',
      note: a.note,
      parentName: a.parentName,
      childName: a.childName,
      phone: a.phone,
      email: a.email,
      consentGivenBy: 'parent',
      consentInformation: ['needs', 'contact', 'school_context'],
      consentPurpose: 'intake',
      consentFeedbackText: 'yes',
      consentMethod: 'conversation',
      consentLocale: 'nl',
      checkBackDays: '14',
    });
    assert.equal(created.statusCode, 200);
    const referralId = /href="\/toeleiding\/([0-9a-f-]{36})"/.exec(created.body)![1]!;
    const referral = `/toeleiding/${referralId}`;
    const own = await people.creator.agent.get(referral);
    assert.deepEqual(found(own.body, [a.pseudonym, a.note]), [a.pseudonym, a.note]);
    assert.deepEqual(
      found(
        own.body,
        identityFields.map((f) => a[f]),
      ),
      [],
      'no identity before the reveal',
    );
    await people.creator.agent.post(`${referral}/leden`, { email: people.added.email });
    await people.receivingAdmin.agent.get('/toeleiding');
    await people.receivingAdmin.agent.post(`${referral}/toewijzen`, { handler: people.handler.email });
    const handlerView = await people.handler.agent.get(referral);
    assert.deepEqual(
      found(
        handlerView.body,
        identityFields.map((f) => a[f]),
      ),
      [],
    );
    await people.handler.agent.post(`${referral}/status`, {
      status: 'in_progress',
      message: a.statusMessage,
    });
    const revealed = await people.handler.agent.post(`${referral}/identiteit`, { reason: a.revealReason });
    assert.deepEqual(found(revealed.body, [a.parentName, a.phone, a.email]), [
      a.parentName,
      a.phone,
      a.email,
    ]);
    // A form with an error shows the member's own words back to them, and to nobody else.
    const invalid = await people.creator.agent.post(`${referral}/opvolging`, {
      outcome: 'onbekend',
      note: a.outcomeNote,
    });
    assert.equal(invalid.statusCode, 400);
    await people.creator.agent.post(`${referral}/opvolging`, {
      outcome: 'still_waiting',
      note: a.outcomeNote,
    });
    remember('referral', referralId, a);

    // A consultation: asked by the school, advised by the region's coordinator, round table.
    const b = canaries('B');
    await people.creator.agent.get('/casusoverleg/nieuw');
    const asked = await people.creator.agent.post('/casusoverleg/nieuw', {
      organisation: cast.organisations.school,
      region: cast.region,
      ageBand: '12-17',
      schoolLevel: 'secundair',
      needs: ['EDU'],
      tried: b.tried,
      question: b.question,
      schoolName: b.schoolName,
    });
    assert.equal(asked.statusCode, 303);
    const consultation = String(asked.headers.location);
    const coordinator = people.coordinator.agent;
    await coordinator.get(consultation);
    await coordinator.post(`${consultation}/advies`, { advice: b.advice });
    await coordinator.post(`${consultation}/rondetafel`, {
      basis: 'legal_ground',
      legalGround: 'gedeeld_beroepsgeheim',
      meetingOn: '2026-12-10',
      participants: b.participants,
      identity: b.identity,
    });
    await coordinator.post(`${consultation}/leden`, { email: people.added.email });
    const before = await people.creator.agent.get(consultation);
    assert.deepEqual(found(before.body, [b.question, b.participants]), [b.question, b.participants]);
    assert.deepEqual(found(before.body, [b.identity]), [], 'no identity before the reveal');
    const shown = await people.creator.agent.post(`${consultation}/identiteit`, { reason: b.revealReason });
    assert.deepEqual(found(shown.body, [b.identity]), [b.identity]);
    await people.added.agent.get(consultation);
    await people.added.agent.post(`${consultation}/acties`, {
      description: b.actionDescription,
      owner: b.actionOwner,
    });
    remember('consultation', consultation.split('/').pop()!, b);

    // And one closed case of each kind, built by the services with every field filled.
    const c = canaries('C');
    remember('referral', (await castReferral(t, cast, 'closed', { texts: c })).id, c);
    const d = canaries('D');
    remember('consultation', (await castConsultation(t, cast, 'closed', { texts: d })).id, d);
  });

  it('no page, API answer, export, search result or error page shows a canary to a non-member', async () => {
    const routes = t.app.registeredRoutes
      .filter((r) => r.method === 'GET')
      .map((r) => r.url)
      .filter((u) => !u.startsWith('/taal/') && !u.includes('*'));
    const fill = (route: string, caseId: string) =>
      route
        .replace(/:(id|userId|contactId|school|partner)\b/g, caseId)
        .replace(':slug', 'testschool')
        .replace(':token', 'x'.repeat(43))
        .replace(':code', 'ABCDEF')
        .replace(':nisCode', '44021')
        .replace(':postalCode', '9000');
    const seeds = [
      ...new Set([
        ...cases.flatMap((c) => routes.map((r) => fill(r, c.id))),
        ...cases.flatMap((c) => [c.path, `${c.path}/audit`]),
        `/sociale-kaart?q=${PREFIX}`,
        `/praktijken?q=${PREFIX}`,
        `/api/v1/services?q=${PREFIX}`,
        `/api/v1/practices?q=${PREFIX}`,
      ]),
    ];
    const leaks: string[] = [];
    let pages = 0;
    const visitors = relations.filter((r) => r !== 'creator' && r !== 'added');
    for (const relation of visitors) {
      const secret = cases.filter((c) => !c.members.has(relation)).flatMap((c) => c.canaries);
      const agent: Agent = relation === 'anonymous' ? cast.anonymous : cast.people[relation].agent;
      for (const page of await crawl(agent, seeds)) {
        pages++;
        const hits = found(page.body + JSON.stringify(page.headers), secret);
        if (hits.length) leaks.push(`${relation} ${page.url} (${page.status}): ${hits.join(', ')}`);
      }
    }
    console.log(
      `canary sweep: ${visitors.length} non-members, ${pages} responses, ${leaks.length} with a canary`,
    );
    assert.ok(pages > visitors.length * seeds.length * 0.9, 'every seed was visited');
    assert.deepEqual(leaks, []);
  });

  it('no log line, audit detail, mail or plain-text column holds a canary', async () => {
    const every = cases.flatMap((c) => c.canaries);
    assert.ok(logLines.length > 100, 'the request log was captured');
    assert.deepEqual(
      logLines.filter((l) => found(l, every).length),
      [],
    );
    const plain: string[] = [];
    for (const canary of every)
      for (const table of await tablesContaining(t, canary)) plain.push(`${canary} in ${table}`);
    assert.deepEqual(
      plain,
      [],
      'every personal field is sealed (audit_log, mail_outbox and the case tables included)',
    );
  });

  it('purging a case takes its canaries out of the database', async () => {
    const e = canaries('E');
    const purged = await castReferral(t, cast, 'purged', { texts: e });
    assert.deepEqual(await tablesContaining(t, purged.id), [], 'no row of the case is left');
    for (const canary of fields.map((f) => e[f])) assert.deepEqual(await tablesContaining(t, canary), []);
    const statistics = await t.deps.db
      .selectFrom('case_statistics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.ok(Number(statistics.n) > 0, 'only the anonymous counts stay');
  });
});

/**
 * Visits the seeds and every same-site link found on the way (GET only, no language switch or
 * static files), at most four URLs of each shape, and returns what it saw.
 */
async function crawl(agent: Agent, seeds: string[]) {
  const seen = new Set<string>();
  const perShape = new Map<string, number>();
  const queue = [...seeds];
  const pages: { url: string; status: number; body: string; headers: Record<string, unknown> }[] = [];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const res = await agent.get(url);
    pages.push({ url, status: res.statusCode, body: res.body, headers: res.headers });
    const location = res.headers.location;
    const links = [
      ...(typeof location === 'string' ? [location] : []),
      ...[...res.body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')),
    ];
    for (const link of links) {
      if (!link.startsWith('/') || /^\/(static|taal|afmelden)\b/.test(link) || seen.has(link)) continue;
      const shape = link
        .split('?')[0]!
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')
        .replace(/\d+/g, 'N');
      const count = perShape.get(shape) ?? 0;
      if (count >= 4) continue;
      perShape.set(shape, count + 1);
      queue.push(link);
    }
  }
  return pages;
}
