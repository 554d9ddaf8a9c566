// DEMO DATA. Invented practices, written for Brugwerk in the fiche text format; any likeness to a
// real project is unintended. Every title carries "(demo)".

export interface DemoFiche {
  text: string;
  needs: string[];
  forms: string[];
  evidence?: 'described' | 'peer_reviewed' | 'externally_rated';
  /** Slug of the demo organisation that owns it. */
  owner: string;
  blocks?: [string, string][];
  sites?: [name: string, municipality: string, since: string, blocks: string[]][];
  figures?: [year: string, indicator: string, value: number][];
  ratings?: [source: string, url: string, summary: string][];
}

export const demoFiches1: DemoFiche[] = [
  {
    owner: 'bs-de-regenboog-demo',
    needs: ['PAR', 'EDU'],
    forms: ['exchange', 'mediation'],
    evidence: 'peer_reviewed',
    blocks: [
      ['Ouderkoffie', 'Elke maandagochtend koffie in de refter, zonder agenda.'],
      ['Huisbezoek', 'De brugfiguur gaat op bezoek bij nieuwe gezinnen voor de start van het schooljaar.'],
      ['Oudercontact op maat', 'Gesprekken met tolk of beeldmateriaal wanneer dat nodig is.'],
      ['Ouderraad met drempelvrije vergaderingen', 'Vergaderen op uren die passen voor werkende ouders.'],
    ],
    sites: [
      [
        'Basisschool De Regenboog (demo)',
        'Gent',
        '2025-09',
        ['Ouderkoffie', 'Huisbezoek', 'Oudercontact op maat', 'Ouderraad met drempelvrije vergaderingen'],
      ],
    ],
    figures: [
      ['2022-2023', 'Scholen', 1],
      ['2023-2024', 'Scholen', 3],
      ['2024-2025', 'Scholen', 4],
      ['2022-2023', 'Ouders op de ouderkoffie', 35],
      ['2023-2024', 'Ouders op de ouderkoffie', 80],
      ['2024-2025', 'Ouders op de ouderkoffie', 112],
    ],
    text: `Ouderkoffie en huisbezoek (demo)

Een basisschool bouwt vertrouwen met ouders op met een wekelijkse ouderkoffie en een huisbezoek voor de start van het schooljaar.

Categorie

Ouderbetrokkenheid

Doelen

 • Ouders voelen zich welkom op school.
 • Zorgen van gezinnen komen vroeg op tafel.
 • Leerkrachten leren de leefwereld van hun leerlingen kennen.

Doelgroep

 • Ouders van kleuters en lagereschoolkinderen
 • Leerkrachten en zorgcoördinatoren

Beschrijving

Elke maandag staat er koffie klaar in de refter. Er is geen agenda: ouders praten met elkaar, met de brugfiguur en soms met de directie. Wie een vraag heeft over schoolkosten, huisvesting of papieren, wordt meteen doorverwezen naar een partner uit de buurt.

Voor nieuwe gezinnen gaat de brugfiguur **voor de eerste schooldag** op huisbezoek. Zo kennen ouders al een gezicht wanneer ze de schoolpoort binnenkomen.

Succesfactoren

 • Een vast moment dat nooit wegvalt.
 • Een brugfiguur die de taal van veel ouders spreekt.
 • De directie schuift regelmatig aan.

Uitdagingen

 • Vaders en werkende ouders bereiken.
 • Genoeg tijd voor huisbezoeken in september.

Deze praktijk in

Gent

Koffie op maandag: de ouderkoffie van een basisschool in de Brugse Poort.

Beleidsdomeinen

 • Onderwijs
 • Welzijn
`,
  },
  {
    owner: 'bs-de-regenboog-demo',
    needs: ['FIN', 'EDU'],
    forms: ['mediation'],
    evidence: 'described',
    figures: [
      ['2023-2024', 'Gezinnen geholpen', 41],
      ['2024-2025', 'Gezinnen geholpen', 58],
    ],
    text: `Schoolkostenloket (demo)

Ouders die de schoolrekening niet rond krijgen, vinden op school één aanspreekpunt dat een afbetalingsplan en tegemoetkomingen regelt.

Categorie

Schoolkosten

Doelen

 • Geen kind mist een uitstap omdat de rekening niet betaald is.
 • Ouders kennen hun recht op schooltoeslag en andere tegemoetkomingen.

Doelgroep

 • Gezinnen met een laag inkomen
 • Secretariaatsmedewerkers van scholen

Beschrijving

Het secretariaat en de zorgcoördinator houden samen een schoolkostenloket. Ouders kunnen discreet langskomen of bellen. Samen bekijken ze de rekening, maken een haalbaar afbetalingsplan en kijken of het gezin recht heeft op schooltoeslag of een tussenkomst van het OCMW.

De school stuurt nooit een incassobureau en bespreekt schulden niet met het kind.

Succesfactoren

 • Eén vaste persoon die ouders kennen.
 • Afspraken met het sociaal huis over snelle tussenkomsten.

Uitdagingen

 • Schaamte bij ouders om te komen.
 • Rekeningen die laat in het schooljaar binnenkomen.

Deze praktijk in

Gent en Lokeren

Schoolkostenloket: wekelijks open op dinsdagnamiddag in het secretariaat.

Beleidsdomeinen

 • Onderwijs
 • Armoedebestrijding
`,
  },
  {
    owner: 'caw-noordoever-demo',
    needs: ['HEALTH', 'POV'],
    forms: ['referral', 'exchange'],
    evidence: 'peer_reviewed',
    text: `Hygiënekast in de klas (demo)

Een kast met zeep, tandenborstels, maandverband en propere kleren helpt kinderen zich goed te voelen zonder dat iemand het moet vragen.

Categorie

Gezondheid en hygiëne

Doelen

 • Kinderen kunnen zich verzorgen op school zonder schaamte.
 • Leerkrachten zien signalen van armoede en weten wie ze kunnen aanspreken.

Doelgroep

 • Kinderen van het lager en secundair onderwijs
 • Leerkrachten

Beschrijving

In elke klas van de derde graad en in de toiletten staat een hygiënekast. Leerlingen nemen wat ze nodig hebben. Het welzijnswerk op school vult de kast aan met giften van een lokale apotheek en de buurtwinkel.

Wanneer een leerkracht merkt dat een kind vaak iets nodig heeft, bespreekt ze dat met de welzijnswerker, die het gezin een warme doorverwijzing aanbiedt.

Succesfactoren

 • De kast staat waar kinderen ongezien iets kunnen nemen.
 • Afspraken met lokale handelaars.

Uitdagingen

 • De kast gevuld houden tijdens de winter.
 • Hygiëne bespreekbaar maken zonder te stigmatiseren.

Deze praktijk in

Antwerpen

Propere start: hygiënekasten in drie secundaire scholen op Linkeroever.

Beleidsdomeinen

 • Welzijn
 • Gezondheid
`,
  },
  {
    owner: 'huis-van-het-kind-zonnewijzer-demo',
    needs: ['LANG', 'PAR'],
    forms: ['exchange'],
    evidence: 'externally_rated',
    ratings: [
      [
        'Demo-kenniscentrum leesbevordering',
        'https://example.org/demo/voorlezen',
        'Veelbelovend (demo-oordeel)',
      ],
    ],
    text: `Voorleesmoment in de bibliotheek (demo)

Elke woensdag lezen vrijwilligers voor aan kleuters en hun ouders.

Categorie

Taal en lezen

Doelen

 • Kleuters plezier laten beleven aan boeken.
 • Ouders tonen hoe voorlezen thuis kan.

Doelgroep

 • Kleuters en hun ouders

Beschrijving

Vrijwilligers van de bibliotheek lezen voor in kleine groepjes. Ouders lezen mee en lenen daarna boeken. Wie thuis een andere taal spreekt, krijgt prentenboeken in die taal mee.

Succesfactoren

 • Vaste dag en vaste voorlezers.
 • Boeken in de thuistaal van de ouders.

Uitdagingen

 • Ouders bereiken die nog nooit in de bibliotheek kwamen.

Deze praktijk in

Aalst

Voorleeswoensdag: wekelijks voorlezen in de hoofdbibliotheek.

Genk

Boekenbende: voorlezen in het Huis van het Kind.

Beleidsdomeinen

 • Cultuur
 • Onderwijs
`,
  },
  {
    owner: 'clb-de-vaart-demo',
    needs: ['EDU'],
    forms: ['exchange', 'professionalisation'],
    evidence: 'peer_reviewed',
    figures: [
      ['2023-2024', 'Leerlingen begeleid', 64],
      ['2024-2025', 'Leerlingen begeleid', 90],
      ['2023-2024', 'Scholen', 5],
      ['2024-2025', 'Scholen', 7],
    ],
    text: `Spijbelaanpak met één gesprekstafel (demo)

School, CLB en jeugdhulp bespreken samen met de jongere en de ouders wat achter het spijbelen zit, in plaats van elk apart te reageren.

Categorie

Schoolverzuim en schooluitval

Doelen

 • Spijbelen vroeg opmerken.
 • Een aanpak die de jongere zelf mee kiest.
 • Minder vroegtijdige schoolverlaters.

Doelgroep

 • Jongeren in het secundair onderwijs
 • Ouders
 • Leerlingenbegeleiders en CLB-medewerkers

Beschrijving

Na vijf halve dagen problematische afwezigheid nodigt de leerlingenbegeleider uit voor een gesprekstafel. Het CLB en, waar nodig, een jeugdhulpverlener schuiven aan. De jongere vertelt eerst zelf. Samen maken ze drie concrete afspraken, die na vier weken worden bekeken.

Zo voorkomt de school dat het gezin van loket naar loket wordt gestuurd.

Succesfactoren

 • De jongere spreekt eerst.
 • Een vaste datum om de afspraken te bekijken.

Uitdagingen

 • Jeugdhulp tijdig aan tafel krijgen.
 • Ouders die zelf slechte herinneringen aan school hebben.

Deze praktijk in

Mechelen en Vilvoorde

Tafel van vier: gesprekstafels in vijf secundaire scholen.

Beleidsdomeinen

 • Onderwijs
 • Jeugdhulp
`,
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['LEIS', 'POV'],
    forms: ['mediation'],
    evidence: 'described',
    text: `Vrijetijdspas voor elk kind (demo)

De gemeente geeft elk schoolkind een vrijetijdspas met korting op sport, jeugdbeweging en cultuur, en de school helpt ouders hem te gebruiken.

Categorie

Vrije tijd

Doelen

 • Elk kind doet minstens één vrijetijdsactiviteit per jaar.
 • Verenigingen worden toegankelijker voor gezinnen met een laag inkomen.

Doelgroep

 • Kinderen van 6 tot 12 jaar
 • Sportclubs en jeugdbewegingen

Beschrijving

Bij de start van het schooljaar krijgt elk kind de pas via de klas. Leerkrachten overlopen samen met de kinderen het aanbod. Ouders met recht op verhoogde tegemoetkoming betalen een vierde van de prijs; het lokaal bestuur betaalt de rest aan de vereniging.

Een vrijetijdsbemiddelaar gaat mee naar de eerste training wanneer een gezin dat wil.

Succesfactoren

 • De pas komt via de school, niet via een loket.
 • Verenigingen worden snel en eenvoudig terugbetaald.

Uitdagingen

 • Vervoer naar activiteiten buiten de wijk.
 • Sportmateriaal blijft duur.

Deze praktijk in

Gent

Vrijetijdspas Kanaalzone: alle basisscholen in de kanaalwijken.

Beleidsdomeinen

 • Vrije tijd
 • Sport
 • Armoedebestrijding
`,
  },
  {
    owner: 'caw-noordoever-demo',
    needs: ['HOUS', 'POV'],
    forms: ['referral'],
    evidence: 'described',
    text: `Woonspreekuur op school (demo)

Een medewerker van het CAW houdt elke twee weken spreekuur op school voor gezinnen met woonproblemen.

Categorie

Wonen

Doelen

 • Gezinnen met een woonprobleem vinden sneller hulp.
 • Dakloosheid van gezinnen met schoolgaande kinderen voorkomen.

Doelgroep

 • Ouders van leerlingen
 • Zorgcoördinatoren

Beschrijving

De woonbegeleider van het CAW zit om de twee weken op woensdagochtend in een lokaal naast het secretariaat. Ouders kunnen zonder afspraak langskomen met vragen over huurachterstal, een uithuiszetting, vocht in de woning of een sociale woning.

De zorgcoördinator kan ook een afspraak maken voor een gezin, met toestemming van de ouders.

Succesfactoren

 • De school is een vertrouwde plek.
 • Korte lijnen met het sociaal verhuurkantoor.

Uitdagingen

 • Wachtlijsten voor sociale woningen blijven lang.

Deze praktijk in

Antwerpen

Woonzitdag: spreekuur in twee basisscholen in Deurne-Noord.

Beleidsdomeinen

 • Wonen
 • Welzijn
`,
  },
  {
    owner: 'bs-de-regenboog-demo',
    needs: ['EDU', 'LANG'],
    forms: ['exchange'],
    evidence: 'peer_reviewed',
    text: `Huiswerkklas met studenten (demo)

Studenten lerarenopleiding begeleiden na school kinderen die thuis geen hulp bij hun huiswerk krijgen.

Categorie

Huiswerk en leren

Doelen

 • Kinderen maken hun huiswerk in een rustige plek.
 • Studenten leren werken met kinderen in armoede.

Doelgroep

 • Leerlingen van het vierde tot zesde leerjaar
 • Studenten lerarenopleiding

Beschrijving

Vier namiddagen per week begeleiden studenten een huiswerkklas van maximaal tien kinderen. Er is een vieruurtje. De klasleerkracht geeft wekelijks door waar een kind extra oefening nodig heeft.

Ouders worden twee keer per jaar uitgenodigd om te zien wat hun kind doet.

Succesfactoren

 • Een vieruurtje voor iedereen.
 • Dezelfde student bij dezelfde kinderen.

Uitdagingen

 • Studenten vallen weg tijdens de examens.

Deze praktijk in

Leuven

Huiswerkhuis: huiswerkbegeleiding in twee basisscholen.

Beleidsdomeinen

 • Onderwijs
`,
  },
  {
    owner: 'huis-van-het-kind-zonnewijzer-demo',
    needs: ['PAR', 'EDU'],
    forms: ['referral', 'mediation'],
    evidence: 'described',
    text: `Instapmoment voor kleuters (demo)

Het Huis van het Kind en de kleuterschool nodigen samen gezinnen uit om al vóór de eerste schooldag de klas te leren kennen.

Categorie

Kleuterparticipatie

Doelen

 • Meer peuters starten op tijd in de kleuterschool.
 • Ouders kennen de juf voor de eerste dag.

Doelgroep

 • Gezinnen met peuters van 2,5 jaar
 • Kleuterjuffen en consultatiebureaus

Beschrijving

Het consultatiebureau vraagt ouders of hun kind al is ingeschreven. Wie twijfelt, krijgt een uitnodiging voor een speelochtend in de instapklas, samen met de verpleegkundige van Kind en Gezin. Ouders spelen mee en stellen vragen aan de juf.

Succesfactoren

 • Uitnodigen via een vertrouwde persoon.
 • Een speelmoment in plaats van een infosessie.

Uitdagingen

 • Inschrijven blijft voor sommige ouders een drempel.

Deze praktijk in

Genk

Speelochtend: elke maand in de instapklassen van drie kleuterscholen.

Beleidsdomeinen

 • Onderwijs
 • Gezin
`,
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['FIN', 'POV'],
    forms: ['mediation', 'exchange'],
    evidence: 'described',
    text: `Ontbijt op school (demo)

Elke schooldag kunnen kinderen op school gratis ontbijten, zodat niemand met een lege maag begint.

Categorie

Voeding

Doelen

 • Geen kind begint de dag met honger.
 • Een rustige start van de schooldag voor iedereen.

Doelgroep

 • Alle leerlingen van de basisschool

Beschrijving

Van kwart over acht tot half negen staat er brood, fruit en melk klaar in de refter. Vrijwilligers uit de buurt en de leerkracht van dienst schenken in. Omdat alle kinderen welkom zijn, valt niemand op.

Een lokale bakker levert het brood van gisteren; het lokaal bestuur betaalt de rest.

Succesfactoren

 • Ontbijt voor iedereen, niet alleen voor wie het nodig heeft.
 • Vrijwilligers uit de buurt.

Uitdagingen

 • Genoeg vrijwilligers in de winter.

Deze praktijk in

Kortrijk en Roeselare

Goeiemorgen: ontbijt in zes basisscholen.

Beleidsdomeinen

 • Armoedebestrijding
 • Onderwijs
`,
  },
  {
    owner: 'clb-de-vaart-demo',
    needs: ['HEALTH'],
    forms: ['referral', 'professionalisation'],
    evidence: 'peer_reviewed',
    text: `Mentaal welzijn in de klas (demo)

Leerkrachten van het secundair leren signalen van psychische problemen herkennen en weten naar wie ze jongeren kunnen doorverwijzen.

Categorie

Gezondheid en hygiëne

Doelen

 • Leerkrachten herkennen signalen van angst, somberheid en zelfbeschadiging.
 • Jongeren vinden sneller psychologische hulp.

Doelgroep

 • Leerkrachten en leerlingenbegeleiders van het secundair onderwijs
 • Jongeren van 12 tot 18 jaar

Beschrijving

Het CLB geeft een vorming van twee namiddagen aan het hele schoolteam. Daarna houdt een CLB-psycholoog maandelijks intervisie met de leerlingenbegeleiders. De school krijgt een kaart met de eerstelijnspsychologen en het jongerenaanbod in de buurt.

Succesfactoren

 • Het hele team volgt de vorming, niet alleen de zorgleerkrachten.
 • Een vaste CLB-psycholoog als aanspreekpunt.

Uitdagingen

 • Lange wachttijden in de geestelijke gezondheidszorg.

Deze praktijk in

Gent

Zorgzame klas: vorming en intervisie in vier secundaire scholen.

Beleidsdomeinen

 • Gezondheid
 • Onderwijs
`,
  },
  {
    owner: 'caw-noordoever-demo',
    needs: ['ADM', 'FIN'],
    forms: ['referral'],
    evidence: 'described',
    text: `Papierenspreekuur (demo)

Ouders krijgen op school hulp bij brieven, formulieren en aanvragen voor tegemoetkomingen.

Categorie

Rechten en administratie

Doelen

 • Gezinnen krijgen de tegemoetkomingen waar ze recht op hebben.
 • Ouders verstaan de brieven van school en overheid.

Doelgroep

 • Ouders die moeite hebben met papieren of digitale loketten

Beschrijving

Een vrijwilliger en een maatschappelijk werker helpen ouders op vrijdagochtend met formulieren: schooltoeslag, groeipakket, de aanvraag van een sociaal tarief voor energie. Ze nemen de tijd om uit te leggen wat er in een brief staat.

Wie meer hulp nodig heeft, wordt met een afspraak doorverwezen naar het sociaal huis.

Succesfactoren

 • Zonder afspraak binnenlopen kan.
 • Een laptop en printer ter plaatse.

Uitdagingen

 • Steeds meer loketten zijn alleen digitaal.

Deze praktijk in

Sint-Niklaas

Papierenpunt: elke vrijdag in de school en in het buurthuis.

Beleidsdomeinen

 • Welzijn
 • Rechten
`,
  },
  {
    owner: 'bs-de-regenboog-demo',
    needs: ['LANG', 'EDU'],
    forms: ['exchange', 'professionalisation'],
    evidence: 'externally_rated',
    ratings: [
      ['Demo-onderwijscentrum', 'https://example.org/demo/taalbad', 'Positieve evaluatie (demo-oordeel)'],
    ],
    text: `Zomerschool Nederlands (demo)

Twee weken in augustus oefenen nieuwkomers en anderstalige kinderen Nederlands met spel, uitstappen en theater.

Categorie

Taal en lezen

Doelen

 • Kinderen verliezen tijdens de zomer geen Nederlands.
 • Kinderen starten met vertrouwen in het nieuwe schooljaar.

Doelgroep

 • Anderstalige kinderen van 6 tot 14 jaar
 • Nieuwkomers

Beschrijving

De zomerschool loopt de laatste twee weken van augustus, elke voormiddag. Leerkrachten en jeugdwerkers werken samen: 's ochtends taalspelletjes en lezen, daarna een uitstap naar het zwembad, de bibliotheek of het bos.

Op de laatste dag spelen de kinderen een toneel voor hun ouders.

Succesfactoren

 • Taal leren door te doen, niet door les te krijgen.
 • Samenwerking tussen leerkrachten en jeugdwerk.

Uitdagingen

 • Ouders overtuigen dat het geen strafschool is.

Deze praktijk in

Brussel en Schaarbeek

Taalzomer: zomerschool in twee scholen en een jeugdhuis.

Beleidsdomeinen

 • Onderwijs
 • Jeugd
 • Integratie
`,
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['HEALTH', 'FIN'],
    forms: ['referral', 'mediation'],
    evidence: 'described',
    text: `Tandarts in de buurt (demo)

Een lokaal netwerk zorgt dat kinderen uit kwetsbare gezinnen een tandarts vinden die het derdebetalersysteem toepast.

Categorie

Gezondheid en hygiëne

Doelen

 • Elk kind gaat één keer per jaar naar de tandarts.
 • Ouders hoeven geen voorschot te betalen.

Doelgroep

 • Kinderen van de basisschool
 • Ouders met een laag inkomen

Beschrijving

Het lokaal netwerk kinderarmoede maakte afspraken met vier tandartsen: zij nemen elke maand een aantal kinderen aan en passen de derdebetalersregeling toe. De school deelt een brief uit in eenvoudige taal; de brugfiguur helpt met het maken van de afspraak en gaat mee als ouders dat willen.

Succesfactoren

 • Afspraken met tandartsen over een vast aantal plaatsen.
 • Meegaan naar de eerste afspraak.

Uitdagingen

 • Te weinig tandartsen in de buurt.
 • Gemiste afspraken.

Deze praktijk in

Oostende

Stralende lach: tandartsafspraken via vier basisscholen.

Beleidsdomeinen

 • Gezondheid
 • Armoedebestrijding
`,
  },
  {
    owner: 'clb-de-vaart-demo',
    needs: ['EDU', 'PAR'],
    forms: ['mediation', 'exchange'],
    evidence: 'peer_reviewed',
    blocks: [
      ['Brugfiguur op de speelplaats', 'Elke ochtend aan de schoolpoort aanspreekbaar.'],
      ['Driehoeksgesprek', 'Ouder, leerkracht en brugfiguur aan één tafel.'],
      ['Doorverwijzen met de hand', 'Samen bellen of meegaan naar een partner.'],
    ],
    sites: [
      [
        'Basisschool De Regenboog (demo)',
        'Gent',
        '2024-09',
        ['Brugfiguur op de speelplaats', 'Driehoeksgesprek'],
      ],
      [
        'Basisschool Het Anker (demo)',
        'Aalst',
        '2025-01',
        ['Brugfiguur op de speelplaats', 'Driehoeksgesprek', 'Doorverwijzen met de hand'],
      ],
    ],
    figures: [
      ['2023-2024', 'Scholen', 6],
      ['2024-2025', 'Scholen', 9],
      ['2023-2024', 'Gezinnen begeleid', 140],
      ['2024-2025', 'Gezinnen begeleid', 205],
    ],
    text: `Brugfiguur aan de schoolpoort (demo)

Een brugfiguur is elke ochtend aanspreekbaar aan de schoolpoort en brengt ouders, school en welzijnspartners bij elkaar.

Categorie

Brugfiguren

Doelen

 • De afstand tussen ouders en school verkleinen.
 • Gezinnen warm doorverwijzen naar welzijnspartners.
 • Leerkrachten ondersteunen in gesprekken met ouders.

Doelgroep

 • Ouders in een kwetsbare situatie
 • Leerkrachten en zorgteams

Beschrijving

De brugfiguur staat elke ochtend aan de poort en kent de ouders bij naam. Wanneer een ouder een vraag heeft, zoekt de brugfiguur samen met de ouder naar een antwoord, op school of bij een partner. Bij moeilijke gesprekken zit de brugfiguur mee aan tafel.

Het model bestaat uit drie bouwstenen die elke school in haar eigen tempo invoert.

Succesfactoren

 • Elke dag zichtbaar zijn.
 • Vertrouwen van zowel ouders als leerkrachten.

Uitdagingen

 • Een duidelijke grens tussen brugfiguur en hulpverlener.
 • Structurele financiering.

Deze praktijk in

Gent

Brugfiguren Gent: negen basisscholen in de negentiende-eeuwse gordel.

Aalst

Poortwerking: één basisschool, sinds januari 2025.

Beleidsdomeinen

 • Onderwijs
 • Welzijn
 • Armoedebestrijding
`,
  },
];
