import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

describe('Belgian reference data', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  it('holds the 565 municipalities of 2025: 285 in Flanders, 19 in Brussels, 261 in Wallonia', async () => {
    const rows = await t.deps.db
      .selectFrom('municipalities')
      .select(['region', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('region')
      .orderBy('region')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.region, Number(r.n)]),
      [
        ['BRU', 19],
        ['VLG', 285],
        ['WAL', 261],
      ],
    );
  });

  it('has 10 provinces, 29 merged-away codes and every municipality reachable by postal code', async () => {
    const count = async (table: 'provinces' | 'municipality_mergers') =>
      Number(
        (
          await t.deps.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count('provinces'), 10);
    assert.equal(await count('municipality_mergers'), 29);
    const covered = await t.deps.db
      .selectFrom('postal_codes')
      .select((eb) => eb.fn.count<number>('nis_code').distinct().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(covered.n), 565);
  });

  it('maps a pre-2025 code to its new municipality through the API', async () => {
    const res = await t.app.inject('/api/v1/municipalities/11056');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.data.nisCode, '46030');
    assert.equal(body.data.nameNl, 'Beveren-Kruibeke-Zwijndrecht');
    assert.deepEqual(body.mergedFrom, { nisCode: '11056', nameNl: 'Zwijndrecht' });
  });

  it('finds the municipality of a postal code without republishing bpost locality names', async () => {
    const res = await t.app.inject('/api/v1/postal-codes/2070');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().data, [
      {
        postalCode: '2070',
        nisCode: '46030',
        nameNl: 'Beveren-Kruibeke-Zwijndrecht',
        nameFr: 'Beveren-Kruibeke-Zwijndrecht',
      },
    ]);
    assert.doesNotMatch(res.body, /Burcht/);
  });

  it('answers unknown and malformed codes with a Dutch 4xx', async () => {
    assert.equal((await t.app.inject('/api/v1/municipalities/99999')).statusCode, 404);
    const bad = await t.app.inject('/api/v1/municipalities/abc');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'ValidationFailed');
  });

  it('lists the Brussels municipalities and serves the outlines for maps', async () => {
    const res = await t.app.inject('/api/v1/municipalities?region=BRU');
    assert.equal(res.json().data.length, 19);
    const topo = await t.app.inject('/kaart/gemeenten.topojson');
    assert.equal(topo.statusCode, 200);
    const parsed = topo.json();
    assert.equal(parsed.type, 'Topology');
    assert.equal(parsed.objects.municipalities_2025.geometries.length, 565);
  });
});
