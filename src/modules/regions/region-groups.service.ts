import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { refused } from '../../platform/errors.ts';
import { slugify } from '../accounts/accounts.service.ts';
import type { RegionGroupKind } from './regions.table.ts';
import { workRegionsWithMunicipalities } from './regions.service.ts';

/** Paths under /regios that are pages, not regions. */
const reservedSlugs = new Set(['nieuw', 'indicatoren']);

export interface RegionGroupInput {
  name: string;
  kind: RegionGroupKind;
  description: string | null;
  municipalities: string[];
}

/** The regions of /regios: the work regions (provinces and Brussels) and the curators' groups. */
export async function regionOverview(deps: Deps) {
  const [workRegions, groups] = await Promise.all([
    workRegionsWithMunicipalities(deps),
    deps.db
      .selectFrom('region_groups as g')
      .select([
        'g.slug',
        'g.name',
        'g.kind',
        sql<number>`(SELECT count(*) FROM region_group_municipalities m WHERE m.group_id = g.id)`.as('size'),
      ])
      .orderBy('g.name')
      .execute(),
  ]);
  return { workRegions, groups: groups.map((g) => ({ ...g, size: Number(g.size) })) };
}

/** A region by its path: a work region's NIS code or a group's slug; null when there is none. */
export async function findRegion(deps: Deps, slug: string) {
  if (/^\d{5}$/.test(slug)) {
    const region = (await workRegionsWithMunicipalities(deps)).find((r) => r.code === slug);
    return region
      ? {
          kind: 'work_region' as const,
          slug,
          name: region.nameNl,
          nameFr: region.nameFr,
          description: null,
          id: null,
          municipalities: region.municipalities,
        }
      : null;
  }
  const group = await deps.db
    .selectFrom('region_groups')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  if (!group) return null;
  const municipalities = await deps.db
    .selectFrom('region_group_municipalities as g')
    .innerJoin('municipalities as m', 'm.nis_code', 'g.nis_code')
    .select(['m.nis_code as nisCode', 'm.name_nl as nameNl', 'm.name_fr as nameFr'])
    .where('g.group_id', '=', group.id)
    .orderBy('m.name_nl')
    .execute();
  return {
    kind: group.kind,
    slug: group.slug,
    name: group.name,
    nameFr: group.name,
    description: group.description,
    id: group.id,
    municipalities,
  };
}
export type Region = NonNullable<Awaited<ReturnType<typeof findRegion>>>;

/**
 * Creates a group (`id` null) or changes one: its name, kind, description and municipalities, in
 * one transaction. The path follows the name; a name another region already has is refused.
 */
export async function saveRegionGroup(
  deps: Deps,
  actor: Actor,
  id: string | null,
  input: RegionGroupInput,
): Promise<string> {
  const slug = slugify(input.name);
  if (!slug || reservedSlugs.has(slug)) throw refused('NameTaken', 'regions.group.nameTaken');
  const known = new Set(
    (await workRegionsWithMunicipalities(deps)).flatMap((r) => r.municipalities.map((m) => m.nisCode)),
  );
  if (input.municipalities.some((nis) => !known.has(nis)))
    throw refused('UnknownMunicipality', 'regions.group.unknownMunicipality');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom('region_groups')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (taken && taken.id !== id) throw refused('NameTaken', 'regions.group.nameTaken');
    const values = {
      slug,
      name: input.name,
      kind: input.kind,
      description: input.description,
      updated_at: now,
    };
    const groupId = id
      ? (
          await trx
            .updateTable('region_groups')
            .set(values)
            .where('id', '=', id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('region_groups')
            .values({ ...values, created_at: now })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await trx.deleteFrom('region_group_municipalities').where('group_id', '=', groupId).execute();
    if (input.municipalities.length > 0)
      await trx
        .insertInto('region_group_municipalities')
        .values([...new Set(input.municipalities)].map((nis) => ({ group_id: groupId, nis_code: nis })))
        .execute();
    await recordAudit(trx, {
      event: id ? 'region_group.changed' : 'region_group.created',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      correlationId: actor.correlationId,
      subjectType: 'region_group',
      subjectId: groupId,
      details: { slug, municipalities: input.municipalities.length },
      occurredAt: now,
    });
    return slug;
  });
}

export async function deleteRegionGroup(deps: Deps, actor: Actor, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('region_groups').where('id', '=', id).execute();
    await recordAudit(trx, {
      event: 'region_group.deleted',
      actorUserId: actor.userId,
      actorLabel: actor.label,
      correlationId: actor.correlationId,
      subjectType: 'region_group',
      subjectId: id,
      occurredAt: deps.clock.now(),
    });
  });
}
