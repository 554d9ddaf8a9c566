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

/**
 * Every query word must match, in one of three ways: the Dutch full-text stem, a piece of a
 * compound ("school" in "basisscholen", through the stored stems), or a near spelling (trigram
 * word similarity, for typing errors).
 */
function textMatch(words: string[], mode: 'all' | 'any'): Expression<SqlBool> {
  const perWord = words.map(
    (w) => sql<SqlBool>`(
      s.search_vector @@ plainto_tsquery('dutch', ${w})
      OR s.search_stems LIKE ${`%${escapeLike(w)}%`}
      OR s.search_stems LIKE '%' || coalesce((ts_lexize('dutch_stem', ${w}))[1], ${w}) || '%'
      OR ${w} <% s.search_stems
    )`,
  );
  return sql<SqlBool>`(${sql.join(perWord, mode === 'all' ? sql` AND ` : sql` OR `)})`;
}

function rank(words: string[]): RawBuilder<number> {
  if (words.length === 0) return sql<number>`0`;
  const text = words.join(' ');
  return sql<number>`(
    ts_rank(s.search_vector, plainto_tsquery('dutch', ${text})) * 4
    + word_similarity(${text}, s.search_stems)
  )`;
}

// Great-circle distance in km between the service's location and a point (haversine).
const distanceKm = (p: { latitude: number; longitude: number }) => sql<number>`(
  6371 * 2 * asin(sqrt(
    power(sin(radians(l.latitude - ${p.latitude}) / 2), 2) +
    cos(radians(${p.latitude})) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - ${p.longitude}) / 2), 2)
  ))
)`;

function filtered(db: Kysely<DB>, search: ServiceSearch, mode: 'all' | 'any') {
  const words = queryWords(search.q ?? '');
  let query = db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('directory_service_at_locations as sal')
          .innerJoin('directory_locations as loc', 'loc.id', 'sal.location_id')
          .select(['sal.service_id', 'loc.latitude', 'loc.longitude', 'loc.municipality_nis'])
          .distinctOn('sal.service_id')
          .orderBy('sal.service_id')
          .as('l'),
      (join) => join.onRef('l.service_id', '=', 's.id'),
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
  return { query, words };
}

/**
 * Entries matching every word; when none do, entries matching any word, best first (a parent who
 * types one word we do not know still finds the rest).
 */
export async function searchServices(db: Kysely<DB>, search: ServiceSearch) {
  const all = await searchServicesMatching(db, search, 'all');
  if (all.total > 0 || queryWords(search.q ?? '').length < 2) return { ...all, broadened: false };
  return { ...(await searchServicesMatching(db, search, 'any')), broadened: true };
}

async function searchServicesMatching(db: Kysely<DB>, search: ServiceSearch, mode: 'all' | 'any') {
  const { query, words } = filtered(db, search, mode);
  const rows = await query
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
      'l.latitude',
      'l.longitude',
      'l.municipality_nis as municipalityNis',
      rank(words).as('rank'),
      (search.near ? distanceKm(search.near) : sql<number | null>`null::float8`).as('distanceKm'),
      words.length
        ? sql<string>`ts_headline('dutch', s.description, plainto_tsquery('dutch', ${words.join(' ')}), ${HEADLINE_OPTIONS})`.as(
            'headline',
          )
        : sql<string>`left(s.description, 200)`.as('headline'),
    ])
    .orderBy(
      search.near && !words.length ? sql`${distanceKm(search.near)}` : sql`rank`,
      search.near && !words.length ? 'asc' : 'desc',
    )
    .orderBy('s.name')
    .orderBy('s.id')
    .limit(search.limit)
    .offset(search.offset)
    .execute();
  const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

/** Counts per facet value over the matching set, for the filter sidebar. */
export async function serviceFacets(db: Kysely<DB>, search: ServiceSearch, broadened: boolean) {
  const { query } = filtered(db, search, broadened ? 'any' : 'all');
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
