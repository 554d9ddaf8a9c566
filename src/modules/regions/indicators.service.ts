import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import type { indicatorAgeGroups, indicatorCombinations } from './regions.table.ts';

/** What an indicator measures and how the gap analysis reads it. */
export interface IndicatorDefinition {
  code: string;
  nameNl: string;
  nameFr: string | null;
  unit: string;
  combine: (typeof indicatorCombinations)[number];
  higherMeansMoreNeed: boolean;
  ageGroup: (typeof indicatorAgeGroups)[number];
  needs: string[];
}

/** A row the import refuses, by its line in the file (the header is line 1). */
export interface ImportProblem {
  line: number;
  problem: 'missing_columns' | 'unknown_nis' | 'duplicate' | 'not_a_number' | 'merged_and_new' | 'empty_file';
  nis?: string;
  value?: string;
}

export type ImportResult =
  { ok: true; rows: number; changed: number; mergedFrom: number } | { ok: false; problems: ImportProblem[] };

const nisColumns = ['nis', 'nis_code', 'niscode', 'nis-code'];
const valueColumns = ['waarde', 'value', 'valeur'];

/** A number as Belgian spreadsheets write it too: "12,5" or "12.5", spaces as thousands separators. */
function readNumber(raw: string): number | null {
  const compact = raw.replace(/[\s\u00a0]/g, '');
  const normal = /^-?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^-?\d+(\.\d+)?$/.test(normal)) return null;
  return Number(normal);
}

/**
 * Imports one indicator's values for one year from a CSV file (columns `nis` and `waarde`; comma or
 * semicolon separated). Every row is checked first: an unknown NIS code, a municipality given twice
 * or a value that is not a number refuses the whole file with the list of problems, and nothing is
 * stored. A valid file replaces that indicator's values for that year as one whole. Codes from before
 * the 2025 mergers are mapped to their new municipality, their values combined as the indicator
 * says (counts add up, shares and indices average). Importing the same file again changes nothing.
 */
export async function importIndicatorCsv(
  deps: Deps,
  actor: Actor,
  input: { indicator: IndicatorDefinition; year: number; source: string; csv: string },
): Promise<ImportResult> {
  const firstLine = input.csv.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(input.csv, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch {
    return { ok: false, problems: [{ line: 1, problem: 'missing_columns' }] };
  }
  const header = Object.keys(records[0] ?? {});
  const nisColumn = nisColumns.find((c) => header.includes(c));
  const valueColumn = valueColumns.find((c) => header.includes(c));
  if (records.length === 0) return { ok: false, problems: [{ line: 1, problem: 'empty_file' }] };
  if (!nisColumn || !valueColumn) return { ok: false, problems: [{ line: 1, problem: 'missing_columns' }] };

  const [municipalities, mergers] = await Promise.all([
    deps.db.selectFrom('municipalities').select('nis_code').execute(),
    deps.db.selectFrom('municipality_mergers').select(['old_nis', 'new_nis']).execute(),
  ]);
  const current = new Set(municipalities.map((m) => m.nis_code));
  const mergedInto = new Map(mergers.map((m) => [m.old_nis, m.new_nis]));

  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  /** Per 2025 municipality: the values given for it, and whether it was given under its own code. */
  const byMunicipality = new Map<string, { values: number[]; direct: boolean; line: number }>();
  records.forEach((record, i) => {
    const line = i + 2;
    const nis = (record[nisColumn] ?? '').trim();
    const raw = (record[valueColumn] ?? '').trim();
    const value = readNumber(raw);
    if (value === null) problems.push({ line, problem: 'not_a_number', nis, value: raw });
    if (seen.has(nis)) {
      problems.push({ line, problem: 'duplicate', nis });
      return;
    }
    seen.set(nis, line);
    const target = current.has(nis) ? nis : mergedInto.get(nis);
    if (!target) {
      problems.push({ line, problem: 'unknown_nis', nis });
      return;
    }
    const entry = byMunicipality.get(target) ?? { values: [], direct: false, line };
    if (target === nis) entry.direct = true;
    if (value !== null) entry.values.push(value);
    byMunicipality.set(target, entry);
  });
  for (const [nis, entry] of byMunicipality)
    if (entry.direct && entry.values.length > 1)
      problems.push({ line: entry.line, problem: 'merged_and_new', nis });
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };

  const combine = (values: number[]) =>
    input.indicator.combine === 'sum'
      ? values.reduce((a, b) => a + b, 0)
      : values.reduce((a, b) => a + b, 0) / values.length;
  const incoming = new Map([...byMunicipality].map(([nis, e]) => [nis, combine(e.values)]));
  const mergedFrom = records.length - byMunicipality.size;

  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const d = input.indicator;
    const definition = {
      name_nl: d.nameNl,
      name_fr: d.nameFr,
      unit: d.unit,
      combine: d.combine,
      higher_means_more_need: d.higherMeansMoreNeed,
      age_group: d.ageGroup,
      needs: d.needs,
    };
    const existing = await trx
      .selectFrom('region_indicators')
      .selectAll()
      .where('code', '=', d.code)
      .forUpdate()
      .executeTakeFirst();
    let changed = 0;
    if (!existing) {
      await trx
        .insertInto('region_indicators')
        .values({ code: d.code, ...definition, created_at: now, updated_at: now })
        .execute();
      changed++;
    } else if (
      (Object.keys(definition) as (keyof typeof definition)[]).some(
        (k) => JSON.stringify(existing[k]) !== JSON.stringify(definition[k]),
      )
    ) {
      await trx
        .updateTable('region_indicators')
        .set({ ...definition, updated_at: now })
        .where('code', '=', d.code)
        .execute();
      changed++;
    }
    const stored = new Map(
      (
        await trx
          .selectFrom('region_indicator_values')
          .select(['nis_code', 'value', 'source'])
          .where('indicator_code', '=', d.code)
          .where('year', '=', input.year)
          .execute()
      ).map((r) => [r.nis_code, r]),
    );
    const gone = [...stored.keys()].filter((nis) => !incoming.has(nis));
    if (gone.length > 0) {
      await trx
        .deleteFrom('region_indicator_values')
        .where('indicator_code', '=', d.code)
        .where('year', '=', input.year)
        .where('nis_code', 'in', gone)
        .execute();
      changed += gone.length;
    }
    for (const [nis, value] of incoming) {
      const before = stored.get(nis);
      if (before && before.value === value && before.source === input.source) continue;
      await trx
        .insertInto('region_indicator_values')
        .values({
          indicator_code: d.code,
          year: input.year,
          nis_code: nis,
          value,
          source: input.source,
          imported_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['indicator_code', 'year', 'nis_code'])
            .doUpdateSet({ value, source: input.source, imported_at: now }),
        )
        .execute();
      changed++;
    }
    if (changed > 0)
      await recordAudit(trx, {
        event: 'region_indicator.imported',
        actorUserId: actor.userId,
        actorLabel: actor.label,
        correlationId: actor.correlationId,
        subjectType: 'region_indicator',
        subjectId: d.code,
        details: { year: input.year, rows: records.length, changed },
        occurredAt: now,
      });
    return { ok: true as const, rows: records.length, changed, mergedFrom };
  });
}

/** The indicators Brugwerk holds, with the years that have values: for the curators and the public. */
export async function indicatorOverview(deps: Deps) {
  const rows = await deps.db
    .selectFrom('region_indicators as i')
    .select([
      'i.code',
      'i.name_nl',
      'i.name_fr',
      'i.unit',
      sql<
        number[]
      >`ARRAY(SELECT DISTINCT v.year FROM region_indicator_values v WHERE v.indicator_code = i.code ORDER BY v.year)`.as(
        'years',
      ),
    ])
    .orderBy('i.name_nl')
    .execute();
  return rows;
}
