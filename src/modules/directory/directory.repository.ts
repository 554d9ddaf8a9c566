import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { boundingBox } from '../../platform/search/geo.ts';

// Queries of the directory, named after the SQL they run.

export const findServiceById = (db: Kysely<DB>, id: string) =>
  db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .selectAll('s')
    .select([
      'o.owner_organisation_id as ownerOrganisationId',
      'o.name as organizationName',
      'o.kind as organizationKind',
      'o.email as organizationEmail',
      'o.website as organizationWebsite',
    ])
    .where('s.id', '=', id)
    .where('s.status', '!=', 'defunct')
    .executeTakeFirst();

export const findAddressesOfService = (db: Kysely<DB>, serviceId: string) =>
  db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
    .innerJoin('directory_addresses as a', 'a.location_id', 'l.id')
    .select(['a.address_1', 'a.address_2', 'a.postal_code', 'a.city', 'l.transportation'])
    .where('sal.service_id', '=', serviceId)
    .execute();

export const findLanguagesOfService = (db: Kysely<DB>, serviceId: string) =>
  db
    .selectFrom('directory_languages')
    .select(['code'])
    .where('service_id', '=', serviceId)
    .orderBy('code')
    .execute();

/** Weekly opening hours of a service (its own, or of a place where it is offered). */
export const findOpeningHoursOfService = (db: Kysely<DB>, serviceId: string) =>
  db
    .selectFrom('directory_schedules as sch')
    .select(['sch.id', 'sch.byday', 'sch.opens_at', 'sch.closes_at', 'sch.description'])
    .where((eb) =>
      eb.or([
        eb('sch.service_id', '=', serviceId),
        eb(
          'sch.location_id',
          'in',
          eb
            .selectFrom('directory_service_at_locations')
            .select('location_id')
            .where('service_id', '=', serviceId),
        ),
      ]),
    )
    .orderBy('sch.opens_at')
    .execute();

export const findGeneralPhonesOfOrganization = (db: Kysely<DB>, organizationId: string) =>
  db
    .selectFrom('directory_phones')
    .select(['number', 'description'])
    .where('organization_id', '=', organizationId)
    .execute();

/** Contact points with their direct lines: professional tier, never for anonymous visitors. */
export const findContactPointsOfOrganization = (db: Kysely<DB>, organizationId: string) =>
  db
    .selectFrom('directory_contacts')
    .select(['id', 'title', 'name', 'email', 'direct_phone', 'presence'])
    .where('organization_id', '=', organizationId)
    .orderBy('title')
    .execute();

/** Contact points with their office hours and the schools they serve: professional tier. */
export async function findContactPointsWithDetails(db: Kysely<DB>, organizationId: string) {
  const contacts = await findContactPointsOfOrganization(db, organizationId);
  if (contacts.length === 0) return [];
  const ids = contacts.map((c) => c.id);
  const [hours, schools] = await Promise.all([
    db
      .selectFrom('directory_schedules')
      .select(['contact_id', 'byday', 'opens_at', 'closes_at'])
      .where('contact_id', 'in', ids)
      .execute(),
    db
      .selectFrom('directory_contact_schools as cs')
      .innerJoin('directory_organizations as o', 'o.id', 'cs.school_id')
      .select(['cs.contact_id', 'o.id', 'o.name'])
      .where('cs.contact_id', 'in', ids)
      .orderBy('o.name')
      .execute(),
  ]);
  return contacts.map((c) => ({
    ...c,
    hours: hours.filter((h) => h.contact_id === c.id),
    schools: schools.filter((s) => s.contact_id === c.id),
  }));
}

/** Schools a contact point of this organisation may serve: those within 10 km, and those it already serves. */
export async function schoolsNearOrganization(
  db: Kysely<DB>,
  organizationId: string,
  contactId: string | null,
) {
  const home = await db
    .selectFrom('directory_locations')
    .select(['latitude', 'longitude'])
    .where('organization_id', '=', organizationId)
    .where('latitude', 'is not', null)
    .orderBy('id')
    .executeTakeFirst();
  const box = home ? boundingBox({ latitude: home.latitude!, longitude: home.longitude! }, 10) : null;
  return db
    .selectFrom('directory_organizations as o')
    .select(['o.id', 'o.name'])
    .where('o.kind', '=', 'school')
    .where((eb) =>
      eb.or([
        ...(box
          ? [
              eb.exists(
                eb
                  .selectFrom('directory_locations as l')
                  .select('l.id')
                  .whereRef('l.organization_id', '=', 'o.id')
                  .where((w) => w.between('l.latitude', ...box.latitude))
                  .where((w) => w.between('l.longitude', ...box.longitude)),
              ),
            ]
          : []),
        eb(
          'o.id',
          'in',
          eb
            .selectFrom('directory_contact_schools')
            .select('school_id')
            .where('contact_id', '=', contactId ?? '00000000-0000-0000-0000-000000000000'),
        ),
      ]),
    )
    .orderBy('o.name')
    .limit(60)
    .execute();
}

/** A contact point as its form shows it. */
export async function findContactPointForm(db: Kysely<DB>, organizationId: string, contactId: string) {
  const contact = await db
    .selectFrom('directory_contacts')
    .select(['id', 'title', 'name', 'email', 'direct_phone', 'presence'])
    .where('id', '=', contactId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  if (!contact) return undefined;
  const [hours, schools] = await Promise.all([
    db
      .selectFrom('directory_schedules')
      .select(['byday', 'opens_at', 'closes_at'])
      .where('contact_id', '=', contactId)
      .executeTakeFirst(),
    db
      .selectFrom('directory_contact_schools')
      .select('school_id')
      .where('contact_id', '=', contactId)
      .execute(),
  ]);
  return {
    ...contact,
    days: hours?.byday?.split(',').filter(Boolean) ?? [],
    opens_at: hours?.opens_at?.slice(0, 5) ?? null,
    closes_at: hours?.closes_at?.slice(0, 5) ?? null,
    schools: schools.map((s) => s.school_id),
  };
}

/**
 * Names of directory entries by id, for other modules that link to them (a practice's "run by"):
 * services that are not defunct and organisations, as `{ kind, id, name }`.
 */
export async function findEntryNames(
  db: Kysely<DB>,
  links: { kind: 'service' | 'organization'; id: string }[],
) {
  const ids = (kind: string) => links.filter((l) => l.kind === kind).map((l) => l.id);
  const [services, organizations] = await Promise.all([
    ids('service').length
      ? db
          .selectFrom('directory_services')
          .select(['id', 'name'])
          .where('id', 'in', ids('service'))
          .where('status', '!=', 'defunct')
          .execute()
      : [],
    ids('organization').length
      ? db
          .selectFrom('directory_organizations')
          .select(['id', 'name'])
          .where('id', 'in', ids('organization'))
          .execute()
      : [],
  ]);
  return [
    ...services.map((s) => ({ kind: 'service' as const, ...s })),
    ...organizations.map((o) => ({ kind: 'organization' as const, ...o })),
  ];
}
