import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  type IndicatorDefinition,
  importIndicatorCsv,
} from '../../../src/modules/regions/indicators.service.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

const actor = systemActor('test');
const povertyIndex: IndicatorDefinition = {
  code: 'kansarmoede-index',
  nameNl: 'Kansarmoede-index bij geboortes',
  nameFr: null,
  unit: '%',
  combine: 'mean',
  higherMeansMoreNeed: true,
  ageGroup: 'under12',
  needs: ['POV'],
};

describe('indicator import: all or nothing, idempotent, old NIS codes mapped', () => {
  let t: TestContext;
  const values = () =>
    t.deps.db
      .selectFrom('region_indicator_values')
      .selectAll()
      .orderBy('indicator_code')
      .orderBy('year')
      .orderBy('nis_code')
      .execute();
  const run = (csv: string, over: Partial<IndicatorDefinition> = {}, year = 2024) =>
    importIndicatorCsv(t.deps, actor, {
      indicator: { ...povertyIndex, ...over },
      year,
      source: 'Kind en Gezin, demo-extract',
      csv,
    });

  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('refuses a file with one bad row, lists the row, and stores nothing', async () => {
    const result = await run(
      'nis,gemeente,waarde\n44021,Gent,21.4\n99999,Nergenshuizen,10\n11002,Antwerpen,25.1\n',
    );
    assert.deepEqual(result, { ok: false, problems: [{ line: 3, problem: 'unknown_nis', nis: '99999' }] });
    assert.deepEqual(await values(), []);
    assert.equal((await t.deps.db.selectFrom('region_indicators').selectAll().execute()).length, 0);
  });

  it('lists every kind of bad row with its line', async () => {
    const result = await run('nis;waarde\n44021;veel\n44021;3\n11007;4\n11002;5\n');
    assert.equal(result.ok, false);
    assert.deepEqual(!result.ok && result.problems.map((p) => [p.line, p.problem]), [
      [2, 'not_a_number'],
      [3, 'duplicate'],
      [4, 'merged_and_new'],
    ]);
    assert.deepEqual(await run(''), { ok: false, problems: [{ line: 1, problem: 'empty_file' }] });
    assert.deepEqual(await run('code,getal\n44021,3\n'), {
      ok: false,
      problems: [{ line: 1, problem: 'missing_columns' }],
    });
    assert.deepEqual(await values(), []);
  });

  it('stores a valid file whole; the same file again changes nothing', async () => {
    const csv = 'nis;gemeente;waarde\n44021;Gent;21,4\n11002;Antwerpen;25,1\n71016;Genk;18\n';
    const first = await run(csv);
    assert.deepEqual(first, { ok: true, rows: 3, changed: 4, mergedFrom: 0 });
    const stored = await values();
    assert.deepEqual(
      stored.map((r) => [r.nis_code, r.value]),
      [
        ['11002', 25.1],
        ['44021', 21.4],
        ['71016', 18],
      ],
    );
    const audits = await t.deps.db.selectFrom('audit_log').select('id').execute();
    t.clock.advance(60_000);
    assert.deepEqual(await run(csv), { ok: true, rows: 3, changed: 0, mergedFrom: 0 });
    assert.deepEqual(await values(), stored, 'not even the import time moved');
    assert.equal((await t.deps.db.selectFrom('audit_log').select('id').execute()).length, audits.length);
    // A corrected file replaces the year whole: Genk left out, Gent changed.
    assert.deepEqual(await run('nis,waarde\n44021,22\n11002,25.1\n'), {
      ok: true,
      rows: 2,
      changed: 2,
      mergedFrom: 0,
    });
    assert.deepEqual(
      (await values()).map((r) => [r.nis_code, r.value]),
      [
        ['11002', 25.1],
        ['44021', 22],
      ],
    );
  });

  it('maps codes from before the 2025 mergers: shares average, counts add up', async () => {
    // De Pinte (44012) and Nazareth (44048) became Nazareth-De Pinte (44086).
    const csv = 'nis,waarde\n44012,10\n44048,20\n';
    assert.deepEqual(await run(csv, { code: 'aandeel-leerlingen' }, 2023), {
      ok: true,
      rows: 2,
      changed: 2,
      mergedFrom: 1,
    });
    assert.deepEqual(
      await run(csv, { code: 'aantal-leerlingen', combine: 'sum', unit: 'leerlingen' }, 2023),
      {
        ok: true,
        rows: 2,
        changed: 2,
        mergedFrom: 1,
      },
    );
    const merged = await t.deps.db
      .selectFrom('region_indicator_values')
      .select(['indicator_code', 'nis_code', 'value'])
      .where('year', '=', 2023)
      .orderBy('indicator_code')
      .execute();
    assert.deepEqual(merged, [
      { indicator_code: 'aandeel-leerlingen', nis_code: '44086', value: 15 },
      { indicator_code: 'aantal-leerlingen', nis_code: '44086', value: 30 },
    ]);
  });
});
