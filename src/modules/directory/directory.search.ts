import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

export interface ServiceSearch {
  q?: string | undefined;
  needs?: string[];
  ageBands?: string[];
  municipality?: string | undefined;
  referralMethods?: string[];
  languages?: string[];
  freeOnly?: boolean;
  /** Sort by distance from this point (a municipality centre or a school). */
  near?: { latitude: number; longitude: number } | undefined;
  /** Only within this many kilometres of `near`. */
  withinKm?: number | undefined;
  limit: number;
  offset: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Words of a query: lower case, no accents, letters and digits only. */
export function queryWords(q: string): string[] {
  return q
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
}

// Highlights are marked with control characters, not HTML: the view turns them into <mark>
// elements, so text from the database is always escaped.
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';
const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxWords=30, MinWords=12, ShortWord=2`;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A query word with its Dutch stem, looked up once so every pattern below is a constant. */
interface QueryWord {
  word: string;
  stem: string;
}

async function stemWords(db: Kysely<DB>, words: string[]): Promise<QueryWord[]> {
  if (words.length === 0) return [];
  const { rows } = await sql<QueryWord>`
    SELECT w AS word, coalesce((ts_lexize('dutch_stem', w))[1], w) AS stem
    FROM unnest(${sql.val(words)}::text[]) AS w`.execute(db);
  return rows;
}

/**
 * How the words must match: `all` or `any` of them, and `exact` (the Dutch full-text stem, or a
 * piece of a compound such as "school" in "basisscholen" through the stored stems) or `near`
 * (trigram word similarity, for typing errors). Each way can use an index (GIN on the tsvector,
 * GIN trigram on the stems). `near` rechecks long texts, so it is only tried when exact finds nothing.
 */
export interface MatchMode {
  words: 'all' | 'any';
  spelling: 'exact' | 'near';
}

function textMatch(words: QueryWord[], mode: MatchMode): Expression<SqlBool> {
  const perWord = words.map(({ word, stem }) =>
    mode.spelling === 'exact'
      ? sql<SqlBool>`(
          s.search_vector @@ plainto_tsquery('dutch', ${word})
          OR s.search_stems LIKE ${`%${escapeLike(word)}%`}
          OR s.search_stems LIKE ${`%${escapeLike(stem)}%`}
        )`
      : sql<SqlBool>`(${word} <% s.search_stems)`,
  );
  return sql<SqlBool>`(${sql.join(perWord, mode.words === 'all' ? sql` AND ` : sql` OR `)})`;
}

// Exact matches rank by full text (weights: name, organisation, texts, need names; normalised by
// document length so a short entry about the subject beats a long one that mentions it); near
// matches rank by how close the spelling is.
function rank(words: QueryWord[], mode: MatchMode): RawBuilder<number> {
  if (words.length === 0) return sql<number>`0`;
  const text = words.map((w) => w.word).join(' ');
  return mode.spelling === 'exact'
    ? sql<number>`ts_rank(s.search_vector, plainto_tsquery('dutch', ${text}), 1)`
    : sql<number>`word_similarity(${text}, s.search_stems)`;
}

// Great-circle distance in km between the service's location and a point (haversine).
const distanceKm = (p: { latitude: number; longitude: number }) => sql<number>`(
  6371 * 2 * asin(sqrt(
    power(sin(radians(l.latitude - ${p.latitude}) / 2), 2) +
    cos(radians(${p.latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${p.longitude}) / 2), 2)
  ))
)`;

function filtered(db: Kysely<DB>, search: ServiceSearch, words: QueryWord[], mode: MatchMode) {
  let query = db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    // The service's first location: where distance is measured from.
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
    .where('s.status', '=', 'active');
  if (words.length) query = query.where(textMatch(words, mode));
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
  if (search.municipality) {
    query = query.where((eb) =>
      eb.or([
        eb('l.municipality_nis', '=', search.municipality!),
        eb('o.municipality_nis', '=', search.municipality!),
      ]),
    );
  }
  if (search.near && search.withinKm)
    query = query.where(sql<SqlBool>`${distanceKm(search.near)} <= ${search.withinKm}`);
  return query;
}

// Tried in this order until one finds something: a parent who types one word we do not know, or
// misspells one, still finds the rest.
const matchModes: MatchMode[] = [
  { words: 'all', spelling: 'exact' },
  { words: 'any', spelling: 'exact' },
  { words: 'all', spelling: 'near' },
  { words: 'any', spelling: 'near' },
];

export async function searchServices(db: Kysely<DB>, search: ServiceSearch) {
  const words = await stemWords(db, queryWords(search.q ?? ''));
  const modes =
    words.length === 0
      ? matchModes.slice(0, 1)
      : matchModes.filter((m) => words.length > 1 || m.words === 'all');
  let result = {
    rows: [] as Awaited<ReturnType<typeof searchServicesMatching>>['rows'],
    total: 0,
    match: { words, mode: modes[0]! },
  };
  for (const mode of modes) {
    result = { ...(await searchServicesMatching(db, search, words, mode)), match: { words, mode } };
    if (result.total > 0) break;
  }
  return result;
}

async function searchServicesMatching(
  db: Kysely<DB>,
  search: ServiceSearch,
  words: QueryWord[],
  mode: MatchMode,
) {
  const query = filtered(db, search, words, mode);
  const byDistance = Boolean(search.near) && words.length === 0;
  const distance = search.near ? distanceKm(search.near) : sql<number | null>`null::float8`;
  // First the page of ids in order; only then the heavier columns (ts_headline) for those rows.
  const page = query
    .select(['s.id', 's.name', rank(words, mode).as('rank'), distance.as('distanceKm')])
    .orderBy(byDistance ? sql`${distance}` : sql`rank`, byDistance ? 'asc' : 'desc')
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(search.limit)
    .offset(search.offset)
    .as('p');
  const rows = await db
    .selectFrom(page)
    .innerJoin('directory_services as s', 's.id', 'p.id')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select([
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
      'p.rank',
      'p.distanceKm',
      words.length
        ? sql<string>`ts_headline('dutch', s.description, plainto_tsquery('dutch', ${words.map((w) => w.word).join(' ')}), ${HEADLINE_OPTIONS})`.as(
            'headline',
          )
        : sql<string>`left(s.description, 200)`.as('headline'),
    ])
    .orderBy(byDistance ? 'p.distanceKm' : 'p.rank', byDistance ? 'asc' : 'desc')
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Counts per facet value over the set a search matched (`match` as `searchServices` returned it). */
export async function serviceFacets(
  db: Kysely<DB>,
  search: ServiceSearch,
  match: { words: QueryWord[]; mode: MatchMode },
) {
  const query = filtered(db, search, match.words, match.mode);
  const ids = query.select('s.id');
  const arrayFacet = async (
    column: 'need_codes' | 'age_bands' | 'referral_methods',
  ): Promise<FacetCount[]> => {
    const values = db
      .selectFrom('directory_services')
      .select(sql<string>`unnest(${sql.ref(column)})`.as('value'))
      .where('id', 'in', ids)
      .as('u');
    const rows = await db
      .selectFrom(values)
      .select(['u.value', sql<number>`count(*)`.as('count')])
      .groupBy('u.value')
      .orderBy('u.value')
      .execute();
    return rows.map((r) => ({ value: r.value, count: Number(r.count) }));
  };
  const municipalities = await db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .innerJoin('municipalities as m', 'm.nis_code', 'o.municipality_nis')
    .select(['m.nis_code as value', 'm.name_nl as label', sql<number>`count(*)`.as('count')])
    .where('s.id', 'in', ids)
    .groupBy(['m.nis_code', 'm.name_nl'])
    .orderBy('m.name_nl')
    .execute();
  return {
    needs: await arrayFacet('need_codes'),
    ageBands: await arrayFacet('age_bands'),
    referralMethods: await arrayFacet('referral_methods'),
    municipalities: municipalities.map((m) => ({ value: m.value, label: m.label, count: Number(m.count) })),
  };
}
