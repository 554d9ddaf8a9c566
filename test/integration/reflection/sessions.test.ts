import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadDemoDirectory } from '../../../src/modules/directory/directory.demo.ts';
import { setToText } from '../../../src/modules/reflection/question-set.ts';
import { findSets } from '../../../src/modules/reflection/reflection.repository.ts';
import { Agent } from '../../helpers/agent.ts';
import { createFixtures, type Fixtures, startTestApp, type TestContext } from '../../helpers/app.ts';

describe('reflection sessions: join with a code, answer once and anonymously, results, comparison', () => {
  let t: TestContext;
  let f: Fixtures;
  let facilitator: Agent;
  let schoolSet: string;
  const participants: Agent[] = [];
  const logLines: string[] = [];

  const start = async (form: Record<string, string | string[]>) => {
    const res = await facilitator.post('/reflectie/sessies/nieuw', {
      set: schoolSet,
      organisation: f.organisation.id,
      schoolYear: '2026-2027',
      location: '',
      ...form,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 3000));
    const id = /\/reflectie\/sessies\/([0-9a-f-]{36})$/.exec(String(res.headers.location))![1]!;
    const row = await t.deps.db
      .selectFrom('reflection_sessions')
      .select('code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { id, code: row.code };
  };
  /** A new browser that opens the join link and sends the form. */
  const answer = async (code: string, form: Record<string, string | string[]>) => {
    const agent = new Agent(t.app);
    const page = await agent.get(`/reflectie/doe-mee/${code}`);
    assert.equal(page.statusCode, 200);
    const res = await agent.post(`/reflectie/doe-mee/${code}`, form);
    participants.push(agent);
    return { agent, res };
  };
  const close = async (id: string) => {
    const res = await facilitator.post(`/reflectie/sessies/${id}/status`, { status: 'closed' });
    assert.equal(res.statusCode, 303);
  };

  before(async () => {
    t = await startTestApp({ logLines });
    f = await createFixtures(t.deps);
    facilitator = new Agent(t.app);
    await facilitator.signIn(f.users.member.email);
    schoolSet = (await findSets(t.deps.db)).find((s) => s.audience === 'school')!.id;
  });
  after(() => t.close());

  let first: { id: string; code: string };
  const scaleAnswers = ['1', '2', '4', '5', '5'];

  it('starts a session for a team from a set and a subset of its dimensions', async () => {
    const choose = await facilitator.get('/reflectie/sessies/nieuw');
    assert.match(choose.body, /Reflectie voor een schoolteam/);
    const form = await facilitator.get(`/reflectie/sessies/nieuw?set=${schoolSet}`);
    assert.match(form.body, /name="dimensions" value="noden" checked/);
    const none = await facilitator.post('/reflectie/sessies/nieuw', {
      set: schoolSet,
      organisation: f.organisation.id,
      schoolYear: '2026-2027',
      team: 'Zorgteam',
    });
    assert.equal(none.statusCode, 400);
    assert.match(none.body, /Kies minstens één dimensie/);
    first = await start({ team: 'Zorgteam lager', dimensions: ['noden', 'positie', 'toegankelijkheid'] });
    const page = await facilitator.get(`/reflectie/sessies/${first.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(first.code));
    assert.match(page.body, /Aantal mensen dat antwoordde: 0/);
  });

  it('lets participants in with the code, in any case, without an account', async () => {
    const agent = new Agent(t.app);
    const res = await agent.get(`/reflectie/doe-mee?code=${first.code.toLowerCase()}`);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/reflectie/doe-mee/${first.code}`);
    const form = await agent.get(String(res.headers.location));
    assert.match(form.body, /Ouders vertellen ons over zorgen/);
    assert.doesNotMatch(form.body, /Wie doet wat/, 'only the chosen dimensions');
    const unknown = await agent.get('/reflectie/doe-mee?code=ZZZZZZ');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.body, /We vinden geen sessie met deze code/);
    assert.equal((await agent.get('/reflectie/doe-mee?code=nope')).statusCode, 400);
    assert.equal((await agent.get('/reflectie/doe-mee/ZZZZZZ')).statusCode, 404);
  });

  it('records each browser once, and refuses an empty or malformed form with a message', async () => {
    const agent = new Agent(t.app);
    await agent.get(`/reflectie/doe-mee/${first.code}`);
    const empty = await agent.post(`/reflectie/doe-mee/${first.code}`, {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Beantwoord minstens één vraag/);
    const odd = await agent.post(`/reflectie/doe-mee/${first.code}`, { 'noden-1': '9' });
    assert.equal(odd.statusCode, 400);

    for (const [i, value] of scaleAnswers.entries()) {
      const { res } = await answer(first.code, {
        'noden-1': value,
        'noden-2': '3',
        'noden-3': i < 3 ? ['1', '3'] : ['3'],
        'positie-4': `Open antwoord ${i} KANARIE-${i}`,
        'toegankelijkheid-1': i % 2 ? '2' : '',
      });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `/reflectie/doe-mee/${first.code}`);
    }
    const [one] = participants;
    const again = await one!.post(`/reflectie/doe-mee/${first.code}`, { 'noden-1': '1' });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /Je kan maar één keer antwoorden/);
    const thanks = await one!.get(`/reflectie/doe-mee/${first.code}`);
    assert.match(thanks.body, /Bedankt/);
    const count = await t.deps.db
      .selectFrom('reflection_answers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('session_id', '=', first.id)
      .where('exercise_id', '=', 'noden-1')
      .executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 5, 'the second try stored nothing');
  });

  it('shows the facilitator how many answered, and no results before closing', async () => {
    const live = await facilitator.get(`/reflectie/sessies/${first.id}/stand`, {
      accept: 'application/json',
    });
    assert.deepEqual(JSON.parse(live.body), {
      status: 'open',
      participants: 5,
      text: 'Aantal mensen dat antwoordde: 5',
    });
    const page = await facilitator.get(`/reflectie/sessies/${first.id}`);
    assert.match(page.body, /De resultaten verschijnen zodra je de sessie afsluit/);
    assert.doesNotMatch(page.body, /KANARIE/);
    assert.equal((await facilitator.get(`/reflectie/sessies/${first.id}/resultaten.csv`)).statusCode, 409);
  });

  it('after closing: the spread per statement, the radar with its table, endings and open answers', async () => {
    await close(first.id);
    const page = await facilitator.get(`/reflectie/sessies/${first.id}`);
    const row = /<tr><th scope="row">Ouders vertellen ons over zorgen[^<]*<\/th>(.*?)<\/tr>/.exec(page.body);
    assert.ok(row, 'a spread row for the statement');
    const cells = [...row[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
    assert.deepEqual(cells.slice(0, 6), ['1', '1', '0', '1', '2', '3,4']);
    assert.match(page.body, /<svg class="radar"/);
    assert.match(page.body, /<th scope="row">Welke noden komen binnen<\/th><td>3,2<\/td>/);
    assert.match(page.body, /<th scope="row">bellen we samen met de ouder een partner op<\/th><td>5<\/td>/);
    for (let i = 0; i < 5; i++) assert.ok(page.body.includes(`KANARIE-${i}`));
    // The weakest dimensions get next steps.
    assert.match(page.body, /Volgende stappen/);

    const csv = await facilitator.get(`/reflectie/sessies/${first.id}/resultaten.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(csv.body, /noden,noden-1,"Ouders vertellen ons over zorgen[^"]*",5,2,3.4\n/);
    assert.doesNotMatch(csv.body, /KANARIE/, 'open answers are one person’s words: not in the CSV');

    const report = await facilitator.get(`/reflectie/sessies/${first.id}/verslag`);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /Verslag van de reflectie: Zorgteam lager, 2026-2027/);
  });

  it('never hands out anything that ties an answer to a participant', async () => {
    // Answers carry no participant, no time, no order; participations nothing but a hash.
    const columns = async (table: string) =>
      (
        await t.deps.db
          .selectFrom('information_schema.columns' as never)
          .select('column_name' as never)
          .where('table_name' as never, '=', table as never)
          .orderBy('column_name' as never)
          .execute()
      ).map((r) => (r as { column_name: string }).column_name);
    assert.deepEqual(await columns('reflection_answers'), [
      'choice',
      'exercise_id',
      'id',
      'partner_id',
      'scale',
      'session_id',
      'text',
    ]);
    assert.deepEqual(await columns('reflection_participations'), ['browser_hash', 'session_id']);
    const browserIds = participants.map((p) => p.cookies.get('brugwerk_deelnemer')!.split('.')[0]!);
    assert.equal(new Set(browserIds).size, participants.length);
    const audit = JSON.stringify(await t.deps.db.selectFrom('audit_log').selectAll().execute());
    for (const url of ['', '/verslag', '/resultaten.csv', '/stand']) {
      const body = (await facilitator.get(`/reflectie/sessies/${first.id}${url}`)).body;
      for (const id of browserIds) assert.ok(!body.includes(id) && !audit.includes(id));
    }
    assert.doesNotMatch(audit, /KANARIE/);
    // The request log has every answer submission, and nothing of what was answered or by whom.
    const log = logLines.join('');
    assert.ok(logLines.filter((l) => l.includes(`"url":"/reflectie/doe-mee/${first.code}"`)).length >= 10);
    assert.doesNotMatch(log, /KANARIE/);
    for (const id of browserIds) assert.ok(!log.includes(id));
  });

  it('shows participants the results only when the facilitator shares them', async () => {
    const [participant] = participants;
    const url = `/reflectie/doe-mee/${first.code}/resultaten`;
    assert.equal((await participant!.get(url)).statusCode, 404);
    assert.equal((await participant!.get(`/reflectie/doe-mee/${first.code}`)).statusCode, 200);
    await facilitator.post(`/reflectie/sessies/${first.id}/delen`, { shared: '1' });
    const shared = await participant!.get(url);
    assert.equal(shared.statusCode, 200);
    assert.match(shared.body, /<svg class="radar"/);
    await facilitator.post(`/reflectie/sessies/${first.id}/delen`, { shared: '0' });
    assert.equal((await participant!.get(url)).statusCode, 404);
    // Other signed-in people, even of the same organisation, do not see the session.
    const colleague = new Agent(t.app);
    await colleague.signIn(f.users.editor.email);
    assert.equal((await colleague.get(`/reflectie/sessies/${first.id}`)).statusCode, 404);
    assert.equal((await colleague.get(`/reflectie/sessies/${first.id}/resultaten.csv`)).statusCode, 404);
  });

  it('takes no answers once closed, also from a form opened before', async () => {
    const late = new Agent(t.app);
    const page = await late.get(`/reflectie/doe-mee/${first.code}`);
    assert.match(page.body, /Deze sessie is afgesloten/);
    // Opened again for a latecomer, who is still typing when the session closes.
    await facilitator.post(`/reflectie/sessies/${first.id}/status`, { status: 'open' });
    assert.match((await late.get(`/reflectie/doe-mee/${first.code}`)).body, /Antwoorden versturen/);
    await close(first.id);
    const res = await late.post(`/reflectie/doe-mee/${first.code}`, { 'noden-1': '3' });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /Je kan niet meer antwoorden/);
  });

  it('shows nothing with only two answers', async () => {
    const small = await start({ team: 'Kleuterteam', dimensions: ['noden'] });
    await answer(small.code, { 'noden-1': '1' });
    await answer(small.code, { 'noden-1': '5' });
    await close(small.id);
    const page = await facilitator.get(`/reflectie/sessies/${small.id}`);
    assert.match(page.body, /Er zijn minstens drie antwoorden nodig om resultaten te tonen[^<]*Nu: 2/);
    assert.doesNotMatch(page.body, /<svg class="radar"/);
    assert.doesNotMatch(page.body, /<table class="spread-table"/);
    assert.equal((await facilitator.get(`/reflectie/sessies/${small.id}/resultaten.csv`)).statusCode, 409);
    const share = await facilitator.post(`/reflectie/sessies/${small.id}/delen`, { shared: '1' });
    assert.equal(share.statusCode, 303);
    assert.equal((await new Agent(t.app).get(`/reflectie/doe-mee/${small.code}/resultaten`)).statusCode, 200);
  });

  it('repeats next school year and shows the change per dimension', async () => {
    const res = await facilitator.post(`/reflectie/sessies/${first.id}/herhalen`, {});
    assert.equal(res.statusCode, 303);
    const secondId = /([0-9a-f-]{36})$/.exec(String(res.headers.location))![1]!;
    const second = await t.deps.db
      .selectFrom('reflection_sessions')
      .select(['code', 'school_year', 'dimensions', 'previous_session_id'])
      .where('id', '=', secondId)
      .executeTakeFirstOrThrow();
    assert.equal(second.school_year, '2027-2028');
    assert.deepEqual(second.dimensions, ['noden', 'positie', 'toegankelijkheid']);
    assert.equal(second.previous_session_id, first.id);
    // Repeating again leads to the same next session.
    const again = await facilitator.post(`/reflectie/sessies/${first.id}/herhalen`, {});
    assert.equal(again.headers.location, `/reflectie/sessies/${secondId}`);
    for (const value of ['4', '4', '5'])
      await answer(second.code, { 'noden-1': value, 'noden-2': value, 'toegankelijkheid-1': '4' });
    await close(secondId);
    const page = await facilitator.get(`/reflectie/sessies/${secondId}`);
    assert.match(page.body, /Vergeleken met 2026-2027/);
    // Noden: before (1+2+4+5+5 + 3×5)/10 = 3.2; after (4+4+5)×2/6 = 4.33 → +1.1.
    assert.match(
      page.body,
      /<th scope="row">Welke noden komen binnen<\/th><td>3,2<\/td><td>4,3<\/td><td>\+1,1<\/td>/,
    );
    // Toegankelijkheid: before 2.0 (two answers of 2), after 4.0.
    assert.match(
      page.body,
      /<th scope="row">Toegankelijkheid<\/th><td>2,0<\/td><td>4,0<\/td><td>\+2,0<\/td>/,
    );
  });

  it('keeps a session’s wording when a curator changes the set', async () => {
    const open = await start({ team: 'Oudercomité', dimensions: ['noden'] });
    const curator = new Agent(t.app);
    await curator.signIn(f.users.curator.email);
    const edit = await curator.get(`/reflectie/vragensets/${schoolSet}/bewerken`);
    assert.equal(edit.statusCode, 200);
    const set = (await findSets(t.deps.db)).find((s) => s.id === schoolSet)!;
    const text = setToText(set.content).replace(
      'Ouders vertellen ons over zorgen',
      'Ouders spreken ons aan over zorgen',
    );
    const wrong = await curator.post(`/reflectie/vragensets/${schoolSet}/bewerken`, {
      text: `${text}\nZomaar\n`,
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Regel \d+ begint niet met een bekend woord/);
    const saved = await curator.post(`/reflectie/vragensets/${schoolSet}/bewerken`, { text });
    assert.equal(saved.statusCode, 303);
    const preview = await new Agent(t.app).get(`/reflectie/vragensets/${schoolSet}`);
    assert.match(preview.body, /Ouders spreken ons aan over zorgen/);
    assert.match(preview.body, /Versie 2/);
    const old = await new Agent(t.app).get(`/reflectie/doe-mee/${open.code}`);
    assert.match(old.body, /Ouders vertellen ons over zorgen/, 'the open session keeps version 1');
    const fresh = await start({ team: 'Nieuw team', dimensions: ['noden'] });
    assert.match(
      (await new Agent(t.app).get(`/reflectie/doe-mee/${fresh.code}`)).body,
      /Ouders spreken ons aan/,
    );
    assert.equal((await facilitator.get(`/reflectie/vragensets/${schoolSet}/bewerken`)).statusCode, 403);
  });

  it('keeps discussion notes and action points with owner and due date', async () => {
    const bad = await facilitator.post(`/reflectie/sessies/${first.id}/acties`, {
      description: 'Brugfiguur op het oudercontact',
      owner: '',
      dueOn: '31-03-2027',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Schrijf de datum als jaar-maand-dag/);
    const ok = await facilitator.post(`/reflectie/sessies/${first.id}/acties`, {
      description: 'Brugfiguur op het oudercontact',
      owner: 'zorgcoördinator',
      dueOn: '2027-03-31',
    });
    assert.equal(ok.statusCode, 303);
    await facilitator.post(`/reflectie/sessies/${first.id}/notities`, {
      notes: 'We verschillen over doorverwijzen.',
    });
    const report = await facilitator.get(`/reflectie/sessies/${first.id}/verslag`);
    assert.match(
      report.body,
      /Brugfiguur op het oudercontact<\/th><td>zorgcoördinator<\/td><td>2027-03-31<\/td><td>Loopt/,
    );
    assert.match(report.body, /We verschillen over doorverwijzen/);
    const action = await t.deps.db.selectFrom('reflection_actions').select('id').executeTakeFirstOrThrow();
    await facilitator.post(`/reflectie/sessies/${first.id}/acties/${action.id}`, { change: 'done' });
    assert.match((await facilitator.get(`/reflectie/sessies/${first.id}/verslag`)).body, /<td>Klaar<\/td>/);
    await facilitator.post(`/reflectie/sessies/${first.id}/acties/${action.id}`, { change: 'remove' });
    assert.match(
      (await facilitator.get(`/reflectie/sessies/${first.id}/verslag`)).body,
      /Nog geen actiepunten/,
    );
  });

  it('lists the partners around the school to mark, and counts the marks per partner', async () => {
    await loadDemoDirectory(t.deps.db, t.clock.now());
    const school = await t.deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .where('kind', '=', 'school')
      .where('municipality_nis', '=', '44021')
      .orderBy('name')
      .executeTakeFirstOrThrow();
    await t.deps.db
      .updateTable('directory_organizations')
      .set({ owner_organisation_id: f.organisation.id })
      .where('id', '=', school.id)
      .execute();
    const session = await start({ team: 'Buurtteam', dimensions: ['positie'], location: school.id });
    const stored = await t.deps.db
      .selectFrom('reflection_sessions')
      .select('partners')
      .where('id', '=', session.id)
      .executeTakeFirstOrThrow();
    assert.ok(stored.partners.length > 0, 'partners around the school');
    assert.ok(stored.partners.every((p) => p.km <= 3));
    const partner = stored.partners[0]!;
    const form = await new Agent(t.app).get(`/reflectie/doe-mee/${session.code}`);
    assert.ok(form.body.includes(partner.name));
    for (const mark of ['working_together', 'working_together', 'to_contact'])
      await answer(session.code, { [`positie-3:${partner.id}`]: mark });
    await close(session.id);
    const page = await facilitator.get(`/reflectie/sessies/${session.id}`);
    const name = partner.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
    assert.ok(page.body.includes(`<th scope="row">${name}</th><td>2</td><td>0</td><td>1</td>`));
    // Another organisation's school cannot be chosen.
    const other = await facilitator.post('/reflectie/sessies/nieuw', {
      set: schoolSet,
      organisation: f.organisation.id,
      schoolYear: '2026-2027',
      team: 'Fout',
      dimensions: 'positie',
      location: '00000000-0000-4000-8000-000000000000',
    });
    assert.equal(other.statusCode, 400);
  });
});
