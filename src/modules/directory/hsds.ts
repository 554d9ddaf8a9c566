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

async function locationsOf(db: Kysely<DB>, locationIds: string[], terms: Map<string, Term>) {
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
        attributes: brugwerkAttributes('location', l, terms),
      }),
    ]),
  );
}

export const NEEDS_TAXONOMY = 'brugwerk-aanleidingen';
export const FIELDS_TAXONOMY = 'brugwerk-kenmerken';

/**
 * Brugwerk's own fields that HSDS has no place for. They travel as attributes of the
 * `brugwerk-kenmerken` taxonomy (term code = field name) with the value as text; a list gives one
 * attribute per item, in sorted order (lists are sets). The migration that seeds the terms lists
 * the same names.
 */
export const brugwerkFields = {
  service: {
    audiences: 'list',
    age_bands: 'list',
    school_levels: 'list',
    referral_methods: 'list',
    is_school_external_offer: 'boolean',
    free_of_charge: 'boolean',
    capacity_state: 'text',
    expected_wait_weeks: 'integer',
    plain_what_to_ask: 'text',
    plain_cost: 'text',
    plain_how_to_get_there: 'text',
    translations: 'json',
  },
  organization: {
    kind: 'text',
    welfare_cluster: 'integer',
    education_mandate: 'boolean',
    municipality_nis: 'text',
    school_network: 'text',
    school_levels: 'list',
    lop_region: 'text',
    partner_clb_id: 'text',
  },
  location: { municipality_nis: 'text' },
} as const;
export type FieldEntity = keyof typeof brugwerkFields;

interface Term {
  id: string;
  code: string | null;
  name: string;
  description: string;
  taxonomy_id: string | null;
  language: string;
}

/** The terms of Brugwerk's two taxonomies, by `taxonomy:code`. */
async function brugwerkTerms(db: Kysely<DB>): Promise<Map<string, Term>> {
  const rows = await db
    .selectFrom('directory_taxonomy_terms as t')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select([
      't.id',
      't.code',
      't.name',
      't.description',
      't.taxonomy_id',
      't.language',
      'x.name as taxonomy',
    ])
    .where('x.name', 'in', [NEEDS_TAXONOMY, FIELDS_TAXONOMY])
    .execute();
  return new Map(rows.map(({ taxonomy, ...term }) => [`${taxonomy}:${term.code}`, term]));
}

function attribute(linkEntity: string, linkId: string, linkType: string, term: Term, value?: string) {
  return compact({
    id: derivedUuid(`attribute:${linkId}:${term.id}:${value ?? ''}`),
    link_id: linkId,
    link_type: linkType,
    link_entity: linkEntity,
    taxonomy_term_id: term.id,
    value,
    taxonomy_term: compact({ ...term }),
  });
}

/** The attributes that carry an entry's Brugwerk fields (and, for services, its need codes). */
function brugwerkAttributes(
  entity: FieldEntity,
  row: Record<string, unknown> & { id: string },
  terms: Map<string, Term>,
): Json[] {
  const attributes: Json[] = [];
  if (entity === 'service') {
    for (const code of [...(row.need_codes as string[])].sort()) {
      const term = terms.get(`${NEEDS_TAXONOMY}:${code}`);
      if (term) attributes.push(attribute(entity, row.id, 'need', term));
    }
  }
  for (const [field, kind] of Object.entries(brugwerkFields[entity])) {
    const term = terms.get(`${FIELDS_TAXONOMY}:${field}`);
    const value = row[field];
    if (!term || value === null || value === undefined) continue;
    const texts =
      kind === 'list'
        ? (value as unknown[]).map(String).sort()
        : kind === 'json'
          ? Object.keys(value as object).length
            ? [JSON.stringify(value)]
            : []
          : [String(value)];
    for (const text of texts) attributes.push(attribute(entity, row.id, 'brugwerk', term, text));
  }
  return attributes;
}

/** Attributes from other taxonomies, as an import brought them. */
async function storedAttributes(db: Kysely<DB>, linkId: string): Promise<Json[]> {
  const rows = await db
    .selectFrom('directory_attributes as a')
    .innerJoin('directory_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
    .select([
      'a.id',
      'a.link_id',
      'a.link_type',
      'a.link_entity',
      'a.value',
      't.id as term_id',
      't.code',
      't.name',
      't.description',
      't.taxonomy_id',
      't.language',
    ])
    .where('a.link_id', '=', linkId)
    .orderBy('a.id')
    .execute();
  return rows.map((a) =>
    compact({
      id: a.id,
      link_id: a.link_id,
      link_type: a.link_type,
      link_entity: a.link_entity,
      taxonomy_term_id: a.term_id,
      value: a.value,
      taxonomy_term: compact({
        id: a.term_id,
        code: a.code,
        name: a.name,
        description: a.description,
        taxonomy_id: a.taxonomy_id,
        language: a.language,
      }),
    }),
  );
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
  const terms = await brugwerkTerms(db);
  const locations = await locationsOf(
    db,
    links.map((l) => l.location_id),
    terms,
  );
  const [organization, phones, languages, costs, areas, schedules, otherAttributes] = await Promise.all([
    organizationSummary(db, s.organization_id),
    db.selectFrom('directory_phones').selectAll().where('organization_id', '=', s.organization_id).execute(),
    db.selectFrom('directory_languages').selectAll().where('service_id', '=', s.id).orderBy('code').execute(),
    db.selectFrom('directory_cost_options').selectAll().where('service_id', '=', s.id).execute(),
    db.selectFrom('directory_service_areas').selectAll().where('service_id', '=', s.id).execute(),
    db.selectFrom('directory_schedules').selectAll().where('service_id', '=', s.id).execute(),
    storedAttributes(db, s.id),
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
    attributes: [...brugwerkAttributes('service', s, terms), ...otherAttributes],
    metadata: [],
  });
}

/** One service at one location, with both nested (the service without its other locations). */
export async function hsdsServiceAtLocation(db: Kysely<DB>, id: string): Promise<Json | null> {
  const link = await db
    .selectFrom('directory_service_at_locations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const service = link && (await hsdsService(db, link.service_id));
  if (!link || !service) return null;
  const locations = await locationsOf(db, [link.location_id], await brugwerkTerms(db));
  const { service_at_locations: _others, ...serviceOnly } = service;
  return compact({
    id: link.id,
    service_id: link.service_id,
    location_id: link.location_id,
    description: link.description,
    location: locations.get(link.location_id),
    service: serviceOnly,
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
  const terms = await brugwerkTerms(db);
  const locations = await locationsOf(
    db,
    locationRows.map((l) => l.id),
    terms,
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
    attributes: [...brugwerkAttributes('organization', o, terms), ...(await storedAttributes(db, o.id))],
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
