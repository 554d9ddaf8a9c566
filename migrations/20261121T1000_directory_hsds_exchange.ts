import { type Kysely, sql } from 'kysely';

// Open Referral exchange: Brugwerk's taxonomies get stable ids (so an export imported elsewhere
// keeps them), Brugwerk's own fields get a taxonomy of their own (exported as HSDS attributes),
// and what HSDS leaves optional becomes optional here too.

/** A stable UUID from a name: md5 laid out with version 5 and the RFC 4122 variant bits. */
const stableId = (name: string) =>
  sql`overlay(overlay(md5(${`brugwerk:${name}`}) placing '5' from 13) placing '8' from 17)::uuid`;

// Field names of directory_services / directory_organizations / directory_locations that HSDS has
// no place for. Kept in step with `brugwerkFields` in src/modules/directory/hsds.ts.
const fieldTerms: [string, string][] = [
  ['audiences', 'Doelgroep (parents, children_youth, professionals)'],
  ['age_bands', 'Leeftijdsgroep'],
  ['school_levels', 'Onderwijsniveau (kleuter, lager, secundair, buitengewoon)'],
  ['referral_methods', 'Hoe doorverwijzen'],
  ['is_school_external_offer', 'Schoolextern aanbod voor leerlingen (true/false)'],
  ['free_of_charge', 'Gratis (true/false)'],
  ['capacity_state', 'Capaciteit (available, waiting_list, full)'],
  ['expected_wait_weeks', 'Verwachte wachttijd in weken'],
  ['plain_what_to_ask', 'Wat kan ik hier vragen? (eenvoudige taal)'],
  ['plain_cost', 'Wat kost het? (eenvoudige taal)'],
  ['plain_how_to_get_there', 'Hoe kom ik er? (eenvoudige taal)'],
  ['translations', 'Vertalingen (JSON per taal)'],
  ['kind', 'Soort organisatie (Brugwerk-woordenlijst)'],
  ['welfare_cluster', 'Welzijnscluster (1, 2 of 3)'],
  ['education_mandate', 'Uitdrukkelijke opdracht rond onderwijs (true/false)'],
  ['municipality_nis', 'Gemeente (NIS-code 2025)'],
  ['school_network', 'Onderwijsnet'],
  ['lop_region', 'LOP-regio'],
  ['partner_clb_id', 'Partner-CLB (id in de sociale kaart)'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE directory_taxonomy_terms ALTER COLUMN taxonomy_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE directory_taxonomy_terms ALTER COLUMN code DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE directory_locations ALTER COLUMN organization_id DROP NOT NULL`.execute(db);

  // The needs taxonomy and its terms get their stable ids; references follow the new ids.
  await sql`ALTER TABLE directory_taxonomy_terms
    DROP CONSTRAINT directory_taxonomy_terms_taxonomy_id_fkey,
    ADD CONSTRAINT directory_taxonomy_terms_taxonomy_id_fkey FOREIGN KEY (taxonomy_id)
      REFERENCES directory_taxonomies (id) ON DELETE CASCADE ON UPDATE CASCADE`.execute(db);
  await sql`ALTER TABLE directory_attributes
    DROP CONSTRAINT directory_attributes_taxonomy_term_id_fkey,
    ADD CONSTRAINT directory_attributes_taxonomy_term_id_fkey FOREIGN KEY (taxonomy_term_id)
      REFERENCES directory_taxonomy_terms (id) ON DELETE CASCADE ON UPDATE CASCADE`.execute(db);
  await sql`ALTER TABLE directory_taxonomy_terms
    DROP CONSTRAINT directory_taxonomy_terms_parent_id_fkey,
    ADD CONSTRAINT directory_taxonomy_terms_parent_id_fkey FOREIGN KEY (parent_id)
      REFERENCES directory_taxonomy_terms (id) ON DELETE SET NULL ON UPDATE CASCADE
      DEFERRABLE INITIALLY IMMEDIATE`.execute(db);
  // An import may bring a school before its partner CLB: checked at commit.
  await sql`ALTER TABLE directory_organizations
    ALTER CONSTRAINT directory_organizations_partner_clb_id_fkey DEFERRABLE INITIALLY IMMEDIATE`.execute(db);
  await sql`UPDATE directory_taxonomies SET id = ${stableId('taxonomy:brugwerk-aanleidingen')}
    WHERE name = 'brugwerk-aanleidingen'`.execute(db);
  await sql`UPDATE directory_taxonomy_terms t
    SET id = overlay(overlay(md5('brugwerk:term:brugwerk-aanleidingen:' || t.code) placing '5' from 13)
      placing '8' from 17)::uuid
    FROM directory_taxonomies x WHERE x.id = t.taxonomy_id AND x.name = 'brugwerk-aanleidingen'`.execute(db);

  await sql`INSERT INTO directory_taxonomies (id, name, description, version) VALUES (
    ${stableId('taxonomy:brugwerk-kenmerken')}, 'brugwerk-kenmerken',
    'Velden van Brugwerk die HSDS niet kent; als attribuut met de waarde in value', '1')`.execute(db);
  for (const [code, name] of fieldTerms) {
    await sql`INSERT INTO directory_taxonomy_terms (id, taxonomy_id, code, name, description)
      VALUES (${stableId(`term:brugwerk-kenmerken:${code}`)}, ${stableId('taxonomy:brugwerk-kenmerken')},
        ${code}, ${name}, ${name})`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DELETE FROM directory_taxonomies WHERE name = 'brugwerk-kenmerken'`.execute(db);
  await sql`DELETE FROM directory_locations WHERE organization_id IS NULL`.execute(db);
  await sql`ALTER TABLE directory_locations ALTER COLUMN organization_id SET NOT NULL`.execute(db);
  await sql`DELETE FROM directory_taxonomy_terms WHERE taxonomy_id IS NULL OR code IS NULL`.execute(db);
  await sql`ALTER TABLE directory_taxonomy_terms ALTER COLUMN code SET NOT NULL`.execute(db);
  await sql`ALTER TABLE directory_taxonomy_terms ALTER COLUMN taxonomy_id SET NOT NULL`.execute(db);
}
