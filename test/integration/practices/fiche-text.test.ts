import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FicheTextError, ficheToText, parseFicheText } from '../../../src/modules/practices/fiche-text.ts';

const municipalities = new Map([
  ['aalst', '41002'],
  ['gent', '44021'],
  ['lede', '41034'],
  ['genk', '71016'],
]);

// The example of the issue, as a practice database publishes it.
const example = `Voorleesmoment in de bibliotheek

Elke woensdag lezen vrijwilligers voor aan kleuters en hun ouders.

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
`;

describe('the fiche text format', () => {
  it('reads every section of the example into its field', () => {
    const fiche = parseFicheText(example, municipalities);
    assert.equal(fiche.title, 'Voorleesmoment in de bibliotheek');
    assert.equal(fiche.introduction, 'Elke woensdag lezen vrijwilligers voor aan kleuters en hun ouders.');
    assert.equal(fiche.category, 'Taal en lezen');
    assert.deepEqual(fiche.goals, [
      'Kleuters plezier laten beleven aan boeken.',
      'Ouders tonen hoe voorlezen thuis kan.',
    ]);
    assert.deepEqual(fiche.targetGroups, ['Kleuters en hun ouders']);
    assert.match(fiche.description, /^Vrijwilligers van de bibliotheek lezen voor/);
    assert.deepEqual(fiche.successFactors, ['Vaste dag en vaste voorlezers.']);
    assert.deepEqual(fiche.challenges, ['Ouders bereiken die nog nooit in de bibliotheek kwamen.']);
    assert.deepEqual(fiche.places, [
      {
        nis: '41002',
        municipality: 'Aalst',
        localName: 'Voorleeswoensdag',
        line: 'wekelijks voorlezen in de hoofdbibliotheek.',
      },
    ]);
    assert.deepEqual(fiche.policyDomains, ['Cultuur', 'Onderwijs']);
  });

  it('is stable: text → fiche → text → fiche', () => {
    const once = parseFicheText(example, municipalities);
    const text = ficheToText(once);
    assert.deepEqual(parseFicheText(text, municipalities), once);
    assert.equal(ficheToText(parseFicheText(text, municipalities)), text);
  });

  it('keeps unknown headings in the description, opens a place per municipality, skips images and calls to action', () => {
    const fiche = parseFicheText(
      `Huiswerkklas in de wijk

Kinderen maken hun huiswerk samen.

foto-huiswerk.jpg

Provider image

Beschrijving

Na school komen kinderen naar het buurthuis.

Praktisch

Elke dinsdag en donderdag, gratis.

Deze praktijk in

Gent en Lede

 • Huiswerkhoek: in het buurthuis.

Genk

Studiebuddy's: studenten helpen thuis.
Ook in de vakantie.

Staat jouw praktijk nog niet in de databank? Voeg ze toe!
`,
      municipalities,
    );
    assert.equal(
      fiche.description,
      'Na school komen kinderen naar het buurthuis.\n\n**Praktisch**\n\nElke dinsdag en donderdag, gratis.',
    );
    assert.deepEqual(
      fiche.places.map((p) => [p.nis, p.localName, p.line]),
      [
        ['44021', 'Huiswerkhoek', 'in het buurthuis.'],
        ['41034', 'Huiswerkhoek', 'in het buurthuis.'],
        ['71016', "Studiebuddy's", 'studenten helpen thuis.\nOok in de vakantie.'],
      ],
    );
    assert.doesNotMatch(JSON.stringify(fiche), /jpg|Provider|Staat jouw/);
    const again = parseFicheText(ficheToText(fiche), municipalities);
    assert.deepEqual(again, fiche);
  });

  it('refuses a text without title or without the sections, and says what is missing', () => {
    assert.throws(
      () =>
        parseFicheText(
          'Gewoon een brief.\n\nZonder secties, met twee alinea’s die niets zeggen.',
          municipalities,
        ),
      (err: FicheTextError) => err.missing.some((m) => m.includes('herkenbare secties')),
    );
    assert.throws(
      () => parseFicheText('Beschrijving\n\nIets zonder titel.', municipalities),
      (err: FicheTextError) => err.missing.length === 1 && err.missing[0]!.includes('titel'),
    );
    assert.equal(
      parseFicheText('Beschrijving\n\nIets.', municipalities, { title: 'Met titel' }).title,
      'Met titel',
    );
    assert.throws(
      () => parseFicheText('Een titel\n\nDoelen\n\n • Iets', municipalities),
      (err: FicheTextError) => err.missing.some((m) => m.includes('Beschrijving')),
    );
  });
});
