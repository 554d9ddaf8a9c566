import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { DirectoryOrganizationsTable } from './directory.table.ts';
import type { DB } from '../../platform/db/schema.ts';

// Open Referral HSDS 3.0 documents built from the directory tables. Public tier only: contact
// points (professional tier) are never exported.

type Json = Record<string, unknown>;

/** HSDS fields are optional strings: leave out what is empty instead of sending null. */
function compact<T extends Json>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/** A stable UUID (RFC 4122 version 5 layout) for records Brugwerk derives, such as need attributes. */
export function derivedUuid(name: string): string {
  const bytes = createHash('sha1').update(`brugwerk:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const isoDate = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : undefined);

/** The one-to-one fields of an HSDS organization. */
function organizationFields(o: Selectable<DirectoryOrganizationsTable>) {
  return compact({
    id: o.id,
    name: o.name,
    alternate_name: o.alternate_name,
    description: o.description,
    email: o.email,
    website: o.website,
  });
}

async function organizationSummary(db: Kysely<DB>, id: string) {
  const o = await db
    .selectFrom('directory_organizations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return organizationFields(o);
}

async function locationsOf(db: Kysely<DB>, locationIds: string[]) {
  if (locationIds.length === 0) return new Map<string, Json>();
  const locations = await db
    .selectFrom('directory_locations')
    .selectAll()
    .where('id', 'in', locationIds)
    .execute();
  const addresses = await db
    .selectFrom('directory_addresses')
    .selectAll()
    .where('location_id', 'in', locationIds)
    .execute();
  return new Map(
    locations.map((l) => [
      l.id,
      compact({
        id: l.id,
        location_type: l.location_type,
        organization_id: l.organization_id,
        name: l.name,
        description: l.description,
        transportation: l.transportation,
        latitude: l.latitude,
        longitude: l.longitude,
        addresses: addresses
          .filter((a) => a.location_id === l.id)
          .map((a) =>
            compact({
              id: a.id,
              location_id: a.location_id,
              address_1: a.address_1,
              address_2: a.address_2,
              city: a.city,
              region: a.region,
              state_province: a.state_province,
              postal_code: a.postal_code,
              country: a.country,
              address_type: a.address_type,
            }),
          ),
      }),
    ]),
  );
}

async function needTerms(db: Kysely<DB>) {
  return db
    .selectFrom('directory_taxonomy_terms as t')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.code', 't.name', 't.description', 't.taxonomy_id', 't.language'])
    .where('x.name', '=', 'brugwerk-aanleidingen')
    .execute();
}

/** One service as an HSDS 3.0 `service` document with its related records. */
export async function hsdsService(db: Kysely<DB>, id: string): Promise<Json | null> {
  const s = await db.selectFrom('directory_services').selectAll().where('id', '=', id).executeTakeFirst();
  if (!s || s.status === 'defunct') return null;
  const links = await db
    .selectFrom('directory_service_at_locations')
    .selectAll()
    .where('service_id', '=', s.id)
    .execute();
  const locations = await locationsOf(
    db,
    links.map((l) => l.location_id),
  );
  const [organization, phones, languages, costs, areas, schedules, terms] = await Promise.all([
    organizationSummary(db, s.organization_id),
    db.selectFrom('directory_phones').selectAll().where('organization_id', '=', s.organization_id).execute(),
    db.selectFrom('directory_languages').selectAll().where('service_id', '=', s.id).orderBy('code').execute(),
    db.selectFrom('directory_cost_options').selectAll().where('service_id', '=', s.id).execute(),
    db.selectFrom('directory_service_areas').selectAll().where('service_id', '=', s.id).execute(),
    db.selectFrom('directory_schedules').selectAll().where('service_id', '=', s.id).execute(),
    needTerms(db),
  ]);
  return compact({
    id: s.id,
    organization_id: s.organization_id,
    name: s.name,
    alternate_name: s.alternate_name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: s.status,
    application_process: s.application_process,
    fees_description: s.fees_description,
    eligibility_description: s.eligibility_description,
    minimum_age: s.minimum_age,
    maximum_age: s.maximum_age,
    alert: s.alert,
    wait_time:
      s.capacity_state === 'waiting_list' && s.expected_wait_weeks
        ? `${s.expected_wait_weeks} weken`
        : undefined,
    assured_date: isoDate(s.last_verified_at),
    last_modified: s.updated_at.toISOString(),
    organization,
    phones: phones.map((p) =>
      compact({
        id: p.id,
        organization_id: p.organization_id,
        number: p.number,
        extension: p.extension,
        type: p.type,
        description: p.description,
      }),
    ),
    schedules: schedules.map((x) =>
      compact({
        id: x.id,
        service_id: x.service_id,
        freq: x.freq,
        byday: x.byday,
        opens_at: x.opens_at,
        closes_at: x.closes_at,
        description: x.description,
      }),
    ),
    service_areas: areas.map((a) =>
      compact({ id: a.id, service_id: a.service_id, name: a.name, description: a.description }),
    ),
    service_at_locations: links.map((l) =>
      compact({
        id: l.id,
        service_id: l.service_id,
        location_id: l.location_id,
        description: l.description,
        location: locations.get(l.location_id),
      }),
    ),
    languages: languages.map((l) =>
      compact({ id: l.id, service_id: l.service_id, name: l.name, code: l.code, note: l.note }),
    ),
    cost_options: costs.map((c) =>
      compact({
        id: c.id,
        service_id: c.service_id,
        option: c.option,
        currency: c.currency,
        amount: c.amount === null ? null : Number(c.amount),
        amount_description: c.amount_description,
      }),
    ),
    contacts: [],
    attributes: terms
      .filter((term) => s.need_codes.includes(term.code))
      .map((term) => ({
        id: derivedUuid(`attribute:${s.id}:${term.id}`),
        link_id: s.id,
        link_type: 'need',
        link_entity: 'service',
        taxonomy_term_id: term.id,
        taxonomy_term: {
          id: term.id,
          code: term.code,
          name: term.name,
          description: term.description,
          taxonomy_id: term.taxonomy_id,
          language: term.language,
        },
      })),
    metadata: [],
  });
}

/** One organisation as an HSDS 3.0 `organization` document, with its services' ids and names. */
export async function hsdsOrganization(db: Kysely<DB>, id: string): Promise<Json | null> {
  const o = await db
    .selectFrom('directory_organizations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!o) return null;
  const [phones, locationRows, services] = await Promise.all([
    db.selectFrom('directory_phones').selectAll().where('organization_id', '=', o.id).execute(),
    db.selectFrom('directory_locations').select('id').where('organization_id', '=', o.id).execute(),
    db
      .selectFrom('directory_services')
      .select(['id', 'name', 'status'])
      .where('organization_id', '=', o.id)
      .where('status', '!=', 'defunct')
      .orderBy('name')
      .execute(),
  ]);
  const locations = await locationsOf(
    db,
    locationRows.map((l) => l.id),
  );
  return compact({
    ...organizationFields(o),
    funding: [],
    contacts: [],
    phones: phones.map((p) =>
      compact({
        id: p.id,
        organization_id: p.organization_id,
        number: p.number,
        type: p.type,
        description: p.description,
      }),
    ),
    locations: [...locations.values()],
    programs: [],
    organization_identifiers: o.school_institution_number
      ? [
          {
            id: derivedUuid(`identifier:${o.id}`),
            organization_id: o.id,
            identifier_scheme: 'BE-AGODI',
            identifier_type: 'instellingsnummer',
            identifier: o.school_institution_number,
          },
        ]
      : [],
    attributes: [],
    metadata: [],
    services: services.map((s) => ({ id: s.id, name: s.name, status: s.status })),
  });
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}

export async function hsdsTaxonomies(db: Kysely<DB>) {
  const rows = await db.selectFrom('directory_taxonomies').selectAll().orderBy('name').execute();
  return rows.map((t) =>
    compact({ id: t.id, name: t.name, description: t.description, uri: t.uri, version: t.version }),
  );
}

export async function hsdsTaxonomyTerms(db: Kysely<DB>) {
  const rows = await db.selectFrom('directory_taxonomy_terms').selectAll().orderBy('code').execute();
  return rows.map((t) =>
    compact({
      id: t.id,
      code: t.code,
      name: t.name,
      description: t.description,
      taxonomy_id: t.taxonomy_id,
      parent_id: t.parent_id,
      language: t.language,
      term_uri: t.term_uri,
    }),
  );
}
