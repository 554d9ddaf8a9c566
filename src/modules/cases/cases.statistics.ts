import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { CaseKind } from './cases.table.ts';

export interface CaseCount {
  kind: CaseKind;
  need: string;
  /** A consultation's age band; '' for referrals, which record none. */
  ageBand: string;
  count: number;
}

/**
 * How many referrals and consultations were made since a day by organisations in the given
 * municipalities, per kind, need and age band: the cases still held and the anonymous counts of
 * the purged ones (a purged case is only in the counts, so nothing is counted twice). Only numbers
 * leave the module; the caller suppresses small ones before anything is published. `since` is the
 * first day of a month (the purged counts keep the month only).
 */
export async function caseCountsIn(
  deps: Deps,
  municipalities: string[],
  since: string,
): Promise<CaseCount[]> {
  if (municipalities.length === 0) return [];
  const { rows } = await sql<{ kind: CaseKind; need: string; age_band: string; count: string }>`
    SELECT kind, need, age_band, sum(n)::text AS count FROM (
      SELECT c.kind, unnest(CASE WHEN cardinality(c.needs) = 0 THEN ARRAY[''] ELSE c.needs END) AS need,
             coalesce(k.age_band, '') AS age_band, 1 AS n
        FROM cases c LEFT JOIN consultations k ON k.case_id = c.id
       WHERE c.municipality_nis = ANY(${municipalities})
         AND c.created_at >= ${since}::date
      UNION ALL
      SELECT kind, need, age_band, count AS n FROM case_statistics
       WHERE municipality_nis = ANY(${municipalities})
         AND month >= ${since}::date
    ) counted
    GROUP BY kind, need, age_band
    ORDER BY kind, need, age_band`.execute(deps.db);
  return rows.map((r) => ({ kind: r.kind, need: r.need, ageBand: r.age_band, count: Number(r.count) }));
}
