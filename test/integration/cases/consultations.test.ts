import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assignRole } from '../../../src/modules/collaboration/coordinator-roles.service.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { createFixtures, type Fixtures, startTestApp, type TestContext } from '../../helpers/app.ts';
import { type CaseWorker, caseWorker, tablesContaining } from '../../helpers/cases.ts';

describe('consultations (ROTS): anonymous consult, round table, no offer → anonymous signal', () => {
  let t: TestContext;
  let f: Fixtures;
  let requester: CaseWorker;
  let coordinator: CaseWorker;
  let invited: CaseWorker;
  let outsider: CaseWorker;
  const EAST_FLANDERS = '40000';

  const ask = async () => {
    await requester.agent.get('/casusoverleg/nieuw');
    const response = await requester.agent.post('/casusoverleg/nieuw', {
      organisation: f.organisation.id,
      region: EAST_FLANDERS,
      ageBand: '12-17',
      schoolLevel: 'secundair',
      needs: ['EDU', 'HEALTH'],
      tried: 'Drie gesprekken met het CLB, een time-out op school (Kanarie-TRY)',
      question: 'Welke begeleiding kan deze jongere terug naar school brengen? (Kanarie-Q)',
      schoolName: '',
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    return String(response.headers.location).split('/').pop()!;
  };

  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
    requester = await caseWorker(t, 'clb', f.organisation.id);
    coordinator = await caseWorker(t, 'rots-coordinator', f.otherOrganisation.id);
    invited = await caseWorker(t, 'jeugdhulp', f.otherOrganisation.id);
    outsider = await caseWorker(t, 'andere', f.otherOrganisation.id);
    await assignRole(t.deps, systemActor('test'), {
      code: 'rots',
      regionCode: EAST_FLANDERS,
      userId: coordinator.id,
      organisationId: f.otherOrganisation.id,
      deputy: false,
    });
  });
  after(() => t.close());

  it('refuses a region without a coordinator, next to the field', async () => {
    await requester.agent.get('/casusoverleg/nieuw');
    const response = await requester.agent.post('/casusoverleg/nieuw', {
      organisation: f.organisation.id,
      region: '70000',
      ageBand: '6-11',
      schoolLevel: 'lager',
      needs: 'EDU',
      tried: 'x',
      question: 'y',
    });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /nog geen regionale coördinator/);
  });

  it('runs the whole consultation, reveals identity only after a basis, and queues an anonymous signal', async () => {
    const id = await ask();
    // The coordinator was made a member and got a mail without content.
    const mail = await t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', coordinator.email)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(mail.body_text, /Kanarie|[0-9a-f]{8}-[0-9a-f]{4}/);
    const page = await coordinator.agent.get(`/casusoverleg/${id}`);
    assert.match(page.body, /Kanarie-Q/);
    assert.equal((await outsider.agent.get(`/casusoverleg/${id}`)).statusCode, 404);
    assert.equal((await requester.agent.post(`/casusoverleg/${id}/advies`, { advice: 'x' })).statusCode, 403);

    assert.equal(
      (await coordinator.agent.post(`/casusoverleg/${id}/advies`, { advice: 'Start een rondetafel.' }))
        .statusCode,
      303,
    );
    assert.match((await requester.agent.get(`/casusoverleg/${id}`)).body, /Start een rondetafel\./);

    // Round table: a legal ground needs its choice; then the identity is stored with the basis.
    const missingGround = await coordinator.agent.post(`/casusoverleg/${id}/rondetafel`, {
      basis: 'legal_ground',
      meetingOn: '2026-12-15',
      participants: 'de jongere, moeder, CLB, consulent',
    });
    assert.equal(missingGround.statusCode, 400);
    assert.match(missingGround.body, /Kies de wettelijke grond/);
    await coordinator.agent.post(`/casusoverleg/${id}/rondetafel`, {
      basis: 'consent_parents',
      meetingOn: '2026-12-15',
      participants: 'de jongere, moeder, CLB, consulent',
      identity: 'Kanarie-NAAM Jongere',
    });
    const withTable = await coordinator.agent.get(`/casusoverleg/${id}`);
    assert.match(withTable.body, /Toestemming van de ouders/);
    assert.doesNotMatch(withTable.body, /Kanarie-NAAM/, 'the identity needs the reveal step');
    assert.equal(
      (await coordinator.agent.post(`/casusoverleg/${id}/leden`, { email: invited.email })).statusCode,
      303,
    );
    const revealed = await invited.agent.post(`/casusoverleg/${id}/identiteit`, { reason: 'voorbereiding' });
    assert.match(revealed.body, /Kanarie-NAAM Jongere/);
    const trail = await invited.agent.get(`/casusoverleg/${id}/audit`);
    assert.match(trail.body, /toonde naam en contactgegevens/);
    assert.match(trail.body, /voorbereiding/);

    assert.equal(
      (
        await invited.agent.post(`/casusoverleg/${id}/acties`, {
          description: 'Intake OKAN',
          owner: 'CLB',
          dueOn: '2027-01-10',
        })
      ).statusCode,
      303,
    );
    const noSignal = await coordinator.agent.post(`/casusoverleg/${id}/uitkomst`, { outcome: 'none' });
    assert.equal(noSignal.statusCode, 400, '"no offer" needs the description of what is missing');
    const done = await coordinator.agent.post(`/casusoverleg/${id}/uitkomst`, {
      outcome: 'none',
      signal: 'Geen time-outtraject voor 12-plussers in de regio',
    });
    assert.equal(done.statusCode, 303);
    const queued = await t.deps.db.selectFrom('case_signal_queue').selectAll().execute();
    assert.equal(queued.length, 1);
    assert.deepEqual(
      { region: queued[0]!.region_code, needs: queued[0]!.needs, age: queued[0]!.age_band },
      { region: EAST_FLANDERS, needs: ['EDU', 'HEALTH'], age: '12-17' },
    );
    assert.deepEqual(await tablesContaining(t, 'Geen time-outtraject'), ['case_signal_queue']);
    const closed = await requester.agent.get(`/casusoverleg/${id}`);
    assert.match(closed.body, /afgesloten/);
    assert.equal(
      (await invited.agent.post(`/casusoverleg/${id}/acties`, { description: 'x', owner: 'y' })).statusCode,
      403,
    );
  });

  it('stores every free text sealed: no canary in any table as plain text', async () => {
    await ask();
    assert.deepEqual(await tablesContaining(t, 'Kanarie'), []);
  });
});
