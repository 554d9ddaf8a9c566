import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
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
import { boundingBox, haversineKm, type Point } from '../../platform/search/geo.ts';

export interface ServiceSearch {
  q?: string | undefined;
  needs?: string[];
  ageBands?: string[];
  municipality?: string | undefined;
  referralMethods?: string[];
  languages?: string[];
  /** Organisation kinds (ARCHITECTURE §3 organisation types). */
  kinds?: string[];
  /** Welfare clusters 1, 2, 3. */
  clusters?: number[];
  /** Open at this moment (weekday code MO…SU and time HH:MM, Belgian time). */
  openAt?: { day: string; time: string } | undefined;
  freeOnly?: boolean;
  /** Sort by distance from this point (a municipality centre or a school). */
  near?: Point | undefined;
  /** Only within this many kilometres of `near`. */
  withinKm?: number | undefined;
  limit: number;
  offset: number;
}

// Locations of the service `s`: the places it is offered.
const serviceLocations = sql`directory_service_at_locations sal
  JOIN directory_locations loc ON loc.id = sal.location_id`;

/** The distance from the point to the nearest place the service is offered. */
const distanceKm = (p: Point) =>
  sql<number>`(SELECT min(${haversineKm(p, 'loc')}) FROM ${serviceLocations} WHERE sal.service_id = s.id)`;

/** Services offered within `km` of the point: a bounding box first (indexed), then the exact distance. */
function offeredWithin(p: Point, km: number) {
  const box = boundingBox(p, km);
  return sql<SqlBool>`s.id IN (SELECT sal.service_id FROM ${serviceLocations}
    WHERE loc.latitude BETWEEN ${box.latitude[0]} AND ${box.latitude[1]}
      AND loc.longitude BETWEEN ${box.longitude[0]} AND ${box.longitude[1]}
      AND ${haversineKm(p, 'loc')} <= ${km})`;
}

function filtered(db: Kysely<DB>, search: ServiceSearch, words: QueryWord[], mode: MatchMode) {
  let query = db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .where('s.status', '=', 'active');
  if (words.length) query = query.where(textMatch('s', words, mode));
  if (search.needs?.length)
    query = query.where(sql<SqlBool>`s.need_codes && ${sql.val(search.needs)}::text[]`);
  if (search.ageBands?.length)
    query = query.where(sql<SqlBool>`s.age_bands && ${sql.val(search.ageBands)}::text[]`);
  if (search.referralMethods?.length) {
    query = query.where(sql<SqlBool>`s.referral_methods && ${sql.val(search.referralMethods)}::text[]`);
  }
  if (search.languages?.length) {
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('directory_languages as dl')
          .select('dl.id')
          .whereRef('dl.service_id', '=', 's.id')
          .where('dl.code', 'in', search.languages!),
      ),
    );
  }
  if (search.freeOnly) query = query.where('s.free_of_charge', '=', true);
  if (search.openAt) {
    // Opening hours of the service itself or of a place where it is offered.
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM directory_schedules sch
        WHERE (sch.service_id = s.id OR sch.location_id IN (
            SELECT sal.location_id FROM directory_service_at_locations sal WHERE sal.service_id = s.id))
          AND ${search.openAt.day} = ANY (string_to_array(sch.byday, ','))
          AND sch.opens_at <= ${search.openAt.time}::time AND sch.closes_at > ${search.openAt.time}::time)`,
    );
  }
  if (search.kinds?.length) query = query.where('o.kind', 'in', search.kinds);
  if (search.clusters?.length) query = query.where('o.welfare_cluster', 'in', search.clusters);
  if (search.municipality) {
    query = query.where(
      sql<SqlBool>`(o.municipality_nis = ${search.municipality} OR s.id IN (
        SELECT sal.service_id FROM ${serviceLocations} WHERE loc.municipality_nis = ${search.municipality}))`,
    );
  }
  if (search.near && search.withinKm) query = query.where(offeredWithin(search.near, search.withinKm));
  return query;
}

export interface ServiceFacets {
  needs: FacetCount[];
  ageBands: FacetCount[];
  referralMethods: FacetCount[];
  kinds: FacetCount[];
  clusters: FacetCount[];
  languages: FacetCount[];
  municipalities: (FacetCount & { label: string })[];
}

/**
 * Searches the directory: the page of results in order, the total, and (for the search page) the
 * counts per facet value. The set of matching services is computed once, in one statement, and
 * paging, counting and facets all read from it.
 */
export async function searchServices(
  db: Kysely<DB>,
  search: ServiceSearch,
  options: { facets?: boolean } = {},
) {
  const words = await stemWords(db, queryWords(search.q ?? ''), 'directory_search_words');
  let found: Awaited<ReturnType<typeof matchingSet>> | undefined;
  for (const mode of matchModesFor(words)) {
    found = await matchingSet(db, search, words, mode, options.facets ?? false);
    if (found.total > 0) break;
  }
  const { total, page, facets } = found!;
  const rows = page.length ? await pageRows(db, page, words) : [];
  return { rows, total, facets };
}

interface PageEntry {
  id: string;
  rank: number;
  distanceKm: number | null;
}

async function matchingSet(
  db: Kysely<DB>,
  search: ServiceSearch,
  words: QueryWord[],
  mode: MatchMode,
  withFacets: boolean,
) {
  const byDistance = Boolean(search.near) && words.length === 0;
  const distance = search.near ? distanceKm(search.near) : sql<number | null>`null::float8`;
  const matches = filtered(db, search, words, mode).select([
    's.id',
    's.name',
    's.need_codes',
    's.age_bands',
    's.referral_methods',
    'o.municipality_nis',
    'o.kind',
    'o.welfare_cluster',
    textRank('s', words, mode, sql<string>`s.name`).as('rank'),
    distance.as('distance_km'),
  ]);
  const order = byDistance ? sql`distance_km ASC, name, id` : sql`rank DESC, name, id`;
  // Counts per value over the matching set: `values` gives the value(s) of each match.
  const facet = (values: RawBuilder<unknown>) => sql`(
    SELECT coalesce(json_agg(json_build_object('value', value, 'count', n) ORDER BY value), '[]')
    FROM (SELECT value::text, count(*) AS n FROM ${values} WHERE value IS NOT NULL GROUP BY value) f)`;
  const perList = (column: string) => sql`m, unnest(m.${sql.raw(column)}) AS value`;
  const facets = withFacets
    ? sql`,
      ${facet(perList('need_codes'))} AS needs,
      ${facet(perList('age_bands'))} AS age_bands,
      ${facet(perList('referral_methods'))} AS referral_methods,
      ${facet(sql`(SELECT kind AS value FROM m) AS k`)} AS kinds,
      ${facet(sql`(SELECT welfare_cluster AS value FROM m) AS c`)} AS clusters,
      ${facet(sql`(SELECT DISTINCT m.id, dl.code AS value FROM m JOIN directory_languages dl ON dl.service_id = m.id) AS l`)} AS languages,
      (SELECT coalesce(json_agg(json_build_object('value', nis_code, 'label', name_nl, 'count', n) ORDER BY name_nl), '[]')
        FROM (SELECT mu.nis_code, mu.name_nl, count(*) AS n FROM m
          JOIN municipalities mu ON mu.nis_code = m.municipality_nis GROUP BY mu.nis_code, mu.name_nl) f
      ) AS municipalities`
    : sql``;
  const { rows } = await sql<{
    total: string;
    page: PageEntry[];
    needs?: FacetCount[];
    age_bands?: FacetCount[];
    referral_methods?: FacetCount[];
    kinds?: FacetCount[];
    clusters?: FacetCount[];
    languages?: FacetCount[];
    municipalities?: (FacetCount & { label: string })[];
  }>`
    WITH m AS MATERIALIZED (${matches})
    SELECT
      (SELECT count(*) FROM m) AS total,
      (SELECT coalesce(json_agg(json_build_object('id', id, 'rank', rank, 'distanceKm', distance_km)), '[]')
        FROM (SELECT id, rank, distance_km FROM m ORDER BY ${order} LIMIT ${search.limit} OFFSET ${search.offset}) p
      ) AS page
      ${facets}`.execute(db);
  const r = rows[0]!;
  return {
    total: Number(r.total),
    page: r.page,
    facets: withFacets
      ? {
          needs: r.needs!,
          ageBands: r.age_bands!,
          referralMethods: r.referral_methods!,
          kinds: r.kinds!,
          clusters: r.clusters!,
          languages: r.languages!,
          municipalities: r.municipalities!,
        }
      : undefined,
  };
}

/** The shown columns of one page of results, in the page's order, with highlighted excerpts. */
async function pageRows(db: Kysely<DB>, page: PageEntry[], words: QueryWord[]) {
  const rows = await db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    // Where the service is offered (its first place), for the map.
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_locations as loc', 'loc.id', 'sal.location_id')
          .select(['loc.latitude', 'loc.longitude', 'loc.municipality_nis'])
          .whereRef('sal.service_id', '=', 's.id')
          .orderBy('sal.id')
          .limit(1)
          .as('l'),
      (join) => join.onTrue(),
    )
    .select([
      'l.latitude',
      'l.longitude',
      sql<string | null>`coalesce(l.municipality_nis, o.municipality_nis)`.as('municipalityNis'),
      's.id',
      's.name',
      's.description',
      's.need_codes',
      's.age_bands',
      's.referral_methods',
      's.free_of_charge',
      's.capacity_state',
      's.expected_wait_weeks',
      's.last_verified_at',
      'o.id as organizationId',
      'o.name as organizationName',
      'o.kind as organizationKind',
      headline(sql.ref('s.description'), words).as('headline'),
    ])
    .where(
      's.id',
      'in',
      page.map((p) => p.id),
    )
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.map((p) => ({ ...byId.get(p.id)!, rank: p.rank, distanceKm: p.distanceKm }));
}

const weekdays = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The weekday code and time of a moment in Belgium, as the openAt filter wants them. */
export function belgianMoment(moment: Date): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Brussels',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = weekdays[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'))]!;
  return { day, time: `${part('hour')}:${part('minute')}` };
}

/** The directory's generation: it moves on every write to what search reads (migration 1020). */
export const readDirectoryGeneration = (db: Kysely<DB>) => () =>
  db
    .selectFrom('directory_state')
    .select('generation')
    .executeTakeFirstOrThrow()
    .then((row) => String(row.generation));
