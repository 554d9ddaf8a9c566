import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Agent } from '../../helpers/agent.ts';
import { createFixtures, type Fixtures, startTestApp, type TestContext } from '../../helpers/app.ts';

describe("regio's: curators keep regions and import indicators through the pages", () => {
  let t: TestContext;
  let f: Fixtures;
  let curator: Agent;

  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
    curator = new Agent(t.app);
    assert.equal((await curator.signIn(f.users.curator.email)).statusCode, 303);
  });
  after(() => t.close());

  it('creates, changes and removes a region of municipalities, with errors next to the fields', async () => {
    await curator.get('/regios/nieuw');
    const empty = await curator.post('/regios/nieuw', { name: 'LOP Gent basisonderwijs' });
    assert.equal(empty.statusCode, 400);
    for (const field of ['kind', 'municipalities'])
      assert.match(empty.body, new RegExp(`href="#field-${field}"`));
    assert.match(empty.body, /value="LOP Gent basisonderwijs"/);
    const created = await curator.post('/regios/nieuw', {
      name: 'LOP Gent basisonderwijs',
      kind: 'lop',
      municipalities: ['44021', '44086'],
    });
    assert.equal(created.statusCode, 303);
    assert.equal(created.headers.location, '/regios/lop-gent-basisonderwijs');
    const page = await new Agent(t.app).get('/regios/lop-gent-basisonderwijs');
    assert.match(page.body, /Nazareth-De Pinte/);
    assert.match(page.body, /2 gemeente\(n\)/);
    assert.match((await new Agent(t.app).get('/regios')).body, /LOP Gent basisonderwijs/);

    await curator.get('/regios/nieuw');
    const twice = await curator.post('/regios/nieuw', {
      name: 'LOP Gent Basisonderwijs',
      kind: 'lop',
      municipalities: '44021',
    });
    assert.equal(twice.statusCode, 422);
    assert.match(twice.body, /al een regio met deze naam/);
    const foreign = await curator.post('/regios/nieuw', {
      name: 'Buitenland',
      kind: 'other',
      municipalities: '99999',
    });
    assert.equal(foreign.statusCode, 422);

    await curator.get('/regios/lop-gent-basisonderwijs/bewerken');
    const changed = await curator.post('/regios/lop-gent-basisonderwijs/bewerken', {
      name: 'LOP Gent basisonderwijs',
      kind: 'lop',
      municipalities: ['44021'],
    });
    assert.equal(changed.statusCode, 303);
    assert.match((await new Agent(t.app).get('/regios/lop-gent-basisonderwijs')).body, /1 gemeente\(n\)/);

    const unconfirmed = await curator.post('/regios/lop-gent-basisonderwijs/verwijderen', {});
    assert.equal(unconfirmed.statusCode, 400);
    assert.equal((await new Agent(t.app).get('/regios/lop-gent-basisonderwijs')).statusCode, 200);
    assert.equal(
      (await curator.post('/regios/lop-gent-basisonderwijs/verwijderen', { confirm: 'yes' })).statusCode,
      303,
    );
    assert.equal((await new Agent(t.app).get('/regios/lop-gent-basisonderwijs')).statusCode, 404);
    // A province is a region too, but not one curators change.
    assert.equal((await curator.get('/regios/40000/bewerken')).statusCode, 404);
  });

  it('imports an indicator: a bad row is listed and nothing stored; the same file again changes nothing', async () => {
    const form = {
      code: 'kansarmoede-index',
      name: 'Kansarmoede-index',
      unit: '%',
      year: '2024',
      source: 'Kind en Gezin (demo-extract)',
      combine: 'mean',
      ageGroup: 'under12',
      needs: ['POV'],
      direction: 'more',
    };
    await curator.get('/regios/indicatoren');
    const bad = await curator.post('/regios/indicatoren', {
      ...form,
      csv: 'nis;waarde\n44021;21,4\n99999;3\n',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /Regel 3: NIS-code 99999 kennen we niet/);
    assert.match(bad.body, /Niets bewaard/);
    assert.equal((await t.deps.db.selectFrom('region_indicator_values').selectAll().execute()).length, 0);
    const good = await curator.post('/regios/indicatoren', {
      ...form,
      csv: 'nis;waarde\n44021;21,4\n11002;25\n',
    });
    assert.equal(good.statusCode, 303);
    assert.match((await curator.get('/regios')).body, /De indicator is ingelezen/);
    await curator.post('/regios/indicatoren', { ...form, csv: 'nis;waarde\n44021;21,4\n11002;25\n' });
    const overview = await curator.get('/regios');
    assert.match(overview.body, /Niets gewijzigd/);
    assert.match(overview.body, /Kansarmoede-index \(%\)/);
  });
});
