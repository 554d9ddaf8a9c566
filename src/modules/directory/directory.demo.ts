import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { OrganisationType } from '../../platform/vocabularies.ts';

// DEMO DATA for the sociale kaart. Every organisation, service and person here is invented; any
// likeness to a real one is unintended. Names carry "(demo)".

const municipalities = ['44021', '11002', '71016', '21004'] as const; // Gent, Antwerpen, Genk, Brussel
const districts = ['Noord', 'Zuid', 'Oost', 'West', 'Centrum', 'Haven', 'Kouter', 'Heide'];

export interface ServiceTemplate {
  name: string;
  description: string;
  ask: string;
  needs: string[];
  ages: string[];
  audiences: string[];
  refer: string[];
  free: boolean;
  external?: boolean;
  languages?: string[];
}

export const serviceTemplates: Record<string, ServiceTemplate[]> = {
  caw: [
    {
      name: 'Onthaal en eerste hulp bij vragen',
      description:
        'Iedereen met een vraag over geld, papieren, wonen of relaties kan hier zonder afspraak binnenlopen. We luisteren, zoeken samen uit wat nodig is en verwijzen warm door.',
      ask: 'Je kunt hier terecht met elke vraag over geld, papieren, wonen of je gezin.',
      needs: ['FIN', 'ADM', 'HOUS'],
      ages: ['18+'],
      audiences: ['parents'],
      refer: ['walk_in', 'phone', 'warm_referral'],
      free: true,
      languages: ['nl', 'fr', 'en'],
    },
    {
      name: 'Welzijnswerker op school',
      description:
        'Een welzijnswerker houdt wekelijks spreekuur aan de schoolpoort en helpt ouders met vragen over schoolkosten, toelagen en huisvesting.',
      ask: 'Spreek de welzijnswerker aan de schoolpoort aan, ook voor kleine vragen.',
      needs: ['FIN', 'ADM', 'EDU'],
      ages: ['3-5', '6-11'],
      audiences: ['parents'],
      refer: ['walk_in', 'warm_referral'],
      free: true,
      languages: ['nl', 'ar'],
    },
    {
      name: 'Budgetbegeleiding voor gezinnen',
      description:
        'Samen met het gezin maken we een overzicht van inkomsten en uitgaven en zoeken we oplossingen voor schulden en achterstallige schoolfacturen.',
      ask: 'Vraag hulp als je rekeningen niet meer kunt betalen of schulden hebt.',
      needs: ['FIN', 'POV'],
      ages: ['18+'],
      audiences: ['parents'],
      refer: ['phone', 'warm_referral'],
      free: true,
    },
  ],
  ocmw: [
    {
      name: 'Sociale dienst: financiële steun',
      description:
        'De sociale dienst onderzoekt recht op leefloon, aanvullende steun en tussenkomst in schoolkosten, schoolmaaltijden en schooluitstappen.',
      ask: 'Vraag of je recht hebt op steun voor schoolkosten of een uitstap.',
      needs: ['FIN', 'ADM', 'POV'],
      ages: ['18+'],
      audiences: ['parents'],
      refer: ['phone', 'walk_in', 'via_clb'],
      free: true,
      languages: ['nl', 'fr'],
    },
    {
      name: 'Vrijetijdspas voor kinderen',
      description:
        'Met de vrijetijdspas betalen kinderen uit gezinnen met een laag inkomen maar een kwart van de prijs voor sport, jeugdwerk, muziekschool en vakantiekampen.',
      ask: 'Vraag de pas aan voor je kind; daarna krijg je korting op sport en kampen.',
      needs: ['LEIS', 'POV'],
      ages: ['3-5', '6-11', '12-17'],
      audiences: ['parents', 'children_youth'],
      refer: ['online_form', 'walk_in'],
      free: true,
    },
  ],
  huis_van_het_kind: [
    {
      name: 'Opvoedingswinkel',
      description:
        'Ouders kunnen terecht met vragen over opvoeding, slapen, eten, pesten en huiswerk. Ook gesprekken thuis zijn mogelijk.',
      ask: 'Stel je vraag over opvoeding; je mag ook gewoon je zorgen vertellen.',
      needs: ['PAR', 'EDU'],
      ages: ['0-2', '3-5', '6-11', '12-17'],
      audiences: ['parents'],
      refer: ['phone', 'walk_in', 'online_form'],
      free: true,
      languages: ['nl', 'fr', 'en', 'tr'],
    },
    {
      name: 'Babytheek en tweedehandskleding',
      description:
        'Gezinnen lenen babyspullen en kiezen gratis kinderkleding en schoolgerief in onze ruilhoek.',
      ask: 'Kom langs voor kinderkleding, babyspullen of een boekentas.',
      needs: ['FIN', 'POV'],
      ages: ['0-2', '3-5', '6-11'],
      audiences: ['parents'],
      refer: ['walk_in'],
      free: true,
    },
  ],
  ckg: [
    {
      name: 'Mobiele gezinsondersteuning',
      description:
        'Bij zware opvoedingsvragen komt een begeleider enkele maanden bij het gezin thuis. Ook kortdurende opvang van kinderen in crisis.',
      ask: 'Vraag hulp als het thuis even niet meer lukt.',
      needs: ['PAR', 'HEALTH'],
      ages: ['0-2', '3-5', '6-11'],
      audiences: ['parents'],
      refer: ['warm_referral', 'via_clb'],
      free: true,
    },
  ],
  inloopteam: [
    {
      name: 'Hulp bij inschrijving in de kleuterschool',
      description:
        'We helpen ouders om hun kind tijdig aan te melden en in te schrijven in een kleuterschool, en leggen uit hoe de school werkt.',
      ask: 'Kom langs als je hulp wil bij het inschrijven van je kind in de school.',
      needs: ['EDU', 'ADM', 'LANG'],
      ages: ['0-2', '3-5'],
      audiences: ['parents'],
      refer: ['walk_in', 'warm_referral'],
      free: true,
      languages: ['nl', 'fr', 'ar', 'ro'],
    },
    {
      name: 'Ontmoetingsmomenten voor jonge gezinnen',
      description:
        'Elke week ontmoeten ouders met jonge kinderen elkaar bij koffie en spel. Een medewerker helpt bij vragen over kinderopvang en inschrijving in de kleuterschool.',
      ask: 'Kom gewoon binnen met je kinderen; je hoeft niets te betalen.',
      needs: ['PAR', 'EDU', 'POV'],
      ages: ['0-2', '3-5'],
      audiences: ['parents'],
      refer: ['walk_in'],
      free: true,
      languages: ['nl', 'ar', 'ro'],
    },
  ],
  buurtwerk: [
    {
      name: 'Huiswerkbegeleiding in de buurt',
      description:
        'Vrijwilligers helpen kinderen van de lagere school na schooltijd met huiswerk en lezen, in het buurthuis.',
      ask: 'Schrijf je kind in voor hulp bij huiswerk na school.',
      needs: ['EDU', 'LANG'],
      ages: ['6-11'],
      audiences: ['children_youth', 'parents'],
      refer: ['walk_in', 'phone'],
      free: true,
      external: true,
    },
    {
      name: 'Taalcafé voor ouders',
      description:
        'Ouders oefenen Nederlands in een ontspannen sfeer en leren woorden die ze nodig hebben voor de school van hun kinderen.',
      ask: 'Oefen Nederlands met andere ouders, elke donderdag.',
      needs: ['LANG', 'EDU'],
      ages: ['18+'],
      audiences: ['parents'],
      refer: ['walk_in'],
      free: true,
      languages: ['nl', 'en', 'fr', 'ar'],
    },
  ],
  samenlevingsopbouw: [
    {
      name: 'Woonwinkel en huurdersondersteuning',
      description:
        'Hulp bij het zoeken van een betaalbare woning, problemen met de verhuurder en inschrijving voor sociale huisvesting.',
      ask: 'Vraag hulp bij het zoeken naar een woning of bij problemen met je huisbaas.',
      needs: ['HOUS', 'ADM'],
      ages: ['18+'],
      audiences: ['parents'],
      refer: ['walk_in', 'phone'],
      free: true,
    },
  ],
  armoedeorganisatie: [
    {
      name: 'Gezinsuitstappen aan kleine prijs',
      description:
        'Een paar keer per jaar gaan gezinnen samen op uitstap naar zee, de dierentuin of een museum, voor een symbolische prijs.',
      ask: 'Ga mee op uitstap met je gezin; het kost bijna niets.',
      needs: ['LEIS', 'POV'],
      ages: ['3-5', '6-11', '12-17', '18+'],
      audiences: ['parents', 'children_youth'],
      refer: ['walk_in', 'phone'],
      free: false,
    },
    {
      name: 'Vereniging waar armen het woord nemen',
      description:
        'Mensen in armoede komen samen, steunen elkaar en praten mee over beleid. Er is een wekelijkse soepnamiddag en een kinderwerking.',
      ask: 'Kom langs om andere ouders te ontmoeten en je stem te laten horen.',
      needs: ['POV', 'LEIS'],
      ages: ['6-11', '18+'],
      audiences: ['parents', 'children_youth'],
      refer: ['walk_in', 'warm_referral'],
      free: true,
    },
  ],
  clb: [
    {
      name: 'CLB-onthaal voor leerlingen en ouders',
      description:
        'Het CLB helpt bij vragen over leren, studiekeuze, gezondheid, welbevinden en de rechten van leerlingen. Het CLB werkt vertrouwelijk.',
      ask: 'Je kunt met elke vraag over je kind en school bij het CLB terecht.',
      needs: ['EDU', 'HEALTH'],
      ages: ['3-5', '6-11', '12-17'],
      audiences: ['parents', 'children_youth'],
      refer: ['phone', 'online_form'],
      free: true,
      languages: ['nl', 'fr', 'en'],
    },
    {
      name: 'Vorming over armoede voor schoolteams',
      description:
        'Een CLB-medewerker begeleidt een teamvergadering over armoede: signalen herkennen, schoolkosten beperken en ouders betrekken.',
      ask: 'Boek een vorming voor je schoolteam.',
      needs: ['POV', 'EDU'],
      ages: [],
      audiences: ['professionals'],
      refer: ['online_form'],
      free: true,
    },
  ],
  brugfigurenwerking: [
    {
      name: 'Brugfiguur op school',
      description:
        'De brugfiguur is een vast aanspreekpunt voor ouders op school: helpt bij inschrijving, schoolrekeningen, communicatie met leerkrachten en gaat mee naar hulpverlening.',
      ask: 'De brugfiguur helpt je met alles wat moeilijk loopt tussen jou en de school.',
      needs: ['EDU', 'FIN', 'LANG'],
      ages: ['3-5', '6-11'],
      audiences: ['parents'],
      refer: ['warm_referral', 'walk_in'],
      free: true,
      languages: ['nl', 'fr', 'ar', 'bg'],
    },
  ],
  jeugdwerk: [
    {
      name: 'Speelpleinwerking in de vakantie',
      description:
        'Elke schoolvakantie spelen kinderen op het speelplein, met begeleiding en een gratis middagmaal.',
      ask: 'Je kind kan in de vakantie komen spelen voor 2 euro per dag.',
      needs: ['LEIS', 'POV'],
      ages: ['3-5', '6-11'],
      audiences: ['children_youth'],
      refer: ['online_form', 'walk_in'],
      free: false,
    },
    {
      name: 'Time-outproject voor jongeren',
      description:
        'Jongeren die vastlopen op school volgen een traject van zes weken buiten de school, met werkplekleren en gesprekken, en keren daarna terug naar de klas.',
      ask: 'Via het CLB kan een jongere een tijd buiten de school werken aan een nieuwe start.',
      needs: ['EDU', 'HEALTH'],
      ages: ['12-17'],
      audiences: ['children_youth'],
      refer: ['via_clb'],
      free: true,
      external: true,
    },
  ],
  sport: [
    {
      name: 'Gratis sportinitiatie na school',
      description:
        'Op woensdagnamiddag proberen kinderen gratis verschillende sporten uit in de sporthal van de school.',
      ask: 'Je kind kan op woensdag gratis sporten na school.',
      needs: ['LEIS', 'HEALTH'],
      ages: ['6-11'],
      audiences: ['children_youth'],
      refer: ['online_form', 'walk_in'],
      free: true,
      external: true,
    },
    {
      name: 'Sportkampen aan sociaal tarief',
      description: 'Sportkampen in alle schoolvakanties, met korting voor wie een vrijetijdspas heeft.',
      ask: 'Schrijf je kind in voor een sportkamp; met de pas betaal je minder.',
      needs: ['LEIS'],
      ages: ['6-11', '12-17'],
      audiences: ['children_youth', 'parents'],
      refer: ['online_form'],
      free: false,
    },
  ],
  gezondheid: [
    {
      name: 'Tandzorg voor kinderen',
      description:
        'Tandartsen van het wijkgezondheidscentrum controleren de tanden van kinderen en behandelen zonder dat ouders iets moeten voorschieten.',
      ask: 'Maak een afspraak bij de tandarts; je hoeft niets vooraf te betalen.',
      needs: ['HEALTH', 'FIN'],
      ages: ['3-5', '6-11', '12-17'],
      audiences: ['parents', 'children_youth'],
      refer: ['phone'],
      free: true,
    },
    {
      name: 'Wijkgezondheidscentrum',
      description:
        'Huisarts, verpleegkundige en tandarts in de wijk, zonder te betalen bij elk bezoek. Ook hulp bij mentale gezondheid en hygiëne.',
      ask: 'Schrijf je in bij de dokter van de wijk; je betaalt niet per bezoek.',
      needs: ['HEALTH', 'POV'],
      ages: ['0-2', '3-5', '6-11', '12-17', '18+'],
      audiences: ['parents', 'children_youth'],
      refer: ['phone', 'walk_in'],
      free: true,
      languages: ['nl', 'fr', 'en', 'ar'],
    },
  ],
};

const orgNames: Record<string, string[]> = {
  caw: ['CAW Scheldeboog', 'CAW Kempenrand', 'CAW Zennevallei'],
  ocmw: ['Sociaal Huis Lindendries', 'OCMW Kouterveld', 'Sociaal Huis Hoogmolen'],
  huis_van_het_kind: [
    'Huis van het Kind De Knikker',
    'Huis van het Kind Tuimelaar',
    'Huis van het Kind Duizendpoot',
  ],
  ckg: ['CKG De Vlinderboom'],
  inloopteam: ['Inloopteam Het Nest', 'Inloopteam De Koffiepot'],
  buurtwerk: [
    'Buurtwerk Ledeberg-Oost',
    'Buurtwerk Rabot-West',
    'Buurthuis De Horizon',
    'Buurtwerk Vennestraat',
  ],
  samenlevingsopbouw: ['Samenlevingsopbouw Woonkracht'],
  armoedeorganisatie: ['Vereniging De Zonnebloem', 'Vzw Samen Sterk'],
  clb: ['CLB Waterland', 'CLB De Kempen', 'CLB Zenne en Zoniën'],
  brugfigurenwerking: ['Brugfigurenwerking Schoolbrug', 'Brugfiguren Kanaalkant'],
  jeugdwerk: ['Speelplein De Wilg', 'Jeugdhuis Het Anker'],
  sport: ['Sportdienst Kanaalzone', 'Sportclub Samen Actief'],
  gezondheid: ['Wijkgezondheidscentrum De Bron', 'Wijkgezondheidscentrum Het Kompas'],
};

const schools = [
  'Basisschool De Klimop',
  'Basisschool Het Molentje',
  'Kleuterschool De Zonnewijzer',
  'Basisschool Sint-Victor',
  'Gemeentelijke Basisschool Het Park',
  'Freinetschool De Vlieger',
  'Secundaire school Atheneum Noordstad',
  'Middenschool De Brug',
  'Technisch Instituut Hoogveld',
  'Buitengewoon Onderwijs De Toekomst',
];

const welfareCluster: Partial<Record<OrganisationType, number>> = {
  caw: 1,
  ocmw: 1,
  inloopteam: 2,
  huis_van_het_kind: 2,
  ckg: 2,
  clb: 3,
  brugfigurenwerking: 3,
  buurtwerk: 1,
  samenlevingsopbouw: 1,
  armoedeorganisatie: 1,
};

/** A small deterministic jitter so demo locations spread around the municipality centre. */
const jitter = (i: number, scale: number) => (((i * 7919) % 100) / 100 - 0.5) * scale;

/** Loads the demo directory: 30 organisations, 10 schools, about 60 services in four municipalities. */
// Opening hours of the demo services, in turn: office days, a free afternoon, evenings.
const openingHours = [
  { byday: 'MO,TU,WE,TH,FR', opens: '09:00', closes: '17:00' },
  { byday: 'WE', opens: '13:00', closes: '17:30' },
  { byday: 'MO,TH', opens: '18:00', closes: '20:30' },
  { byday: 'TU,TH,FR', opens: '08:30', closes: '12:00' },
];

export async function loadDemoDirectory(
  db: Kysely<DB>,
  now: Date,
): Promise<{ organisations: number; services: number }> {
  const centres = await db
    .selectFrom('municipalities')
    .select(['nis_code', 'name_nl', 'latitude', 'longitude', 'province_nis'])
    .where('nis_code', 'in', [...municipalities])
    .execute();
  const centreOf = (nis: string) => centres.find((c) => c.nis_code === nis)!;
  let index = 0;
  let serviceCount = 0;
  const place = async (organizationId: string, nis: string) => {
    const c = centreOf(nis);
    const i = index++;
    const location = await db
      .insertInto('directory_locations')
      .values({
        organization_id: organizationId,
        location_type: 'physical',
        name: null,
        description: null,
        transportation: 'Bus en tram stoppen op wandelafstand.',
        latitude: c.latitude + jitter(i, 0.04),
        longitude: c.longitude + jitter(i + 3, 0.06),
        municipality_nis: nis,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('directory_addresses')
      .values({
        location_id: location.id,
        address_1: `${districts[i % districts.length]}straat ${10 + i}`,
        address_2: null,
        city: c.name_nl,
        region: null,
        state_province: c.province_nis ?? 'Brussels Hoofdstedelijk Gewest',
        postal_code: nis === '44021' ? '9000' : nis === '11002' ? '2000' : nis === '71016' ? '3600' : '1000',
      })
      .execute();
    return location.id;
  };

  const schoolIds: string[] = [];
  for (const [i, name] of schools.entries()) {
    const nis = municipalities[i % municipalities.length]!;
    const secondary = /Secundaire|Middenschool|Technisch/.test(name);
    const school = await db
      .insertInto('directory_organizations')
      .values({
        name: `${name} (demo)`,
        alternate_name: null,
        description: `${secondary ? 'Secundaire school' : 'School'} in ${centreOf(nis).name_nl}. Demodata.`,
        email: null,
        website: null,
        kind: 'school',
        welfare_cluster: null,
        municipality_nis: nis,
        owner_organisation_id: null,
        school_institution_number: String(900000 + i * 17),
        school_network: ['GO', 'OVSG', 'KOV'][i % 3]!,
        school_levels: secondary
          ? ['secundair']
          : /Kleuter/.test(name)
            ? ['kleuter']
            : /Buitengewoon/.test(name)
              ? ['buitengewoon']
              : ['kleuter', 'lager'],
        lop_region: null,
        partner_clb_id: null,
        is_demo: true,
        created_at: now,
        updated_at: now,
        last_verified_at: now,
        last_verified_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await place(school.id, nis);
    schoolIds.push(school.id);
  }

  let orgCount = schools.length;
  for (const [kind, names] of Object.entries(orgNames)) {
    for (const [n, baseName] of names.entries()) {
      const nis = municipalities[(orgCount + n) % municipalities.length]!;
      const organization = await db
        .insertInto('directory_organizations')
        .values({
          name: `${baseName} (demo)`,
          alternate_name: null,
          description: `Verzonnen organisatie voor de demo, actief in ${centreOf(nis).name_nl}.`,
          email: `info@${baseName.toLowerCase().replace(/[^a-z]+/g, '')}.demo.invalid`,
          website: null,
          kind,
          welfare_cluster: welfareCluster[kind as OrganisationType] ?? null,
          education_mandate: ['clb', 'brugfigurenwerking'].includes(kind),
          municipality_nis: nis,
          owner_organisation_id: null,
          school_levels: [],
          school_institution_number: null,
          school_network: null,
          lop_region: null,
          partner_clb_id: null,
          is_demo: true,
          created_at: now,
          updated_at: now,
          last_verified_at: now,
          last_verified_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      orgCount++;
      const locationId = await place(organization.id, nis);
      await db
        .insertInto('directory_phones')
        .values({
          organization_id: organization.id,
          service_id: null,
          location_id: null,
          number: `09 ${200 + orgCount} 00 ${10 + n}`,
          extension: null,
          type: 'voice',
          description: 'Algemeen nummer',
        })
        .execute();
      const contact = await db
        .insertInto('directory_contacts')
        .values({
          organization_id: organization.id,
          service_id: null,
          name: `Medewerker ${orgCount} (demo)`,
          title:
            kind === 'clb'
              ? 'CLB-anker'
              : kind === 'brugfigurenwerking'
                ? 'brugfiguur'
                : kind === 'ocmw'
                  ? 'SPOC sociale dienst'
                  : 'welzijnswerker op school',
          department: null,
          email: `aanspreekpunt${orgCount}@demo.invalid`,
          direct_phone: `0470 ${String(100000 + orgCount * 37).slice(0, 6)}`,
          presence: 'Aan de schoolpoort op donderdag van 8.15 tot 9.00 uur',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('directory_contact_schools')
        .values({ contact_id: contact.id, school_id: schoolIds[orgCount % schoolIds.length]! })
        .execute();
      await db
        .insertInto('directory_schedules')
        .values({
          service_id: null,
          location_id: null,
          contact_id: contact.id,
          freq: 'WEEKLY',
          byday: 'TH',
          opens_at: '08:15',
          closes_at: '09:00',
          description: 'Aan de schoolpoort',
          attending_type: 'in_person',
        })
        .execute();
      for (const t of serviceTemplates[kind] ?? []) {
        const service = await db
          .insertInto('directory_services')
          .values({
            organization_id: organization.id,
            name: t.name,
            alternate_name: null,
            description: t.description,
            url: null,
            email: null,
            status: 'active',
            application_process: null,
            fees_description: t.free ? 'Gratis' : 'Beperkte bijdrage; korting met de vrijetijdspas',
            eligibility_description: null,
            minimum_age: null,
            maximum_age: null,
            alert: null,
            audiences: t.audiences,
            age_bands: t.ages,
            school_levels: [],
            referral_methods: t.refer,
            need_codes: t.needs,
            is_school_external_offer: t.external ?? false,
            free_of_charge: t.free,
            capacity_state: serviceCount % 7 === 3 ? 'waiting_list' : 'available',
            expected_wait_weeks: serviceCount % 7 === 3 ? 4 : null,
            plain_what_to_ask: t.ask,
            plain_cost: t.free
              ? 'Het is gratis.'
              : 'Je betaalt een kleine bijdrage. Met de vrijetijdspas betaal je minder.',
            plain_how_to_get_there: 'Bus en tram stoppen op wandelafstand.',
            translations: JSON.stringify({}),
            is_demo: true,
            created_at: now,
            updated_at: now,
            last_verified_at: now,
            last_verified_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        serviceCount++;
        await db
          .insertInto('directory_service_at_locations')
          .values({ service_id: service.id, location_id: locationId, description: null })
          .execute();
        const hours = openingHours[serviceCount % openingHours.length]!;
        await db
          .insertInto('directory_schedules')
          .values({
            service_id: service.id,
            location_id: null,
            contact_id: null,
            freq: 'WEEKLY',
            byday: hours.byday,
            opens_at: hours.opens,
            closes_at: hours.closes,
            description: null,
            attending_type: 'in_person',
          })
          .execute();
        for (const code of t.languages ?? ['nl']) {
          await db
            .insertInto('directory_languages')
            .values({ service_id: service.id, location_id: null, name: code, code, note: null })
            .execute();
        }
      }
    }
  }
  return { organisations: orgCount, services: serviceCount };
}
