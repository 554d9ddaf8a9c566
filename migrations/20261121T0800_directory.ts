import { type Kysely, sql } from 'kysely';

// The directory (sociale kaart), aligned with Open Referral HSDS 3.0 table and field names, plus
// Brugwerk's own fields. Every table is prefixed `directory_` (the module owns them).
export async function up(db: Kysely<unknown>): Promise<void> {
  const id = (t: ReturnType<typeof db.schema.createTable>) =>
    t.addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`));

  // Search needs unaccent in an index expression, which wants an immutable function (ARCHITECTURE §5).
  await sql`CREATE FUNCTION brugwerk_unaccent(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`.execute(db);

  await id(db.schema.createTable('directory_taxonomies'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('uri', 'text')
    .addColumn('version', 'text')
    .execute();
  await id(db.schema.createTable('directory_taxonomy_terms'))
    .addColumn('taxonomy_id', 'uuid', (c) =>
      c.notNull().references('directory_taxonomies.id').onDelete('cascade'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'uuid', (c) => c.references('directory_taxonomy_terms.id'))
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('nl'))
    .addColumn('term_uri', 'text')
    .addUniqueConstraint('directory_taxonomy_terms_code', ['taxonomy_id', 'code'])
    .execute();

  await id(db.schema.createTable('directory_organizations'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alternate_name', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('website', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('welfare_cluster', 'smallint', (c) => c.check(sql`welfare_cluster between 1 and 3`))
    .addColumn('education_mandate', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('municipality_nis', 'text', (c) => c.references('municipalities.nis_code'))
    // Claimed: the accounts organisation whose members own this entry (confirmed by a curator).
    .addColumn('owner_organisation_id', 'uuid', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('school_institution_number', 'text')
    .addColumn('school_network', 'text')
    .addColumn('school_levels', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('lop_region', 'text')
    .addColumn('partner_clb_id', 'uuid', (c) =>
      c.references('directory_organizations.id').onDelete('set null'),
    )
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_verified_at', 'timestamptz')
    .addColumn('last_verified_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('directory_organizations_kind')
    .on('directory_organizations')
    .column('kind')
    .execute();

  await id(db.schema.createTable('directory_locations'))
    .addColumn('organization_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('location_type', 'text', (c) =>
      c.notNull().check(sql`location_type in ('physical', 'postal', 'virtual')`),
    )
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('transportation', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('municipality_nis', 'text', (c) => c.references('municipalities.nis_code'))
    .execute();
  await id(db.schema.createTable('directory_addresses'))
    .addColumn('location_id', 'uuid', (c) =>
      c.notNull().references('directory_locations.id').onDelete('cascade'),
    )
    .addColumn('address_1', 'text', (c) => c.notNull())
    .addColumn('address_2', 'text')
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('state_province', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull().defaultTo('BE'))
    .addColumn('address_type', 'text', (c) => c.notNull().defaultTo('physical'))
    .execute();

  await id(db.schema.createTable('directory_services'))
    .addColumn('organization_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alternate_name', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('email', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('active', 'inactive', 'defunct', 'temporarily closed')`),
    )
    .addColumn('application_process', 'text')
    .addColumn('fees_description', 'text')
    .addColumn('eligibility_description', 'text')
    .addColumn('minimum_age', 'integer')
    .addColumn('maximum_age', 'integer')
    .addColumn('alert', 'text')
    .addColumn('audiences', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('age_bands', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('school_levels', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('referral_methods', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('need_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('is_school_external_offer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('free_of_charge', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('capacity_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('available')
        .check(sql`capacity_state in ('available', 'waiting_list', 'full')`),
    )
    .addColumn('expected_wait_weeks', 'integer')
    // Plain-language texts for parents, in Dutch; translations per language in `translations`.
    .addColumn('plain_what_to_ask', 'text')
    .addColumn('plain_cost', 'text')
    .addColumn('plain_how_to_get_there', 'text')
    .addColumn('translations', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('search_vector', sql`tsvector`, (c) => c.notNull().defaultTo(sql`''::tsvector`))
    .addColumn('search_stems', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_verified_at', 'timestamptz')
    .addColumn('last_verified_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`CREATE INDEX directory_services_search ON directory_services USING gin (search_vector)`.execute(
    db,
  );
  await sql`CREATE INDEX directory_services_stems ON directory_services USING gin (search_stems gin_trgm_ops)`.execute(
    db,
  );
  await sql`CREATE INDEX directory_services_needs ON directory_services USING gin (need_codes)`.execute(db);
  await db.schema
    .createIndex('directory_services_organization')
    .on('directory_services')
    .column('organization_id')
    .execute();

  await id(db.schema.createTable('directory_service_at_locations'))
    .addColumn('service_id', 'uuid', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('location_id', 'uuid', (c) =>
      c.notNull().references('directory_locations.id').onDelete('cascade'),
    )
    .addColumn('description', 'text')
    .addUniqueConstraint('directory_service_at_locations_pair', ['service_id', 'location_id'])
    .execute();

  // Contact points (aanspreekpunten) are HSDS contacts: a role at an organisation, with direct
  // lines that only signed-in professionals see.
  await id(db.schema.createTable('directory_contacts'))
    .addColumn('organization_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('service_id', 'uuid', (c) => c.references('directory_services.id').onDelete('cascade'))
    .addColumn('name', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('email', 'text')
    .addColumn('direct_phone', 'text')
    .addColumn('presence', 'text')
    .execute();
  await db.schema
    .createTable('directory_contact_schools')
    .addColumn('contact_id', 'uuid', (c) =>
      c.notNull().references('directory_contacts.id').onDelete('cascade'),
    )
    .addColumn('school_id', 'uuid', (c) =>
      c.notNull().references('directory_organizations.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('directory_contact_schools_pk', ['contact_id', 'school_id'])
    .execute();

  await id(db.schema.createTable('directory_phones'))
    .addColumn('organization_id', 'uuid', (c) =>
      c.references('directory_organizations.id').onDelete('cascade'),
    )
    .addColumn('service_id', 'uuid', (c) => c.references('directory_services.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.references('directory_locations.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('extension', 'text')
    .addColumn('type', 'text')
    .addColumn('description', 'text')
    .execute();

  await id(db.schema.createTable('directory_schedules'))
    .addColumn('service_id', 'uuid', (c) => c.references('directory_services.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.references('directory_locations.id').onDelete('cascade'))
    .addColumn('contact_id', 'uuid', (c) => c.references('directory_contacts.id').onDelete('cascade'))
    .addColumn('freq', 'text')
    .addColumn('byday', 'text')
    .addColumn('opens_at', 'time')
    .addColumn('closes_at', 'time')
    .addColumn('description', 'text')
    .addColumn('attending_type', 'text')
    .execute();

  await id(db.schema.createTable('directory_languages'))
    .addColumn('service_id', 'uuid', (c) => c.references('directory_services.id').onDelete('cascade'))
    .addColumn('location_id', 'uuid', (c) => c.references('directory_locations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();

  await id(db.schema.createTable('directory_cost_options'))
    .addColumn('service_id', 'uuid', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('option', 'text')
    .addColumn('amount', 'numeric(10, 2)')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('EUR'))
    .addColumn('amount_description', 'text')
    .execute();

  await id(db.schema.createTable('directory_service_areas'))
    .addColumn('service_id', 'uuid', (c) =>
      c.notNull().references('directory_services.id').onDelete('cascade'),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('municipality_nis', 'text', (c) => c.references('municipalities.nis_code'))
    .execute();

  // Links any entry to a taxonomy term (HSDS attribute); the need codes are one taxonomy.
  await id(db.schema.createTable('directory_attributes'))
    .addColumn('link_id', 'uuid', (c) => c.notNull())
    .addColumn('link_type', 'text', (c) => c.notNull())
    .addColumn('link_entity', 'text', (c) => c.notNull())
    .addColumn('taxonomy_term_id', 'uuid', (c) =>
      c.notNull().references('directory_taxonomy_terms.id').onDelete('cascade'),
    )
    .addColumn('value', 'text')
    .execute();
  await db.schema
    .createIndex('directory_attributes_link')
    .on('directory_attributes')
    .columns(['link_entity', 'link_id'])
    .execute();

  // The needs vocabulary (ARCHITECTURE §3) as an HSDS taxonomy; codes are stable.
  const needs: [string, string, string][] = [
    ['FIN', 'Geld en materiële hulp', 'Geldzorgen, schoolkosten, materiële hulp, voeding en kleding.'],
    ['ADM', 'Papieren en rechten', 'Administratie, toelagen, studietoelage, rechten openen.'],
    ['HOUS', 'Wonen', 'Huisvesting, dreigende uithuiszetting, woonkwaliteit.'],
    ['PAR', 'Opvoeding en gezin', 'Opvoedingsondersteuning, gezinsondersteuning, relaties in het gezin.'],
    ['LEIS', 'Vrije tijd, sport en cultuur', 'Kunst, sport, jeugdwerk en vakantieaanbod.'],
    ['HEALTH', 'Gezondheid en welzijn', 'Hygiëne, lichamelijke en mentale gezondheid.'],
    ['POV', 'Kinderarmoede', 'Kansarmoede en uitsluiting bij kinderen en gezinnen.'],
    [
      'EDU',
      'Drempels in het onderwijs',
      'Inschrijving, huiswerk, zorg op school, communicatie tussen school en ouders.',
    ],
    ['LANG', 'Taal', 'Nederlands leren, tolken, meertaligheid.'],
  ];
  const taxonomy = await sql<{ id: string }>`INSERT INTO directory_taxonomies (name, description, version)
    VALUES ('brugwerk-aanleidingen', 'Aanleidingen (noden) van gezinnen, Brugwerk', '1') RETURNING id`.execute(
    db,
  );
  const taxonomyId = taxonomy.rows[0]!.id;
  for (const [code, name, description] of needs) {
    await sql`INSERT INTO directory_taxonomy_terms (taxonomy_id, code, name, description)
      VALUES (${taxonomyId}, ${code}, ${name}, ${description})`.execute(db);
  }

  // The search document of a service, kept by the database on every write: a weighted Dutch
  // tsvector (name A, organisation B, texts C, need names D) and, for compounds and typos, the
  // stems plus the unaccented words as plain text under a trigram index.
  await sql`
    CREATE FUNCTION directory_services_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      organisation text;
      need_names text;
      body text;
    BEGIN
      SELECT coalesce(o.name, '') || ' ' || coalesce(o.alternate_name, '') INTO organisation
        FROM directory_organizations o WHERE o.id = NEW.organization_id;
      SELECT coalesce(string_agg(t.name, ' '), '') INTO need_names
        FROM directory_taxonomy_terms t WHERE t.code = ANY (NEW.need_codes);
      body := coalesce(NEW.description, '') || ' ' || coalesce(NEW.plain_what_to_ask, '') || ' ' ||
              coalesce(NEW.eligibility_description, '');
      NEW.search_vector :=
        setweight(to_tsvector('dutch', brugwerk_unaccent(NEW.name || ' ' || coalesce(NEW.alternate_name, ''))), 'A') ||
        setweight(to_tsvector('dutch', brugwerk_unaccent(coalesce(organisation, ''))), 'B') ||
        setweight(to_tsvector('dutch', brugwerk_unaccent(body)), 'C') ||
        setweight(to_tsvector('dutch', brugwerk_unaccent(need_names)), 'D');
      NEW.search_stems := array_to_string(tsvector_to_array(NEW.search_vector), ' ') || ' ' ||
        lower(brugwerk_unaccent(NEW.name || ' ' || coalesce(organisation, '') || ' ' || body));
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER directory_services_search BEFORE INSERT OR UPDATE ON directory_services
    FOR EACH ROW EXECUTE FUNCTION directory_services_search_document()`.execute(db);
  // A renamed organisation renews the search documents of its services.
  await sql`
    CREATE FUNCTION directory_organizations_renew_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.name IS DISTINCT FROM OLD.name OR NEW.alternate_name IS DISTINCT FROM OLD.alternate_name THEN
        UPDATE directory_services SET updated_at = updated_at WHERE organization_id = NEW.id;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER directory_organizations_search AFTER UPDATE ON directory_organizations
    FOR EACH ROW EXECUTE FUNCTION directory_organizations_renew_search()`.execute(db);

  // Change history (HSDS metadata): who changed which field of which entry, when.
  await id(db.schema.createTable('directory_metadata'))
    .addColumn('resource_id', 'uuid', (c) => c.notNull())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('last_action_date', 'timestamptz', (c) => c.notNull())
    .addColumn('last_action_type', 'text', (c) => c.notNull())
    .addColumn('field_name', 'text', (c) => c.notNull())
    .addColumn('previous_value', 'text', (c) => c.notNull())
    .addColumn('replacement_value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('directory_metadata_resource')
    .on('directory_metadata')
    .columns(['resource_type', 'resource_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'directory_metadata',
    'directory_attributes',
    'directory_service_areas',
    'directory_cost_options',
    'directory_languages',
    'directory_schedules',
    'directory_phones',
    'directory_contact_schools',
    'directory_contacts',
    'directory_service_at_locations',
    'directory_services',
    'directory_addresses',
    'directory_locations',
    'directory_organizations',
    'directory_taxonomy_terms',
    'directory_taxonomies',
  ])
    await db.schema.dropTable(t).execute();
  await sql`DROP FUNCTION directory_services_search_document()`.execute(db);
  await sql`DROP FUNCTION directory_organizations_renew_search()`.execute(db);
  await sql`DROP FUNCTION brugwerk_unaccent(text)`.execute(db);
}
