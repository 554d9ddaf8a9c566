import { stringify } from 'csv-stringify/sync';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { type NeighbourhoodStatus, neighbourhoodStatuses } from '../directory/directory.table.ts';
import { type Dimension, dimensionsOf, type Exercise, type SetContent } from './question-set.ts';
import type { SessionPartner } from './reflection.table.ts';
import * as repo from './reflection.repository.ts';
import { MIN_PARTICIPANTS } from './reflection.service.ts';

// What a session's facilitator sees once it is closed: only counts per exercise and value, the
// open answers in an order that says nothing, and means per dimension. Never a participant's row.

export const SCALE = [1, 2, 3, 4, 5] as const;

export interface StatementResult {
  exercise: Exercise;
  /** How many chose 1 … 5. */
  counts: number[];
  answered: number;
  mean: number | null;
}

export interface DimensionResult {
  dimension: Dimension;
  /** Mean of all statement answers in the dimension, 1 … 5; null when nobody answered one. */
  mean: number | null;
  statements: StatementResult[];
  endings: { exercise: Exercise; counts: { ending: string; count: number }[] }[];
  open: { exercise: Exercise; answers: string[] }[];
  neighbourhood: {
    exercise: Exercise;
    partners: { partner: SessionPartner; counts: Record<NeighbourhoodStatus, number> }[];
  }[];
}

export interface SessionResults {
  participants: number;
  /** False below MIN_PARTICIPANTS: then `dimensions` is empty and nothing is shown. */
  enough: boolean;
  dimensions: DimensionResult[];
}

const round = (n: number) => Math.round(n * 100) / 100;
/** The sum of the values given, from the counts of 1 … 5. */
const scoreSum = (counts: number[]) => counts.reduce((sum, c, i) => sum + c * (i + 1), 0);

export async function sessionResults(
  db: Kysely<DB>,
  session: { id: string; dimensions: string[]; partners: SessionPartner[] },
  content: SetContent,
): Promise<SessionResults> {
  const participants = await repo.countParticipants(db, session.id);
  if (participants < MIN_PARTICIPANTS) return { participants, enough: false, dimensions: [] };
  const [counted, openAnswers] = await Promise.all([
    repo.countAnswers(db, session.id),
    repo.findOpenAnswers(db, session.id),
  ]);
  const count = (exerciseId: string, match: (row: (typeof counted)[number]) => boolean) =>
    counted.filter((r) => r.exercise_id === exerciseId && match(r)).reduce((sum, r) => sum + Number(r.n), 0);

  const dimensions = dimensionsOf(content, session.dimensions).map((dimension): DimensionResult => {
    const of = (type: Exercise['type']) => dimension.exercises.filter((e) => e.type === type);
    const statements = of('scale').map((exercise) => {
      const counts = SCALE.map((v) => count(exercise.id, (r) => r.scale === v));
      const answered = counts.reduce((a, b) => a + b, 0);
      return { exercise, counts, answered, mean: answered ? round(scoreSum(counts) / answered) : null };
    });
    const answered = statements.reduce((sum, s) => sum + s.answered, 0);
    const total = statements.reduce((sum, s) => sum + scoreSum(s.counts), 0);
    return {
      dimension,
      mean: answered ? round(total / answered) : null,
      statements,
      endings: of('endings').map((exercise) => ({
        exercise,
        counts: (exercise.endings ?? []).map((ending, i) => ({
          ending,
          count: count(exercise.id, (r) => r.choice === String(i + 1)),
        })),
      })),
      open: of('open').map((exercise) => ({
        exercise,
        answers: openAnswers.filter((a) => a.exercise_id === exercise.id).map((a) => a.text!),
      })),
      neighbourhood:
        session.partners.length === 0
          ? []
          : of('neighbourhood').map((exercise) => ({
              exercise,
              partners: session.partners.map((partner) => ({
                partner,
                counts: Object.fromEntries(
                  neighbourhoodStatuses.map((status) => [
                    status,
                    count(exercise.id, (r) => r.partner_id === partner.id && r.choice === status),
                  ]),
                ) as Record<NeighbourhoodStatus, number>,
              })),
            })),
    };
  });
  return { participants, enough: true, dimensions };
}

/** The dimensions with the lowest means, weakest first: where the team wants to act. */
export function weakestDimensions(results: SessionResults, howMany = 2): DimensionResult[] {
  return results.dimensions
    .filter((d) => d.mean !== null)
    .sort((a, b) => a.mean! - b.mean!)
    .slice(0, howMany);
}

export interface DimensionChange {
  code: string;
  title: string;
  before: number | null;
  after: number | null;
  change: number | null;
}

/** Per dimension asked in both sessions: the mean before (the earlier session), after, and the change. */
export function compareResults(before: SessionResults, after: SessionResults): DimensionChange[] {
  return after.dimensions.flatMap((d) => {
    const earlier = before.dimensions.find((b) => b.dimension.code === d.dimension.code);
    if (!earlier) return [];
    const change = earlier.mean !== null && d.mean !== null ? round(d.mean - earlier.mean) : null;
    return [
      { code: d.dimension.code, title: d.dimension.title, before: earlier.mean, after: d.mean, change },
    ];
  });
}

/**
 * The aggregated results as CSV: one row per statement value, ending, and partner mark, with the
 * dimension means. Open answers are left out: they are one person's words.
 */
export function resultsCsv(results: SessionResults, labels: { status: (s: NeighbourhoodStatus) => string }) {
  const rows: (string | number)[][] = [['dimensie', 'oefening', 'tekst', 'waarde', 'aantal', 'gemiddelde']];
  rows.push(['', '', 'deelnemers', '', results.participants, '']);
  for (const d of results.dimensions) {
    rows.push([d.dimension.code, '', d.dimension.title, '', '', d.mean ?? '']);
    for (const s of d.statements)
      s.counts.forEach((c, i) =>
        rows.push([d.dimension.code, s.exercise.id, s.exercise.text, i + 1, c, s.mean ?? '']),
      );
    for (const e of d.endings)
      for (const c of e.counts)
        rows.push([d.dimension.code, e.exercise.id, e.exercise.text, c.ending, c.count, '']);
    for (const n of d.neighbourhood)
      for (const p of n.partners)
        for (const status of neighbourhoodStatuses)
          rows.push([
            d.dimension.code,
            n.exercise.id,
            p.partner.name,
            labels.status(status),
            p.counts[status],
            '',
          ]);
  }
  return stringify(rows);
}
