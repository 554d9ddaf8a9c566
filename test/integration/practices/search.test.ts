import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type SqlBool, sql } from 'kysely';
import { loadDemoPractices } from '../../../src/modules/practices/practices.demo.ts';
import {
  keptSimilarPractices,
  practiceSearchOf,
  refreshSimilarPractices,
  searchPractices,
  similarPractices,
} from '../../../src/modules/practices/practices.search.ts';
import { days } from '../../../src/platform/clock.ts';
import { startTestApp, type TestContext } from '../../helpers/app.ts';

// The search quality set: Dutch queries someone looking for a practice would type, with the fiches
// (title starts) each should find among the 30 demo fiches. It covers compounds ("school" in
// "basisschool", "zomer" in "zomerschool"), accents, typing errors, plural and verb forms (Dutch
// stemming is the only "synonym" support we claim), and municipality filters with and without a
// radius. Thresholds below were set from the first measured run (see the issue's closing note).
interface Judged {
  q: string;
  expect: string[];
  municipality?: string;
  radiusKm?: number;
}
const judged: Judged[] = [
  { q: 'ouderbetrokkenheid', expect: ['Ouderkoffie en huisbezoek'] },
  { q: 'ouderbetrokkenhied', expect: ['Ouderkoffie en huisbezoek'] },
  { q: 'hygiene', expect: ['Hygiënekast in de klas'] },
  { q: 'hygiënekast', expect: ['Hygiënekast in de klas'] },
  { q: 'school ontbijt', expect: ['Ontbijt op school'] },
  { q: 'zomer', expect: ['Zomerschool Nederlands'] },
  { q: 'kosten school', expect: ['Schoolkostenloket', 'Tweedehands turnkledij'] },
  { q: 'schoolkosten', expect: ['Schoolkostenloket', 'Tweedehands turnkledij'] },
  { q: 'tandartsen', expect: ['Tandarts in de buurt'] },
  { q: 'spijbelen', expect: ['Spijbelaanpak met één gesprekstafel'] },
  { q: 'spijbelaanpak', expect: ['Spijbelaanpak met één gesprekstafel'] },
  { q: 'huiswerkbegeleiding', expect: ['Huiswerkklas met studenten'] },
  { q: 'huiswerk', expect: ['Huiswerkklas met studenten'] },
  { q: 'voorlezen kleuters', expect: ['Voorleesmoment in de bibliotheek'] },
  { q: 'computer thuis', expect: ['Laptops voor thuis'] },
  { q: 'laptop', expect: ['Laptops voor thuis'] },
  { q: 'zwemmen', expect: ['Zwemles voor elk kind'] },
  { q: 'huurachterstal', expect: ['Woonspreekuur op school'] },
  { q: 'energiefactuur', expect: ['Energiescan voor gezinnen'] },
  { q: 'schulden', expect: ['Schuldhulp via de school'] },
  { q: 'studiekeuze secundair', expect: ['Overstap naar het secundair'] },
  { q: 'taalcafe', expect: ['Taalcafé voor ouders'] },
  { q: 'psychische problemen jongeren', expect: ['Mentaal welzijn in de klas'] },
  { q: 'brugfiguren', expect: ['Brugfiguur aan de schoolpoort'] },
  {
    q: 'ervaringsdeskundigen armoede',
    expect: ['Armoedebril voor leerkrachten', 'Lokaal netwerk kinderarmoede'],
  },
  { q: 'sportclub korting', expect: ['Vrijetijdspas voor elk kind'] },
  { q: 'peuters instapklas', expect: ['Instapmoment voor kleuters'] },
  { q: 'warme maaltijd', expect: ['Schoolmaaltijden aan sociaal tarief'] },
  { q: 'turnkledij', expect: ['Tweedehands turnkledij en schoolgerief'] },
  { q: 'opvoedingsvragen', expect: ['Opvoedingswinkel op school'] },
  { q: 'klei verf theater', expect: ['Kunstatelier na school'] },
  { q: 'huisartsen', expect: ['Zorgoverleg met de huisarts'] },
  { q: 'formulieren invullen', expect: ['Papierenspreekuur', 'Inschrijven zonder drempels'] },
  { q: 'kinderarmoede netwerk', expect: ['Lokaal netwerk kinderarmoede'] },
  // Municipality filters: in that municipality, or within a radius of its centre.
  { q: 'ontbijt', expect: ['Ontbijt op school'], municipality: '34022' },
  {
    q: '',
    expect: ['Voorleesmoment in de bibliotheek', 'Instapmoment voor kleuters', 'Opvoedingswinkel op school'],
    municipality: '71016',
  },
  { q: 'brugfiguur', expect: ['Brugfiguur aan de schoolpoort'], municipality: '41034', radiusKm: 10 },
  { q: 'voorlezen', expect: ['Voorleesmoment in de bibliotheek'], municipality: '41034', radiusKm: 10 },
];

interface Found {
  title: string;
}

/** Reciprocal rank of the first expected fiche, and the share of expected fiches in the first five. */
function score(j: Judged, rows: Found[]) {
  const hit = (r: Found) => j.expect.some((e) => r.title.startsWith(e));
  const first = rows.findIndex(hit);
  const inFive = rows.slice(0, 5).filter(hit).length;
  return { rr: first >= 0 ? 1 / (first + 1) : 0, recall: inFive / Math.min(j.expect.length, 5) };
}

describe('practice search', () => {
  let t: TestContext;
  before(async () => {
    t = await startTestApp();
    await loadDemoPractices(t.deps, new Map());
  });
  after(() => t.close());
  /** The published fiches with what similar practices are matched on, by title. */
  const publishedFiches = () =>
    t.deps.db
      .selectFrom('practices')
      .select(['id', 'title', 'need_codes', 'cooperation_forms', 'category', 'municipality_nis'])
      .where('status', '=', 'published')
      .orderBy('title')
      .execute();

  it(`finds the right fiches for ${judged.length} judged Dutch queries, and beats a plain ILIKE search`, async () => {
    const measure = async (run: (j: Judged) => Promise<Found[]>) => {
      let rr = 0;
      let recall = 0;
      const misses: string[] = [];
      for (const j of judged) {
        const rows = await run(j);
        const s = score(j, rows);
        rr += s.rr;
        recall += s.recall;
        if (s.recall < 1)
          misses.push(
            `${j.q || '(leeg)'} → ${
              rows
                .slice(0, 3)
                .map((r) => r.title)
                .join(' | ') || '(niets)'
            }`,
          );
      }
      return { mrr: rr / judged.length, recall: recall / judged.length, misses };
    };
    const brugwerk = await measure(async (j) => {
      const search = await practiceSearchOf(
        t.deps,
        { q: j.q },
        { municipality: j.municipality, radiusKm: j.radiusKm },
        1,
      );
      return (await searchPractices(t.deps.db, { ...search, limit: 10 })).rows;
    });
    // The baseline: every word as a case-insensitive substring of the fiche's text, newest first,
    // with the same municipality filter (radius: the municipalities whose centre is that close).
    const baseline = await measure(async (j) => {
      let query = t.deps.db
        .selectFrom('practices as p')
        .select('p.title')
        .where('p.status', '=', 'published')
        .orderBy('p.last_published_at', 'desc')
        .orderBy('p.title')
        .limit(10);
      for (const word of j.q.split(/\s+/).filter(Boolean))
        query = query.where(
          sql<SqlBool>`(p.title || ' ' || p.introduction || ' ' || coalesce(p.category, '') || ' ' || p.search_body) ILIKE ${`%${word}%`}`,
        );
      if (j.municipality) {
        const search = await practiceSearchOf(
          t.deps,
          {},
          { municipality: j.municipality, radiusKm: j.radiusKm },
          1,
        );
        const ids = (await searchPractices(t.deps.db, { ...search, limit: 100 })).rows.map((r) => r.id);
        query = query.where('p.id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
      }
      return query.execute();
    });
    console.log(
      `practice search quality: ${judged.length} queries; Brugwerk MRR ${brugwerk.mrr.toFixed(3)}, recall@5 ${brugwerk.recall.toFixed(3)}; ` +
        `ILIKE baseline MRR ${baseline.mrr.toFixed(3)}, recall@5 ${baseline.recall.toFixed(3)}\n` +
        `  Brugwerk misses: ${brugwerk.misses.join('; ') || 'none'}\n  ILIKE misses: ${baseline.misses.length}`,
    );
    assert.ok(judged.length >= 30);
    // The first run measured MRR 0.954 and recall@5 0.961 (before the title bonus and the word
    // collection fix); those are the floor.
    assert.ok(brugwerk.mrr >= 0.95, `MRR ${brugwerk.mrr}`);
    assert.ok(brugwerk.recall >= 0.95, `recall@5 ${brugwerk.recall}`);
    assert.ok(brugwerk.mrr > baseline.mrr, 'better than ILIKE');
  });

  it('narrows with facets and shows counts, sorts by date, without JavaScript (a GET form)', async () => {
    const all = await t.app.inject('/praktijken');
    assert.equal(all.statusCode, 200);
    const total = Number(/(\d+) praktijken gevonden/.exec(all.body)![1]);
    assert.equal(total, 30);
    const health = await t.app.inject('/praktijken?need=HEALTH&province=70000');
    const narrowed = Number(/(\d+) praktijken gevonden/.exec(health.body)![1]);
    assert.ok(narrowed > 0 && narrowed < total, String(narrowed));
    assert.match(health.body, /id="facet-need-HEALTH" name="need" value="HEALTH" checked/);
    assert.match(health.body, /Gezondheid en welzijn \(\d+\)/);
    const byDate = await t.app.inject('/api/v1/practices?q=school&sort=date');
    const dates: string[] = byDate.json().data.map((d: { publishedAt: string }) => d.publishedAt);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const highlighted = await t.app.inject('/praktijken?q=tandarts');
    assert.match(highlighted.body, /<mark>[Tt]andarts/);
  });

  it('shows similar practices on a fiche', async () => {
    const brug = await t.deps.db
      .selectFrom('practices')
      .select('id')
      .where('title', 'like', 'Brugfiguur aan de schoolpoort%')
      .executeTakeFirstOrThrow();
    const page = await t.app.inject(`/praktijken/${brug.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Vergelijkbare praktijken/);
    const similar = /id="similar-title"[\s\S]*?<\/ul>/.exec(page.body)![0];
    assert.equal((similar.match(/<li>/g) ?? []).length, 5);
    assert.ok(!similar.includes(`/praktijken/${brug.id}"`), 'not itself');
  });

  it('lists as similar the fiches that share the most, whatever their text', async () => {
    const all = await publishedFiches();
    type Fiche = (typeof all)[number];
    const shared = (a: Fiche, b: Fiche) =>
      2 * a.need_codes.filter((c) => b.need_codes.includes(c)).length +
      a.cooperation_forms.filter((c) => b.cooperation_forms.includes(c)).length +
      (a.category !== null && a.category === b.category ? 2 : 0) +
      (a.municipality_nis.some((m) => b.municipality_nis.includes(m)) ? 1 : 0);
    for (const fiche of all.slice(0, 8)) {
      const listed = (await similarPractices(t.deps.db, fiche)).map((s) => all.find((f) => f.id === s.id)!);
      assert.equal(listed.length, 5, fiche.title);
      const scores = listed.map((f) => shared(fiche, f));
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
        `${fiche.title}: most shared first`,
      );
      const best = all
        .filter((f) => f.id !== fiche.id)
        .map((f) => shared(fiche, f))
        .sort((a, b) => b - a);
      assert.deepEqual(scores, best.slice(0, 5), `${fiche.title}: none left out that shares more`);
    }
  });

  it("keeps each fiche's similar list: worked out on a first view, forgotten when the fiche changes, again after a day", async () => {
    const { db } = t.deps;
    const fiches = await publishedFiches();
    const [fiche, other] = [fiches[3]!, fiches[4]!];
    const kept = () =>
      db.selectFrom('practice_similar').selectAll().where('practice_id', '=', fiche.id).executeTakeFirst();
    await db.deleteFrom('practice_similar').execute();

    // The first view works the list out and keeps it, in the order shown.
    const page = await t.app.inject(`/praktijken/${fiche.id}`);
    assert.equal(page.statusCode, 200);
    const worked = await similarPractices(db, fiche);
    assert.deepEqual(
      (await kept())?.similar_ids,
      worked.map((s) => s.id),
    );
    assert.deepEqual(await keptSimilarPractices(db, fiche, t.clock.now()), worked);

    // Later views read what is kept, leaving out fiches no longer published.
    await db
      .updateTable('practice_similar')
      .set({ similar_ids: [other.id] })
      .where('practice_id', '=', fiche.id)
      .execute();
    assert.deepEqual(
      (await keptSimilarPractices(db, fiche, t.clock.now())).map((s) => s.id),
      [other.id],
    );
    await db.updateTable('practices').set({ status: 'submitted' }).where('id', '=', other.id).execute();
    assert.deepEqual(await keptSimilarPractices(db, fiche, t.clock.now()), []);
    await db.updateTable('practices').set({ status: 'published' }).where('id', '=', other.id).execute();

    // Writing the same values keeps the list; changing what it is matched on forgets it.
    await db
      .updateTable('practices')
      .set({ need_codes: fiche.need_codes })
      .where('id', '=', fiche.id)
      .execute();
    assert.ok(await kept(), 'kept when nothing it is matched on changed');
    await db
      .updateTable('practices')
      .set({ need_codes: fiche.need_codes.includes('LANG') ? ['FIN'] : ['LANG'] })
      .where('id', '=', fiche.id)
      .execute();
    assert.equal(await kept(), undefined, 'forgotten when the needs changed');
    await db
      .updateTable('practices')
      .set({ need_codes: fiche.need_codes })
      .where('id', '=', fiche.id)
      .execute();

    // The hourly refresh works out the missing lists, then nothing until a day has passed.
    assert.equal(await refreshSimilarPractices(t.deps, 2), fiches.length);
    const all = await db.selectFrom('practice_similar').select(['practice_id', 'similar_ids']).execute();
    assert.equal(all.length, fiches.length);
    assert.deepEqual(
      all.find((r) => r.practice_id === fiche.id)?.similar_ids,
      worked.map((s) => s.id),
    );
    assert.equal(await refreshSimilarPractices(t.deps), 0);
    t.clock.advance(days(1) + 1);
    assert.equal(await refreshSimilarPractices(t.deps), fiches.length);
  });

  it('refuses bad search parameters with a Dutch 400', async () => {
    for (const url of [
      '/api/v1/practices?radiusKm=abc',
      '/api/v1/practices?need=XYZ',
      '/praktijken?radius=7',
      '/praktijken?municipality=1',
    ]) {
      const response = await t.app.inject(url);
      assert.equal(response.statusCode, 400, url);
    }
  });
});
