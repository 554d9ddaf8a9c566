import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { AgeGroup } from '../../platform/vocabularies.ts';

// The supply side of the region picture (regions module): which active services reach which
// municipality, per need and age group. A service reaches the municipality of its organisation,
// of each of its locations and each municipality in its service area. Its age groups follow its
// age bands (none given: its minimum and maximum age; none of those either: both groups).

const reach = sql`
  reach AS (
    SELECT s.id AS service_id, o.municipality_nis AS nis
      FROM directory_services s JOIN directory_organizations o ON o.id = s.organization_id
     WHERE o.municipality_nis IS NOT NULL
    UNION
    SELECT sal.service_id, loc.municipality_nis
      FROM directory_service_at_locations sal JOIN directory_locations loc ON loc.id = sal.location_id
     WHERE loc.municipality_nis IS NOT NULL
    UNION
    SELECT a.service_id, a.municipality_nis FROM directory_service_areas a WHERE a.municipality_nis IS NOT NULL
  ),
  cells AS (
    SELECT s.id AS service_id, need, g.age_group, s.capacity_state
      FROM directory_services s
     CROSS JOIN unnest(s.need_codes) AS need
     CROSS JOIN (VALUES ('under12'), ('12plus')) AS g (age_group)
     WHERE s.status = 'active'
       AND CASE g.age_group
             WHEN 'under12' THEN s.age_bands && ARRAY['0-2', '3-5', '6-11']
               OR (cardinality(s.age_bands) = 0 AND coalesce(s.minimum_age, 0) < 12)
             ELSE s.age_bands && ARRAY['12-17', '18+']
               OR (cardinality(s.age_bands) = 0 AND coalesce(s.maximum_age, 99) >= 12)
           END
  )`;

/** Per municipality, need and age group: how many active services reach it (every municipality that has any). */
export async function servicesPerMunicipality(deps: Deps) {
  const { rows } = await sql<{ nis: string; need: string; age_group: AgeGroup; n: string }>`
    WITH ${reach}
    SELECT r.nis, c.need, c.age_group, count(DISTINCT c.service_id)::text AS n
      FROM cells c JOIN reach r ON r.service_id = c.service_id
     GROUP BY r.nis, c.need, c.age_group`.execute(deps.db);
  return rows.map((r) => ({ nis: r.nis, need: r.need, ageGroup: r.age_group, services: Number(r.n) }));
}

/**
 * Per need and age group: the distinct active services that reach any of the municipalities, and
 * how many of them have a waiting list or are full (as their providers last said).
 */
export async function servicesReaching(deps: Deps, municipalities: string[]) {
  if (municipalities.length === 0) return [];
  const { rows } = await sql<{ need: string; age_group: AgeGroup; n: string; waiting: string; full: string }>`
    WITH ${reach},
    reaching AS (SELECT DISTINCT c.* FROM cells c JOIN reach r ON r.service_id = c.service_id
                  WHERE r.nis = ANY(${municipalities}))
    SELECT need, age_group, count(*)::text AS n,
           count(*) FILTER (WHERE capacity_state = 'waiting_list')::text AS waiting,
           count(*) FILTER (WHERE capacity_state = 'full')::text AS full
      FROM reaching GROUP BY need, age_group`.execute(deps.db);
  return rows.map((r) => ({
    need: r.need,
    ageGroup: r.age_group,
    services: Number(r.n),
    waitingList: Number(r.waiting),
    full: Number(r.full),
  }));
}

/** How many contact points (aanspreekpunten) organisations in the municipalities keep, and at how many organisations. */
export async function contactPointsIn(deps: Deps, municipalities: string[]) {
  if (municipalities.length === 0) return { contactPoints: 0, organisations: 0 };
  const row = await deps.db
    .selectFrom('directory_contacts as c')
    .innerJoin('directory_organizations as o', 'o.id', 'c.organization_id')
    .select([
      sql<string>`count(*)::text`.as('n'),
      sql<string>`count(DISTINCT o.id)::text`.as('organisations'),
    ])
    .where('o.municipality_nis', 'in', municipalities)
    .executeTakeFirstOrThrow();
  return { contactPoints: Number(row.n), organisations: Number(row.organisations) };
}
