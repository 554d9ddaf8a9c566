import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { purgeExpiredCases } from '../../../src/modules/cases/cases.retention.ts';
import { remindCheckBacks } from '../../../src/modules/cases/referrals.service.ts';
import { days } from '../../../src/platform/clock.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import { createFixtures, type Fixtures, startTestApp, type TestContext } from '../../helpers/app.ts';
import {
  type CaseWorker,
  caseWorker,
  receivingService,
  signInWithSecondFactor,
  tablesContaining,
} from '../../helpers/cases.ts';

describe('referrals: consent, minimal feedback, need-to-know access', () => {
  let t: TestContext;
  let f: Fixtures;
  let service: { id: string; name: string };
  let zorg: CaseWorker;
  let colleague: CaseWorker;
  let cawAdmin: CaseWorker;
  let cawWorker: CaseWorker;
  let outsider: CaseWorker;
  const logLines: string[] = [];

  const auditCount = async (caseId: string) =>
    Number(
      (
        await t.deps.db
          .selectFrom('case_audit')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('case_id', '=', caseId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const form = (overrides: Record<string, string | string[]> = {}) => ({
    organisation: f.organisation.id,
    pseudonym: 'Gezin Zonnebloem',
    needs: ['FIN', 'EDU'],
    intensity: '3',
    note: 'Mama werkt ’s nachts',
    parentName: 'Mama Kanarie-7Q',
    childName: '',
    phone: '0470 11 22 33',
    email: '',
    consentGivenBy: 'parent',
    consentInformation: ['needs', 'contact'],
    consentPurpose: 'intake',
    consentMethod: 'conversation',
    consentLocale: 'nl',
    checkBackDays: '14',
    ...overrides,
  });
  /** Records a referral through the form and returns its id. */
  const refer = async (overrides: Record<string, string | string[]> = {}) => {
    await zorg.agent.get(`/toeleiding/nieuw?dienst=${service.id}`);
    const response = await zorg.agent.post(`/toeleiding/nieuw?dienst=${service.id}`, form(overrides));
    assert.equal(response.statusCode, 200, response.body.slice(0, 300));
    const id = /href="\/toeleiding\/([0-9a-f-]{36})"/.exec(response.body)![1]!;
    return { id, body: response.body };
  };

  before(async () => {
    t = await startTestApp({ logLines });
    f = await createFixtures(t.deps);
    service = await receivingService(t, f.otherOrganisation.id);
    zorg = await caseWorker(t, 'zorg', f.organisation.id);
    colleague = await caseWorker(t, 'collega', f.organisation.id);
    cawAdmin = await caseWorker(t, 'caw-admin', f.otherOrganisation.id, { role: 'admin' });
    cawWorker = await caseWorker(t, 'caw-medewerker', f.otherOrganisation.id);
    outsider = await caseWorker(t, 'buitenstaander', f.organisation.id);
  });
  after(() => t.close());

  it('sends people without a second factor to set one up, and refuses accounts without an organisation', async () => {
    const noFactor = await caseWorker(t, 'zonder', f.organisation.id, { secondFactor: false });
    const page = await noFactor.agent.get('/toeleiding');
    assert.equal(page.statusCode, 303);
    assert.equal(page.headers.location, '/account/tweestapsverificatie');
    const curator = new Agent(t.app);
    await curator.signIn(f.users.curator.email);
    assert.equal((await curator.get('/toeleiding')).statusCode, 403);
    // Nor can such a person be added to a case.
    const { id } = await refer();
    await zorg.agent.get(`/toeleiding/${id}`);
    const added = await zorg.agent.post(`/toeleiding/${id}/leden`, { email: noFactor.email });
    assert.equal(added.statusCode, 422);
    assert.match(added.body, /geen tweestapsverificatie/);
  });

  it('records a referral with consent in a conversation; the receiver gets it through intake and sees only what was agreed', async () => {
    const { id, body } = await refer();
    assert.match(body, /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/, 'the family reference is shown');
    const own = await zorg.agent.get(`/toeleiding/${id}`);
    assert.match(own.body, /Gezin Zonnebloem/);
    assert.match(own.body, /Mama werkt/);

    // The receiving admin sees an intake line without content, and cannot open the case.
    const day = await cawAdmin.agent.get('/toeleiding');
    assert.match(day.body, new RegExp(`Doorverwijzing naar ${service.name.replace(/[()]/g, '.')}`));
    assert.doesNotMatch(day.body, /Zonnebloem|Kanarie/);
    assert.equal((await cawAdmin.agent.get(`/toeleiding/${id}`)).statusCode, 404);
    const assigned = await cawAdmin.agent.post(`/toeleiding/${id}/toewijzen`, { handler: cawWorker.email });
    assert.equal(assigned.statusCode, 303);
    assert.equal(
      (await cawAdmin.agent.get(`/toeleiding/${id}`)).statusCode,
      404,
      'the admin is not a member',
    );

    // The handler sees the pseudonym and needs; the school's note only with consent for context.
    const handler = await cawWorker.agent.get(`/toeleiding/${id}`);
    assert.equal(handler.statusCode, 200);
    assert.match(handler.body, /Gezin Zonnebloem/);
    assert.match(handler.body, /Geld en materiële hulp/);
    assert.doesNotMatch(handler.body, /Mama werkt|Kanarie/);
    const revealed = await cawWorker.agent.post(`/toeleiding/${id}/identiteit`, { reason: 'eerste contact' });
    assert.match(revealed.body, /Mama Kanarie-7Q/);
    assert.match(revealed.body, /0470 11 22 33/);

    // A status only: a message is refused when the family did not agree to one.
    const withMessage = await cawWorker.agent.post(`/toeleiding/${id}/status`, {
      status: 'in_progress',
      message: 'We zagen mama gisteren',
    });
    assert.equal(withMessage.statusCode, 422);
    const waiting = await cawWorker.agent.post(`/toeleiding/${id}/status`, {
      status: 'waiting_list',
      waitWeeks: '6',
    });
    assert.equal(waiting.statusCode, 303);
    const back = await zorg.agent.get(`/toeleiding/${id}`);
    assert.match(back.body, /Op de wachtlijst · ongeveer 6 weken/);
    assert.doesNotMatch(back.body, /We zagen mama/);
  });

  it('withdrawing consent stops the receiver from seeing details on its next request', async () => {
    const { id } = await refer({ pseudonym: 'Gezin Madelief' });
    await cawAdmin.agent.get('/toeleiding');
    await cawAdmin.agent.post(`/toeleiding/${id}/toewijzen`, { handler: cawWorker.email });
    assert.match((await cawWorker.agent.get(`/toeleiding/${id}`)).body, /Gezin Madelief/);
    await zorg.agent.get(`/toeleiding/${id}`);
    const refused = await zorg.agent.post(`/toeleiding/${id}/toestemming-intrekken`, {});
    assert.equal(refused.statusCode, 400, 'withdrawal needs the confirmation');
    assert.equal(
      (await zorg.agent.post(`/toeleiding/${id}/toestemming-intrekken`, { confirm: 'yes' })).statusCode,
      303,
    );
    const after = await cawWorker.agent.get(`/toeleiding/${id}`);
    assert.equal(after.statusCode, 200);
    assert.doesNotMatch(after.body, /Madelief|Geld en materiële hulp|Kanarie/);
    assert.match(after.body, /deelt deze doorverwijzing niet meer/);
    assert.equal((await cawWorker.agent.post(`/toeleiding/${id}/identiteit`, {})).statusCode, 422);
    assert.equal(
      (await cawWorker.agent.post(`/toeleiding/${id}/status`, { status: 'closed' })).statusCode,
      422,
    );
  });

  it('removing a member denies their very next request; forbidden and missing cases answer alike', async () => {
    const { id } = await refer({ pseudonym: 'Gezin Klaproos' });
    await zorg.agent.get(`/toeleiding/${id}`);
    assert.equal(
      (await zorg.agent.post(`/toeleiding/${id}/leden`, { email: colleague.email })).statusCode,
      303,
    );
    assert.match((await colleague.agent.get(`/toeleiding/${id}`)).body, /Gezin Klaproos/);
    await zorg.agent.get(`/toeleiding/${id}`);
    assert.equal(
      (await zorg.agent.post(`/toeleiding/${id}/leden/${colleague.id}/verwijderen`, {})).statusCode,
      303,
    );
    assert.equal((await colleague.agent.get(`/toeleiding/${id}`)).statusCode, 404);

    const normalise = (body: string) =>
      body
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'ID')
        .replace(/value="[^"]+"/g, '');
    await outsider.agent.get('/toeleiding'); // takes the sign-in message off the next page
    const forbidden = await outsider.agent.get(`/toeleiding/${id}`);
    const missing = await outsider.agent.get('/toeleiding/00000000-0000-4000-8000-000000000000');
    assert.equal(forbidden.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(normalise(forbidden.body), normalise(missing.body));
    const postForbidden = await outsider.agent.post(`/toeleiding/${id}/status`, { status: 'received' });
    const postMissing = await outsider.agent.post('/toeleiding/00000000-0000-4000-8000-000000000000/status', {
      status: 'received',
    });
    assert.equal(postForbidden.statusCode, 404);
    assert.equal(normalise(postForbidden.body), normalise(postMissing.body));
  });

  it('writes exactly one audit row per read and per write', async () => {
    const { id } = await refer({ pseudonym: 'Gezin Lavendel' });
    assert.equal(await auditCount(id), 1, 'created');
    await zorg.agent.get(`/toeleiding/${id}`);
    assert.equal(await auditCount(id), 2, 'read');
    await zorg.agent.post(`/toeleiding/${id}/opvolging`, { outcome: 'still_waiting' });
    assert.equal(await auditCount(id), 3, 'write');
    await zorg.agent.post(`/toeleiding/${id}/opvolging`, { outcome: 'nonsense' });
    assert.equal(await auditCount(id), 4, 'a form with errors shows the case again: one read');
    await outsider.agent.get(`/toeleiding/${id}`);
    assert.equal(await auditCount(id), 4, 'a refused request reads nothing');
    const trail = await zorg.agent.get(`/toeleiding/${id}/audit`);
    assert.match(trail.body, /noteerde hoe het liep/);
    assert.match(trail.body, /bekeek het logboek/);
  });

  it('the family answers through a one-time link in their language; the receiver sees it only after yes', async () => {
    const { id, body } = await refer({
      pseudonym: 'Gezin Korenbloem',
      consentMethod: 'link',
      consentLocale: 'fr',
    });
    const link = /\/toestemming\/([A-Za-z0-9_-]{43})/.exec(body)![1]!;
    const before = await cawAdmin.agent.get('/toeleiding');
    assert.doesNotMatch(before.body, new RegExp(`/toeleiding/${id}/toewijzen`), 'not shared before consent');
    const family = new Agent(t.app);
    const page = await family.get(`/toestemming/${link}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Pouvons-nous transmettre vos données/);
    assert.doesNotMatch(page.body, /Korenbloem|Kanarie/, 'no pseudonym, no identity on the family page');
    assert.equal((await family.post(`/toestemming/${link}`, { answer: 'yes' })).statusCode, 200);
    assert.equal((await family.get(`/toestemming/${link}`)).statusCode, 404, 'the link works once');
    assert.ok(
      logLines.some((l) => l.includes('/toestemming/…')),
      'the request log has the visit',
    );
    assert.ok(
      logLines.every((l) => !l.includes(link) && !l.includes('Korenbloem')),
      'but not the link or the family',
    );
    const afterYes = await cawAdmin.agent.get('/toeleiding');
    assert.match(afterYes.body, new RegExp(`/toeleiding/${id}/toewijzen`));
  });

  it('reminds the referrer to check back (a mail without names), records the outcome, and purges after retention', async () => {
    const { id } = await refer({ pseudonym: 'Gezin Boterbloem', checkBackDays: '10' });
    t.clock.advance(days(11));
    assert.ok((await remindCheckBacks(t.deps)) >= 1);
    const mails = await t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', zorg.email)
      .execute();
    assert.ok(mails.some((m) => m.purpose === 'case.check_back' && m.body_text.includes('/toeleiding')));
    assert.ok(
      mails.every((m) => !m.body_text.includes(id)),
      'the mail does not name the case',
    );
    assert.ok(mails.every((m) => !/Boterbloem|Kanarie|Zonnebloem/.test(m.body_text)));
    await signInWithSecondFactor(t, zorg.agent, zorg.email, zorg.secret); // the session timed out
    const day = await zorg.agent.get('/toeleiding');
    assert.match(day.body.slice(day.body.indexOf('Wacht op je opvolging')), /Gezin Boterbloem/);

    await zorg.agent.get(`/toeleiding/${id}`);
    const done = await zorg.agent.post(`/toeleiding/${id}/opvolging`, {
      outcome: 'helped',
      note: 'Privé-notitie Kanarie',
      close: 'yes',
    });
    assert.equal(done.statusCode, 303);
    const closed = await t.deps.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(closed.closed_at && closed.purge_after);
    assert.equal(closed.purge_after.getTime() - closed.closed_at.getTime() > days(364), true);

    t.clock.advance(days(370));
    const purged = await purgeExpiredCases(t.deps, systemActor('test'));
    assert.ok(purged >= 1);
    await signInWithSecondFactor(t, zorg.agent, zorg.email, zorg.secret);
    assert.equal((await zorg.agent.get(`/toeleiding/${id}`)).statusCode, 404);
    assert.deepEqual(await tablesContaining(t, id), [], 'no row of the purged case is left in any table');
    const counts = await t.deps.db
      .selectFrom('case_statistics')
      .selectAll()
      .where('outcome', '=', 'helped')
      .execute();
    assert.deepEqual(counts.map((c) => c.need).sort(), ['EDU', 'FIN']);
    assert.ok(counts.every((c) => c.intensity === 3 && c.destination_type === 'caw' && c.count === 1));
  });
});
