import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Deps } from '../../platform/deps.ts';
import { days } from '../../platform/clock.ts';
import { PAGE_SIZE } from '../../platform/views/components.tsx';
import { findMunicipality } from '../regions/regions.service.ts';
import { haversineKm, type Point } from '../../platform/search/geo.ts';
import {
  type FacetCount,
  headline,
  type MatchMode,
  matchModesFor,
  type QueryWord,
  queryWords,
  stemWords,
  textMatch,
  textRank,
} from '../../platform/search/text-search.ts';

export interface PracticeSearch {
  q?: string | undefined;
  categories?: string[];
  targetGroups?: string[];
  provinces?: string[];
  /** NIS code: practices that run in this municipality. */
  municipality?: string | undefined;
  /** With `withinKm`: practices that run in a municipality whose centre is this close. */
  near?: Point | undefined;
  withinKm?: number | undefined;
  policyDomains?: string[];
  needs?: string[];
  cooperationForms?: string[];
  evidenceSteps?: string[];
  sort?: 'relevance' | 'date';
  limit: number;
  offset: number;
}

export interface PracticeFacets {
  categories: FacetCount[];
  targetGroups: FacetCount[];
  provinces: (FacetCount & { label: string })[];
  municipalities: (FacetCount & { label: string })[];
  policyDomains: FacetCount[];
  needs: FacetCount[];
  cooperationForms: FacetCount[];
  evidenceSteps: FacetCount[];
}

/** A search from the page's or the API's parameters: near a municipality when a radius is given. */
export async function practiceSearchOf(
  deps: Deps,
  filters: Omit<PracticeSearch, 'limit' | 'offset' | 'near' | 'withinKm' | 'municipality'>,
  place: { municipality?: string | undefined; radiusKm?: number | undefined },
  page: number,
): Promise<PracticeSearch> {
  const found = place.municipality ? await findMunicipality(deps, place.municipality) : null;
  const centre = found?.municipality;
  const near =
    centre && place.radiusKm ? { latitude: centre.latitude, longitude: centre.longitude } : undefined;
  return {
    ...filters,
    // A code merged away in 2025 searches its new municipality; an unknown code finds nothing.
    municipality: near
      ? undefined
      : place.municipality
        ? (centre?.nis_code ?? place.municipality)
        : undefined,
    near,
    withinKm: near ? place.radiusKm : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
}

const overlaps = (column: string, values: string[]) =>
  sql<SqlBool>`${sql.ref(`p.${column}`)} && ${sql.val(values)}::text[]`;

function filtered(db: Kysely<DB>, search: PracticeSearch, words: QueryWord[], mode: MatchMode) {
  let query = db.selectFrom('practices as p').where('p.status', '=', 'published');
  if (words.length) query = query.where(textMatch('p', words, mode));
  if (search.categories?.length) query = query.where('p.category', 'in', search.categories);
  if (search.targetGroups?.length) query = query.where(overlaps('target_groups', search.targetGroups));
  if (search.policyDomains?.length) query = query.where(overlaps('policy_domains', search.policyDomains));
  if (search.needs?.length) query = query.where(overlaps('need_codes', search.needs));
  if (search.cooperationForms?.length)
    query = query.where(overlaps('cooperation_forms', search.cooperationForms));
  if (search.evidenceSteps?.length) query = query.where('p.evidence_step', 'in', search.evidenceSteps);
  if (search.municipality) query = query.where(overlaps('municipality_nis', [search.municipality]));
  if (search.provinces?.length) {
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM municipalities mu WHERE mu.nis_code = ANY (p.municipality_nis)
        AND mu.province_nis IN (${sql.join(search.provinces)}))`,
    );
  }
  if (search.near && search.withinKm) {
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM municipalities mu WHERE mu.nis_code = ANY (p.municipality_nis)
        AND ${haversineKm(search.near, 'mu')} <= ${search.withinKm})`,
    );
  }
  return query;
}

/**
 * Searches published fiches: the page in order, the total and, for the search page, the counts
 * per facet value. As in the directory, one statement computes the matching set and paging,
 * counting and facets read from it; the match modes widen from all words exact to any word near.
 */
export async function searchPractices(
  db: Kysely<DB>,
  search: PracticeSearch,
  options: { facets?: boolean } = {},
) {
  const words = await stemWords(db, queryWords(search.q ?? ''), 'practice_search_words');
  let found: Awaited<ReturnType<typeof matchingSet>> | undefined;
  for (const mode of matchModesFor(words)) {
    found = await matchingSet(db, search, words, mode, options.facets ?? false);
    if (found.total > 0) break;
  }
  const { total, page, facets } = found!;
  const rows = page.length ? await pageRows(db, page, words) : [];
  return { rows, total, facets };
}

async function matchingSet(
  db: Kysely<DB>,
  search: PracticeSearch,
  words: QueryWord[],
  mode: MatchMode,
  withFacets: boolean,
) {
  const matches = filtered(db, search, words, mode).select([
    'p.id',
    'p.title',
    'p.last_published_at',
    'p.category',
    'p.target_groups',
    'p.policy_domains',
    'p.need_codes',
    'p.cooperation_forms',
    'p.evidence_step',
    'p.municipality_nis',
    textRank('p', words, mode, sql<string>`p.title || ' ' || coalesce(p.category, '')`).as('rank'),
  ]);
  const order =
    search.sort === 'date' || words.length === 0
      ? sql`last_published_at DESC, title, id`
      : sql`rank DESC, last_published_at DESC, id`;
  const facet = (values: RawBuilder<unknown>) => sql`(
    SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY n DESC, value), '[]')
    FROM (SELECT value::text, count(*) AS n FROM ${values} WHERE value IS NOT NULL GROUP BY value) f)`;
  const perList = (column: string) => sql`m, unnest(m.${sql.raw(column)}) AS value`;
  const places = (code: RawBuilder<unknown>, name: RawBuilder<unknown>, join: RawBuilder<unknown>) => sql`(
    SELECT coalesce(json_agg(json_build_object('value', code, 'label', name, 'count', n) ORDER BY name), '[]')
    FROM (SELECT ${code} AS code, ${name} AS name, count(DISTINCT m.id) AS n
      FROM m, unnest(m.municipality_nis) AS nis JOIN municipalities mu ON mu.nis_code = nis ${join}
      GROUP BY 1, 2) f)`;
  const facets = withFacets
    ? sql`,
      ${facet(sql`(SELECT category AS value FROM m) AS c`)} AS categories,
      ${facet(perList('target_groups'))} AS target_groups,
      ${places(sql`pr.nis_code`, sql`pr.name_nl`, sql`JOIN provinces pr ON pr.nis_code = mu.province_nis`)} AS provinces,
      ${places(sql`mu.nis_code`, sql`mu.name_nl`, sql``)} AS municipalities,
      ${facet(perList('policy_domains'))} AS policy_domains,
      ${facet(perList('need_codes'))} AS needs,
      ${facet(perList('cooperation_forms'))} AS cooperation_forms,
      ${facet(sql`(SELECT evidence_step AS value FROM m) AS e`)} AS evidence_steps`
    : sql``;
  const { rows } = await sql<{
    total: string;
    page: { id: string; rank: number }[];
    categories?: FacetCount[];
    target_groups?: FacetCount[];
    provinces?: (FacetCount & { label: string })[];
    municipalities?: (FacetCount & { label: string })[];
    policy_domains?: FacetCount[];
    needs?: FacetCount[];
    cooperation_forms?: FacetCount[];
    evidence_steps?: FacetCount[];
  }>`
    WITH m AS MATERIALIZED (${matches})
    SELECT
      (SELECT count(*) FROM m) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'rank', rank)), '[]')
        FROM (SELECT id, rank FROM m ORDER BY ${order} LIMIT ${search.limit} OFFSET ${search.offset}) p
      ) AS page
      ${facets}`.execute(db);
  const r = rows[0]!;
  const facetsOut: PracticeFacets | undefined = withFacets
    ? {
        categories: r.categories!,
        targetGroups: r.target_groups!,
        provinces: r.provinces!,
        municipalities: r.municipalities!,
        policyDomains: r.policy_domains!,
        needs: r.needs!,
        cooperationForms: r.cooperation_forms!,
        evidenceSteps: r.evidence_steps!,
      }
    : undefined;
  return { total: Number(r.total), page: r.page, facets: facetsOut };
}

/** The shown columns of a page of results, in the page's order, with highlighted excerpts. */
async function pageRows(db: Kysely<DB>, page: { id: string; rank: number }[], words: QueryWord[]) {
  const rows = await db
    .selectFrom('practices as p')
    .select([
      'p.id',
      'p.title',
      'p.introduction',
      'p.category',
      'p.need_codes',
      'p.cooperation_forms',
      'p.evidence_step',
      'p.municipality_nis',
      'p.last_published_at',
      'p.last_reviewed_at',
      headline(sql`p.introduction || ' ' || p.search_body`, words).as('headline'),
    ])
    .where(
      'p.id',
      'in',
      page.map((p) => p.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.map((p) => ({ ...byId.get(p.id)!, rank: p.rank }));
}

/**
 * "Vergelijkbare praktijken": published fiches that share the most with this one (needs and category
 * count double, then cooperation forms and places); among equals, those whose title and introduction
 * read most alike (full text). Fiches that share nothing count only when their text matches.
 *
 * Two steps, because ranking the text of every fiche was most of the work: first what they share,
 * cheap on every fiche; then the text rank only for the fiches that can still make the list
 * (sharing at least as much as the last place). At Flanders scale (10,000 fiches) a list took a
 * median 60 ms in one step and 38 ms in two; working out what they share once per fiche, not in the
 * filter and the order apart, made it 1.3× faster again. The same five for 60 fiches out of 60.
 */
export async function similarPractices(
  db: Kysely<DB>,
  practice: {
    id: string;
    need_codes: string[];
    cooperation_forms: string[];
    category: string | null;
    municipality_nis: string[];
    title: string;
  },
  limit = 5,
) {
  const words = queryWords(practice.title);
  const query = sql`to_tsquery('dutch', ${words.length ? words.join(' | ') : 'x'})`;
  // How many of this fiche's codes the other one has: one containment test per code, which is far
  // cheaper per row than intersecting the two arrays.
  const count = (column: 'p.need_codes' | 'p.cooperation_forms', codes: string[]) =>
    codes.length
      ? sql.join(
          [...new Set(codes)].map((code) => sql`(${sql.ref(column)} @> ARRAY[${code}]::text[])::int`),
          sql` + `,
        )
      : sql`0`;
  const shared = sql<number>`(
    2 * (${count('p.need_codes', practice.need_codes)})
    + (${count('p.cooperation_forms', practice.cooperation_forms)})
    + CASE WHEN p.category = ${practice.category} THEN 2 ELSE 0 END
    + CASE WHEN p.municipality_nis && ${sql.val(practice.municipality_nis)}::text[] THEN 1 ELSE 0 END
  )`;
  // What each fiche shares, worked out once per fiche: OFFSET 0 keeps the subquery whole, so the
  // filter and the order below do not compute it again.
  const scored = db
    .selectFrom('practices as p')
    .select(['p.id', 'p.search_vector', shared.as('shared')])
    .where('p.status', '=', 'published')
    .where('p.id', '!=', practice.id)
    .offset(0);
  // Every fiche that shares at least as much as the one in last place (ties included).
  const candidates = await db
    .selectFrom(
      db
        .selectFrom(scored.as('s'))
        .select(['s.id', 's.shared', sql<number>`rank() OVER (ORDER BY s.shared DESC)`.as('place')])
        .where((eb) => eb.or([eb('s.shared', '>', 0), sql<SqlBool>`s.search_vector @@ ${query}`]))
        .as('r'),
    )
    .select(['r.id', 'r.shared'])
    .where('r.place', '<=', limit)
    .execute();
  if (!candidates.length) return [];
  const rows = await db
    .selectFrom('practices as p')
    .select([
      'p.id',
      'p.title',
      'p.introduction',
      sql<number>`ts_rank(p.search_vector, ${query}, 1)`.as('rank'),
    ])
    .where(
      'p.id',
      'in',
      candidates.map((c) => c.id),
    )
    .execute();
  const sharedOf = new Map(candidates.map((c) => [c.id, c.shared]));
  return rows
    .sort(
      (a, b) =>
        sharedOf.get(b.id)! - sharedOf.get(a.id)! || b.rank - a.rank || a.title.localeCompare(b.title),
    )
    .slice(0, limit)
    .map(({ id, title, introduction }) => ({ id, title, introduction }));
}

type Matchable = Parameters<typeof similarPractices>[1];
type Similar = Awaited<ReturnType<typeof similarPractices>>;

/** How long a kept similar list counts as fresh: fiches published or changed since may belong in it. */
const SIMILAR_KEPT_MS = days(1);

/**
 * The fiche's similar list as kept (migration 20261122T0900): one indexed read, leaving out fiches
 * no longer published. A fiche without one (new, or changed since) has it worked out and kept now.
 */
export async function keptSimilarPractices(db: Kysely<DB>, practice: Matchable, now: Date): Promise<Similar> {
  const { rows } = await sql<{ similar: Similar }>`
    SELECT (
      SELECT coalesce(json_agg(json_build_object('id', p.id, 'title', p.title, 'introduction', p.introduction)
        ORDER BY u.place), '[]')
      FROM unnest(s.similar_ids) WITH ORDINALITY AS u(id, place)
      JOIN practices p ON p.id = u.id AND p.status = 'published'
    ) AS similar
    FROM practice_similar s WHERE s.practice_id = ${practice.id}`.execute(db);
  return rows[0] ? rows[0].similar : keepSimilarPractices(db, practice, now);
}

async function keepSimilarPractices(db: Kysely<DB>, practice: Matchable, now: Date) {
  const similar = await similarPractices(db, practice);
  await db
    .insertInto('practice_similar')
    .values({ practice_id: practice.id, similar_ids: similar.map((s) => s.id), computed_at: now })
    .onConflict((oc) =>
      oc.column('practice_id').doUpdateSet({
        similar_ids: (eb) => eb.ref('excluded.similar_ids'),
        computed_at: (eb) => eb.ref('excluded.computed_at'),
      }),
    )
    .execute();
  return similar;
}

/**
 * Works out again the similar lists kept longer than a day and those of published fiches without
 * one, `lanes` at a time (the server runs it hourly with one; a bulk load may use more). Returns how
 * many lists it worked out.
 */
export async function refreshSimilarPractices(deps: Deps, lanes = 1): Promise<number> {
  const now = deps.clock.now();
  let done = 0;
  for (;;) {
    const due = await deps.db
      .selectFrom('practices as p')
      .leftJoin('practice_similar as s', 's.practice_id', 'p.id')
      .select(['p.id', 'p.need_codes', 'p.cooperation_forms', 'p.category', 'p.municipality_nis', 'p.title'])
      .where('p.status', '=', 'published')
      .where((eb) =>
        eb.or([
          eb('s.practice_id', 'is', null),
          eb('s.computed_at', '<', new Date(now.getTime() - SIMILAR_KEPT_MS)),
        ]),
      )
      .orderBy(sql`s.computed_at NULLS FIRST`)
      .limit(100)
      .execute();
    if (!due.length) return done;
    await Promise.all(
      Array.from({ length: lanes }, async () => {
        for (let next = due.pop(); next; next = due.pop()) {
          await keepSimilarPractices(deps.db, next, now);
          done++;
        }
      }),
    );
  }
}
