import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { unzipSync, zipSync } from 'fflate';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { hsdsOrganization, hsdsService, hsdsTaxonomies, hsdsTaxonomyTerms } from './hsds.ts';

// HSDS exchange files: the JSON documents and the tabular data package (CSV files with
// datapackage.json), both read into one shape, a set of flat records per HSDS table.

export interface FieldSpec {
  name: string;
  type: string;
  format?: string;
  enum?: string[];
  datapackage_type?: string;
}

/** One HSDS table as Open Referral's compiled tabular schema describes it. */
export interface TableSpec {
  name: string;
  path: string;
  description: string;
  required: string[];
  fields: FieldSpec[];
}

interface TabularSchema {
  properties: Record<
    string,
    {
      items: {
        path: string;
        description: string;
        required?: string[];
        properties: Record<string, FieldSpec>;
      };
    }
  >;
}

const tabular = JSON.parse(
  readFileSync(new URL('./hsds-3.0/tabular.json', import.meta.url), 'utf8'),
) as TabularSchema;

export const hsdsTables = new Map<string, TableSpec>(
  Object.entries(tabular.properties).map(([name, { items }]) => [
    name,
    {
      name,
      path: items.path,
      description: items.description,
      required: items.required ?? ['id'],
      fields: Object.values(items.properties).filter((f) => f.type !== 'array'),
    },
  ]),
);

export type HsdsRecord = Record<string, unknown> & { id: string };
/** A record with where it came from, for error messages ("services.csv, rij 4"). */
export interface Sourced {
  record: HsdsRecord;
  where: string;
}
/** Records per HSDS table name (`service`, `organization`, …), by id. */
export type RecordSet = Map<string, Map<string, Sourced>>;

// Which HSDS table a nested property of a JSON document holds.
const nestedTables: Record<string, string> = {
  organization: 'organization',
  organizations: 'organization',
  service: 'service',
  services: 'service',
  location: 'location',
  locations: 'location',
  service_at_locations: 'service_at_location',
  phones: 'phone',
  schedules: 'schedule',
  service_areas: 'service_area',
  languages: 'language',
  funding: 'funding',
  cost_options: 'cost_option',
  program: 'program',
  programs: 'program',
  required_documents: 'required_document',
  contacts: 'contact',
  attributes: 'attribute',
  metadata: 'metadata',
  addresses: 'address',
  accessibility: 'accessibility',
  organization_identifiers: 'organization_identifier',
  taxonomy_term: 'taxonomy_term',
  taxonomy_detail: 'taxonomy',
};
const linkFields = ['organization_id', 'service_id', 'location_id', 'contact_id', 'service_at_location_id'];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Adds a record; the same id seen again (HSDS documents repeat records) fills in what was missing. */
function addRecord(set: RecordSet, table: string, record: HsdsRecord, where: string): void {
  let records = set.get(table);
  if (!records) set.set(table, (records = new Map()));
  const known = records.get(record.id);
  if (!known) {
    records.set(record.id, { record, where });
    return;
  }
  for (const [key, value] of Object.entries(record)) {
    if (known.record[key] === undefined || known.record[key] === null) known.record[key] = value;
  }
}

/**
 * Flattens one HSDS JSON document (a service, organization, location, taxonomy, … with everything
 * nested in it) into the record set. A nested record without a link of its own is linked to the
 * record it sits in. Returns the document's id.
 */
export function collectDocument(
  set: RecordSet,
  problems: string[],
  table: string,
  document: unknown,
  where: string,
  parent?: { table: string; id: string },
): string | undefined {
  if (!isObject(document)) {
    problems.push(`${where}: hier hoort een object.`);
    return undefined;
  }
  if (typeof document.id !== 'string' || document.id === '') {
    problems.push(`${where}: het veld "id" ontbreekt.`);
    return undefined;
  }
  const record: HsdsRecord = { id: document.id };
  const spec = hsdsTables.get(table);
  const has = (field: string) => spec?.fields.some((f) => f.name === field) ?? false;
  const lists: [string, unknown[]][] = [];
  // Links the document states itself; links to nested records are added below.
  const ownLink = linkFields.some((f) => typeof document[f] === 'string');
  for (const [key, value] of Object.entries(document)) {
    const nested = nestedTables[key];
    if (!nested || value === null || value === undefined) {
      if (!nested) record[key] = value;
    } else if (Array.isArray(value)) {
      lists.push([key, value]);
    } else if (isObject(value)) {
      const id = collectDocument(set, problems, nested, value, `${where}.${key}`);
      const link = key === 'taxonomy_detail' ? 'taxonomy_id' : `${key}_id`;
      if (id && has(link) && record[link] === undefined) record[link] = id;
    } else {
      problems.push(`${where}.${key}: hier hoort een lijst of een object.`);
    }
  }
  if (parent) {
    if (table === 'attribute') {
      record.link_id ??= parent.id;
      record.link_entity ??= parent.table;
    } else if (has(`${parent.table}_id`) && record[`${parent.table}_id`] === undefined && !ownLink) {
      record[`${parent.table}_id`] = parent.id;
    }
  }
  addRecord(set, table, record, where);
  for (const [key, items] of lists) {
    items.forEach((item, i) =>
      collectDocument(set, problems, nestedTables[key]!, item, `${where}.${key}[${i}]`, {
        table,
        id: record.id,
      }),
    );
  }
  return record.id;
}

/** Which table a JSON file holds, from its name: services.json, service_full.json, organization_list.json … */
function tableOfJsonFile(name: string): string | undefined {
  const base = path.basename(name).toLowerCase();
  const match =
    /^(service_at_locations?|services?|organizations?|taxonomy_terms?|taxonom(?:y|ies)|locations?)/.exec(
      base,
    );
  if (!match) return undefined;
  const word = match[1]!;
  return word === 'taxonomies' ? 'taxonomy' : word.replace(/s$/, '');
}

function collectJsonFile(set: RecordSet, problems: string[], name: string, text: string) {
  const table = tableOfJsonFile(name);
  if (!table) {
    problems.push(
      `${name}: uit de bestandsnaam blijkt niet wat erin staat (verwacht services…, organizations…, locations…, service_at_locations…, taxonomies… of taxonomy_terms…).`,
    );
    return;
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (err) {
    problems.push(`${name}: geen geldige JSON (${(err as Error).message}).`);
    return;
  }
  // A single document, a list of documents, or an HSDS page with `contents`.
  const documents = Array.isArray(content)
    ? content
    : isObject(content) && Array.isArray(content.contents)
      ? content.contents
      : [content];
  documents.forEach((d, i) =>
    collectDocument(
      set,
      problems,
      table,
      d,
      documents.length === 1 && d === content ? name : `${name}[${i}]`,
    ),
  );
}

function collectCsvFile(set: RecordSet, problems: string[], spec: TableSpec, name: string, text: string) {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  } catch (err) {
    problems.push(`${name}: geen leesbaar CSV-bestand (${(err as Error).message}).`);
    return;
  }
  rows.forEach((row, i) => {
    const where = `${name}, rij ${i + 2}`;
    if (!row.id) {
      problems.push(`${where}: het veld "id" ontbreekt.`);
      return;
    }
    const record: HsdsRecord = { id: row.id };
    for (const [key, value] of Object.entries(row)) {
      if (value === '' || key === 'id') continue;
      const field = spec.fields.find((f) => f.name === key);
      record[key] = field?.type === 'number' && !Number.isNaN(Number(value)) ? Number(value) : value;
    }
    addRecord(set, spec.name, record, where);
  });
}

/** Reads the records of an HSDS exchange: JSON documents and/or the CSV files of a data package. */
export function collectRecords(files: Map<string, Buffer>): { set: RecordSet; problems: string[] } {
  const set: RecordSet = new Map();
  const problems: string[] = [];
  let recognised = 0;
  for (const [name, bytes] of files) {
    const base = path.basename(name);
    const text = bytes.toString('utf8');
    const spec = [...hsdsTables.values()].find((t) => t.path === base);
    if (spec) {
      recognised++;
      collectCsvFile(set, problems, spec, base, text);
    } else if (base.endsWith('.json') && base !== 'datapackage.json') {
      recognised++;
      collectJsonFile(set, problems, base, text);
    }
  }
  if (recognised === 0)
    problems.push(
      'Er staan geen HSDS-bestanden in (JSON-documenten of de CSV-bestanden van een datapakket).',
    );
  return { set, problems };
}

/** The files of an HSDS exchange by name: a .zip, a folder, or a single .json file. */
export async function readHsdsFiles(location: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  if ((await stat(location)).isDirectory()) {
    for (const name of (await readdir(location)).sort()) {
      if (/\.(json|csv)$/i.test(name)) files.set(name, await readFile(path.join(location, name)));
    }
  } else if (location.toLowerCase().endsWith('.zip')) {
    for (const [name, bytes] of Object.entries(unzipSync(await readFile(location)))) {
      if (/\.(json|csv)$/i.test(name)) files.set(path.basename(name), Buffer.from(bytes));
    }
  } else {
    files.set(path.basename(location), await readFile(location));
  }
  return files;
}

/** CSV files and datapackage.json for a record set, columns in the order of the HSDS tabular schema. */
export function tabularPackage(set: RecordSet): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const resources = [];
  for (const spec of hsdsTables.values()) {
    const records = [...(set.get(spec.name)?.values() ?? [])].map((r) => r.record);
    if (records.length === 0) continue;
    records.sort((a, b) => a.id.localeCompare(b.id));
    const columns = spec.fields.map((f) => f.name);
    const rows = records.map((r) =>
      columns.map((c) => (r[c] === undefined || r[c] === null ? '' : String(r[c]))),
    );
    files.set(spec.path, Buffer.from(stringify([columns, ...rows])));
    resources.push({
      name: spec.name,
      path: spec.path,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      description: spec.description,
      schema: {
        fields: spec.fields.map((f) => ({
          name: f.name,
          type: f.datapackage_type ?? f.type,
          ...(f.format && f.format !== 'uuid' ? { format: f.format } : {}),
          ...(f.enum ? { constraints: { enum: f.enum } } : {}),
        })),
        primaryKey: ['id'],
      },
    });
  }
  const datapackage = {
    name: 'brugwerk-sociale-kaart',
    title: 'Brugwerk — sociale kaart (Open Referral HSDS 3.0)',
    profile: 'tabular-data-package',
    licenses: [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }],
    resources,
  };
  files.set('datapackage.json', Buffer.from(JSON.stringify(datapackage, null, 2)));
  return files;
}

/** Every HSDS document of the directory: full organizations and services, taxonomies and terms. */
export async function hsdsDocuments(db: Kysely<DB>) {
  const ids = async (table: 'directory_services' | 'directory_organizations') =>
    (await db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
  const organizations = [];
  for (const id of await ids('directory_organizations'))
    organizations.push((await hsdsOrganization(db, id))!);
  const services = [];
  for (const id of await ids('directory_services')) {
    const service = await hsdsService(db, id);
    if (service) services.push(service);
  }
  return {
    organizations,
    services,
    taxonomies: await hsdsTaxonomies(db),
    taxonomy_terms: await hsdsTaxonomyTerms(db),
  };
}

/**
 * Writes the full export to a folder: one JSON file per document kind and `hsds-tabular.zip`, the
 * tabular data package. Returns the file names with their number of records.
 */
export async function exportHsds(db: Kysely<DB>, directory: string) {
  const documents = await hsdsDocuments(db);
  await mkdir(directory, { recursive: true });
  const set: RecordSet = new Map();
  const problems: string[] = [];
  const written: { file: string; records: number }[] = [];
  for (const [kind, list] of Object.entries(documents)) {
    await writeFile(path.join(directory, `${kind}.json`), `${JSON.stringify(list, null, 2)}\n`);
    written.push({ file: `${kind}.json`, records: list.length });
    const table = tableOfJsonFile(kind)!;
    list.forEach((d, i) => collectDocument(set, problems, table, d, `${kind}[${i}]`));
  }
  if (problems.length) throw new Error(`Export is geen geldig HSDS: ${problems.join('; ')}`);
  const zip = zipSync(
    Object.fromEntries([...tabularPackage(set)].map(([name, bytes]) => [name, new Uint8Array(bytes)])),
    { mtime: new Date('2026-01-01T00:00:00Z') },
  );
  await writeFile(path.join(directory, 'hsds-tabular.zip'), zip);
  written.push({
    file: 'hsds-tabular.zip',
    records: [...set.values()].reduce((n, records) => n + records.size, 0),
  });
  return written;
}
