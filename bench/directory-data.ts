// Flanders-scale directory data for benchmarks: organisations, schools and services spread over
// every municipality of Flanders and Brussels, with texts varied from the demo templates.
import { type Kysely, sql } from 'kysely';
import { serviceTemplates } from '../src/modules/directory/directory.demo.ts';
import type { DB } from '../src/platform/db/schema.ts';

const qualifiers = [
  '',
  ' voor gezinnen',
  ' in de wijk',
  ' op school',
  ' voor jongeren',
  ' voor nieuwkomers',
  ' aan huis',
];
const extraSentences = [
  'We werken samen met scholen en het CLB uit de buurt.',
  'Afspraken kunnen ook na de schooluren.',
  'Ouders mogen iemand meebrengen om te vertalen.',
  'Er is een wachtlijst in de drukke maanden.',
  'We gaan mee naar de eerste afspraak als dat helpt.',
  'Medewerkers spreken ook Frans, Engels of Arabisch.',
];

/** Deterministic pseudo-random numbers, so every run generates the same data. */
export function random(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

export async function generateDirectory(
  db: Kysely<DB>,
  size: { organisations: number; schools: number; services: number },
): Promise<void> {
  const rnd = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const municipalities = await db
    .selectFrom('municipalities')
    .select(['nis_code', 'name_nl', 'latitude', 'longitude'])
    .where('region', '!=', 'WAL')
    .execute();
  const kinds = Object.keys(serviceTemplates);
  const now = new Date();
  const organisations: { id: string; kind: string; nis: string; locationId: string }[] = [];

  const insertOrganisations = async (count: number, school: boolean) => {
    for (let start = 0; start < count; start += 500) {
      const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
        const m = pick(municipalities);
        const kind = school ? 'school' : pick(kinds);
        return {
          m,
          kind,
          name: `${school ? 'Basisschool' : kind.toUpperCase()} ${m.name_nl} ${start + i + 1}`,
        };
      });
      const rows = await db
        .insertInto('directory_organizations')
        .values(
          batch.map((b) => ({
            name: b.name,
            description: `Organisatie in ${b.m.name_nl}.`,
            kind: b.kind,
            municipality_nis: b.m.nis_code,
            school_levels: school ? ['kleuter', 'lager'] : [],
            created_at: now,
            updated_at: now,
            alternate_name: null,
            email: null,
            website: null,
            welfare_cluster: null,
            owner_organisation_id: null,
            school_institution_number: null,
            school_network: null,
            lop_region: null,
            partner_clb_id: null,
            last_verified_at: now,
            last_verified_by: null,
          })),
        )
        .returning(['id', 'kind', 'municipality_nis'])
        .execute();
      const locations = await db
        .insertInto('directory_locations')
        .values(
          rows.map((r, i) => ({
            organization_id: r.id,
            location_type: 'physical' as const,
            name: null,
            description: null,
            transportation: null,
            latitude: batch[i]!.m.latitude + (rnd() - 0.5) * 0.04,
            longitude: batch[i]!.m.longitude + (rnd() - 0.5) * 0.06,
            municipality_nis: r.municipality_nis,
          })),
        )
        .returning(['id', 'organization_id'])
        .execute();
      if (!school) {
        rows.forEach((r, i) =>
          organisations.push({
            id: r.id,
            kind: r.kind,
            nis: r.municipality_nis!,
            locationId: locations[i]!.id,
          }),
        );
      }
    }
  };
  await insertOrganisations(size.schools, true);
  await insertOrganisations(size.organisations, false);

  for (let start = 0; start < size.services; start += 500) {
    const batch = Array.from({ length: Math.min(500, size.services - start) }, () => {
      const o = pick(organisations);
      const t = pick(serviceTemplates[o.kind]!);
      return { o, t, name: `${t.name}${pick(qualifiers)}`, extra: pick(extraSentences) };
    });
    const rows = await db
      .insertInto('directory_services')
      .values(
        batch.map((b) => ({
          organization_id: b.o.id,
          name: b.name,
          description: `${b.t.description} ${b.extra}`,
          status: 'active' as const,
          audiences: b.t.audiences,
          age_bands: b.t.ages,
          referral_methods: b.t.refer,
          need_codes: b.t.needs,
          free_of_charge: b.t.free,
          plain_what_to_ask: b.t.ask,
          created_at: now,
          updated_at: now,
          alternate_name: null,
          url: null,
          email: null,
          application_process: null,
          fees_description: null,
          eligibility_description: null,
          minimum_age: null,
          maximum_age: null,
          alert: null,
          expected_wait_weeks: null,
          plain_cost: null,
          plain_how_to_get_there: null,
          last_verified_at: now,
          last_verified_by: null,
        })),
      )
      .returning(['id'])
      .execute();
    await db
      .insertInto('directory_service_at_locations')
      .values(
        rows.map((r, i) => ({ service_id: r.id, location_id: batch[i]!.o.locationId, description: null })),
      )
      .execute();
  }
  // Planner statistics for the new rows (PGlite has no autovacuum).
  await sql`ANALYZE`.execute(db);
}
