import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

// Dutch full-text search shared by the modules that search (ARCHITECTURE §5): the Dutch
// configuration on unaccented text, stems kept as plain text under a trigram index for compounds
// ("school" in "basisscholen"), and a module's list of known words for typing errors. A searched
// table has `search_vector tsvector` and `search_stems text` columns; its module keeps a vocabulary
// table `(word text primary key)` with a trigram index.

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
export const HEADLINE_OPTIONS = `StartSel="${HIGHLIGHT_START}", StopSel="${HIGHLIGHT_END}", MaxWords=30, MinWords=12, ShortWord=2`;

export const withoutHighlights = (s: string) =>
  s.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * A query word with its Dutch stem, and the known words spelt nearly like it (for typing errors),
 * looked up once so every pattern below is a constant.
 */
export interface QueryWord {
  word: string;
  stem: string;
  nearWords: string[];
}

export type Vocabulary = 'directory_search_words' | 'practice_search_words';

export async function stemWords(
  db: Kysely<DB>,
  words: string[],
  vocabulary: Vocabulary,
): Promise<QueryWord[]> {
  if (words.length === 0) return [];
  const { rows } = await sql<QueryWord>`
    SELECT w AS word, coalesce((ts_lexize('dutch_stem', w))[1], w) AS stem,
      ARRAY(SELECT k.word FROM ${sql.table(vocabulary)} k WHERE k.word % w AND k.word <> w
        ORDER BY k.word <-> w, k.word LIMIT 5) AS "nearWords"
    FROM unnest(${sql.val(words)}::text[]) AS w`.execute(db);
  return rows;
}

/**
 * How the words must match: `all` or `any` of them, and `exact` (the Dutch full-text stem, or a
 * piece of a compound such as "school" in "basisscholen" through the stored stems) or `near` (one
 * of the known words spelt most like it: trigram similarity on the short list of known words, then
 * the same substring match). Both use the GIN indexes (tsvector, trigram on the stems); `near` is
 * only tried when exact finds nothing.
 */
export interface MatchMode {
  words: 'all' | 'any';
  spelling: 'exact' | 'near';
}

// Tried in this order until one finds something: someone who types one word we do not know, or
// misspells one, still finds the rest.
const matchModes: MatchMode[] = [
  { words: 'all', spelling: 'exact' },
  { words: 'any', spelling: 'exact' },
  { words: 'all', spelling: 'near' },
  { words: 'any', spelling: 'near' },
];

/** The match modes worth trying for these words, in order. */
export function matchModesFor(words: QueryWord[]): MatchMode[] {
  if (words.length === 0) return matchModes.slice(0, 1);
  return matchModes.filter(
    (m) =>
      (words.length > 1 || m.words === 'all') &&
      (m.spelling === 'exact' || words.some((w) => w.nearWords.length > 0)),
  );
}

/** The text condition on the table aliased `alias`. */
export function textMatch(alias: string, words: QueryWord[], mode: MatchMode): Expression<SqlBool> {
  const stems = sql.ref(`${alias}.search_stems`);
  const contains = (word: string) => sql<SqlBool>`${stems} LIKE ${`%${escapeLike(word)}%`}`;
  const perWord = words.map(({ word, stem, nearWords }) =>
    mode.spelling === 'exact'
      ? sql<SqlBool>`(
          ${sql.ref(`${alias}.search_vector`)} @@ plainto_tsquery('dutch', ${word})
          OR ${contains(word)}
          OR ${contains(stem)}
        )`
      : nearWords.length
        ? sql<SqlBool>`(${sql.join(nearWords.map(contains), sql` OR `)})`
        : sql<SqlBool>`false`,
  );
  return sql<SqlBool>`(${sql.join(perWord, mode.words === 'all' ? sql` AND ` : sql` OR `)})`;
}

// Matches rank by full text (weights per field, normalised by document length so a short text
// about the subject beats a long one that mentions it), plus a bonus for each query word whose stem
// is part of the `title` (so "kosten school" puts "Schoolkostenloket" first: compounds carry no
// full-text rank of their own). Near matches rank by the known words they were matched on.
export function textRank(
  alias: string,
  words: QueryWord[],
  mode: MatchMode,
  title: RawBuilder<string>,
): RawBuilder<number> {
  if (words.length === 0) return sql<number>`0`;
  const vector = sql.ref(`${alias}.search_vector`);
  const used = mode.spelling === 'exact' ? words.map((w) => w.stem) : words.flatMap((w) => w.nearWords);
  const inTitle = sql.join(
    used.map(
      (w) => sql`(CASE WHEN strpos(lower(brugwerk_unaccent(${title})), ${w}) > 0 THEN 0.1 ELSE 0 END)`,
    ),
    sql` + `,
  );
  const text = (mode.spelling === 'exact' ? words.map((w) => w.word) : used).join(' ');
  const fullText =
    mode.spelling === 'exact'
      ? sql<number>`ts_rank(${vector}, plainto_tsquery('dutch', ${text}), 1)`
      : sql<number>`ts_rank(${vector}, to_tsquery('dutch', ${text.split(' ').join(' | ')}), 1)`;
  return sql<number>`(${fullText} + ${inTitle})`;
}

/** An excerpt of `column` with the query words marked, or its start when there is no query. */
export function headline(column: RawBuilder<string> | ReturnType<typeof sql.ref>, words: QueryWord[]) {
  return words.length
    ? sql<string>`ts_headline('dutch', ${column}, plainto_tsquery('dutch', ${words.map((w) => w.word).join(' ')}), ${HEADLINE_OPTIONS})`
    : sql<string>`left(${column}, 200)`;
}
