import { type Kysely, sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Actor } from '../../platform/deps.ts';
import {
  ageBands,
  audiences,
  capacityStates,
  needCodes,
  organisationTypes,
  referralMethods,
  schoolLevels,
} from '../../platform/vocabularies.ts';
import { FIELDS_TAXONOMY, NEEDS_TAXONOMY, brugwerkFields, type FieldEntity } from './hsds.ts';
import { type RecordSet, type Sourced, collectRecords, hsdsTables } from './hsds-files.ts';

// Import of Open Referral HSDS 3.0 data (JSON documents or the tabular data package). All or
// nothing: every record is checked first, and a file with problems is refused with the whole list.
// Records are matched on id, so importing the same file twice changes nothing. Records are added
// or updated, never deleted.

export class HsdsImportRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`HSDS-import geweigerd: ${problems.length} problemen`);
  }
}

export interface HsdsImportResult {
  /** Per table: records added, changed and left as they were. */
  counts: Record<string, { added: number; changed: number; unchanged: number }>;
  /** What was left out or repaired, such as a link to an organisation that is not in the file. */
  notes: string[];
}

// Tables of the record set that Brugwerk keeps, in the order they can be written.
const tableOf = {
  taxonomy: 'directory_taxonomies',
  taxonomy_term: 'directory_taxonomy_terms',
  organization: 'directory_organizations',
  location: 'directory_locations',
  address: 'directory_addresses',
  service: 'directory_services',
  service_at_location: 'directory_service_at_locations',
  contact: 'directory_contacts',
  phone: 'directory_phones',
  schedule: 'directory_schedules',
  language: 'directory_languages',
  cost_option: 'directory_cost_options',
  service_area: 'directory_service_areas',
  attribute: 'directory_attributes',
} as const;
type KeptTable = keyof typeof tableOf;
type Row = Record<string, unknown> & { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks a record against its HSDS table: required fields, types, formats and allowed values. */
function checkRecord(table: string, { record, where }: Sourced, problems: string[]) {
  const spec = hsdsTables.get(table)!;
  for (const name of spec.required) {
    if (record[name] === undefined || record[name] === null || record[name] === '')
      problems.push(`${where}: het verplichte veld "${name}" ontbreekt.`);
  }
  for (const field of spec.fields) {
    const value = record[field.name];
    if (value === undefined || value === null) continue;
    const bad = (expected: string) =>
      problems.push(`${where}: veld "${field.name}" is ${JSON.stringify(value)}, verwacht ${expected}.`);
    if (field.type === 'number') {
      if (typeof value !== 'number' || !Number.isFinite(value)) bad('een getal');
      continue;
    }
    if (typeof value !== 'string') {
      // HSDS JSON sometimes carries a number where the tabular schema says text (an extension).
      if (typeof value !== 'number') bad('tekst');
      continue;
    }
    if (field.enum && !field.enum.includes(value)) bad(`een van: ${field.enum.join(', ')}`);
    else if (field.format === 'uuid' && !UUID.test(value)) bad('een UUID');
    else if (field.format === 'uri' && !URL.canParse(value)) bad('een volledige URL');
    else if (field.format === 'email' && !/^[^\s@]+@[^\s@]+$/.test(value)) bad('een e-mailadres');
    else if (field.format === 'date-time' && Number.isNaN(Date.parse(value))) bad('een datum en tijd');
    else if (field.datapackage_type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
      bad('een datum (JJJJ-MM-DD)');
    else if (field.datapackage_type === 'time' && !/^\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?$/.test(value))
      bad('een uur (UU:MM)');
  }
}

const text = (v: unknown) => (v === undefined || v === null ? null : String(v));
const integer = (v: unknown) => (typeof v === 'number' ? Math.round(v) : null);

const fieldVocabularies: Record<string, readonly string[]> = {
  audiences,
  age_bands: ageBands,
  school_levels: schoolLevels,
  referral_methods: referralMethods,
  capacity_state: capacityStates,
  kind: organisationTypes,
};

/** What the import needs to know about the database before it writes. */
async function existing(db: Kysely<DB>, set: RecordSet) {
  const idsIn = async (table: (typeof tableOf)[KeptTable], ids: string[]) => {
    const valid = ids.filter((id) => UUID.test(id));
    if (valid.length === 0) return new Set<string>();
    const rows = await db.selectFrom(table).select('id').where('id', 'in', valid).execute();
    return new Set(rows.map((r) => r.id));
  };
  const referenced = (fields: string[]) =>
    [...set.values()].flatMap((records) =>
      [...records.values()].flatMap(({ record }) =>
        fields.map((f) => record[f]).filter((v) => typeof v === 'string'),
      ),
    ) as string[];
  const ownTerms = await db
    .selectFrom('directory_taxonomy_terms as t')
    .innerJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select(['t.id', 't.code', 'x.name as taxonomy', 'x.id as taxonomyId'])
    .where('x.name', 'in', [NEEDS_TAXONOMY, FIELDS_TAXONOMY])
    .execute();
  const municipalities = await db.selectFrom('municipalities').select('nis_code').execute();
  return {
    organizations: await idsIn('directory_organizations', referenced(['organization_id', 'link_id'])),
    services: await idsIn('directory_services', referenced(['service_id', 'link_id'])),
    locations: await idsIn('directory_locations', referenced(['location_id', 'link_id'])),
    terms: await idsIn('directory_taxonomy_terms', referenced(['taxonomy_term_id', 'parent_id'])),
    taxonomies: await idsIn('directory_taxonomies', referenced(['taxonomy_id'])),
    ownTerms: new Map(ownTerms.map((t) => [t.id, t])),
    ownTaxonomies: new Set(ownTerms.map((t) => t.taxonomyId)),
    municipalities: new Set(municipalities.map((m) => m.nis_code)),
  };
}

/**
 * Turns the checked HSDS records into rows of the directory tables. Problems that make the file
 * wrong go to `problems`; loose ends HSDS allows (a link to a record that is not there) are
 * dropped and noted.
 */
function directoryRows(set: RecordSet, known: Awaited<ReturnType<typeof existing>>, now: Date) {
  const problems: string[] = [];
  const notes: string[] = [];
  const rows = new Map<KeptTable, Row[]>(Object.keys(tableOf).map((t) => [t as KeptTable, []]));
  const records = (table: string) => [...(set.get(table)?.values() ?? [])];
  const inFile = (table: string, id: unknown) => typeof id === 'string' && (set.get(table)?.has(id) ?? false);
  const exists = {
    organization: (id: unknown) => inFile('organization', id) || known.organizations.has(id as string),
    service: (id: unknown) => inFile('service', id) || known.services.has(id as string),
    location: (id: unknown) => inFile('location', id) || known.locations.has(id as string),
    taxonomy_term: (id: unknown) => inFile('taxonomy_term', id) || known.terms.has(id as string),
    taxonomy: (id: unknown) => inFile('taxonomy', id) || known.taxonomies.has(id as string),
  };
  /** A required link: missing or unknown is a problem. */
  const required = (s: Sourced, field: string, target: keyof typeof exists): string | null => {
    const id = s.record[field];
    if (typeof id === 'string' && exists[target](id)) return id;
    problems.push(
      id === undefined
        ? `${s.where}: het veld "${field}" ontbreekt.`
        : `${s.where}: veld "${field}" verwijst naar ${String(id)}, dat niet in het bestand of de sociale kaart staat.`,
    );
    return null;
  };
  /** An optional link: unknown is dropped with a note. */
  const optional = (s: Sourced, field: string, target: keyof typeof exists): string | null => {
    const id = s.record[field];
    if (id === undefined || id === null) return null;
    if (exists[target](id)) return id as string;
    notes.push(
      `${s.where}: veld "${field}" verwijst naar ${String(id)}, dat nergens staat; die verwijzing is weggelaten.`,
    );
    return null;
  };
  const serviceOrganization = (serviceId: string | null) =>
    serviceId ? text(set.get('service')?.get(serviceId)?.record.organization_id) : null;

  // Brugwerk's fields and need codes come back from their attributes.
  const fieldValues = new Map<string, Record<string, unknown>>();
  for (const s of records('attribute')) {
    const own = known.ownTerms.get(s.record.taxonomy_term_id as string);
    const linkId = s.record.link_id as string;
    if (!own) continue;
    const values = fieldValues.get(linkId) ?? {};
    fieldValues.set(linkId, values);
    if (own.taxonomy === NEEDS_TAXONOMY) {
      values.need_codes = [...((values.need_codes as string[]) ?? []), own.code];
      continue;
    }
    const field = own.code!;
    const entity = s.record.link_entity as FieldEntity;
    const kind = (brugwerkFields[entity] as Record<string, string> | undefined)?.[field];
    const value = String(s.record.value ?? '');
    const bad = (expected: string) =>
      problems.push(
        `${s.where}: kenmerk "${field}" heeft waarde ${JSON.stringify(value)}, verwacht ${expected}.`,
      );
    if (!kind) bad(`geen kenmerk van een ${entity}`);
    else if (fieldVocabularies[field] && !fieldVocabularies[field].includes(value))
      bad(`een van: ${fieldVocabularies[field].join(', ')}`);
    else if (kind === 'list') values[field] = [...((values[field] as string[]) ?? []), value];
    else if (kind === 'boolean') {
      if (value === 'true' || value === 'false') values[field] = value === 'true';
      else bad('true of false');
    } else if (kind === 'integer') {
      if (/^\d+$/.test(value)) values[field] = Number(value);
      else bad('een geheel getal');
    } else if (kind === 'json') {
      try {
        values[field] = JSON.parse(value);
      } catch {
        bad('JSON');
      }
    } else values[field] = value;
  }
  const fieldsOf = (entity: FieldEntity, id: string) => {
    const values = fieldValues.get(id) ?? {};
    if (
      entity === 'organization' &&
      values.welfare_cluster !== undefined &&
      ![1, 2, 3].includes(values.welfare_cluster as number)
    )
      problems.push(`Organisatie ${id}: welzijnscluster moet 1, 2 of 3 zijn.`);
    if (values.municipality_nis !== undefined && !known.municipalities.has(values.municipality_nis as string))
      problems.push(
        `${entity} ${id}: ${String(values.municipality_nis)} is geen NIS-code van een gemeente (2025).`,
      );
    for (const [field, kind] of Object.entries(brugwerkFields[entity]))
      if (kind === 'list' && values[field]) values[field] = [...new Set(values[field] as string[])].sort();
    if (values.need_codes)
      values.need_codes = [...new Set(values.need_codes as string[])]
        .sort()
        .filter((c) => (needCodes as readonly string[]).includes(c));
    return values;
  };

  for (const s of records('taxonomy')) {
    if (known.ownTaxonomies.has(s.record.id)) continue;
    const r = s.record;
    rows.get('taxonomy')!.push({
      id: r.id,
      name: text(r.name),
      description: text(r.description) ?? '',
      uri: text(r.uri),
      version: text(r.version),
    });
  }
  for (const s of records('taxonomy_term')) {
    if (known.ownTerms.has(s.record.id)) continue;
    const r = s.record;
    rows.get('taxonomy_term')!.push({
      id: r.id,
      taxonomy_id: optional(s, 'taxonomy_id', 'taxonomy'),
      code: text(r.code),
      name: text(r.name),
      description: text(r.description) ?? '',
      parent_id: optional(s, 'parent_id', 'taxonomy_term'),
      language: text(r.language) ?? 'nl',
      term_uri: text(r.term_uri),
    });
  }
  for (const s of records('organization')) {
    const r = s.record;
    const fields = fieldsOf('organization', r.id);
    const identifier = records('organization_identifier').find(
      (i) => i.record.organization_id === r.id && i.record.identifier_scheme === 'BE-AGODI',
    );
    if (fields.partner_clb_id !== undefined && !exists.organization(fields.partner_clb_id))
      problems.push(`Organisatie ${r.id}: partner-CLB ${String(fields.partner_clb_id)} staat nergens.`);
    rows.get('organization')!.push({
      id: r.id,
      name: text(r.name),
      alternate_name: text(r.alternate_name),
      description: text(r.description) ?? '',
      email: text(r.email),
      website: text(r.website),
      kind: fields.kind ?? 'andere',
      welfare_cluster: fields.welfare_cluster ?? null,
      education_mandate: fields.education_mandate ?? false,
      municipality_nis: fields.municipality_nis ?? null,
      school_institution_number: text(identifier?.record.identifier),
      school_network: fields.school_network ?? null,
      school_levels: fields.school_levels ?? [],
      lop_region: fields.lop_region ?? null,
      partner_clb_id: fields.partner_clb_id ?? null,
      updated_at: now,
    });
  }
  for (const s of records('location')) {
    const r = s.record;
    let latitude = typeof r.latitude === 'number' ? r.latitude : null;
    let longitude = typeof r.longitude === 'number' ? r.longitude : null;
    if (latitude !== null && (Math.abs(latitude) > 90 || longitude === null || Math.abs(longitude) > 180)) {
      notes.push(
        `${s.where}: coördinaten ${latitude}, ${longitude} liggen niet op aarde; ze zijn weggelaten.`,
      );
      latitude = longitude = null;
    }
    rows.get('location')!.push({
      id: r.id,
      organization_id: optional(s, 'organization_id', 'organization'),
      location_type: text(r.location_type),
      name: text(r.name),
      description: text(r.description),
      transportation: text(r.transportation),
      latitude,
      longitude,
      municipality_nis: fieldsOf('location', r.id).municipality_nis ?? null,
    });
  }
  for (const s of records('address')) {
    const r = s.record;
    rows.get('address')!.push({
      id: r.id,
      location_id: required(s, 'location_id', 'location'),
      address_1: text(r.address_1),
      address_2: text(r.address_2),
      city: text(r.city),
      region: text(r.region),
      state_province: text(r.state_province),
      postal_code: text(r.postal_code),
      country: text(r.country),
      address_type: text(r.address_type),
    });
  }
  for (const s of records('service')) {
    const r = s.record;
    const fields = fieldsOf('service', r.id);
    rows.get('service')!.push({
      id: r.id,
      organization_id: required(s, 'organization_id', 'organization'),
      name: text(r.name),
      alternate_name: text(r.alternate_name),
      description: text(r.description) ?? '',
      url: text(r.url),
      email: text(r.email),
      status: text(r.status),
      application_process: text(r.application_process),
      fees_description: text(r.fees_description),
      eligibility_description: text(r.eligibility_description),
      minimum_age: integer(r.minimum_age),
      maximum_age: integer(r.maximum_age),
      alert: text(r.alert),
      audiences: fields.audiences ?? [],
      age_bands: fields.age_bands ?? [],
      school_levels: fields.school_levels ?? [],
      referral_methods: fields.referral_methods ?? [],
      need_codes: fields.need_codes ?? [],
      is_school_external_offer: fields.is_school_external_offer ?? false,
      free_of_charge: fields.free_of_charge ?? false,
      capacity_state: fields.capacity_state ?? 'available',
      expected_wait_weeks: fields.expected_wait_weeks ?? null,
      plain_what_to_ask: fields.plain_what_to_ask ?? null,
      plain_cost: fields.plain_cost ?? null,
      plain_how_to_get_there: fields.plain_how_to_get_there ?? null,
      translations: JSON.stringify(fields.translations ?? {}),
      last_verified_at:
        typeof r.assured_date === 'string' ? new Date(`${r.assured_date.slice(0, 10)}T00:00:00Z`) : null,
      updated_at: typeof r.last_modified === 'string' ? new Date(r.last_modified) : now,
    });
  }
  for (const s of records('service_at_location')) {
    const r = s.record;
    rows.get('service_at_location')!.push({
      id: r.id,
      service_id: required(s, 'service_id', 'service'),
      location_id: required(s, 'location_id', 'location'),
      description: text(r.description),
    });
  }
  const contactPhones = new Map<string, string>();
  for (const s of records('phone')) {
    const r = s.record;
    if (typeof r.contact_id === 'string') contactPhones.set(r.contact_id, text(r.number)!);
    const links = {
      organization_id: optional(s, 'organization_id', 'organization'),
      service_id: optional(s, 'service_id', 'service'),
      location_id: optional(s, 'location_id', 'location'),
    };
    if (!links.organization_id && !links.service_id && !links.location_id) continue;
    rows.get('phone')!.push({
      id: r.id,
      ...links,
      number: text(r.number),
      extension: text(r.extension),
      type: text(r.type),
      description: text(r.description),
    });
  }
  for (const s of records('contact')) {
    const r = s.record;
    const serviceId = optional(s, 'service_id', 'service');
    const organizationId = exists.organization(r.organization_id)
      ? (r.organization_id as string)
      : serviceOrganization(serviceId);
    if (!organizationId) {
      notes.push(`${s.where}: contactpersoon zonder bekende organisatie of dienst; weggelaten.`);
      continue;
    }
    if (r.organization_id !== organizationId)
      notes.push(`${s.where}: gekoppeld aan de organisatie van de dienst (${organizationId}).`);
    rows.get('contact')!.push({
      id: r.id,
      organization_id: organizationId,
      service_id: serviceId,
      name: text(r.name),
      title: text(r.title) ?? '',
      department: text(r.department),
      email: text(r.email),
      direct_phone: contactPhones.get(r.id) ?? null,
    });
  }
  for (const s of records('schedule')) {
    const r = s.record;
    const links = {
      service_id: optional(s, 'service_id', 'service'),
      location_id: optional(s, 'location_id', 'location'),
      contact_id: inFile('contact', r.contact_id) ? (r.contact_id as string) : null,
    };
    if (!links.service_id && !links.location_id && !links.contact_id) continue;
    rows.get('schedule')!.push({
      id: r.id,
      ...links,
      freq: text(r.freq),
      byday: text(r.byday),
      opens_at: text(r.opens_at),
      closes_at: text(r.closes_at),
      description: text(r.description),
      attending_type: text(r.attending_type),
    });
  }
  for (const s of records('language')) {
    const r = s.record;
    const links = {
      service_id: optional(s, 'service_id', 'service'),
      location_id: optional(s, 'location_id', 'location'),
    };
    if (!links.service_id && !links.location_id) continue;
    const code = text(r.code) ?? text(r.name);
    if (!code) problems.push(`${s.where}: een taal heeft een code of een naam nodig.`);
    rows.get('language')!.push({ id: r.id, ...links, name: text(r.name) ?? code, code, note: text(r.note) });
  }
  for (const s of records('cost_option')) {
    const r = s.record;
    rows.get('cost_option')!.push({
      id: r.id,
      service_id: required(s, 'service_id', 'service'),
      option: text(r.option),
      amount: typeof r.amount === 'number' ? r.amount : null,
      currency: text(r.currency)?.toUpperCase() ?? 'EUR',
      amount_description: text(r.amount_description),
    });
  }
  for (const s of records('service_area')) {
    const r = s.record;
    rows.get('service_area')!.push({
      id: r.id,
      service_id: required(s, 'service_id', 'service'),
      name: text(r.name) ?? '',
      description: text(r.description),
    });
  }
  for (const s of records('attribute')) {
    const r = s.record;
    if (known.ownTerms.has(r.taxonomy_term_id as string)) continue;
    const linkId = r.link_id as string;
    const linked = ['service', 'organization', 'location'].some((t) => exists[t as 'service'](linkId));
    if (!linked || !exists.taxonomy_term(r.taxonomy_term_id)) {
      notes.push(
        `${s.where}: attribuut hoort bij ${String(linkId)} of term ${String(r.taxonomy_term_id)} die nergens staat; weggelaten.`,
      );
      continue;
    }
    rows.get('attribute')!.push({
      id: r.id,
      link_id: linkId,
      link_type: text(r.link_type) ?? '',
      link_entity: text(r.link_entity) ?? '',
      taxonomy_term_id: r.taxonomy_term_id as string,
      value: text(r.value),
    });
  }
  const left = [...set.keys()].filter((t) => !(t in tableOf) && t !== 'organization_identifier');
  if (left.length)
    notes.push(`Niet bewaard (Brugwerk kent deze HSDS-tabellen niet): ${left.sort().join(', ')}.`);
  return { rows, problems, notes };
}

/**
 * Adds a row or updates it when something differs (updated_at alone does not count), in one
 * statement. Returns what happened.
 */
async function upsert(db: Kysely<DB>, table: string, row: Row, insertOnly: Record<string, unknown>) {
  const columns = Object.keys(row).filter((c) => c !== 'id');
  const compared = columns.filter((c) => c !== 'updated_at');
  const ref = (prefix: string) => sql.join(compared.map((c) => sql.ref(`${prefix}.${c}`)));
  const result = await sql<{ inserted: boolean }>`
    INSERT INTO ${sql.table(table)} (${sql.join([...Object.keys(row), ...Object.keys(insertOnly)].map((c) => sql.ref(c)))})
    VALUES (${sql.join([...Object.values(row), ...Object.values(insertOnly)])})
    ON CONFLICT (id) DO UPDATE SET ${sql.join(columns.map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`))}
    WHERE ROW(${ref(table)}) IS DISTINCT FROM ROW(${ref('excluded')})
    RETURNING (xmax = 0) AS inserted`.execute(db);
  const changed = result.rows[0];
  return changed ? (changed.inserted ? 'added' : 'changed') : 'unchanged';
}

/** Imports HSDS files (by name) into the directory; throws HsdsImportRefused with every problem. */
export async function importHsds(
  db: Kysely<DB>,
  files: Map<string, Buffer>,
  actor: Actor,
  now: Date,
): Promise<HsdsImportResult> {
  const { set, problems } = collectRecords(files);
  for (const [table, records] of set) for (const s of records.values()) checkRecord(table, s, problems);
  if (problems.length) throw new HsdsImportRefused(problems);
  const { rows, problems: linkProblems, notes } = directoryRows(set, await existing(db, set), now);
  if (linkProblems.length) throw new HsdsImportRefused(linkProblems);

  const counts: HsdsImportResult['counts'] = {};
  try {
    await db.transaction().execute(async (trx) => {
      // A term's parent or a school's partner CLB may come later in the file.
      await sql`SET CONSTRAINTS ALL DEFERRED`.execute(trx);
      for (const [kind, list] of rows) {
        const table = tableOf[kind];
        const tally = (counts[kind] = { added: 0, changed: 0, unchanged: 0 });
        const timestamps = ['organization', 'service'].includes(kind) ? { created_at: now } : {};
        for (const row of list) {
          tally[await upsert(trx, table, row, timestamps)]++;
        }
      }
      await recordAudit(trx, {
        event: 'directory.hsds_imported',
        actorUserId: actor.userId,
        actorLabel: actor.label ?? null,
        correlationId: actor.correlationId,
        details: { counts, files: [...files.keys()] },
        occurredAt: now,
      });
    });
  } catch (err) {
    if (err instanceof HsdsImportRefused) throw err;
    throw new HsdsImportRefused([
      `De database weigerde de gegevens; er is niets ingevoerd (${(err as Error).message}).`,
    ]);
  }
  return { counts, notes };
}
