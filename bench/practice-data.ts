// Practice fiches at the scale of a Flemish library for benchmarks: variations of the 30 demo
// fiches, each placed in one to three municipalities of Flanders and Brussels, published.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { demoContent, demoFiches } from '../src/modules/practices/practices.demo.ts';
import { publishedColumns } from '../src/modules/practices/practices.service.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { needCodes } from '../src/platform/vocabularies.ts';
import { random } from './directory-data.ts';

const variants = [
  '',
  'in de wijk',
  'met vrijwilligers',
  'voor nieuwkomers',
  'in het secundair',
  'op woensdag',
  'met de bibliotheek',
];

export async function generatePractices(db: Kysely<DB>, count: number): Promise<void> {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const municipalities = await db
    .selectFrom('municipalities')
    .select(['nis_code', 'name_nl'])
    .where('region', '!=', 'WAL')
    .execute();
  const names = new Map(municipalities.map((m) => [m.name_nl.toLowerCase(), m.nis_code]));
  const bases = demoFiches.map((d) => demoContent(d, names));
  const now = new Date();
  for (let start = 0; start < count; start += 500) {
    await db.transaction().execute(async (trx) => {
      const practices = [];
      const versions = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const base = bases[i % bases.length]!;
        const places = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(municipalities));
        const content = {
          ...base,
          title: [base.title.replace(' (demo)', ''), pick(variants), places[0]!.name_nl, `#${i + 1}`]
            .filter(Boolean)
            .join(' '),
          places: places.map((m, n) => ({
            ...base.places[0]!,
            nis: m.nis_code,
            municipality: m.name_nl,
            localName: n === 0 ? (base.places[0]?.localName ?? null) : null,
          })),
          needCodes: [...new Set([...base.needCodes, pick(needCodes)])],
        };
        const id = randomUUID();
        const versionId = randomUUID();
        const published = new Date(now.getTime() - Math.floor(rnd() * 3 * 365) * 86_400_000);
        practices.push({
          id,
          status: 'published' as const,
          owner_organisation_id: null,
          created_by: null,
          created_at: published,
          updated_at: published,
          published_version_id: versionId,
          first_published_at: published,
          last_published_at: published,
          last_reviewed_at: published,
          review_reminded_at: null,
          is_demo: true,
          ...publishedColumns(content),
        });
        versions.push({
          id: versionId,
          practice_id: id,
          number: 1,
          status: 'published' as const,
          content: JSON.stringify(content),
          created_by: null,
          created_at: published,
          updated_at: published,
          submitted_at: published,
          decided_by: null,
          decided_at: published,
          review_comment: null,
        });
      }
      await trx.insertInto('practices').values(practices).execute();
      await trx.insertInto('practice_versions').values(versions).execute();
    });
  }
}
