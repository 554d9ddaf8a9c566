import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import type { CurrentUser } from '../../platform/http/principal.ts';
import type { NeighbourhoodStatus } from './directory.table.ts';
import { boundingBox, haversineKm, type Point } from '../../platform/search/geo.ts';

// Ken je buurt: the partners around a school, and the school's own marks about them. A school is
// a directory entry of kind school owned (claimed) by an organisation; its members use this page.

export const neighbourhoodDistances = ['1', '2', '5', '10'] as const;

/** The schools whose owning organisation the user is a member of. */
export function schoolsOf(db: Kysely<DB>, user: CurrentUser) {
  const organisationIds = user.memberships.map((m) => m.organisationId);
  if (organisationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('directory_organizations as d')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('directory_locations as l')
          .select(['l.latitude', 'l.longitude'])
          .whereRef('l.organization_id', '=', 'd.id')
          .where('l.latitude', 'is not', null)
          .orderBy('l.id')
          .limit(1)
          .as('l'),
      (join) => join.onTrue(),
    )
    .select(['d.id', 'd.name', 'l.latitude', 'l.longitude'])
    .where('d.kind', '=', 'school')
    .where('d.owner_organisation_id', 'in', organisationIds)
    .orderBy('d.name')
    .execute();
}

/** Partners (not schools) with a location within `km` of the point, nearest first, with their services. */
export async function partnersAround(db: Kysely<DB>, schoolId: string, point: Point, km: number) {
  // A bounding box first (an index can use it), then the exact great-circle distance.
  const box = boundingBox(point, km);
  const distance = haversineKm(point, 'l');
  const partners = await db
    .selectFrom('directory_organizations as o')
    .innerJoin('directory_locations as l', 'l.organization_id', 'o.id')
    .leftJoin('directory_neighbourhood_marks as m', (join) =>
      join.onRef('m.partner_id', '=', 'o.id').on('m.school_id', '=', schoolId),
    )
    .select(['o.id', 'o.name', 'o.kind', 'm.status', 'm.note', sql<number>`min(${distance})`.as('km')])
    .where('o.kind', '!=', 'school')
    .where((eb) => eb.between('l.latitude', ...box.latitude))
    .where((eb) => eb.between('l.longitude', ...box.longitude))
    .where(distance, '<=', km)
    .groupBy(['o.id', 'o.name', 'o.kind', 'm.status', 'm.note'])
    .orderBy('km')
    .orderBy('o.name')
    .execute();
  if (partners.length === 0) return [];
  const services = await db
    .selectFrom('directory_services')
    .select(['id', 'organization_id', 'name', 'need_codes'])
    .where(
      'organization_id',
      'in',
      partners.map((p) => p.id),
    )
    .where('status', '=', 'active')
    .orderBy('name')
    .execute();
  return partners.map((p) => ({
    ...p,
    km: Number(p.km),
    services: services.filter((s) => s.organization_id === p.id),
  }));
}

export const findMark = (db: Kysely<DB>, schoolId: string, partnerId: string) =>
  db
    .selectFrom('directory_neighbourhood_marks')
    .select(['status', 'note', 'updated_at'])
    .where('school_id', '=', schoolId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();

/** Saves the school's mark about a partner; the marks are the school's own (audited, not shared). */
export async function saveMark(
  deps: Deps,
  actor: Actor,
  mark: { schoolId: string; partnerId: string; status: NeighbourhoodStatus; note: string | null },
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = {
      school_id: mark.schoolId,
      partner_id: mark.partnerId,
      status: mark.status,
      note: mark.note,
      updated_by: actor.userId,
      updated_at: now,
    };
    await trx
      .insertInto('directory_neighbourhood_marks')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['school_id', 'partner_id'])
          .doUpdateSet({ status: mark.status, note: mark.note, updated_by: actor.userId, updated_at: now }),
      )
      .execute();
    await recordAudit(trx, {
      event: 'directory.neighbourhood_marked',
      actorUserId: actor.userId,
      correlationId: actor.correlationId,
      subjectType: 'directory_organization',
      subjectId: mark.schoolId,
      details: { partnerId: mark.partnerId, status: mark.status },
      occurredAt: now,
    });
  });
}
