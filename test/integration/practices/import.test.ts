import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as accounts from '../../../src/modules/accounts/accounts.service.ts';
import { demoFiches } from '../../../src/modules/practices/practices.demo.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { createFixtures, type Fixtures, startTestApp, type TestContext } from '../../helpers/app.ts';

// The example of the issue, as a practice database publishes it (with its page furniture).
const example = `Voorleesmoment in de bibliotheek

Elke woensdag lezen vrijwilligers voor aan kleuters en hun ouders.

voorlezen-bib.jpg

Provider image

Categorie

Taal en lezen

Doelen

 • Kleuters plezier laten beleven aan boeken.
 • Ouders tonen hoe voorlezen thuis kan.

Doelgroep

 • Kleuters en hun ouders

Beschrijving

Vrijwilligers van de bibliotheek lezen voor in kleine groepjes. Ouders lezen mee en lenen daarna boeken.

Succesfactoren

 • Vaste dag en vaste voorlezers.

Uitdagingen

 • Ouders bereiken die nog nooit in de bibliotheek kwamen.

Deze praktijk in

Aalst

Voorleeswoensdag: wekelijks voorlezen in de hoofdbibliotheek.

Beleidsdomeinen

 • Cultuur
 • Onderwijs

Staat jouw praktijk nog niet in de databank? Laat het ons weten.
`;

// Which field each heading of the format fills.
const headingField: Record<string, string> = {
  Categorie: 'category',
  Doelen: 'goals',
  Doelgroep: 'targetGroups',
  Beschrijving: 'description',
  Succesfactoren: 'successFactors',
  Uitdagingen: 'challenges',
  'Deze praktijk in': 'places',
  Beleidsdomeinen: 'policyDomains',
};

describe('importing fiche text: POST /api/v1/practices/import', () => {
  let t: TestContext;
  let f: Fixtures;
  let editorToken: string;
  let curatorToken: string;
  const countRows = async () => {
    const [p, v] = await Promise.all([
      t.deps.db
        .selectFrom('practices')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
      t.deps.db
        .selectFrom('practice_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return [Number(p.n), Number(v.n)];
  };
  const post = (text: string, token: string, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/practices/import${query}`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain; charset=utf-8' },
      payload: text,
    });

  before(async () => {
    t = await startTestApp();
    f = await createFixtures(t.deps);
    editorToken = await accounts.createApiToken(t.deps, systemActor('test'), f.users.editor.id, 'import');
    curatorToken = await accounts.createApiToken(t.deps, systemActor('test'), f.users.curator.id, 'import');
  });
  after(() => t.close());

  it('reads every section of the issue example into its field, as a draft of the importer', async () => {
    const response = await post(example, editorToken);
    assert.equal(response.statusCode, 201, response.body);
    const body = response.json();
    assert.equal(body.status, 'draft');
    assert.deepEqual(body.fiche, {
      title: 'Voorleesmoment in de bibliotheek',
      introduction: 'Elke woensdag lezen vrijwilligers voor aan kleuters en hun ouders.',
      category: 'Taal en lezen',
      goals: ['Kleuters plezier laten beleven aan boeken.', 'Ouders tonen hoe voorlezen thuis kan.'],
      targetGroups: ['Kleuters en hun ouders'],
      description:
        'Vrijwilligers van de bibliotheek lezen voor in kleine groepjes. Ouders lezen mee en lenen daarna boeken.',
      successFactors: ['Vaste dag en vaste voorlezers.'],
      challenges: ['Ouders bereiken die nog nooit in de bibliotheek kwamen.'],
      places: [
        {
          nis: '41002',
          municipality: 'Aalst',
          localName: 'Voorleeswoensdag',
          line: 'wekelijks voorlezen in de hoofdbibliotheek.',
        },
      ],
      policyDomains: ['Cultuur', 'Onderwijs'],
    });
    const practice = await t.deps.db
      .selectFrom('practices')
      .selectAll()
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    assert.equal(practice.status, 'draft');
    assert.equal(practice.owner_organisation_id, f.organisation.id);
    // A draft is not public.
    assert.equal((await t.app.inject({ url: `/praktijken/${body.id}` })).statusCode, 404);
    assert.equal((await t.app.inject({ url: `/api/v1/practices/${body.id}` })).statusCode, 404);
  });

  it('imports the team’s fiches with every section in its field, and the text round trip is stable', async () => {
    assert.ok(demoFiches.length >= 30);
    for (const demo of demoFiches.slice(0, 12)) {
      const response = await post(demo.text, curatorToken, '?publish=true');
      assert.equal(response.statusCode, 201, response.body);
      const { id, fiche, status } = response.json();
      assert.equal(status, 'published');
      const lines = demo.text.split('\n');
      assert.equal(fiche.title, lines[0]);
      assert.equal(fiche.introduction, lines[2]);
      // Every heading in the text filled its field with the text under it.
      for (const [heading, field] of Object.entries(headingField)) {
        const at = lines.indexOf(heading);
        assert.ok(at > 0, `${fiche.title}: has ${heading}`);
        const firstLine = lines[at + 2]!.replace(/^\s*•\s*/, '').trim();
        const value = fiche[field];
        const text = JSON.stringify(value);
        assert.ok(value && value.length > 0, `${fiche.title}: ${field} filled`);
        // A place line may name several municipalities; a "Name: line" starts with its name.
        const probe = (field === 'places' ? firstLine.split(/\s*,\s*|\s+en\s+/) : firstLine.split(':'))[0]!;
        assert.ok(
          text.includes(JSON.stringify(probe).slice(1, -1)),
          `${fiche.title}: ${field} holds “${firstLine}”`,
        );
      }
      // Published text → import again → the same fiche.
      const exported = await t.app.inject({ url: `/praktijken/${id}/tekst` });
      assert.equal(exported.statusCode, 200);
      const again = await post(exported.body, editorToken);
      assert.equal(again.statusCode, 201, again.body);
      assert.deepEqual(again.json().fiche, fiche, `${fiche.title}: round trip`);
    }
  });

  it('refuses texts that are not fiches with a 422 naming what is missing, and stores nothing', async () => {
    const before = await countRows();
    const cases: [string, RegExp][] = [
      ['', /titel/],
      ['Alleen een titel\n\nEn wat tekst zonder secties.\n', /herkenbare secties/],
      ['Een titel\n\nDoelen\n\n • Iets\n', /Beschrijving/],
      ['\n\nBeschrijving\n\nIets zonder titel.\n', /titel/],
    ];
    for (const [text, missing] of cases) {
      const response = await post(text, editorToken);
      assert.equal(response.statusCode, 422, text);
      const body = response.json();
      assert.equal(body.error.code, 'NotAFiche');
      assert.match(body.error.message, missing);
      assert.match(body.error.message, /^Deze tekst is geen fiche/);
    }
    // The title parameter supplies a missing title.
    const titled = await post('\n\nBeschrijving\n\nIets zonder titel.\n', editorToken, '?title=Met%20titel');
    assert.equal(titled.statusCode, 201);
    assert.equal(titled.json().fiche.title, 'Met titel');
    const [practices, versions] = await countRows();
    assert.deepEqual([practices, versions], [before[0]! + 1, before[1]! + 1]);
  });

  it('lets only curators publish at once, and anonymous callers not at all', async () => {
    const refused = await post(example, editorToken, '?publish=true');
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().error.code, 'OnlyCuratorsPublish');
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/practices/import',
      headers: { 'content-type': 'text/plain' },
      payload: example,
    });
    assert.equal(anonymous.statusCode, 401);
    const wrongType = await t.app.inject({
      method: 'POST',
      url: '/api/v1/practices/import',
      headers: { authorization: `Bearer ${editorToken}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ text: example }),
    });
    assert.ok(wrongType.statusCode >= 400 && wrongType.statusCode < 500, String(wrongType.statusCode));
  });
});
