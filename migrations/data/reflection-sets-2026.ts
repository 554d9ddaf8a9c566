// The first reflection question sets, written by the Brugwerk team for this platform: one per
// audience, on the three questions of the reflection frame. Seeded once by the reflection
// migration; curators change them afterwards in the app (each change is a new version). Kept apart
// from the migration so the migration stays readable; never edit after it has landed.

type Exercise = ['scale' | 'open' | 'neighbourhood', string] | ['endings', string, string[]];

interface DimensionFrame {
  code: string;
  question: 'why' | 'conditions' | 'roles';
  title: string;
  needs: string[];
  cooperationForms: string[];
}

// The same dimensions in every set, so teams of different kinds can be compared per dimension.
const frame: DimensionFrame[] = [
  {
    code: 'noden',
    question: 'why',
    title: 'Welke noden komen binnen',
    needs: ['FIN', 'ADM', 'HOUS', 'PAR', 'HEALTH', 'LANG'],
    cooperationForms: ['referral'],
  },
  {
    code: 'positie',
    question: 'why',
    title: 'Waar we staan op de brug',
    needs: [],
    cooperationForms: ['exchange', 'mediation'],
  },
  {
    code: 'toegankelijkheid',
    question: 'conditions',
    title: 'Toegankelijkheid',
    needs: ['EDU', 'LANG'],
    cooperationForms: ['referral', 'mediation'],
  },
  {
    code: 'werelden',
    question: 'conditions',
    title: 'Verschillende werelden',
    needs: [],
    cooperationForms: ['exchange', 'professionalisation'],
  },
  {
    code: 'afstemming',
    question: 'conditions',
    title: 'Afstemming en terugkoppeling',
    needs: [],
    cooperationForms: ['exchange', 'referral'],
  },
  {
    code: 'middelen',
    question: 'conditions',
    title: 'Tijd en middelen',
    needs: [],
    cooperationForms: ['professionalisation', 'mediation'],
  },
  {
    code: 'hefbomen',
    question: 'conditions',
    title: 'Wat helpt',
    needs: ['POV'],
    cooperationForms: ['professionalisation', 'exchange'],
  },
  {
    code: 'rollen',
    question: 'roles',
    title: 'Wie doet wat',
    needs: [],
    cooperationForms: ['mediation', 'exchange'],
  },
  {
    code: 'ouders',
    question: 'roles',
    title: 'Eigenaarschap van ouders',
    needs: ['PAR', 'EDU'],
    cooperationForms: ['mediation'],
  },
];

const INTRODUCTION =
  'Beantwoord de vragen eerst elk voor jezelf. Daarna bespreken jullie samen waar de antwoorden ' +
  'verschillen. Er zijn geen goede of foute antwoorden, en niemand ziet wie wat antwoordde.';

const sets: { audience: string; title: string; exercises: Record<string, Exercise[]> }[] = [
  {
    audience: 'school',
    title: 'Reflectie voor een schoolteam',
    exercises: {
      noden: [
        ['scale', 'Ouders vertellen ons over zorgen die niets met leren te maken hebben, zoals geld, wonen of gezondheid.'],
        ['scale', 'We merken snel wanneer een leerling met honger, vermoeidheid of zorgen naar school komt.'],
        [
          'endings',
          'Als een ouder ons vertelt over een welzijnsvraag, dan …',
          [
            'luisteren we eerst en nemen we er de tijd voor',
            'geven we het telefoonnummer van een organisatie mee',
            'bellen we samen met de ouder een partner op',
            'gaan we mee naar het eerste gesprek als dat helpt',
            'verwijzen we door naar het CLB',
            'vragen we later na hoe het verder ging',
            'vinden we dat dit niet de taak van de school is',
            'weten we niet goed wat we moeten doen',
          ],
        ],
      ],
      positie: [
        ['scale', 'Ons team ziet samenwerken met welzijnspartners als een deel van ons onderwijswerk.'],
        ['scale', 'We weten welke organisaties in de buurt van de school ouders en kinderen helpen.'],
        ['neighbourhood', 'Met welke partners rond de school werken jullie al samen?'],
        ['open', 'Waarom wil jouw team (meer) samenwerken met welzijn?'],
      ],
      toegankelijkheid: [
        ['scale', 'Ouders die weinig Nederlands spreken, vinden makkelijk de weg naar iemand op school.'],
        ['scale', 'Onze brieven, berichten en oudercontacten zijn begrijpelijk voor alle ouders.'],
      ],
      werelden: [
        ['scale', 'We kennen de manier van werken en de grenzen van onze welzijnspartners.'],
        ['scale', 'Als school en welzijn verschillend naar een gezin kijken, praten we daar open over.'],
      ],
      afstemming: [
        ['scale', 'Na een doorverwijzing horen we of de ouder goed terechtkwam.'],
        ['scale', 'We spreken met partners af wie een gezin opvolgt en wie wat doorgeeft.'],
      ],
      middelen: [
        ['scale', 'Er is tijd voorzien om met partners te overleggen.'],
        ['scale', 'Het team weet wie op school de contacten met welzijnspartners opneemt.'],
      ],
      hefbomen: [
        ['scale', 'We leren van andere scholen en partners hoe zij de brug slaan.'],
        ['scale', 'Er is een vaste persoon of brugfiguur die ouders en partners kennen.'],
        ['open', 'Wat zou de samenwerking met welzijn volgend schooljaar het meest vooruithelpen?'],
      ],
      rollen: [
        ['scale', 'Het is duidelijk wat de school zelf doet en waarvoor het CLB of een partner aan zet is.'],
        ['scale', 'We weten wat de lokale overheid in onze gemeente doet tegen kinderarmoede.'],
      ],
      ouders: [
        ['scale', 'Ouders beslissen zelf of en wanneer een partner wordt ingeschakeld.'],
        ['scale', 'We vragen ouders toestemming voor we iets over hun gezin doorgeven.'],
        ['open', 'Hoe kunnen ouders meer mee sturen in wat er met hun vraag gebeurt?'],
      ],
    },
  },
  {
    audience: 'welfare',
    title: 'Reflectie voor een welzijnsorganisatie',
    exercises: {
      noden: [
        ['scale', 'Gezinnen komen bij ons met vragen die ook met school te maken hebben, zoals schoolkosten of huiswerk.'],
        ['scale', 'We vragen een gezin hoe het met de kinderen op school gaat.'],
        [
          'endings',
          'Als een ouder ons vertelt over een probleem op school, dan …',
          [
            'luisteren we eerst en nemen we er de tijd voor',
            'geven we de contactgegevens van de school of het CLB mee',
            'bellen we samen met de ouder de school op',
            'gaan we mee naar een gesprek op school als de ouder dat wil',
            'laten we het verder aan de ouder over',
            'vragen we later na hoe het verder ging',
            'vinden we dat dit niet onze taak is',
            'weten we niet goed wie we op school moeten aanspreken',
          ],
        ],
      ],
      positie: [
        ['scale', 'Onze organisatie ziet scholen als belangrijke partners om gezinnen te bereiken.'],
        ['scale', 'We weten welke scholen in ons werkgebied veel kinderen in armoede hebben.'],
        ['neighbourhood', 'Met welke partners rond jullie werking werken jullie al samen?'],
        ['open', 'Waarom wil jouw team (meer) samenwerken met scholen?'],
      ],
      toegankelijkheid: [
        ['scale', 'Ouders kunnen bij ons terecht zonder lange wachttijd.'],
        ['scale', 'Een school die een gezin naar ons wil brengen, weet hoe ze ons bereikt.'],
      ],
      werelden: [
        ['scale', 'We kennen het schoolsysteem: leerlingenbegeleiding, het CLB en de zorgcoördinator.'],
        ['scale', 'We begrijpen waarom een school soms snel een antwoord verwacht.'],
      ],
      afstemming: [
        ['scale', 'Na een doorverwijzing laten we de school weten of het gezin bij ons terechtkwam, als de ouder dat goedvindt.'],
        ['scale', 'We maken met scholen afspraken over wie een gezin opvolgt.'],
      ],
      middelen: [
        ['scale', 'Er is tijd voorzien om op school aanwezig te zijn of mee te overleggen met scholen.'],
        ['scale', 'Onze medewerkers weten wie bij ons het aanspreekpunt voor scholen is.'],
      ],
      hefbomen: [
        ['scale', 'We delen onze kennis met leerkrachten, bijvoorbeeld over armoede of sociale rechten.'],
        ['scale', 'Onze werking is zichtbaar op school, bijvoorbeeld op een infomoment of aan de schoolpoort.'],
        ['open', 'Wat zou de samenwerking met scholen volgend schooljaar het meest vooruithelpen?'],
      ],
      rollen: [
        ['scale', 'Het is duidelijk wat wij doen en waarvoor de school of het CLB aan zet is.'],
        ['scale', 'We weten welke rol de lokale overheid speelt in het netwerk rond kinderarmoede.'],
      ],
      ouders: [
        ['scale', 'Ouders beslissen zelf of en wanneer de school betrokken wordt.'],
        ['scale', 'Ouders hebben een stem in de afspraken tussen onze organisatie en de school.'],
        ['open', 'Hoe kunnen ouders meer mee sturen in wat er met hun vraag gebeurt?'],
      ],
    },
  },
  {
    audience: 'local_government',
    title: 'Reflectie voor een lokaal bestuur',
    exercises: {
      noden: [
        ['scale', 'We hebben zicht op de noden van gezinnen met schoolgaande kinderen in onze gemeente.'],
        ['scale', 'Signalen van scholen over armoede bereiken de juiste dienst van het lokaal bestuur.'],
        [
          'endings',
          'Als een school ons een signaal geeft over een probleem dat veel gezinnen treft, dan …',
          [
            'bespreken we het op een overleg met partners',
            'geven we het door aan het sociaal huis',
            'zoeken we samen met de school naar een oplossing',
            'nemen we het mee in ons beleid',
            'laten we de school weten wat er met het signaal gebeurde',
            'vragen we het netwerk om mee te denken',
            'weten we niet goed wie het moet opnemen',
            'blijft het vaak liggen',
          ],
        ],
      ],
      positie: [
        ['scale', 'Het lokaal bestuur neemt de regie van de samenwerking tussen onderwijs en welzijn op.'],
        ['scale', 'Scholen en welzijnsorganisaties vinden elkaar via ons lokaal netwerk.'],
        ['neighbourhood', 'Met welke partners in de buurt van jullie diensten werken jullie al samen?'],
        ['open', 'Waarom wil jouw bestuur investeren in de brug tussen onderwijs en welzijn?'],
      ],
      toegankelijkheid: [
        ['scale', 'Onze diensten voor gezinnen zijn bereikbaar voor ouders die geen Nederlands spreken of geen computer hebben.'],
        ['scale', 'Scholen weten bij wie van het lokaal bestuur ze terechtkunnen.'],
      ],
      werelden: [
        ['scale', 'We brengen mensen uit onderwijs en welzijn samen, zodat ze elkaars werking leren kennen.'],
        ['scale', 'Verschillen tussen scholen en welzijn worden op het lokaal overleg besproken.'],
      ],
      afstemming: [
        ['scale', 'Partners horen wat er met hun voorstellen en signalen gebeurde.'],
        ['scale', 'Afspraken tussen scholen en partners worden op tijd geëvalueerd.'],
      ],
      middelen: [
        ['scale', 'Er zijn middelen voor brugfiguren of een gelijkaardige functie in onze gemeente.'],
        ['scale', 'Het lokale netwerk heeft een trekker met tijd voor die taak.'],
      ],
      hefbomen: [
        ['scale', 'Praktijken uit andere gemeenten inspireren ons beleid.'],
        ['scale', 'We nemen maatregelen die de schoolkosten voor gezinnen verlagen.'],
        ['open', 'Wat zou de brug tussen onderwijs en welzijn in onze gemeente het meest vooruithelpen?'],
      ],
      rollen: [
        ['scale', 'De rol van het lokaal bestuur tegenover scholen, CLB en welzijn is voor iedereen duidelijk.'],
        ['scale', 'Het is duidelijk wie in onze gemeente signalen doorgeeft aan hogere overheden.'],
      ],
      ouders: [
        ['scale', 'Ouders en armoedeorganisaties denken mee over het lokale beleid.'],
        ['scale', 'Ouders weten waar ze in de gemeente terechtkunnen met vragen over school en welzijn.'],
        ['open', 'Hoe kunnen ouders meer mee sturen in het lokale beleid?'],
      ],
    },
  },
  {
    audience: 'bridge_service',
    title: 'Reflectie voor een brugfigurenwerking',
    exercises: {
      noden: [
        ['scale', 'De vragen die we van ouders krijgen, gaan verder dan school alleen.'],
        ['scale', 'We zien welke noden een gezin heeft, ook als de ouder ze niet meteen benoemt.'],
        [
          'endings',
          'Als een ouder een vraag stelt waar wij zelf geen antwoord op hebben, dan …',
          [
            'zoeken we samen met de ouder een partner',
            'maken we samen een afspraak',
            'gaan we mee naar het eerste gesprek',
            'geven we de contactgegevens mee',
            'bespreken we het met de zorgcoördinator',
            'vragen we later na hoe het ging',
            'blijft de vraag soms liggen',
            'weten we niet goed naar wie we kunnen gaan',
          ],
        ],
      ],
      positie: [
        ['scale', 'Het schoolteam ziet de brugfiguur als een deel van de school.'],
        ['scale', 'Welzijnspartners kennen onze brugfiguren en weten wat ze doen.'],
        ['neighbourhood', 'Met welke partners rond de school werken jullie brugfiguren al samen?'],
        ['open', 'Waarom is de brugfiguur op deze school nodig?'],
      ],
      toegankelijkheid: [
        ['scale', 'Ouders spreken de brugfiguur makkelijk aan, ook aan de schoolpoort.'],
        ['scale', 'Onze brugfiguren spreken de talen van de ouders of werken met tolken.'],
      ],
      werelden: [
        ['scale', 'Brugfiguren helpen leerkrachten de leefwereld van gezinnen te begrijpen.'],
        ['scale', 'Brugfiguren helpen partners de manier van werken van de school te begrijpen.'],
      ],
      afstemming: [
        ['scale', 'Er is vast overleg tussen de brugfiguur, het zorgteam en het CLB.'],
        ['scale', 'Brugfiguren horen hoe het verder ging na een doorverwijzing.'],
      ],
      middelen: [
        ['scale', 'Brugfiguren hebben genoeg uren per school om ouders echt op te volgen.'],
        ['scale', 'Brugfiguren krijgen ondersteuning en intervisie.'],
      ],
      hefbomen: [
        ['scale', 'Er is per school een engagementsverklaring met duidelijke afspraken.'],
        ['scale', 'Brugfiguren kunnen zich bijscholen over armoede, rechten en het welzijnsaanbod.'],
        ['open', 'Wat zou het werk van de brugfiguur volgend schooljaar het meest vooruithelpen?'],
      ],
      rollen: [
        ['scale', 'Het is duidelijk waar het werk van de brugfiguur stopt en dat van het CLB of welzijn begint.'],
        ['scale', 'De school weet wat ze zelf blijft doen als er een brugfiguur is.'],
      ],
      ouders: [
        ['scale', 'Brugfiguren versterken ouders om zelf hun vraag te stellen.'],
        ['scale', 'Ouders bepalen mee welke informatie de brugfiguur met de school deelt.'],
        ['open', 'Hoe kunnen ouders meer mee sturen in wat er met hun vraag gebeurt?'],
      ],
    },
  },
];

/** The sets as stored in a version's `content` (the shape of SetContent in the reflection module). */
export const reflectionSets2026 = sets.map((set) => ({
  audience: set.audience,
  content: {
    title: set.title,
    introduction: INTRODUCTION,
    dimensions: frame.map((d) => ({
      ...d,
      exercises: (set.exercises[d.code] ?? []).map(([type, text, endings], i) => ({
        id: `${d.code}-${i + 1}`,
        type,
        text,
        ...(endings ? { endings } : {}),
      })),
    })),
  },
}));
