import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  exerciseTypes,
  parseSetText,
  reflectionAudiences,
  reflectionQuestions,
  SetTextError,
  setToText,
} from '../../../src/modules/reflection/question-set.ts';
import { findSets } from '../../../src/modules/reflection/reflection.repository.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

describe('reflection question sets', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('seeds one set per audience, each with the three questions and every exercise type', async () => {
    const sets = await findSets(t.deps.db);
    assert.deepEqual(
      sets.map((s) => s.audience),
      [...reflectionAudiences],
    );
    for (const set of sets) {
      const { dimensions } = set.content;
      assert.deepEqual(
        [...new Set(dimensions.map((d) => d.question))],
        [...reflectionQuestions],
        set.audience,
      );
      const types = new Set(dimensions.flatMap((d) => d.exercises.map((e) => e.type)));
      assert.deepEqual([...types].sort(), [...exerciseTypes].sort(), set.audience);
      const endings = dimensions.flatMap((d) => d.exercises).find((e) => e.type === 'endings')!;
      assert.ok(endings.endings!.length >= 8, `${set.audience}: about eight endings`);
      const ids = dimensions.flatMap((d) => d.exercises.map((e) => e.id));
      assert.equal(new Set(ids).size, ids.length, 'exercise ids are unique');
    }
    // The same dimensions in every set, so teams of different kinds compare.
    const codes = sets.map((s) => s.content.dimensions.map((d) => d.code).join(','));
    assert.equal(new Set(codes).size, 1);
  });

  it('writes every seeded set as text and reads it back unchanged', async () => {
    for (const set of await findSets(t.deps.db)) {
      assert.deepEqual(parseSetText(setToText(set.content)), set.content, set.audience);
    }
  });

  it('names the first mistake in a set text and its line', () => {
    const mistake = (text: string) => {
      try {
        parseSetText(text);
      } catch (err) {
        assert.ok(err instanceof SetTextError);
        return `${err.key}@${err.line}`;
      }
      return 'no mistake';
    };
    const head = 'Titel: Proef\n\nVraag: waarom\nDimensie noden: Noden\n';
    assert.equal(mistake(`${head}Stelling: Goed.\n`), 'no mistake');
    assert.equal(
      mistake('Vraag: waarom\nDimensie noden: Noden\nStelling: x\n'),
      'reflection.setText.noTitle@1',
    );
    assert.equal(mistake(`${head}Zomaar iets\n`), 'reflection.setText.unknownLine@5');
    assert.equal(mistake('Titel: x\nDimensie noden: Noden\n'), 'reflection.setText.noQuestion@2');
    assert.equal(mistake('Titel: x\nVraag: wanneer\n'), 'reflection.setText.unknownQuestion@2');
    assert.equal(mistake(`${head}Noden: FIN GELD\nStelling: x\n`), 'reflection.setText.unknownNeed@5');
    assert.equal(mistake(`${head}Vormen: bellen\nStelling: x\n`), 'reflection.setText.unknownForm@5');
    assert.equal(mistake(`${head}Einden: Als …\n- alleen dit\n`), 'reflection.setText.fewEndings@5');
    assert.equal(mistake(`${head}Stelling: x\n- los einde\n`), 'reflection.setText.endingOutside@6');
    assert.equal(
      mistake(`${head}Stelling: a\nDimensie werelden: Leeg\nDimensie rollen: x\nOpen: y\n`),
      'reflection.setText.emptyDimension@6',
    );
    assert.equal(
      mistake(`${head}Open: x\nDimensie noden: Weer\nOpen: y\n`),
      'reflection.setText.twiceDimension@6',
    );
    assert.equal(mistake('Titel: x\nVraag: rollen\nStelling: x\n'), 'reflection.setText.noDimension@3');
  });
});
