import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoDirectory } from '../../../src/modules/directory/directory.demo.ts';
import { flagUnreviewedPractices } from '../../../src/modules/practices/practices.service.ts';
import { Agent } from '../../helpers/agent.ts';
import {
  auditEvents,
  createFixtures,
  type Fixtures,
  startTestApp,
  type TestContext,
} from '../../helpers/app.ts';

const DAY = 24 * 3600 * 1000;

const fiche = (overrides: Record<string, string | string[]> = {}) => ({
  title: 'Samen naar de tandarts',
  introduction: 'De brugfiguur gaat mee naar de eerste afspraak.',
  category: 'Gezondheid',
  needCodes: ['HEALTH', 'POV'],
  cooperationForms: ['referral'],
  goals: 'Elk kind één keer per jaar naar de tandarts.\nOuders durven zelf te bellen.',
  targetGroups: 'Kinderen van de lagere school',
  description: 'De school maakt de afspraak **samen** met de ouder.\n\n- Bellen\n- Meegaan',
  buildingBlocks: 'Samen bellen: de ouder belt, de brugfiguur zit ernaast.\nMeegaan',
  successFactors: 'Vaste tandartsen',
  challenges: 'Gemiste afspraken',
  places: 'Gent\n\nTandartsbrug: vier basisscholen.',
  sites: 'Testschool; Gent; 2025-09; Samen bellen, Meegaan',
  evidenceStep: 'described',
  ratings: '',
  figures: '2023-2024; Kinderen; 40\n2024-2025; Kinderen; 65',
  policyDomains: 'Gezondheid',
  runBy: '',
  contactName: 'Test',
  contactEmail: 'contact@test.invalid',
  contactPhone: '',
  ...overrides,
});

describe('practice workflow: start, submit, review, publish, change, follow', () => {
  let t: TestContext;
  let f: Fixtures;
  let practiceId: string;
  const signedIn = async (role: keyof Fixtures['users']) => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users[role].email);
    return agent;
  };
  const mailsTo = (address: string, purpose: string) =>
    t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', address)
      .where('purpose', '=', purpose)
      .execute();

  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
    await loadDemoDirectory(t.deps.db, t.clock.now());
  });
  after(() => t.close());

  it('shows field errors next to the fields and keeps what was typed', async () => {
    const editor = await signedIn('editor');
    const response = await editor.post(
      '/praktijken/nieuw',
      fiche({
        title: '',
        places: 'Nergensdorp\nIets',
        sites: 'Testschool; Gent; september',
        figures: '2024; Kinderen; veel',
        evidenceStep: 'externally_rated',
        runBy: 'https://elders.example/iets',
      }),
    );
    assert.equal(response.statusCode, 400);
    const html = response.body;
    assert.ok(html.includes('id="field-title-error"'));
    assert.ok(/Regel 1: begin met de naam van een gemeente/.test(html));
    assert.ok(
      /Regel 1: schrijf (&quot;|")sinds(&quot;|") als jaar en maand/.test(html),
      html.match(/field-sites-error">[^<]*/)?.[0],
    );
    assert.ok(/Regel 1: begin met een schooljaar/.test(html));
    assert.ok(/geen link naar de sociale kaart/.test(html));
    assert.ok(html.includes('De school maakt de afspraak **samen** met de ouder.'), 'description kept');
    // Checks across fields come once each field reads well.
    const across = await editor.post(
      '/praktijken/nieuw',
      fiche({ evidenceStep: 'externally_rated', sites: 'Testschool; Gent; 2025-09; Onbekend blok' }),
    );
    assert.equal(across.statusCode, 400);
    assert.ok(/Geef minstens één externe beoordeling/.test(across.body));
    assert.ok(/De bouwsteen (&quot;|")Onbekend blok/.test(across.body));
    const count = await t.deps.db
      .selectFrom('practices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 0);
  });

  it('starts a draft that only its owners see, until it is submitted', async () => {
    const editor = await signedIn('editor');
    const service = await t.deps.db
      .selectFrom('directory_services')
      .select('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    const created = await editor.post(
      '/praktijken/nieuw',
      fiche({ ownerOrganisationId: f.organisation.id, runBy: `/sociale-kaart/aanbod/${service.id}` }),
    );
    assert.equal(created.statusCode, 303, created.body.slice(0, 300));
    practiceId = created.headers.location!.split('/').pop()!;
    const page = await editor.get(`/praktijken/${practiceId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('<strong>samen</strong>'), 'limited Markdown rendered');
    assert.ok(page.body.includes('Indienen bij de redactie'));
    assert.ok(page.body.includes('<svg'), 'figures chart');
    assert.ok(page.body.includes(`/sociale-kaart/aanbod/${service.id}`), 'runs in the directory');
    // The admin of the same organisation is an owner too; a member, another user and visitors are not.
    assert.equal((await (await signedIn('admin')).get(`/praktijken/${practiceId}/bewerken`)).statusCode, 200);
    assert.equal((await (await signedIn('member')).get(`/praktijken/${practiceId}`)).statusCode, 404);
    assert.equal(
      (await (await signedIn('member')).get(`/praktijken/${practiceId}/bewerken`)).statusCode,
      404,
    );
    assert.equal((await (await signedIn('platform-admin')).get(`/praktijken/${practiceId}`)).statusCode, 404);
    assert.equal((await t.app.inject({ url: `/praktijken/${practiceId}` })).statusCode, 404);
    // Not even the curators see a draft before it is submitted.
    assert.equal((await (await signedIn('curator')).get(`/praktijken/${practiceId}`)).statusCode, 404);
    // Not in search or in the open data.
    const search = await t.app.inject({ url: '/api/v1/practices?q=tandarts' });
    assert.equal(search.json().total, 0);
    const exported = await t.app.inject({ url: '/api/v1/practices/export.json' });
    assert.equal(exported.json().count, 0);
  });

  it('submits to the curators, who return it with a comment', async () => {
    const editor = await signedIn('editor');
    await editor.get(`/praktijken/${practiceId}`);
    assert.equal((await editor.post(`/praktijken/${practiceId}/indienen`)).statusCode, 303);
    assert.equal((await mailsTo(f.users.curator.email, 'practice_submitted')).length, 1);
    // Only curators review.
    assert.equal((await editor.get(`/praktijken/${practiceId}/beoordelen`)).statusCode, 403);
    const curator = await signedIn('curator');
    assert.equal((await curator.get(`/praktijken/${practiceId}`)).statusCode, 200);
    const queue = await curator.get('/praktijken/redactie');
    assert.ok(queue.body.includes('Samen naar de tandarts'));
    const review = await curator.get(`/praktijken/${practiceId}/beoordelen`);
    assert.equal(review.statusCode, 200);
    const noComment = await curator.post(`/praktijken/${practiceId}/beoordelen`, {
      decision: 'return',
      comment: '',
    });
    assert.equal(noComment.statusCode, 400);
    assert.ok(noComment.body.includes('Schrijf kort wat er moet veranderen.'));
    const returned = await curator.post(`/praktijken/${practiceId}/beoordelen`, {
      decision: 'return',
      comment: 'Voeg een contactpersoon met naam toe.',
    });
    assert.equal(returned.statusCode, 303);
    const mail = await mailsTo(f.users.editor.email, 'practice_returned');
    assert.equal(mail.length, 1);
    assert.ok(mail[0]!.body_text.includes('Voeg een contactpersoon met naam toe.'));
    const page = await editor.get(`/praktijken/${practiceId}`);
    assert.ok(page.body.includes('Voeg een contactpersoon met naam toe.'));
    assert.equal((await t.app.inject({ url: `/praktijken/${practiceId}` })).statusCode, 404);
  });

  it('publishes after resubmission; everyone can read it', async () => {
    const editor = await signedIn('editor');
    await editor.get(`/praktijken/${practiceId}/bewerken`);
    assert.equal(
      (await editor.post(`/praktijken/${practiceId}/bewerken`, fiche({ contactName: 'An Peeters' })))
        .statusCode,
      303,
    );
    assert.equal((await editor.post(`/praktijken/${practiceId}/indienen`)).statusCode, 303);
    const curator = await signedIn('curator');
    await curator.get(`/praktijken/${practiceId}/beoordelen`);
    assert.equal(
      (await curator.post(`/praktijken/${practiceId}/beoordelen`, { decision: 'publish' })).statusCode,
      303,
    );
    const page = await t.app.inject({ url: `/praktijken/${practiceId}` });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('An Peeters'));
    assert.ok(!page.body.includes('Indienen bij de redactie'));
    const search = await t.app.inject({ url: '/api/v1/practices?q=tandarts' });
    assert.equal(search.json().total, 1);
    assert.equal((await mailsTo(f.users.editor.email, 'practice_published')).length, 1);
    assert.equal((await auditEvents(t.deps, 'practice.published')).length, 1);
  });

  it('keeps a change of a published fiche as a new version until a curator approves it; followers hear of it', async () => {
    const member = await signedIn('member');
    await member.get(`/praktijken/${practiceId}`);
    assert.equal((await member.post(`/praktijken/${practiceId}/volgen`, { follow: '1' })).statusCode, 303);
    const editor = await signedIn('editor');
    await editor.get(`/praktijken/${practiceId}/bewerken`);
    await editor.post(
      `/praktijken/${practiceId}/bewerken`,
      fiche({ title: 'Samen naar de tandarts en de huisarts', contactName: 'An Peeters' }),
    );
    // The published version stays online meanwhile.
    const meanwhile = await t.app.inject({ url: `/praktijken/${practiceId}` });
    assert.ok(/<h1>Samen naar de tandarts<\/h1>/.test(meanwhile.body));
    await editor.post(`/praktijken/${practiceId}/indienen`);
    const curator = await signedIn('curator');
    const review = await curator.get(`/praktijken/${practiceId}/beoordelen`);
    assert.ok(review.body.includes('Samen naar de tandarts en de huisarts'), 'the change is shown');
    await curator.post(`/praktijken/${practiceId}/beoordelen`, { decision: 'publish' });
    const now = await t.app.inject({ url: `/praktijken/${practiceId}` });
    assert.ok(/<h1>Samen naar de tandarts en de huisarts<\/h1>/.test(now.body));
    assert.equal((await mailsTo(f.users.member.email, 'practice_changed')).length, 1);
    // Every version kept, and two compared field by field.
    const versions = await editor.get(`/praktijken/${practiceId}/versies?van=1&naar=2`);
    assert.equal(versions.statusCode, 200);
    assert.ok(versions.body.includes('Verschillen tussen versie 1 en 2'));
    assert.ok(versions.body.includes('Samen naar de tandarts en de huisarts'));
    const statuses = await t.deps.db
      .selectFrom('practice_versions')
      .select(['number', 'status'])
      .where('practice_id', '=', practiceId)
      .orderBy('number')
      .execute();
    assert.deepEqual(statuses, [
      { number: 1, status: 'superseded' },
      { number: 2, status: 'published' },
    ]);
    // Others may not see the versions.
    assert.equal((await member.get(`/praktijken/${practiceId}/versies`)).statusCode, 404);
  });

  it('passes a visitor’s change or comment to the curators and the owners', async () => {
    const visitor = new Agent(t.app);
    await visitor.get(`/praktijken/${practiceId}/opmerking`);
    const short = await visitor.post(`/praktijken/${practiceId}/opmerking`, { message: 'kort' });
    assert.equal(short.statusCode, 400);
    const sent = await visitor.post(`/praktijken/${practiceId}/opmerking`, {
      message: 'De tandarts in de Sleepstraat doet ook mee.',
      email: '',
    });
    assert.equal(sent.statusCode, 303);
    for (const user of [f.users.curator, f.users.editor, f.users.admin]) {
      const mails = await mailsTo(user.email, 'practice_suggestion');
      assert.equal(mails.length, 1, user.email);
      assert.ok(mails[0]!.body_text.includes('Sleepstraat'));
    }
    assert.equal((await mailsTo(f.users.member.email, 'practice_suggestion')).length, 0);
  });

  it('flags fiches not reviewed for a year to their owners, once', async () => {
    assert.equal(await flagUnreviewedPractices(t.deps), 0);
    t.clock.advance(366 * DAY);
    assert.equal(await flagUnreviewedPractices(t.deps), 1);
    assert.equal(await flagUnreviewedPractices(t.deps), 0);
    assert.equal((await mailsTo(f.users.editor.email, 'practice_review')).length, 1);
    const editor = await signedIn('editor');
    const page = await editor.get(`/praktijken/${practiceId}`);
    assert.ok(page.body.includes('meer dan een jaar niet nagekeken'));
    assert.equal((await editor.post(`/praktijken/${practiceId}/nog-actueel`)).statusCode, 303);
    const after = await editor.get(`/praktijken/${practiceId}`);
    assert.ok(!after.body.includes('meer dan een jaar niet nagekeken'));
  });

  it('offers the fiche as open data with its licence, and in the Atom feed', async () => {
    const json = await t.app.inject({ url: '/api/v1/practices/export.json' });
    assert.equal(json.statusCode, 200);
    assert.match(json.headers.link as string, /creativecommons.org\/licenses\/by\/4.0/);
    const body = json.json();
    assert.equal(body.count, 1);
    assert.equal(body.practices[0].title, 'Samen naar de tandarts en de huisarts');
    assert.match(body.licence.name, /CC BY 4.0/);
    const csv = await t.app.inject({ url: '/api/v1/practices/export.csv' });
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.ok(csv.body.startsWith('id,url,version,'));
    assert.equal(csv.body.match(/Samen naar de tandarts en de huisarts/g)?.length, 1);
    const feed = await t.app.inject({ url: '/praktijken/feed.atom' });
    assert.match(feed.headers['content-type'] as string, /atom\+xml/);
    assert.ok(feed.body.includes('<feed') && feed.body.includes('Samen naar de tandarts en de huisarts'));
  });
});
