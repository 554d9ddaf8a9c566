import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import { pulseMetrics } from '../../../src/modules/collaboration/pulse.service.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import { auditEvents, startTestApp, type TestContext, TEST_PASSWORD } from '../../helpers/app.ts';

const actor = systemActor('test');

describe('network pulse: figures against a hand-computed small network', () => {
  it('computes density, degree centrality and average trust and value', () => {
    // Four organisations; A and B rate each other, A rates C, C rates D. An outsider's rating of A and a
    // rating of oneself do not count.
    //   ties (undirected): A–B, A–C, C–D = 3 of 4·3/2 = 6 possible → density 0.5
    //   degrees: A 2, B 1, C 2, D 1 → centrality (÷ 3) 2/3, 1/3, 2/3, 1/3
    //   trust (4 + 3 + 2 + 1) / 4 = 2.5; value (3 + 3 + 1 + 2) / 4 = 2.25; respondents A, B, C = 3
    const m = pulseMetrics(
      ['a', 'b', 'c', 'd'],
      [
        { rater: 'a', rated: 'b', trust: 4, value: 3 },
        { rater: 'b', rated: 'a', trust: 3, value: 3 },
        { rater: 'a', rated: 'c', trust: 2, value: 1 },
        { rater: 'c', rated: 'd', trust: 1, value: 2 },
        { rater: 'e', rated: 'a', trust: 4, value: 4 },
        { rater: 'd', rated: 'd', trust: 4, value: 4 },
      ],
    );
    assert.equal(m.organisations, 4);
    assert.equal(m.respondents, 3);
    assert.equal(m.ties, 3);
    assert.equal(m.density, 0.5);
    assert.deepEqual(Object.fromEntries([...m.degree].map(([id, d]) => [id, [d.ties, d.centrality]])), {
      a: [2, 2 / 3],
      b: [1, 1 / 3],
      c: [2, 2 / 3],
      d: [1, 1 / 3],
    });
    assert.equal(m.averageTrust, 2.5);
    assert.equal(m.averageValue, 2.25);
  });

  it('has no density or averages without pairs or ratings', () => {
    const one = pulseMetrics(['a'], []);
    assert.equal(one.density, null);
    assert.equal(one.degree.get('a')!.centrality, null);
    assert.equal(one.averageTrust, null);
    const silent = pulseMetrics(['a', 'b', 'c'], []);
    assert.equal(silent.density, 0);
    assert.equal(silent.averageValue, null);
  });
});

describe('network pulse: rounds, answers and results through the pages', () => {
  let t: TestContext;
  const orgs: Record<'gemeente' | 'school' | 'caw' | 'elders', { id: string }> = {} as never;
  const people: Record<'coordinator' | 'teacher' | 'cawAdmin' | 'colleague' | 'outsider', Agent> =
    {} as never;
  let base = '';

  before(async () => {
    t = await startTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '100000', SIGN_IN_RATE_LIMIT_PER_MINUTE: '100000' },
    });
    for (const [key, name, type] of [
      ['gemeente', 'Sociaal Huis Kanaalzone', 'ocmw'],
      ['school', 'Basisschool De Linde', 'school'],
      ['caw', 'CAW Kanaalzone', 'caw'],
      ['elders', 'CAW Elders', 'caw'],
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
      ['cawAdmin', 'caw', 'admin'],
      ['colleague', 'gemeente', 'member'],
      ['outsider', 'elders', 'admin'],
    ] as const) {
      const email = `${key}@test.invalid`;
      const user = await accounts.createUser(t.deps, actor, { email, name: key, password: TEST_PASSWORD });
      await accounts.setMembership(t.deps, actor, { userId: user.id, organisationId: orgs[org].id, role });
      people[key] = new Agent(t.app);
      assert.equal((await people[key].signIn(email)).statusCode, 303);
    }
    const c = people.coordinator;
    await c.get('/netwerken/nieuw');
    const res = await c.post('/netwerken/nieuw', {
      name: 'Lerend netwerk Kanaalzone',
      kind: 'learning_network',
      purpose: 'Samen leren over drempels.',
      public: 'yes',
      organisation: orgs.gemeente.id,
    });
    base = String(res.headers.location);
    // The school is represented by the teacher; the CAW has no representative (its admin answers).
    const school = { kind: 'organisation', organisation: orgs.school.id, email: 'teacher@test.invalid' };
    assert.equal((await c.post(`${base}/leden`, school)).statusCode, 303);
    const caw = { kind: 'organisation', organisation: orgs.caw.id };
    assert.equal((await c.post(`${base}/leden`, caw)).statusCode, 303);
  });
  after(() => t.close());

  const answer = (
    agent: Agent,
    round: string,
    rater: string,
    scores: Record<string, readonly [string, string]>,
  ) =>
    agent.post(`${round}/antwoord`, {
      organisation: rater,
      ...Object.fromEntries(
        Object.entries(scores).flatMap(([id, [trust, value]]) => [
          [`trust_${id}`, trust],
          [`value_${id}`, value],
        ]),
      ),
    });

  it('lets member organisations answer a round and shows the figures, compared with the next round', async () => {
    const c = people.coordinator;
    assert.match((await c.get(`${base}/puls`)).body, /Er is nog geen pulsronde gehouden/);
    assert.equal((await c.post(`${base}/puls`, { title: '' })).statusCode, 400);
    assert.equal((await people.teacher.post(`${base}/puls`, { title: 'X' })).statusCode, 403);
    const opened = await c.post(`${base}/puls`, { title: 'Puls najaar 2026' });
    assert.equal(opened.statusCode, 303);
    const first = String(opened.headers.location);
    assert.equal((await c.post(`${base}/puls`, { title: 'Nog een' })).statusCode, 422, 'one open round');

    // Those outside the network see nothing of the pulse, even of a public network.
    assert.equal((await people.outsider.get(first)).statusCode, 403);

    const page = await people.teacher.get(first);
    assert.match(page.body, /Antwoord van Basisschool De Linde/);
    assert.doesNotMatch(page.body, /Antwoord van CAW Kanaalzone/);
    const half = await answer(people.teacher, first, orgs.school.id, { [orgs.gemeente.id]: ['4', ''] });
    assert.equal(half.statusCode, 400);
    assert.match(half.body, /Geef zowel vertrouwen als meerwaarde een score/);
    assert.equal((await t.deps.db.selectFrom('pulse_ratings').select('trust').execute()).length, 0);

    const school = { [orgs.gemeente.id]: ['4', '3'], [orgs.caw.id]: ['2', '1'] } as const;
    assert.equal((await answer(people.teacher, first, orgs.school.id, school)).statusCode, 303);
    const caw = { [orgs.gemeente.id]: ['3', '3'], [orgs.school.id]: ['', ''] } as const;
    assert.equal((await answer(people.cawAdmin, first, orgs.caw.id, caw)).statusCode, 303);
    const gemeente = { [orgs.school.id]: ['3', '4'] } as const;
    const notTheirs = await answer(people.colleague, first, orgs.gemeente.id, gemeente);
    assert.equal(notTheirs.statusCode, 422, 'a plain member does not answer for the organisation');
    assert.equal((await answer(c, first, orgs.gemeente.id, gemeente)).statusCode, 303);

    // Ties: gemeente–school, school–CAW, CAW–gemeente = 3 of 3 → 100%; every organisation 2 of 2.
    // Trust (4 + 2 + 3 + 3) / 4 = 3; value (3 + 1 + 3 + 4) / 4 = 2,75.
    const results = await people.teacher.get(first);
    assert.match(results.body, /<dt>Dichtheid<\/dt>\s*<dd>100%<\/dd>/);
    assert.match(results.body, /<dt>Gemiddeld vertrouwen<\/dt>\s*<dd>3<\/dd>/);
    assert.match(results.body, /<dt>Gemiddelde meerwaarde<\/dt>\s*<dd>2,75<\/dd>/);
    assert.match(results.body, /<td>CAW Kanaalzone<\/td>\s*<td>2<\/td>\s*<td>100%<\/td>/);

    assert.equal((await c.post(`${first}/afsluiten`, {})).statusCode, 400, 'closing asks for a tick');
    assert.equal((await c.post(`${first}/afsluiten`, { confirm: 'yes' })).statusCode, 303);
    const late = await answer(people.teacher, first, orgs.school.id, school);
    assert.equal(late.statusCode, 422, 'a closed round takes no answers');

    // A second round with one tie: 1 of 3 → 33%, compared with the first round.
    const second = String((await c.post(`${base}/puls`, { title: 'Puls voorjaar 2027' })).headers.location);
    const one = { [orgs.gemeente.id]: ['4', '4'] } as const;
    assert.equal((await answer(people.teacher, second, orgs.school.id, one)).statusCode, 303);
    const history = await people.cawAdmin.get(`${base}/puls`);
    assert.equal(history.statusCode, 200);
    const rows = [...history.body.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
      [...m[1]!.matchAll(/<td>(.*?)<\/td>/gs)].map((c) => c[1]!.replace(/<[^>]+>/g, '')),
    );
    const [, autumn, spring] = rows;
    assert.deepEqual(autumn!.slice(2), ['3 / 3', '100%', '—', '3', '—', '2,75', '—']);
    assert.deepEqual(spring!.slice(2), ['1 / 3', '33%', '−67%', '4', '+1', '4', '+1,25']);
    const events = await auditEvents(t.deps, 'pulse.answered');
    assert.equal(events.length, 4);
  });
});
