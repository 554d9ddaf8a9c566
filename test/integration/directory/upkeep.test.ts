import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import { loadDemoDirectory } from '../../../src/modules/directory/directory.demo.ts';
import { remindUnverifiedServices } from '../../../src/modules/directory/directory.upkeep.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import {
  auditEvents,
  createFixtures,
  type Fixtures,
  startTestApp,
  type TestContext,
} from '../../helpers/app.ts';

const DAY = 24 * 3600 * 1000;

describe('keeping the sociale kaart true, and Ken je buurt', () => {
  let t: TestContext;
  let f: Fixtures;
  let school: { id: string };
  let partner: { id: string };
  let service: { id: string; name: string };
  let unowned: { id: string };
  const actor = systemActor('test');
  const signedIn = async (role: keyof Fixtures['users']) => {
    const agent = new Agent(t.app);
    await agent.signIn(f.users[role].email);
    return agent;
  };
  const mailsTo = (address: string) =>
    t.deps.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', address).execute();

  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
    await loadDemoDirectory(t.deps.db, t.clock.now());
    school = await t.deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .where('kind', '=', 'school')
      .where('municipality_nis', '=', '44021')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    // A partner near the school, owned by the test organisation.
    service = await t.deps.db
      .selectFrom('directory_services as s')
      .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
      .select(['s.id', 's.name', 'o.id as organizationId'])
      .where('o.municipality_nis', '=', '44021')
      .where('o.kind', '!=', 'school')
      .orderBy('s.name')
      .executeTakeFirstOrThrow()
      .then((s) => ((partner = { id: s.organizationId }), s));
    unowned = await t.deps.db
      .selectFrom('directory_services as s')
      .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
      .select('s.id')
      .where('o.id', '!=', partner.id)
      .orderBy('s.name')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('directory_organizations')
      .set({ owner_organisation_id: f.organisation.id })
      .where('id', 'in', [school.id, partner.id])
      .execute();
  });
  after(() => t.close());

  it('lets the owner edit a service, keeps every change with who and when, and refuses others', async () => {
    const editor = await signedIn('editor');
    const form = await editor.get(`/sociale-kaart/aanbod/${service.id}/bewerken`);
    assert.equal(form.statusCode, 200);
    const current = await t.deps.db
      .selectFrom('directory_services')
      .selectAll()
      .where('id', '=', service.id)
      .executeTakeFirstOrThrow();
    const values = {
      name: `${current.name} (nieuw)`,
      description: current.description,
      plain_what_to_ask: current.plain_what_to_ask ?? '',
      plain_cost: current.plain_cost ?? '',
      plain_how_to_get_there: current.plain_how_to_get_there ?? '',
      fees_description: current.fees_description ?? '',
      application_process: current.application_process ?? '',
      need_codes: [...current.need_codes, 'LANG'],
      age_bands: current.age_bands,
      audiences: current.audiences,
      referral_methods: current.referral_methods,
      ...(current.free_of_charge ? { free_of_charge: '1' } : {}),
      capacity_state: current.capacity_state,
      expected_wait_weeks: current.expected_wait_weeks === null ? '' : String(current.expected_wait_weeks),
      status: 'active',
    };
    // A mistake is shown next to the field, in Dutch, and nothing is saved.
    const bad = await editor.post(`/sociale-kaart/aanbod/${service.id}/bewerken`, { ...values, name: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /id="field-name-error"[^>]*>Vul dit veld in\./);
    const saved = await editor.post(`/sociale-kaart/aanbod/${service.id}/bewerken`, {
      ...values,
      verified: '1',
    });
    assert.equal(saved.statusCode, 303);
    const after = await t.deps.db
      .selectFrom('directory_services')
      .selectAll()
      .where('id', '=', service.id)
      .executeTakeFirstOrThrow();
    assert.equal(after.name, values.name);
    assert.ok(after.need_codes.includes('LANG'));
    assert.equal(after.last_verified_by, f.users.editor.id);
    const changes = await t.deps.db
      .selectFrom('directory_metadata')
      .selectAll()
      .where('resource_id', '=', service.id)
      .execute();
    assert.deepEqual(changes.map((c) => c.field_name).sort(), ['name', 'need_codes']);
    assert.ok(changes.every((c) => c.updated_by === f.users.editor.id));
    const history = await editor.get(`/sociale-kaart/aanbod/${service.id}/geschiedenis`);
    assert.match(history.body, /Test editor/);
    assert.match(history.body, /\(nieuw\)/);
    assert.equal((await auditEvents(t.deps, 'directory.service_updated')).length, 1);

    // A member (not an editor), an editor of another organisation, and anyone on an unclaimed
    // entry but the curators: not found.
    const member = await signedIn('member');
    assert.equal((await member.get(`/sociale-kaart/aanbod/${service.id}/bewerken`)).statusCode, 403);
    const stranger = await accounts.createUser(t.deps, actor, {
      email: 'vreemd@test.invalid',
      name: 'Vreemd',
      password: 'een lang genoeg testwachtwoord',
    });
    await accounts.setMembership(t.deps, actor, {
      userId: stranger.id,
      organisationId: f.otherOrganisation.id,
      role: 'editor',
    });
    const other = new Agent(t.app);
    await other.signIn('vreemd@test.invalid');
    assert.equal((await other.get(`/sociale-kaart/aanbod/${service.id}/bewerken`)).statusCode, 404);
    assert.equal((await other.post(`/sociale-kaart/aanbod/${service.id}/bewerken`, values)).statusCode, 404);
    assert.equal((await editor.get(`/sociale-kaart/aanbod/${unowned.id}/bewerken`)).statusCode, 404);
    const curator = await signedIn('curator');
    assert.equal((await curator.get(`/sociale-kaart/aanbod/${unowned.id}/bewerken`)).statusCode, 200);
  });

  it('lets the owner edit the organisation and keep its contact points, with history', async () => {
    const editor = await signedIn('editor');
    const form = await editor.get(`/sociale-kaart/organisaties/${partner.id}/bewerken`);
    assert.equal(form.statusCode, 200);
    const current = await t.deps.db
      .selectFrom('directory_organizations')
      .selectAll()
      .where('id', '=', partner.id)
      .executeTakeFirstOrThrow();
    const values = {
      name: current.name,
      alternate_name: '',
      description: 'Nieuwe beschrijving van de organisatie.',
      email: current.email ?? '',
      website: 'geen-adres',
      kind: current.kind,
      welfare_cluster: current.welfare_cluster === null ? '' : String(current.welfare_cluster),
      municipality_nis: current.municipality_nis!,
    };
    const bad = await editor.post(`/sociale-kaart/organisaties/${partner.id}/bewerken`, values);
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /volledig webadres/);
    const saved = await editor.post(`/sociale-kaart/organisaties/${partner.id}/bewerken`, {
      ...values,
      website: 'https://voorbeeld.invalid/',
      verified: '1',
    });
    assert.equal(saved.statusCode, 303);
    const history = await editor.get(`/sociale-kaart/organisaties/${partner.id}/geschiedenis`);
    assert.match(history.body, /Nieuwe beschrijving/);

    // A contact point: role, direct line, fixed days and hours, a school it serves.
    const base = `/sociale-kaart/organisaties/${partner.id}/aanspreekpunten`;
    const wrongHours = await editor.post(`${base}/nieuw`, {
      title: 'welzijnswerker op school',
      days: ['MO', 'TH'],
      opens_at: '09:00',
      closes_at: '08:15',
    });
    assert.equal(wrongHours.statusCode, 400);
    assert.match(wrongHours.body, /einduur moet na het beginuur/);
    const created = await editor.post(`${base}/nieuw`, {
      title: 'welzijnswerker op school',
      name: 'Sam (demo)',
      direct_phone: '0499 12 34 56',
      presence: 'aan de schoolpoort',
      days: ['MO', 'TH'],
      opens_at: '08:15',
      closes_at: '09:00',
      schools: school.id,
    });
    assert.equal(created.statusCode, 303);
    const page = await editor.get(`/sociale-kaart/organisaties/${partner.id}`);
    assert.match(page.body, /0499 12 34 56/);
    assert.match(page.body, /maandag, donderdag van 08:15 tot 09:00/);
    assert.doesNotMatch(
      (await t.app.inject(`/sociale-kaart/organisaties/${partner.id}`)).body,
      /0499 12 34 56/,
    );
    const contact = await t.deps.db
      .selectFrom('directory_contacts')
      .select('id')
      .where('direct_phone', '=', '0499 12 34 56')
      .executeTakeFirstOrThrow();
    const edit = await editor.get(`${base}/${contact.id}`);
    assert.match(edit.body, new RegExp(`value="${school.id}" checked`));
    assert.equal((await editor.get(`${base}/${contact.id}/verwijderen`)).statusCode, 200);
    assert.equal((await editor.post(`${base}/${contact.id}/verwijderen`)).statusCode, 303);
    assert.equal((await editor.get(`${base}/${contact.id}`)).statusCode, 404);
    const kept = await t.deps.db
      .selectFrom('directory_metadata')
      .select('last_action_type')
      .where('resource_id', '=', partner.id)
      .where('field_name', '=', 'contact_point')
      .execute();
    assert.deepEqual(kept.map((k) => k.last_action_type).sort(), ['create', 'delete']);
    // Not the owner: not found.
    const other = new Agent(t.app);
    await other.signIn('vreemd@test.invalid');
    assert.equal((await other.get(`/sociale-kaart/organisaties/${partner.id}/bewerken`)).statusCode, 404);
    assert.equal((await other.post(`${base}/nieuw`, { title: 'x' })).statusCode, 404);
  });

  it('routes "meld een fout" to the owner, or to the curators for an unclaimed entry', async () => {
    const visitor = new Agent(t.app);
    await visitor.get(`/sociale-kaart/aanbod/${service.id}/meld-een-fout`);
    const short = await visitor.post(`/sociale-kaart/aanbod/${service.id}/meld-een-fout`, {
      message: 'fout',
    });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /minstens 10 tekens/);
    const sent = await visitor.post(`/sociale-kaart/aanbod/${service.id}/meld-een-fout`, {
      message: 'Het telefoonnummer is veranderd sinds september.',
      email: '',
    });
    assert.equal(sent.statusCode, 303);
    const toEditor = await mailsTo(f.users.editor.email);
    assert.ok(
      toEditor.some((m) => m.purpose === 'directory_report' && m.body_text.includes('sinds september')),
    );
    assert.ok((await mailsTo(f.users.admin.email)).some((m) => m.purpose === 'directory_report'));
    assert.equal((await mailsTo(f.users.member.email)).length, 0, 'members are not owners');

    await visitor.post(`/sociale-kaart/aanbod/${unowned.id}/meld-een-fout`, {
      message: 'Dit aanbod bestaat niet meer, zegt de buurt.',
    });
    assert.ok((await mailsTo(f.users.curator.email)).some((m) => m.body_text.includes('bestaat niet meer')));
  });

  it('reminds owners of entries nobody checked for six months, once a month at most', async () => {
    const page = await t.app.inject(`/sociale-kaart/aanbod/${unowned.id}`);
    assert.match(page.body, /Laatst nagekeken op/);
    assert.doesNotMatch(page.body, /meer dan zes maanden/);
    const ownedServices = await t.deps.db
      .selectFrom('directory_services')
      .select('id')
      .where('organization_id', '=', partner.id)
      .execute();
    t.clock.advance(200 * DAY);
    const stale = await t.app.inject(`/sociale-kaart/aanbod/${unowned.id}`);
    assert.match(stale.body, /meer dan zes maanden/);
    // The edited service was checked today (above), then 200 days passed: all owned ones are due.
    assert.equal(await remindUnverifiedServices(t.deps), ownedServices.length, 'only owned entries');
    const reminders = (await mailsTo(f.users.editor.email)).filter(
      (m) => m.purpose === 'directory_verification_reminder',
    );
    assert.equal(reminders.length, ownedServices.length);
    assert.ok(reminders.every((m) => m.body_text.includes('/bewerken')));
    assert.equal(await remindUnverifiedServices(t.deps), 0, 'not again the same month');
    t.clock.advance(31 * DAY);
    assert.equal(await remindUnverifiedServices(t.deps), ownedServices.length);
  });

  it('lets an organisation admin claim an entry, and a curator confirm it', async () => {
    const target = await t.deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .where('owner_organisation_id', 'is', null)
      .where('kind', '!=', 'school')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const admin = await signedIn('admin');
    const page = await admin.get(`/sociale-kaart/organisaties/${target.id}`);
    assert.match(page.body, /Beheer aanvragen/);
    const foreign = await admin.post(`/sociale-kaart/organisaties/${target.id}/claimen`, {
      organisation: f.otherOrganisation.id,
    });
    assert.equal(foreign.statusCode, 400, 'only for an organisation where one is admin');
    const claimed = await admin.post(`/sociale-kaart/organisaties/${target.id}/claimen`, {
      organisation: f.organisation.id,
    });
    assert.equal(claimed.statusCode, 303);
    const curator = await signedIn('curator');
    const list = await curator.get('/sociale-kaart/claims');
    const claimId = /action="\/sociale-kaart\/claims\/([0-9a-f-]+)"/.exec(list.body)![1]!;
    assert.equal(
      (await curator.post(`/sociale-kaart/claims/${claimId}`, { decision: 'approve' })).statusCode,
      303,
    );
    const entry = await t.deps.db
      .selectFrom('directory_organizations')
      .select('owner_organisation_id')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    assert.equal(entry.owner_organisation_id, f.organisation.id);
    assert.equal(
      (await curator.post(`/sociale-kaart/claims/${claimId}`, { decision: 'approve' })).statusCode,
      404,
      'decided once',
    );
    assert.match((await curator.get('/sociale-kaart/claims')).body, /geen openstaande aanvragen/);
  });

  it('Ken je buurt: the partners around the school by need; the marks are the school’s own', async () => {
    const member = await signedIn('member');
    const page = await member.get('/sociale-kaart/ken-je-buurt?afstand=10');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`/sociale-kaart/ken-je-buurt/${school.id}/${partner.id}`));
    assert.match(page.body, /<h2 id="need-[A-Z]+">/);
    const mark = `/sociale-kaart/ken-je-buurt/${school.id}/${partner.id}`;
    assert.equal((await member.get(mark)).statusCode, 200);
    assert.equal((await member.post(mark, { status: 'misschien' })).statusCode, 400);
    const saved = await member.post(mark, {
      status: 'working_together',
      note: 'Spreekuur op donderdag, vraag naar Sam.',
      afstand: '10',
    });
    assert.equal(saved.statusCode, 303);
    assert.match((await member.get('/sociale-kaart/ken-je-buurt?afstand=10')).body, /We werken samen/);

    // Nobody else sees the marks: another organisation's member, a curator, a visitor.
    const stranger = new Agent(t.app);
    await stranger.signIn('vreemd@test.invalid');
    assert.equal((await stranger.get(mark)).statusCode, 404);
    assert.equal((await stranger.post(mark, { status: 'not_yet' })).statusCode, 404);
    const theirs = await stranger.get('/sociale-kaart/ken-je-buurt');
    assert.match(theirs.body, /beheert nog geen school/);
    assert.doesNotMatch(theirs.body, /vraag naar Sam/);
    const curator = await signedIn('curator');
    assert.equal((await curator.get(mark)).statusCode, 403);
    for (const url of [
      `/sociale-kaart/organisaties/${partner.id}`,
      `/sociale-kaart/organisaties/${school.id}`,
    ])
      assert.doesNotMatch((await t.app.inject(url)).body, /vraag naar Sam/);
    assert.equal((await auditEvents(t.deps, 'directory.neighbourhood_marked')).length, 1);
  });
});
