import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import { remindAgreementReviews } from '../../../src/modules/collaboration/collaborations.service.ts';
import { days } from '../../../src/platform/clock.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import { auditEvents, startTestApp, type TestContext, TEST_PASSWORD } from '../../helpers/app.ts';

const actor = systemActor('test');

describe('collaborations and agreements: seen by partners only, changed and accepted by their admins', () => {
  let t: TestContext;
  /** Three organisations: a school and a CAW that work together, and an outsider. */
  const orgs: Record<'school' | 'caw' | 'outsider', { id: string }> = {} as never;
  const people: Record<
    'schoolAdmin' | 'schoolMember' | 'cawAdmin' | 'outsiderAdmin',
    { id: string; email: string; agent: Agent }
  > = {} as never;
  const anonymous = () => new Agent(t.app);
  let collaborationUrl = '';

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    for (const [key, type, nis] of [
      ['school', 'school', '44021'],
      ['caw', 'caw', '44021'],
      ['outsider', 'caw', '11002'],
    ] as const)
      orgs[key] = await accounts.createOrganisation(t.deps, actor, {
        slug: key,
        name: { school: 'Basisschool De Brug', caw: 'CAW Oost', outsider: 'CAW Elders' }[key],
        type,
        municipalityNis: nis,
      });
    for (const [key, org, role] of [
      ['schoolAdmin', 'school', 'admin'],
      ['schoolMember', 'school', 'member'],
      ['cawAdmin', 'caw', 'admin'],
      ['outsiderAdmin', 'outsider', 'admin'],
    ] as const) {
      const email = `${key.toLowerCase()}@test.invalid`;
      const user = await accounts.createUser(t.deps, actor, { email, name: key, password: TEST_PASSWORD });
      await accounts.setMembership(t.deps, actor, { userId: user.id, organisationId: orgs[org].id, role });
      const agent = new Agent(t.app);
      assert.equal((await agent.signIn(email)).statusCode, 303);
      people[key] = { id: user.id, email, agent };
    }
  });
  after(() => t.close());

  const form = {
    title: 'Zitdag CAW op school',
    description: 'Elke dinsdag houdt het CAW zitdag in de school.',
    organisation: '',
    'partner-0': '',
    initiator: '',
    forms: ['referral', 'exchange'],
    intensity: 'structural',
    level: 'school_policy',
    needs: ['FIN', 'ADM'],
    municipality: '44021',
    place: 'Lokaal naast het secretariaat',
    startsOn: '2026-09-01',
    endsOn: '',
    status: 'active',
  };

  it('refuses a collaboration without a partner, next to the field, and stores nothing', async () => {
    const agent = people.schoolAdmin.agent;
    await agent.get('/samenwerking/nieuw');
    const res = await agent.post('/samenwerking/nieuw', { ...form, organisation: orgs.school.id });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /Kies minstens één andere organisatie als partner/);
    assert.match(res.body, /value="Zitdag CAW op school"/, 'the form keeps what was typed');
    const count = await t.deps.db
      .selectFrom('collaborations')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('registers a collaboration that only the partners see', async () => {
    const res = await people.schoolAdmin.agent.post('/samenwerking/nieuw', {
      ...form,
      organisation: orgs.school.id,
      'partner-0': orgs.caw.id,
      initiator: orgs.caw.id,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    collaborationUrl = String(res.headers.location);
    for (const key of ['schoolAdmin', 'schoolMember', 'cawAdmin'] as const) {
      const page = await people[key].agent.get(collaborationUrl);
      assert.equal(page.statusCode, 200, key);
      assert.match(page.body, /Zitdag CAW op school/);
      assert.match(page.body, /CAW Oost \(nam het initiatief\)/);
    }
    assert.equal((await people.outsiderAdmin.agent.get(collaborationUrl)).statusCode, 404);
    assert.equal((await anonymous().get(collaborationUrl)).statusCode, 404);
    const outsiderHome = await people.outsiderAdmin.agent.get('/samenwerking');
    assert.doesNotMatch(outsiderHome.body, /Zitdag CAW op school/);
    assert.match((await people.schoolMember.agent.get('/samenwerking')).body, /Zitdag CAW op school/);
    assert.equal((await auditEvents(t.deps, 'collaboration.registered')).length, 1);
  });

  it('lets only the partners’ admins change it', async () => {
    assert.equal((await people.schoolMember.agent.get(`${collaborationUrl}/wijzigen`)).statusCode, 403);
    assert.equal((await people.outsiderAdmin.agent.get(`${collaborationUrl}/wijzigen`)).statusCode, 404);
    const edit = await people.cawAdmin.agent.get(`${collaborationUrl}/wijzigen`);
    assert.equal(edit.statusCode, 200);
    const changed = await people.cawAdmin.agent.post(`${collaborationUrl}/wijzigen`, {
      ...form,
      'partner-0': orgs.school.id,
      'partner-1': orgs.caw.id,
      status: 'paused',
    });
    assert.equal(changed.statusCode, 303, changed.body.slice(0, 500));
    assert.match((await people.schoolMember.agent.get(collaborationUrl)).body, /Gepauzeerd/);
    const dropOwn = await people.cawAdmin.agent.post(`${collaborationUrl}/wijzigen`, {
      ...form,
      'partner-0': orgs.school.id,
      'partner-1': orgs.outsider.id,
    });
    assert.equal(dropOwn.statusCode, 422, 'an admin cannot remove their own organisation');
    assert.equal((await people.outsiderAdmin.agent.get(collaborationUrl)).statusCode, 404);
  });

  it('becomes public only when every partner agreed, and private again when one withdraws', async () => {
    const consent = (key: 'schoolAdmin' | 'cawAdmin', org: 'school' | 'caw', answer: string) =>
      people[key].agent.post(`${collaborationUrl}/openbaar`, { organisation: orgs[org].id, consent: answer });
    assert.equal((await consent('schoolAdmin', 'school', 'yes')).statusCode, 303);
    assert.equal((await anonymous().get(collaborationUrl)).statusCode, 404, 'one partner is not enough');
    const speakForOther = await consent('schoolAdmin', 'caw', 'yes');
    assert.equal(speakForOther.statusCode, 422, 'an admin speaks only for their own organisation');
    assert.equal((await consent('cawAdmin', 'caw', 'yes')).statusCode, 303);
    const seen = await anonymous().get(collaborationUrl);
    assert.equal(seen.statusCode, 200);
    assert.doesNotMatch(seen.body, /Samenwerking wijzigen/, 'the public gets no edit link');
    assert.match((await anonymous().get('/samenwerking')).body, /Zitdag CAW op school/);
    assert.equal((await consent('cawAdmin', 'caw', 'no')).statusCode, 303);
    assert.equal((await anonymous().get(collaborationUrl)).statusCode, 404);
  });

  it('builds an agreement from a template, accepted by each partner admin, versioned and comparable', async () => {
    const agent = people.schoolAdmin.agent;
    const start = await agent.get(
      `${collaborationUrl}/afspraken/nieuw?soort=commitment_statement&schooljaar=2026-2027`,
    );
    assert.equal(start.statusCode, 200);
    assert.match(
      start.body,
      /De school stelt een vaste contactpersoon aan/,
      'the template suggests commitments',
    );
    assert.doesNotMatch(
      start.body,
      /Welke vragen nemen we niet op/,
      'a commitment statement is the short form',
    );

    const rows = {
      kind: 'commitment_statement',
      schoolYear: '2026-2027',
      'rows-tasks': '2',
      'tasks-0-text': 'Het CAW houdt elke dinsdag zitdag.',
      'tasks-0-by': orgs.caw.id,
      'tasks-1-text': '',
      'tasks-1-by': '',
      'rows-contact': '1',
      'contact-0-text': 'Vast nummer van de brugfiguur.',
      'contact-0-by': orgs.school.id,
      'rows-feedback': '1',
      'feedback-0-text': 'Terugkoppeling binnen twee weken.',
      'feedback-0-by': '',
      reviewOn: '2027-06-15',
    };
    const more = await agent.post(`${collaborationUrl}/afspraken/nieuw`, { ...rows, meer: 'tasks' });
    assert.equal(more.statusCode, 200, '"more rows" shows the form again');
    assert.match(more.body, /name="tasks-4-text"/, 'with three rows more');
    assert.match(more.body, /value="Het CAW houdt elke dinsdag zitdag."/);
    const empty = await agent.post(`${collaborationUrl}/afspraken/nieuw`, {
      ...rows,
      'tasks-0-text': '',
      'contact-0-text': '',
      'feedback-0-text': '',
    });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Vul minstens één afspraak in/);

    const saved = await agent.post(`${collaborationUrl}/afspraken/nieuw`, rows);
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
    const v1 = String(saved.headers.location);
    const v1Page = await people.cawAdmin.agent.get(v1);
    assert.match(v1Page.body, /Het CAW houdt elke dinsdag zitdag\. <span class="muted">\(CAW Oost\)/);

    assert.equal(
      (
        await people.schoolMember.agent.post(`${v1}/aanvaarden`, {
          organisation: orgs.school.id,
          confirm: 'yes',
        })
      ).statusCode,
      403,
    );
    const unconfirmed = await people.cawAdmin.agent.post(`${v1}/aanvaarden`, { organisation: orgs.caw.id });
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /Vink aan dat je de afspraken aanvaardt/);
    assert.equal(
      (await people.cawAdmin.agent.post(`${v1}/aanvaarden`, { organisation: orgs.caw.id, confirm: 'yes' }))
        .statusCode,
      303,
    );
    const accepted = await t.deps.db.selectFrom('agreement_acceptances').selectAll().execute();
    assert.deepEqual(
      accepted.map((a) => [a.organisation_id, a.accepted_by, a.accepted_by_name]),
      [[orgs.caw.id, people.cawAdmin.id, 'cawAdmin']],
    );
    assert.match((await agent.get(v1)).body, /CAW Oost:\s*aanvaard door cawAdmin/);

    // A change is a new version; the accepted text stays as it was, and v1 can no longer be accepted.
    const changed = await agent.post(`${collaborationUrl}/afspraken/nieuw`, {
      ...rows,
      'tasks-0-by': orgs.school.id,
      'feedback-0-text': 'Terugkoppeling binnen één week.',
    });
    const v2 = String(changed.headers.location);
    assert.notEqual(v2, v1);
    const late = await agent.post(`${v1}/aanvaarden`, { organisation: orgs.school.id, confirm: 'yes' });
    assert.equal(late.statusCode, 422);
    assert.match(late.body, /nieuwere versie/);
    const home = await agent.get(collaborationUrl);
    assert.match(home.body, /vervangen door een nieuwere versie/);
    assert.match(home.body, /Aanvaard door 0 van de 2 partners/);

    const ids = (url: string) => url.split('/').pop();
    const compareUrl = `${collaborationUrl}/afspraken/vergelijk?van=${ids(v1)}&met=${ids(v2)}`;
    const compare = await people.schoolMember.agent.get(compareUrl);
    assert.equal(compare.statusCode, 200);
    const cells = [
      ...compare.body.matchAll(/<tr><td>([^<]+)<\/td><td><span class="change change--(\w+)"/g),
    ].map((m) => [m[1], m[2]]);
    assert.deepEqual(cells, [
      ['Het CAW houdt elke dinsdag zitdag.', 'changed'],
      ['Vast nummer van de brugfiguur.', 'kept'],
      ['Terugkoppeling binnen één week.', 'added'],
      ['Terugkoppeling binnen twee weken.', 'removed'],
    ]);
    assert.equal((await people.outsiderAdmin.agent.get(compareUrl)).statusCode, 404);
  });

  it('reminds every partner admin once, two weeks before the review date of the newest version', async () => {
    const message = () => ({ subject: 'Herzien', text: 'Herzien' });
    assert.equal(await remindAgreementReviews(t.deps, message), 0, 'not yet: the review is in June');
    t.clock.advance(new Date('2027-06-15T08:00:00Z').getTime() - days(13) - t.clock.now().getTime());
    assert.equal(await remindAgreementReviews(t.deps, message), 1, 'only the newest version');
    assert.equal(await remindAgreementReviews(t.deps, message), 0, 'once');
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('purpose', '=', 'agreement_review')
      .orderBy('to_address')
      .execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      [people.cawAdmin.email, people.schoolAdmin.email].sort(),
    );
  });
});
