import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import { assignRole } from '../../../src/modules/collaboration/coordinator-roles.service.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import { auditEvents, startTestApp, type TestContext, TEST_PASSWORD } from '../../helpers/app.ts';

const actor = systemActor('test');

/** Every VEVENT of a calendar text as parsed by ical.js (a maintained iCalendar parser). */
function parseEvents(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      title: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      location: e.location,
      description: e.description,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status')),
    };
  });
}

describe('networks: members, roles, meetings with carried-over actions, invitations and calendars', () => {
  let t: TestContext;
  const orgs: Record<'gemeente' | 'school' | 'outsider', { id: string }> = {} as never;
  const people: Record<
    'coordinator' | 'teacher' | 'successor' | 'outsider',
    { id: string; email: string; agent: Agent }
  > = {} as never;
  let base = '';
  const meetings: string[] = [];

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    for (const [key, name, type] of [
      ['gemeente', 'Sociaal Huis Kanaalzone', 'ocmw'],
      ['school', 'Basisschool De Linde', 'school'],
      ['outsider', 'CAW Elders', 'caw'],
    ] as const)
      orgs[key] = await accounts.createOrganisation(t.deps, actor, {
        slug: key,
        name,
        type,
        municipalityNis: '44021',
      });
    for (const [key, org, role] of [
      ['coordinator', 'gemeente', 'admin'],
      ['teacher', 'school', 'member'],
      ['successor', 'gemeente', 'member'],
      ['outsider', 'outsider', 'admin'],
    ] as const) {
      const email = `${key}@test.invalid`;
      const user = await accounts.createUser(t.deps, actor, {
        email,
        name: `Persoon ${key}`,
        password: TEST_PASSWORD,
      });
      await accounts.setMembership(t.deps, actor, { userId: user.id, organisationId: orgs[org].id, role });
      const agent = new Agent(t.app);
      assert.equal((await agent.signIn(email)).statusCode, 303);
      people[key] = { id: user.id, email, agent };
    }
  });
  after(() => t.close());

  it('starts a private network whose page only those taking part see', async () => {
    const c = people.coordinator.agent;
    await c.get('/netwerken/nieuw');
    const bad = await c.post('/netwerken/nieuw', {
      name: '',
      kind: 'child_poverty',
      purpose: '',
      public: 'no',
      organisation: orgs.gemeente.id,
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Vul dit veld in/);
    const res = await c.post('/netwerken/nieuw', {
      name: 'Netwerk kinderarmoede Kanaalzone',
      kind: 'child_poverty',
      purpose: 'Samen drempels wegwerken voor gezinnen in armoede.',
      municipality: '44021',
      public: 'no',
      organisation: orgs.gemeente.id,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    base = String(res.headers.location);
    const page = await c.get(base);
    assert.match(page.body, /Netwerkcoördinator<\/strong>: Sociaal Huis Kanaalzone — Persoon coordinator/);
    assert.equal((await new Agent(t.app).get(base)).statusCode, 404, 'private: not for the public');
    assert.equal((await people.outsider.agent.get(base)).statusCode, 404);
  });

  it('adds an organisation and an individual; the public sees individuals only as a count', async () => {
    const c = people.coordinator.agent;
    assert.equal(
      (await people.teacher.agent.post(`${base}/leden`, { kind: 'individual', name: 'X' })).statusCode,
      404,
    );
    const wrongRep = await c.post(`${base}/leden`, {
      kind: 'organisation',
      organisation: orgs.school.id,
      email: 'nobody@test.invalid',
    });
    assert.equal(wrongRep.statusCode, 422);
    assert.match(wrongRep.body, /Er is geen medewerker van die organisatie met dat e-mailadres/);
    assert.equal(
      (
        await c.post(`${base}/leden`, {
          kind: 'organisation',
          organisation: orgs.school.id,
          email: people.teacher.email,
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await c.post(`${base}/leden`, {
          kind: 'individual',
          name: 'Mira Ouder',
          email: 'mira@test.invalid',
          showPublicly: 'no',
        })
      ).statusCode,
      303,
    );
    const again = await c.post(`${base}/leden`, { kind: 'organisation', organisation: orgs.school.id });
    assert.equal(again.statusCode, 422, 'an organisation joins once');
    // Made public: the outsider now sees the page, with the individual counted and not named.
    const edit = await c.post(`${base}/wijzigen`, {
      name: 'Netwerk kinderarmoede Kanaalzone',
      kind: 'child_poverty',
      purpose: 'Samen drempels wegwerken voor gezinnen in armoede.',
      municipality: '44021',
      public: 'yes',
    });
    assert.equal(edit.statusCode, 303);
    const seen = await people.outsider.agent.get(base);
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /Basisschool De Linde/);
    assert.doesNotMatch(seen.body, /Mira Ouder/);
    assert.match(seen.body, /En 1 individuele leden/);
    assert.match(
      (await people.teacher.agent.get(base)).body,
      /Mira Ouder/,
      'those taking part see every member',
    );
  });

  it('carries actions left open at a meeting to the next meeting’s agenda', async () => {
    const c = people.coordinator.agent;
    const plan = async (title: string, day: string, agenda = '') => {
      const res = await c.post(`${base}/vergaderingen/nieuw`, {
        title,
        day,
        startsAt: '19:30',
        endsAt: '21:00',
        location: 'Buurthuis De Sluis, Gent',
        description: `Overleg ${title}`,
        agenda,
      });
      assert.equal(res.statusCode, 303, res.body.slice(0, 400));
      meetings.push(String(res.headers.location));
      return String(res.headers.location);
    };
    const endsBefore = await c.post(`${base}/vergaderingen/nieuw`, {
      title: 'X',
      day: '2026-12-03',
      startsAt: '21:00',
      endsAt: '19:30',
    });
    assert.equal(endsBefore.statusCode, 400);
    assert.match(endsBefore.body, /Het einde moet na het begin liggen/);

    const first = await plan('Eerste overleg', '2026-12-03', 'Welkom\nSchoolkosten in kaart');
    for (const [description, owner] of [
      ['Lijst van schoolkosten opvragen', 'Basisschool De Linde'],
      ['Folder vertalen', 'Sociaal Huis'],
    ] as const)
      assert.equal(
        (await c.post(`${first}/acties`, { description, owner, dueOn: '2027-01-15' })).statusCode,
        303,
      );
    assert.equal(
      (await c.post(`${first}/besluiten`, { text: 'We starten een werkgroep schoolkosten.' })).statusCode,
      303,
    );
    const [, folder] = await t.deps.db
      .selectFrom('network_actions')
      .select(['id', 'description'])
      .orderBy('created_at')
      .execute();
    assert.equal((await c.post(`${base}/acties/${folder!.id}`, { status: 'done' })).statusCode, 303);

    const second = await plan('Tweede overleg', '2027-02-04');
    const agenda = (await people.teacher.agent.get(second)).body;
    assert.match(agenda, /Opvolging van open acties/);
    assert.match(agenda, /Lijst van schoolkosten opvragen — Basisschool De Linde/);
    assert.doesNotMatch(agenda, /Folder vertalen/, 'a finished action is not carried over');

    // Held: its list of follow-ups stays; the open action moves on to the third meeting too.
    assert.equal(
      (await c.post(`${second}/verslag`, { minutes: 'Goed overleg.', held: 'yes' })).statusCode,
      303,
    );
    const third = await plan('Derde overleg', '2027-04-01');
    assert.match((await c.get(third)).body, /Lijst van schoolkosten opvragen/);
    const [schoolCosts] = await t.deps.db
      .selectFrom('network_actions')
      .select('id')
      .orderBy('created_at')
      .execute();
    assert.equal((await c.post(`${base}/acties/${schoolCosts!.id}`, { status: 'done' })).statusCode, 303);
    assert.doesNotMatch(
      (await c.get(third)).body,
      /Lijst van schoolkosten opvragen/,
      'done before the third meeting',
    );
    assert.match(
      (await c.get(second)).body,
      /Lijst van schoolkosten opvragen/,
      'the held meeting keeps its agenda',
    );
    assert.equal(
      (await people.outsider.agent.get(second)).statusCode,
      403,
      'minutes only for those taking part',
    );
  });

  it('sends invitations through the outbox to representatives, individuals and admins', async () => {
    const res = await people.coordinator.agent.post(`${meetings[2]}/uitnodigen`, {});
    assert.equal(res.statusCode, 303);
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('purpose', '=', 'network_invitation')
      .orderBy('to_address')
      .execute();
    assert.deepEqual(
      mails.map((m) => m.to_address),
      ['coordinator@test.invalid', 'mira@test.invalid', 'teacher@test.invalid'],
    );
    assert.match(mails[0]!.body_text, /Derde overleg/);
    assert.match(mails[0]!.body_text, /Buurthuis De Sluis, Gent/);
    assert.equal((await auditEvents(t.deps, 'network.invitations_sent')).length, 1);
  });

  it('serves the meetings as iCalendar that a maintained parser reads back field by field', async () => {
    const c = people.coordinator.agent;
    // A change raises the sequence; a cancelled meeting stays in the feed as cancelled.
    const edit = await c.post(`${meetings[2]}/wijzigen`, {
      title: 'Derde overleg',
      day: '2027-04-01',
      startsAt: '18:00',
      endsAt: '20:00',
      location: 'Stadhuis Gent, zaal 2',
      description: 'Verplaatst; met soep',
    });
    assert.equal(edit.statusCode, 303);
    assert.equal((await c.post(`${meetings[0]}/afgelasten`, {})).statusCode, 400, 'cancelling needs a tick');
    const feed = await new Agent(t.app).get(`${base}/agenda.ics`);
    assert.equal(feed.statusCode, 200);
    assert.match(String(feed.headers['content-type']), /^text\/calendar/);
    const events = parseEvents(feed.body);
    assert.deepEqual(
      events.map(({ uid: _uid, ...e }) => e),
      [
        {
          title: 'Eerste overleg (Netwerk kinderarmoede Kanaalzone)',
          start: '2026-12-03T18:30:00.000Z',
          end: '2026-12-03T20:00:00.000Z',
          location: 'Buurthuis De Sluis, Gent',
          description: 'Overleg Eerste overleg',
          sequence: 0,
          status: 'CONFIRMED',
        },
        {
          title: 'Tweede overleg (Netwerk kinderarmoede Kanaalzone)',
          start: '2027-02-04T18:30:00.000Z',
          end: '2027-02-04T20:00:00.000Z',
          location: 'Buurthuis De Sluis, Gent',
          description: 'Overleg Tweede overleg',
          sequence: 0,
          status: 'CONFIRMED',
        },
        {
          title: 'Derde overleg (Netwerk kinderarmoede Kanaalzone)',
          start: '2027-04-01T16:00:00.000Z',
          end: '2027-04-01T18:00:00.000Z',
          location: 'Stadhuis Gent, zaal 2',
          description: 'Verplaatst; met soep',
          sequence: 1,
          status: 'CONFIRMED',
        },
      ],
    );
    assert.equal(new Set(events.map((e) => e.uid)).size, 3);

    // The personal feed: a secret link, shown once, for the teacher's networks only.
    const page = await people.teacher.agent.post('/netwerken/kalender', {});
    const link = /\/kalender\/[A-Za-z0-9_-]{32}\.ics/.exec(page.body)?.[0];
    assert.ok(link, 'the link is shown once');
    const personal = await new Agent(t.app).get(link);
    assert.equal(personal.statusCode, 200);
    assert.deepEqual(
      parseEvents(personal.body).map((e) => e.title),
      events.map((e) => e.title),
    );
    assert.equal((await people.outsider.agent.post('/netwerken/kalender', {})).statusCode, 200);
    const outsiderLink = /\/kalender\/[A-Za-z0-9_-]{32}\.ics/.exec(
      (await people.outsider.agent.post('/netwerken/kalender', {})).body,
    )![0];
    assert.deepEqual(
      parseEvents((await new Agent(t.app).get(outsiderLink)).body),
      [],
      'no networks, no meetings',
    );
    await people.teacher.agent.post('/netwerken/kalender', {});
    assert.equal((await new Agent(t.app).get(link)).statusCode, 404, 'a renewed link replaces the old one');
    assert.equal((await new Agent(t.app).get('/kalender/niet-geldig.ics')).statusCode, 404);
  });

  it('hands a role over without losing its history; the public sees the person only when allowed', async () => {
    const c = people.coordinator.agent;
    const holding = await t.deps.db
      .selectFrom('coordinator_role_holders')
      .select('id')
      .where('user_id', '=', people.coordinator.id)
      .executeTakeFirstOrThrow();
    const notMember = await c.post(`${base}/rollen/${holding.id}/overdragen`, {
      email: people.teacher.email,
      organisation: orgs.gemeente.id,
      showOwnContact: 'no',
    });
    assert.equal(notMember.statusCode, 422);
    assert.match(notMember.body, /geen medewerker van de gekozen organisatie/);
    const res = await c.post(`${base}/rollen/${holding.id}/overdragen`, {
      email: people.successor.email,
      organisation: orgs.gemeente.id,
      showOwnContact: 'yes',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(
      (await c.get(`${base}/wijzigen`)).statusCode,
      403,
      'the old coordinator no longer runs the network',
    );
    const successorPage = await people.successor.agent.get(base);
    assert.match(successorPage.body, /Vroegere houders/);
    assert.match(successorPage.body, /Persoon coordinator \(Sociaal Huis Kanaalzone\)/);
    const publicPage = await new Agent(t.app).get(base);
    assert.match(
      publicPage.body,
      /Netwerkcoördinator<\/strong>: Sociaal Huis Kanaalzone — Persoon successor, successor@test.invalid/,
    );
    assert.doesNotMatch(publicPage.body, /Vroegere houders/);
    assert.equal((await auditEvents(t.deps, 'coordinator_role.handed_over')).length, 1);
  });

  it('lists every region’s coordinator roles publicly, with a person only when they allowed it', async () => {
    for (const [code, key, showOwnContact] of [
      ['rots', 'coordinator', false],
      ['signal', 'successor', true],
    ] as const)
      await assignRole(t.deps, actor, {
        code,
        regionCode: '40000',
        userId: people[key].id,
        organisationId: orgs.gemeente.id,
        deputy: false,
        showOwnContact,
      });
    const page = await new Agent(t.app).get('/samenwerking/rollen');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /ROTS-coördinator<\/strong>: Sociaal Huis Kanaalzone<\/li>/);
    assert.match(page.body, /Sociaal Huis Kanaalzone — Persoon successor, successor@test.invalid/);
    assert.doesNotMatch(page.body, /coordinator@test.invalid/);
  });
});
