import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import {
  remindEventRegistrants,
  wipeEventRegistrants,
} from '../../../src/modules/collaboration/events.service.ts';
import { days } from '../../../src/platform/clock.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext, TEST_PASSWORD } from '../../helpers/app.ts';

const actor = systemActor('test');

describe('open events: workshops with a capacity, waiting lists, mails and attendance', () => {
  let t: TestContext;
  let coordinator: Agent;
  let member: Agent;
  let network = '';
  let page = '';
  const workshops: Record<'costs' | 'language', string> = {} as never;
  const tokens: Record<string, string> = {};

  const mails = (to: string) =>
    t.deps.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text', 'purpose'])
      .where('to_address', '=', to)
      .orderBy('id')
      .execute();
  const statusOf = async (email: string, workshopId: string) =>
    await t.deps.db
      .selectFrom('event_registration_workshops as rw')
      .innerJoin('event_registrations as r', 'r.id', 'rw.registration_id')
      .select(['rw.status', 'rw.attended', 'r.id'])
      .where('r.email', '=', email)
      .where('rw.workshop_id', '=', workshopId)
      .executeTakeFirstOrThrow();
  const registerAs = async (name: string, chosen: string[], url = page) => {
    const visitor = new Agent(t.app);
    await visitor.get(url);
    const res = await visitor.post(`${url}/inschrijven`, {
      name,
      email: `${name.toLowerCase()}@test.invalid`,
      organisation: 'Basisschool De Linde',
      workshops: chosen,
    });
    if (res.statusCode === 303) tokens[name] = String(res.headers.location).split('/').pop()!;
    return res;
  };

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    const org = await accounts.createOrganisation(t.deps, actor, {
      slug: 'gemeente',
      name: 'Sociaal Huis Kanaalzone',
      type: 'ocmw',
      municipalityNis: '44021',
    });
    for (const [email, role] of [
      ['coordinator@test.invalid', 'admin'],
      ['member@test.invalid', 'member'],
    ] as const) {
      const user = await accounts.createUser(t.deps, actor, { email, name: email, password: TEST_PASSWORD });
      await accounts.setMembership(t.deps, actor, { userId: user.id, organisationId: org.id, role });
    }
    coordinator = new Agent(t.app);
    member = new Agent(t.app);
    await coordinator.signIn('coordinator@test.invalid');
    await member.signIn('member@test.invalid');
    await coordinator.get('/netwerken/nieuw');
    const res = await coordinator.post('/netwerken/nieuw', {
      name: 'Brede School Kanaalzone',
      kind: 'brede_school',
      purpose: 'Samen sterk voor kinderen.',
      public: 'no',
      organisation: org.id,
    });
    network = String(res.headers.location);
  });
  after(() => t.close());

  it('prepares a draft event with workshops and publishes it', async () => {
    const form = { title: 'Ontmoetingsdag gelijke kansen', day: '2026-12-12', location: 'CC De Brug' };
    const wrong = await coordinator.post(`${network}/evenementen/nieuw`, {
      ...form,
      startsAt: '16:00',
      endsAt: '09:00',
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Het einde moet na het begin liggen/);
    const made = await coordinator.post(`${network}/evenementen/nieuw`, {
      ...form,
      startsAt: '09:00',
      endsAt: '16:00',
    });
    assert.equal(made.statusCode, 303);
    page = String(made.headers.location);
    assert.equal((await new Agent(t.app).get(page)).statusCode, 404, 'a draft is not public');
    assert.equal((await member.get(page)).statusCode, 404, 'nor for members who do not coordinate');

    const early = await coordinator.post(`${page}/publiceren`, {});
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /Voeg eerst minstens één workshop toe/);
    const zero = await coordinator.post(`${page}/workshops`, { title: 'Leeg', capacity: '0' });
    assert.equal(zero.statusCode, 400);
    assert.match(zero.body, /Geef een aantal plaatsen tussen 1 en 2000/);
    for (const [title, capacity] of [
      ['Schoolkosten samen aanpakken', '1'],
      ['Taal en ouderbetrokkenheid', '2'],
    ] as const)
      assert.equal((await coordinator.post(`${page}/workshops`, { title, capacity })).statusCode, 303);
    const rows = await t.deps.db
      .selectFrom('event_workshops')
      .select(['id', 'title'])
      .orderBy('position')
      .execute();
    workshops.costs = rows[0]!.id;
    workshops.language = rows[1]!.id;
    assert.equal((await coordinator.post(`${page}/publiceren`, {})).statusCode, 303);

    const visitor = await new Agent(t.app).get(page);
    assert.equal(visitor.statusCode, 200);
    assert.match(visitor.body, /Inschrijven is gratis/);
    assert.doesNotMatch(visitor.body, /Brede School Kanaalzone<\/a>/, 'the private network is not linked');
    assert.doesNotMatch(visitor.body, /Voor de organisatoren/);
  });

  it('registers, puts the overflow on the waiting list and gives a freed seat to the first in line', async () => {
    const none = await registerAs('Anna', []);
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Kies er minstens één/);

    assert.equal((await registerAs('Anna', [workshops.costs, workshops.language])).statusCode, 303);
    const own = await new Agent(t.app).get(`/inschrijving/${tokens.Anna}`);
    assert.equal(own.statusCode, 200);
    assert.equal((own.body.match(/je hebt een plaats/g) ?? []).length, 2);
    const [confirmation] = await mails('anna@test.invalid');
    assert.equal(confirmation!.subject, 'Inschrijving: Ontmoetingsdag gelijke kansen');
    assert.ok(confirmation!.body_text.includes(`/inschrijving/${tokens.Anna}`));
    assert.match(confirmation!.body_text, /Schoolkosten samen aanpakken: je hebt een plaats/);

    const twice = await registerAs('Anna', [workshops.language]);
    assert.equal(twice.statusCode, 422);
    assert.match(twice.body, /Met dit e-mailadres ben je al ingeschreven/);

    assert.equal((await registerAs('Bert', [workshops.costs])).statusCode, 303);
    assert.equal((await registerAs('Carla', [workshops.costs])).statusCode, 303);
    assert.equal((await statusOf('bert@test.invalid', workshops.costs)).status, 'waiting');
    assert.match((await mails('bert@test.invalid'))[0]!.body_text, /je staat op de wachtlijst/);
    assert.match((await new Agent(t.app).get(page)).body, /Volzet \(2 op de wachtlijst\)/);

    const anna = new Agent(t.app);
    await anna.get(`/inschrijving/${tokens.Anna}`);
    const unticked = await anna.post(`/inschrijving/${tokens.Anna}/annuleren`, {});
    assert.equal(unticked.statusCode, 400);
    const cancelled = await anna.post(`/inschrijving/${tokens.Anna}/annuleren`, {
      confirm: 'yes',
    });
    assert.equal(cancelled.statusCode, 303);
    assert.equal((await statusOf('bert@test.invalid', workshops.costs)).status, 'confirmed', 'first in line');
    assert.equal((await statusOf('carla@test.invalid', workshops.costs)).status, 'waiting');
    const promoted = await mails('bert@test.invalid');
    assert.ok(promoted.some((m) => m.subject === 'Er is een plaats vrij: Ontmoetingsdag gelijke kansen'));
    assert.ok(!(await mails('carla@test.invalid')).some((m) => m.purpose === 'event_promoted'));
    assert.match((await new Agent(t.app).get(`/inschrijving/${tokens.Anna}`)).body, /Geannuleerd op/);
    assert.equal((await new Agent(t.app).get(`/inschrijving/${'x'.repeat(32)}`)).statusCode, 404);
  });

  it('hands out the last seats once when people register at the same moment', async () => {
    const results = await Promise.all(
      ['Dirk', 'Emma', 'Fien', 'Gust'].map((n) => registerAs(n, [workshops.language])),
    );
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [303, 303, 303, 303],
    );
    const seated = await t.deps.db
      .selectFrom('event_registration_workshops as rw')
      .innerJoin('event_registrations as r', 'r.id', 'rw.registration_id')
      .select('r.email')
      .where('rw.workshop_id', '=', workshops.language)
      .where('rw.status', '=', 'confirmed')
      .where('r.cancelled_at', 'is', null)
      .execute();
    assert.equal(seated.length, 2, 'capacity 2 (Anna cancelled her seat)');
  });

  it('gives organisers a printable attendance list per workshop and records who came', async () => {
    assert.equal((await member.get(`${page}/aanwezigheden`)).statusCode, 403);
    const list = await coordinator.get(`${page}/aanwezigheden`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Schoolkosten samen aanpakken: 1 van 1 plaatsen bezet/);
    assert.match(list.body, /<ol>\s*<li>Carla \(Basisschool De Linde\)<\/li>/);
    const bert = await statusOf('bert@test.invalid', workshops.costs);
    const saved = await coordinator.post(`${page}/aanwezigheden/${workshops.costs}`, { present: bert.id });
    assert.equal(saved.statusCode, 303);
    assert.equal((await statusOf('bert@test.invalid', workshops.costs)).attended, true);
    const odd = await coordinator.post(`${page}/aanwezigheden/${workshops.costs}`, { present: 'iemand' });
    assert.equal(odd.statusCode, 400);
  });

  it('cancels an event and tells those registered', async () => {
    const made = await coordinator.post(`${network}/evenementen/nieuw`, {
      title: 'Vormingsavond',
      day: '2027-04-01',
      startsAt: '19:00',
      endsAt: '21:30',
    });
    const evening = String(made.headers.location);
    await coordinator.post(`${evening}/workshops`, { title: 'Plenair', capacity: '40' });
    await coordinator.post(`${evening}/publiceren`, {});
    const plenary = await t.deps.db
      .selectFrom('event_workshops')
      .select('id')
      .where('title', '=', 'Plenair')
      .executeTakeFirstOrThrow();
    assert.equal((await registerAs('Hilde', [plenary.id], evening)).statusCode, 303);
    assert.equal((await coordinator.post(`${evening}/afgelasten`, {})).statusCode, 400);
    assert.equal((await coordinator.post(`${evening}/afgelasten`, { confirm: 'yes' })).statusCode, 303);
    assert.ok((await mails('hilde@test.invalid')).some((m) => m.subject === 'Afgelast: Vormingsavond'));
    const shown = await new Agent(t.app).get(evening);
    assert.match(shown.body, /Dit evenement is afgelast/);
    assert.doesNotMatch(shown.body, /name="workshops"/);
    const ivo = new Agent(t.app);
    await ivo.get(page); // a form token from a page that still has a form
    const late = await ivo.post(`${evening}/inschrijven`, {
      name: 'Ivo',
      email: 'ivo@test.invalid',
      workshops: plenary.id,
    });
    assert.equal(late.statusCode, 422);
    assert.match(late.body, /Dit evenement is afgelast/);
  });

  it('reminds everyone still registered the day before, once, and wipes their details after 90 days', async () => {
    assert.equal(await remindEventRegistrants(t.deps), 0, 'three weeks ahead: no reminder yet');
    t.clock.advance(days(20) + 3_600_000); // 11 December, 10:00 UTC
    const queued = await remindEventRegistrants(t.deps);
    assert.equal(queued, 6, 'Bert, Carla, Dirk, Emma, Fien, Gust; not Anna');
    assert.equal(await remindEventRegistrants(t.deps), 0, 'once per event');
    const reminders = (await mails('carla@test.invalid')).filter((m) => m.purpose === 'event_reminder');
    assert.deepEqual(
      reminders.map((m) => m.subject),
      ['Morgen: Ontmoetingsdag gelijke kansen'],
    );
    assert.match(reminders[0]!.body_text, /Schoolkosten samen aanpakken: je staat op de wachtlijst/);
    assert.equal((await mails('anna@test.invalid')).length, 1);

    assert.equal(await wipeEventRegistrants(t.deps), 0, 'kept while the event is recent');
    t.clock.advance(days(92));
    assert.equal(await wipeEventRegistrants(t.deps), 7);
    const left = await t.deps.db.selectFrom('event_registrations').select(['name', 'email']).execute();
    assert.deepEqual(
      left.filter((r) => r.name !== '' || r.email !== '').map((r) => r.email),
      ['hilde@test.invalid'],
      'only the April evening (not yet past) keeps its registrant',
    );
    assert.equal((await new Agent(t.app).get(`/inschrijving/${tokens.Bert}`)).statusCode, 404);
    const seats = await t.deps.db
      .selectFrom('event_registration_workshops')
      .select('attended')
      .where('workshop_id', '=', workshops.costs)
      .where('status', '=', 'confirmed')
      .execute();
    assert.equal(seats.filter((r) => r.attended).length, 1, 'the counts stay');
  });
});
