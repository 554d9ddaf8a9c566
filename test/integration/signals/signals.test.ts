import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import { assignRole } from '../../../src/modules/collaboration/coordinator-roles.service.ts';
import { similarSignals, takeCaseSignals } from '../../../src/modules/signals/signals.service.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import {
  createFixtures,
  type Fixtures,
  startTestApp,
  type TestContext,
  TEST_PASSWORD,
} from '../../helpers/app.ts';

const LOG: string[] = [];
const EAST_FLANDERS = '40000';
const ANTWERP = '10000';
const actor = systemActor('test');

describe('signals: intake, bundle, endorsement, recommendation, answer, feedback and the public report', () => {
  let t: TestContext;
  let f: Fixtures;
  /** Signed-in people: two senders, the region's coordinator, another region's coordinator. */
  const people: Record<
    'named' | 'unnamed' | 'coordinator' | 'elsewhere',
    { id: string; agent: Agent; email: string }
  > = {} as never;

  const person = async (key: string, name: string) => {
    const email = `${key}@test.invalid`;
    const user = await accounts.createUser(t.deps, actor, { email, name, password: TEST_PASSWORD });
    await accounts.setMembership(t.deps, actor, {
      userId: user.id,
      organisationId: f.organisation.id,
      role: 'member',
    });
    const agent = new Agent(t.app);
    assert.equal((await agent.signIn(email)).statusCode, 303);
    return { id: user.id, agent, email };
  };
  const coordinate = (userId: string, regionCode: string) =>
    assignRole(t.deps, actor, {
      code: 'signal',
      regionCode,
      userId,
      organisationId: f.organisation.id,
      deputy: false,
    });

  const raise = async (agent: Agent, over: Record<string, string | string[]> = {}) => {
    t.clock.advance(1000);
    await agent.get('/signalen/nieuw');
    const response = await agent.post('/signalen/nieuw', {
      title: 'Geen tandarts die nieuwe gezinnen aanneemt',
      description:
        'Ouders vinden in de stad geen tandarts die nog nieuwe patiënten met verhoogde tegemoetkoming aanneemt.',
      needs: ['HEALTH', 'POV'],
      sector: 'health',
      place: 'gemeente:44021',
      frequency: 'structural',
      seenSince: '2025-09',
      sourceType: 'school',
      organisation: f.organisation.id,
      mayBeNamed: 'no',
      ...over,
    });
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    const row = await t.deps.db
      .selectFrom('signals')
      .select('id')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const mailsTo = (email: string) =>
    t.deps.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('to_address', '=', email)
      .orderBy('created_at')
      .execute();

  before(async () => {
    t = await startTestApp({ logLines: LOG });
    f = await createFixtures(t.deps);
    people.named = await person('lies', 'Lies Melder-Genoemd');
    people.unnamed = await person('karim', 'Karim Melder-Anoniem');
    people.coordinator = await person('coordinator', 'Sien Coördinator');
    people.elsewhere = await person('elders', 'Elders Coördinator');
    await coordinate(people.coordinator.id, EAST_FLANDERS);
    await coordinate(people.elsewhere.id, ANTWERP);
  });
  after(() => t.close());

  it('shows errors next to the fields and keeps what was typed', async () => {
    const agent = people.named.agent;
    await agent.get('/signalen/nieuw');
    const response = await agent.post('/signalen/nieuw', {
      title: 'Woorden die blijven staan',
      seenSince: 'vorig jaar',
    });
    assert.equal(response.statusCode, 400);
    for (const field of [
      'description',
      'needs',
      'sector',
      'place',
      'frequency',
      'sourceType',
      'mayBeNamed',
      'seenSince',
    ])
      assert.match(response.body, new RegExp(`href="#field-${field}"`), field);
    assert.match(response.body, /value="Woorden die blijven staan"/);
    assert.equal(
      Number(
        (
          await t.deps.db
            .selectFrom('signals')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
      0,
    );
  });

  it('maps a municipality code from before the 2025 mergers and finds the work region', async () => {
    const id = await raise(people.named.agent, { place: 'gemeente:44012' }); // De Pinte → Nazareth-De Pinte
    const row = await t.deps.db
      .selectFrom('signals')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.municipality_nis, '44086');
    assert.equal(row.region_code, EAST_FLANDERS);
    assert.equal(row.seen_since, '2025-09-01');
    const mine = await people.named.agent.get('/signalen/mijn');
    assert.match(mine.body, /Nieuw/);
    assert.match(mine.body, /wacht op de signaalcoördinator/);
  });

  it('takes signals through the JSON API with a bearer token', async () => {
    const token = await accounts.createApiToken(t.deps, actor, people.unnamed.id, 'signalen');
    const post = (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/signals',
        headers: { authorization: `Bearer ${token}` },
        payload: payload as object,
      });
    const good = {
      title: 'Schoolrekeningen stijgen',
      description: 'Meer ouders vragen uitstel van betaling voor de schoolrekening van het eerste trimester.',
      needs: ['FIN'],
      sector: 'education',
      region: EAST_FLANDERS,
      frequency: 'often',
      sourceType: 'school',
    };
    const created = await post(good);
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().status, 'new');
    const both = await post({ ...good, municipality: '44021' });
    assert.equal(both.statusCode, 400);
    assert.equal(both.json().error.code, 'ValidationFailed');
    const unknown = await post({ ...good, region: '99999' });
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().error.code, 'UnknownRegion');
    const mine = await t.app.inject({
      url: '/api/v1/signals',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(mine.json().data.length, 1);
    assert.equal(mine.json().data[0].status, 'new');
  });

  it("lets only the region's coordinators handle a signal; everyone else gets 403 or 404", async () => {
    const id = await raise(people.named.agent);
    assert.equal((await people.named.agent.get('/signalen/behandelen')).statusCode, 403);
    assert.equal((await people.named.agent.get(`/signalen/behandelen/signalen/${id}`)).statusCode, 403);
    assert.equal((await people.elsewhere.agent.get('/signalen/behandelen')).statusCode, 200);
    const missing = await people.elsewhere.agent.get(
      '/signalen/behandelen/signalen/00000000-0000-4000-8000-000000000000',
    );
    const forbidden = await people.elsewhere.agent.get(`/signalen/behandelen/signalen/${id}`);
    assert.equal(forbidden.statusCode, 404);
    assert.equal(missing.statusCode, 404);
    assert.equal(
      (
        await people.elsewhere.agent.post(`/signalen/behandelen/signalen/${id}/bundel`, {
          bundle: 'new',
          title: 'x',
        })
      ).statusCode,
      404,
    );
    const page = await people.coordinator.agent.get(`/signalen/behandelen/signalen/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Lies Melder-Genoemd/);
  });

  it('suggests similar signals by words and spelling, not unrelated ones', async () => {
    await raise(people.unnamed.agent, {
      title: 'Vervoer naar de sportclub ontbreekt',
      description:
        'Kinderen uit de wijk geraken niet tot bij de sportclub omdat er geen bus rijdt na schooltijd.',
      needs: 'LEIS',
    });
    const similar = await similarSignals(t.deps, {
      regionCode: EAST_FLANDERS,
      text: 'Tandartsen nemen geen nieuwe patiënten aan',
      exclude: [],
    });
    assert.ok(similar.length >= 2, 'the dentist signals are found');
    assert.ok(
      similar.every((s) => /tandarts/i.test(s.title)),
      JSON.stringify(similar.map((s) => s.title)),
    );
    // A typo still finds them, through trigram similarity.
    const typo = await similarSignals(t.deps, {
      regionCode: EAST_FLANDERS,
      text: 'Geen tandarst die nieuwe gezinen aanneemt',
      exclude: [],
    });
    assert.ok(typo.some((s) => /tandarts/i.test(s.title)));
    // Other regions' signals are never suggested.
    assert.deepEqual(
      await similarSignals(t.deps, { regionCode: ANTWERP, text: 'tandarts', exclude: [] }),
      [],
    );
  });

  it('runs a signal through its whole life, tells every sender at each step, and names only who agreed', async () => {
    const first = await raise(people.unnamed.agent, { mayBeNamed: 'no' });
    const second = await raise(people.named.agent, {
      title: 'Tandartsen weigeren nieuwe gezinnen',
      mayBeNamed: 'yes',
    });
    const c = people.coordinator.agent;

    // Take the first up into a new bundle; the second is suggested on the bundle page and added.
    await c.get(`/signalen/behandelen/signalen/${first}`);
    const noTitle = await c.post(`/signalen/behandelen/signalen/${first}/bundel`, {
      bundle: 'new',
      title: '',
    });
    assert.equal(noTitle.statusCode, 400);
    const taken = await c.post(`/signalen/behandelen/signalen/${first}/bundel`, {
      bundle: 'new',
      title: 'Tandzorg voor gezinnen in armoede',
    });
    assert.equal(taken.statusCode, 303);
    const bundlePath = String(taken.headers.location);
    const bundle = await c.get(bundlePath);
    assert.match(bundle.body, /Tandartsen weigeren nieuwe gezinnen/, 'the similar new signal is suggested');
    assert.equal(
      (
        await c.post(`/signalen/behandelen/signalen/${second}/bundel`, {
          bundle: bundlePath.split('/').pop()!,
        })
      ).statusCode,
      303,
    );
    assert.equal(
      (
        await c.post(`/signalen/behandelen/signalen/${second}/bundel`, {
          bundle: 'new',
          title: 'Tweede keer',
        })
      ).statusCode,
      422,
      'a bundled signal cannot be taken up again',
    );
    const mineAfterTakeUp = await people.unnamed.agent.get('/signalen/mijn');
    assert.match(mineAfterTakeUp.body, /In behandeling/);
    assert.match(mineAfterTakeUp.body, /De signaalcoördinator nam het signaal op/);

    // A step that does not fit the status is refused next to the form; a missing field too.
    const early = await c.post(`${bundlePath}/aanbeveling`, {
      level: 'local',
      addressee: 'Schepen',
      recommendation: 'x',
      sentOn: '2026-11-22',
    });
    assert.equal(
      early.statusCode,
      422,
      LOG.filter((l) => l.includes('request failed'))
        .join('\n')
        .slice(0, 3000),
    );
    assert.match(early.body, /past niet bij de huidige status/);
    const incomplete = await c.post(`${bundlePath}/onderschrijving`, {
      decision: 'endorsed',
      decidedOn: '2026-11-22',
    });
    assert.equal(incomplete.statusCode, 400);
    assert.match(incomplete.body, /href="#field-workingGroup"/);

    const steps: [string, Record<string, string>, RegExp][] = [
      [
        'onderschrijving',
        {
          decision: 'endorsed',
          workingGroup: 'Werkgroep gezondheid LOKAAL',
          decidedOn: '2026-11-25',
          message: 'De werkgroep herkent het probleem.',
        },
        /Onderschreven/,
      ],
      [
        'aanbeveling',
        {
          level: 'local',
          addressee: 'Schepen van welzijn',
          recommendation: 'Maak afspraken met tandartsen over een quotum voor nieuwe gezinnen.',
          sentOn: '2026-12-02',
        },
        /Aanbeveling verstuurd/,
      ],
      [
        'antwoord',
        { answer: 'De stad overlegt in januari met de tandartsenkring.', receivedOn: '2026-12-20' },
        /Antwoord ontvangen/,
      ],
      [
        'opvolging',
        { status: 'closed', note: 'Drie tandartsen nemen weer nieuwe gezinnen aan.', date: '2027-02-01' },
        /Afgesloten/,
      ],
    ];
    for (const [path, form, status] of steps) {
      t.clock.advance(1000);
      const before = (await mailsTo(people.named.email)).length;
      const response = await c.post(`${bundlePath}/${path}`, form);
      assert.equal(response.statusCode, 303, `${path}: ${response.body.slice(0, 400)}`);
      for (const sender of [people.named, people.unnamed]) {
        const mine = await sender.agent.get('/signalen/mijn');
        assert.match(mine.body, status, `${path}: the sender sees the new status`);
      }
      const mails = await mailsTo(people.named.email);
      assert.equal(mails.length, before + 1, `${path}: one mail per status change`);
      assert.match(mails.at(-1)!.body_text, status);
    }
    const mine = await people.named.agent.get('/signalen/mijn');
    assert.match(mine.body, /Drie tandartsen nemen weer nieuwe gezinnen aan/, 'the latest entry');

    // The coordinators see both senders; the working group only the one who agreed.
    const full = await c.get(bundlePath);
    assert.match(full.body, /Karim Melder-Anoniem/);
    assert.match(full.body, /niet noemen aan de werkgroep/);
    const group = await c.get(`${bundlePath}/werkgroep`);
    assert.match(group.body, /Lies Melder-Genoemd/);
    assert.doesNotMatch(group.body, /Karim/);
    assert.match(group.body, /Niet genoemd \(op eigen vraag\)/);

    // The public report carries the recommendation and answer, and no sender at all.
    for (const url of [
      `/signalen/rapport?regio=${EAST_FLANDERS}&jaar=2026`,
      `/signalen/rapport.csv?regio=${EAST_FLANDERS}&jaar=2026`,
      `/api/v1/signals/report?region=${EAST_FLANDERS}&year=2026`,
    ]) {
      const response = await new Agent(t.app).get(url);
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /Tandzorg voor gezinnen in armoede/, url);
      assert.doesNotMatch(response.body, /Karim|Lies|Melder|test\.invalid/, url);
    }
  });

  it('never publishes a count below 5 (seeded region: 7, 3 and 0 signals per need)', async () => {
    const seeder = await person('seeder', 'Seeder');
    const token = await accounts.createApiToken(t.deps, actor, seeder.id, 'seed');
    const seed = async (needs: string[]) => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/signals',
        headers: { authorization: `Bearer ${token}` },
        payload: {
          title: 'Zaaisignaal',
          description: 'Een signaal om de drempel van kleine aantallen te testen.',
          needs,
          sector: 'other',
          municipality: '11002',
          frequency: 'often',
          sourceType: 'network',
        },
      });
      assert.equal(r.statusCode, 201, r.body);
    };
    for (let i = 0; i < 7; i++) await seed(i < 3 ? ['FIN', 'HOUS'] : ['FIN']);
    const api = (await new Agent(t.app).get(`/api/v1/signals/report?region=${ANTWERP}&year=2026`)).json();
    const byNeed = Object.fromEntries(
      api.perNeed.map((r: { need: string; count: unknown }) => [r.need, r.count]),
    );
    assert.equal(byNeed.FIN, 7);
    assert.equal(byNeed.HOUS, '< 5');
    assert.equal(byNeed.LANG, '< 5');
    const byStatus = Object.fromEntries(
      api.perStatus.map((r: { status: string; count: unknown }) => [r.status, r.count]),
    );
    assert.equal(byStatus.new, 7);
    assert.equal(byStatus.closed, '< 5');
    const counts = [...api.perNeed, ...api.perStatus].map((r: { count: unknown }) => r.count);
    assert.ok(
      counts.every((n) => n === '< 5' || (typeof n === 'number' && n >= 5)),
      JSON.stringify(counts),
    );

    const csv = (await new Agent(t.app).get(`/signalen/rapport.csv?regio=${ANTWERP}&jaar=2026`)).body;
    const csvCounts = (parse(csv, { from_line: 2 }) as string[][]).map((row) => row[3]);
    assert.ok(csvCounts.length > 0 && csvCounts.every((n) => n === '< 5' || Number(n) >= 5), csv);
    const html = (await new Agent(t.app).get(`/signalen/rapport?regio=${ANTWERP}&jaar=2026`)).body;
    const cells = [...html.matchAll(/<td>([^<]*)<\/td>\s*<\/tr>/g)].map((m) => m[1]);
    assert.ok(cells.length >= 16, 'one count per need and per status');
    assert.ok(
      cells.every((n) => n === '&lt; 5' || Number(n) >= 5),
      JSON.stringify(cells),
    );
  });

  it('takes in the anonymous signals the cases module queued, once each', async () => {
    await t.deps.db
      .insertInto('case_signal_queue')
      .values({
        created_at: t.clock.now(),
        region_code: EAST_FLANDERS,
        needs: ['EDU', 'HEALTH'],
        age_band: '12-17',
        school_level: 'secundair',
        description:
          'Geen aanbod voor jongeren met schoolangst binnen redelijke afstand.\nWachtlijst van een jaar.',
        handed_over_at: null,
      })
      .execute();
    assert.equal(await takeCaseSignals(t.deps), 1);
    assert.equal(await takeCaseSignals(t.deps), 0);
    const row = await t.deps.db
      .selectFrom('signals')
      .selectAll()
      .where('source_type', '=', 'case_consultation')
      .executeTakeFirstOrThrow();
    assert.equal(row.sender_user_id, null);
    assert.equal(row.title, 'Geen aanbod voor jongeren met schoolangst binnen redelijke afstand.');
    assert.deepEqual(row.needs, ['EDU', 'HEALTH']);
    assert.equal((await t.deps.db.selectFrom('case_signal_queue').selectAll().execute()).length, 0);
    const page = await people.coordinator.agent.get(`/signalen/behandelen/signalen/${row.id}`);
    assert.match(page.body, /Anoniem, uit een casusoverleg/);
  });
});
