import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import {
  importIndicatorCsv,
  type IndicatorDefinition,
} from '../../../src/modules/regions/indicators.service.ts';
import { saveRegionGroup } from '../../../src/modules/regions/region-groups.service.ts';
import { systemActor } from '../../../src/platform/deps.ts';
import { Agent } from '../../helpers/agent.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

// A small region worked out by hand: "Testregio" is Gent (44021) and Nazareth-De Pinte (44086).
// Flanders has 285 municipalities (2025).
//
// Services (all active):
//   everywhere  FIN + HOUS, ages 0-2 … 12-17, a service area in every Flemish municipality
//   gent-fin    FIN, 6-11, organisation in Gent, waiting list
//   antw-1..3   FIN + PAR, 3-5 and 6-11, organisation in Antwerpen (11002)
//   gent-teens  HOUS, 12-17, organisation in Gent, a location in Nazareth-De Pinte, full
//   gent-taal   LANG, 6-11 and 12-17, organisation in Gent
//   brussel     PAR, 6-11, organisation in Brussel (21004): not Flemish, not in the region
//
// Services per municipality, region mean ÷ Flemish mean:
//   FIN  <12:  Gent 2, N-DP 1 → 1.5;  Flanders (285 + 1 + 3) / 285 = 1.014035 → supply 1.479239
//   FIN  12+:  1 everywhere → 1.0
//   PAR  <12:  region 0;  Flanders 3 / 285 = 0.010526 → supply 0
//   HOUS 12+:  Gent 2, N-DP 2 → 2;  Flanders 287 / 285 = 1.007018 → supply 1.986063
//   LANG <12:  Gent 1, N-DP 0 → 0.5;  Flanders 1 / 285 → supply 142.5
//   EDU: no service anywhere → no comparison
//
// Indicators (values for Gent, N-DP, Antwerpen, Leuven 24062, Brussel 21004):
//   kwetsbaar  rate, PAR + FIN, under 12, higher = more need: 30, 20, 10, 20, 90 → region 25, Flanders 20 → 1.25
//   diploma    rate, FIN + EDU, all ages, lower = more need: 80, 90, 100, 90, 10 → region 85, Flanders 90 → 90/85 = 1.058824
//   taal       rate, LANG, all ages, higher = more need: 5, 5, 10, 10, 50 → region 5, Flanders 7.5 → 0.666667
//   leerlingen count, HOUS, 12 plus: 100, 50 → not compared (sum)
// (Brussels' values never enter the Flemish figure.)
//
// Cells:
//   PAR <12   need 1.25,                       supply 0        → gap
//   FIN <12   need (1.25 + 1.058824) / 2 = 1.154412, supply 1.479 → balanced (need high, supply rich)
//   FIN 12+   need 1.058824,                   supply 1.0      → balanced
//   LANG <12  need 0.666667,                   supply 142.5    → strength (and LANG 12+ too)
//   EDU <12   need 1.058824,                   no supply anywhere → unknown
//   HOUS 12+  no rate indicator,               supply 1.986    → unknown
//   PAR 12+   no indicator                                     → unknown

const FLEMISH = 285;
const REGION = ['44021', '44086'];

describe('region picture: gaps and strengths of a small region, worked out by hand', () => {
  let t: TestContext;
  let figures: Figures;

  type Cell = {
    need: string;
    ageGroup: string;
    verdict: string;
    needRatio: number | null;
    supplyRatio: number | null;
    services: number;
    waitingList: number;
    full: number;
    servicesPerMunicipality: number | null;
    flemishServicesPerMunicipality: number | null;
    indicators: string[];
  };
  type Figures = {
    cells: Cell[];
    indicators: { code: string; region: number | null; flanders: number | null; ratio: number | null }[];
    demand: Record<string, string | number>[];
    since: string;
  };
  const cell = (need: string, ageGroup: string) =>
    figures.cells.find((c) => c.need === need && c.ageGroup === ageGroup)!;

  before(async () => {
    t = await startTestApp();
    const db = t.deps.db;
    const now = t.deps.clock.now();
    const flemish = await db
      .selectFrom('municipalities')
      .select('nis_code')
      .where('region', '=', 'VLG')
      .execute();
    assert.equal(flemish.length, FLEMISH);

    const organisation = async (name: string, nis: string) =>
      (
        await db
          .insertInto('directory_organizations')
          .values({
            name,
            description: '',
            kind: 'andere',
            municipality_nis: nis,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const service = async (
      org: string,
      name: string,
      needs: string[],
      bands: string[],
      capacity: 'available' | 'waiting_list' | 'full' = 'available',
    ) =>
      (
        await db
          .insertInto('directory_services')
          .values({
            organization_id: org,
            name,
            description: '',
            status: 'active',
            need_codes: needs,
            age_bands: bands,
            capacity_state: capacity,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    const gent = await organisation('Dienst Gent', '44021');
    const antwerpen = await organisation('Dienst Antwerpen', '11002');
    const brussel = await organisation('Dienst Brussel', '21004');
    const flanders = await organisation('Vlaamse lijn', '24062');
    const everywhere = await service(
      flanders,
      'everywhere',
      ['FIN', 'HOUS'],
      ['0-2', '3-5', '6-11', '12-17'],
    );
    await db
      .insertInto('directory_service_areas')
      .values(
        flemish.map((m) => ({ service_id: everywhere, name: m.nis_code, municipality_nis: m.nis_code })),
      )
      .execute();
    await service(gent, 'gent-fin', ['FIN'], ['6-11'], 'waiting_list');
    for (const n of [1, 2, 3]) await service(antwerpen, `antw-${n}`, ['FIN', 'PAR'], ['3-5', '6-11']);
    const teens = await service(gent, 'gent-teens', ['HOUS'], ['12-17'], 'full');
    const location = await db
      .insertInto('directory_locations')
      .values({ organization_id: gent, location_type: 'physical', municipality_nis: '44086' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('directory_service_at_locations')
      .values({ service_id: teens, location_id: location.id })
      .execute();
    await service(gent, 'gent-taal', ['LANG'], ['6-11', '12-17']);
    await service(brussel, 'brussel', ['PAR'], ['6-11']);

    const actor = systemActor('test');
    const indicator = async (
      definition: Partial<IndicatorDefinition> & { code: string },
      values: number[],
    ) => {
      const places = ['44021', '44086', '11002', '24062', '21004'];
      const csv = ['nis;waarde', ...values.map((v, i) => `${places[i]};${v}`)].join('\n');
      const result = await importIndicatorCsv(t.deps, actor, {
        indicator: {
          nameNl: definition.code,
          nameFr: null,
          unit: '%',
          combine: 'mean',
          higherMeansMoreNeed: true,
          ageGroup: 'all',
          needs: [],
          ...definition,
        },
        year: 2025,
        source: 'Testbron',
        csv,
      });
      assert.equal(result.ok, true);
    };
    await indicator({ code: 'kwetsbaar', needs: ['PAR', 'FIN'], ageGroup: 'under12' }, [30, 20, 10, 20, 90]);
    await indicator(
      { code: 'diploma', needs: ['FIN', 'EDU'], higherMeansMoreNeed: false },
      [80, 90, 100, 90, 10],
    );
    await indicator({ code: 'taal', needs: ['LANG'] }, [5, 5, 10, 10, 50]);
    await indicator(
      { code: 'leerlingen', needs: ['HOUS'], ageGroup: '12plus', combine: 'sum', unit: 'leerlingen' },
      [100, 50],
    );

    await saveRegionGroup(t.deps, actor, null, {
      name: 'Testregio',
      kind: 'learning_network',
      description: null,
      municipalities: REGION,
    });

    // Demand: one referral still held and four purged ones for FIN (5 together); six purged
    // consultations for PAR at 6-11 and two at 12-17; an old count from before the window.
    await db
      .insertInto('cases')
      .values({ kind: 'referral', created_at: now, municipality_nis: '44021', needs: ['FIN'] })
      .execute();
    const stat = (kind: string, month: string, need: string, ageBand: string, count: number) => ({
      kind,
      month,
      municipality_nis: '44086',
      need,
      age_band: ageBand,
      destination_type: '',
      intensity: 0,
      outcome: '',
      count,
    });
    await db
      .insertInto('case_statistics')
      .values([
        stat('referral', '2026-03-01', 'FIN', '', 4),
        stat('consultation', '2026-05-01', 'PAR', '6-11', 6),
        stat('consultation', '2026-05-01', 'PAR', '12-17', 2),
        stat('consultation', '2024-01-01', 'HOUS', '12-17', 10),
      ])
      .execute();
    // Signals: seven about money in Gent, three about housing in Nazareth-De Pinte.
    const signal = (need: string, nis: string) => ({
      created_at: now,
      sender_may_be_named: false,
      title: `Signaal ${need}`,
      description: 'Testsignaal',
      needs: [need],
      municipality_nis: nis,
      region_code: '40000',
      source_type: 'school' as const,
    });
    await db
      .insertInto('signals')
      .values([...Array(7).fill(signal('FIN', '44021')), ...Array(3).fill(signal('HOUS', '44086'))])
      .execute();

    const response = await new Agent(t.app).get('/api/v1/regions/testregio/figures');
    assert.equal(response.statusCode, 200);
    figures = JSON.parse(response.body) as Figures;
  });
  after(() => t.close());

  it('finds the gap, the strengths and the balanced and unknown cells as worked out by hand', () => {
    assert.equal(cell('PAR', 'under12').verdict, 'gap');
    assert.equal(cell('PAR', 'under12').needRatio, 1.25);
    assert.equal(cell('PAR', 'under12').supplyRatio, 0);
    assert.deepEqual(cell('PAR', 'under12').indicators, ['kwetsbaar']);

    assert.equal(cell('FIN', 'under12').verdict, 'balanced');
    assert.equal(cell('FIN', 'under12').needRatio, 1.15); // 1.154412
    assert.equal(cell('FIN', 'under12').supplyRatio, 1.48); // 1.479239
    assert.deepEqual(cell('FIN', 'under12').indicators.sort(), ['diploma', 'kwetsbaar']);

    assert.equal(cell('FIN', '12plus').verdict, 'balanced');
    assert.equal(cell('FIN', '12plus').needRatio, 1.06); // 1.058824
    assert.equal(cell('FIN', '12plus').supplyRatio, 1);

    for (const group of ['under12', '12plus']) {
      assert.equal(cell('LANG', group).verdict, 'strength');
      assert.equal(cell('LANG', group).needRatio, 0.67);
      assert.equal(cell('LANG', group).supplyRatio, 142.5);
    }

    assert.equal(cell('EDU', 'under12').verdict, 'unknown');
    assert.equal(cell('EDU', 'under12').needRatio, 1.06);
    assert.equal(cell('EDU', 'under12').supplyRatio, null);
    assert.equal(cell('HOUS', '12plus').verdict, 'unknown');
    assert.equal(cell('HOUS', '12plus').needRatio, null);
    assert.equal(cell('HOUS', '12plus').supplyRatio, 1.99); // 1.986063
    assert.equal(cell('PAR', '12plus').verdict, 'unknown');

    const others = figures.cells.filter((c) => c.verdict === 'gap' || c.verdict === 'strength');
    assert.deepEqual(others.map((c) => `${c.need} ${c.ageGroup} ${c.verdict}`).sort(), [
      'LANG 12plus strength',
      'LANG under12 strength',
      'PAR under12 gap',
    ]);
  });

  it('counts the services reaching the region with their waiting lists, and the means per municipality', () => {
    assert.deepEqual(
      [cell('FIN', 'under12').services, cell('FIN', 'under12').waitingList, cell('FIN', 'under12').full],
      [2, 1, 0],
    );
    assert.deepEqual(
      [cell('HOUS', '12plus').services, cell('HOUS', '12plus').waitingList, cell('HOUS', '12plus').full],
      [2, 0, 1],
    );
    assert.equal(cell('PAR', 'under12').services, 0);
    assert.equal(cell('FIN', 'under12').servicesPerMunicipality, 1.5);
    assert.equal(cell('FIN', 'under12').flemishServicesPerMunicipality, 1.01); // 289 / 285
    assert.equal(cell('PAR', 'under12').flemishServicesPerMunicipality, 0.01); // 3 / 285
  });

  it('gives each indicator for the region and for Flanders, without Brussels, and compares rates only', () => {
    const indicator = (code: string) => figures.indicators.find((i) => i.code === code)!;
    assert.deepEqual(
      [indicator('kwetsbaar').region, indicator('kwetsbaar').flanders, indicator('kwetsbaar').ratio],
      [25, 20, 1.25],
    );
    assert.deepEqual(
      [indicator('diploma').region, indicator('diploma').flanders, indicator('diploma').ratio],
      [85, 90, 1.06],
    );
    assert.deepEqual(
      [indicator('leerlingen').region, indicator('leerlingen').flanders, indicator('leerlingen').ratio],
      [150, 150, null],
    );
  });

  it('publishes case and signal counts below 5 as "< 5", in JSON, CSV and on the page', async () => {
    assert.equal(figures.since, '2025-11-01');
    const demand = (need: string) => figures.demand.find((d) => d.need === need)!;
    assert.equal(demand('FIN').referrals, 5); // one held, four purged
    assert.equal(demand('PAR').consultationsUnder12, 6);
    assert.equal(demand('PAR').consultations12plus, '< 5');
    assert.equal(demand('HOUS').consultations12plus, '< 5'); // 10, but before the window
    assert.equal(demand('FIN').signals, 7);
    assert.equal(demand('HOUS').signals, '< 5');
    const shown = figures.demand.flatMap((d) => Object.values(d).filter((v) => typeof v === 'number'));
    assert.ok(
      shown.every((v) => (v as number) >= 5),
      `no count below 5 in ${JSON.stringify(shown)}`,
    );

    const csv = await new Agent(t.app).get('/api/v1/regions/testregio/figures.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
    const demandRows = rows.filter((r) => r.onderdeel === 'vraag');
    assert.equal(demandRows.length, 9 * 4);
    for (const r of demandRows) assert.ok(r.waarde === '< 5' || Number(r.waarde) >= 5, JSON.stringify(r));
    assert.ok(
      rows.some(
        (r) => r.onderdeel === 'cel' && r.behoefte === 'PAR' && r.maat === 'verdict' && r.waarde === 'gap',
      ),
    );

    const page = await new Agent(t.app).get('/regios/testregio');
    assert.equal(page.statusCode, 200);
    const table = /<caption>Doorverwijzingen[\s\S]*?<\/table>/.exec(page.body)![0];
    // Each body row: the need, then four counts.
    const cells = [...table.matchAll(/<tr><td>[^<]*<\/td>((?:<td>[^<]*<\/td>){4})<\/tr>/g)].flatMap((row) =>
      [...row[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]!),
    );
    for (const c of cells) assert.ok(c === '&lt; 5' || Number(c) >= 5, c);
  });

  it('draws the chosen layer as a map with a table of the same values, and the findings in words', async () => {
    const page = await new Agent(t.app).get('/regios/testregio');
    assert.match(page.body, /Opvoeding en gezin · Kinderen jonger dan 12: nood 1,25 keer/);
    assert.match(page.body, /class="heat heat--gap"/);
    // The first indicator by name is drawn first: its values in the table beside the map.
    assert.match(page.body, /<path d="M[^"]+" class="shade-\d"><title>Gent: /);
    const supply = await new Agent(t.app).get('/regios/testregio?kaart=aanbod:FIN:under12');
    const table =
      /<caption>Geld en materiële hulp · Kinderen jonger dan 12 per gemeente[\s\S]*?<\/table>/.exec(
        supply.body,
      )![0];
    assert.match(table, /Gent<\/td><td>2<\/td>/);
    assert.match(table, /Nazareth-De Pinte<\/td><td>1<\/td>/);
    const old = await new Agent(t.app).get('/regios/testregio?kaart=bestaat-niet');
    assert.equal(old.statusCode, 200);
    assert.equal((await new Agent(t.app).get('/api/v1/regions/bestaat-niet/figures')).statusCode, 404);
  });
});
