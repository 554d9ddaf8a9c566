// DEMO DATA. Invented practices, written for Brugwerk in the fiche text format; any likeness to a
// real project is unintended. Every title carries "(demo)".
import type { DemoFiche } from './fiches-1.ts';

export const demoFiches2: DemoFiche[] = [
  {
    owner: 'caw-noordoever-demo',
    needs: ['FIN', 'EDU'],
    forms: ['mediation'],
    text: `Laptops voor thuis (demo)

Leerlingen zonder computer thuis lenen een laptop van school, met een internetabonnement erbij.

Categorie

Digitale inclusie

Doelen

 • Elke leerling kan thuis digitale taken maken.
 • Ouders leren de schoolapp gebruiken.

Doelgroep

 • Leerlingen van het secundair onderwijs zonder eigen computer
 • Ouders

Beschrijving

De school leent laptops uit voor een heel schooljaar. Een jeugdwerker toont ouders in een korte sessie hoe ze de schoolapp en het digitale rapport openen. Gezinnen zonder internet krijgen een mobiele router in bruikleen.

Succesfactoren

 • Uitlenen voor een heel jaar, niet per week.
 • Een sessie voor ouders bij de uitleen.

Uitdagingen

 • Herstellingen en verloren laders.

Deze praktijk in

Turnhout

Digibrug: uitleen in drie secundaire scholen.

Beleidsdomeinen

 • Onderwijs
 • Digitale inclusie
`,
    figures: [
      ['2023-2024', 'Laptops uitgeleend', 120],
      ['2024-2025', 'Laptops uitgeleend', 175],
    ],
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['LEIS'],
    forms: ['exchange'],
    text: `Buurtsport op de speelplaats (demo)

Na school en op woensdagnamiddag blijft de speelplaats open voor sport met begeleiders uit de buurt.

Categorie

Vrije tijd

Doelen

 • Kinderen sporten dicht bij huis.
 • De speelplaats wordt een ontmoetingsplek voor de wijk.

Doelgroep

 • Kinderen van 8 tot 14 jaar uit de wijk

Beschrijving

Buurtsportwerkers organiseren voetbal, dans en basket op de speelplaats van een basisschool. Deelnemen is gratis en zonder inschrijving. De school zorgt voor toiletten en een berging voor het materiaal.

Succesfactoren

 • Gratis en zonder inschrijving.
 • Vaste begeleiders die de kinderen kennen.

Uitdagingen

 • Afspraken over sleutels en toezicht.

Deze praktijk in

Sint-Jans-Molenbeek

Speelplaats open: woensdag en vrijdag tot 19 uur.

Beleidsdomeinen

 • Sport
 • Jeugd
`,
  },
  {
    owner: 'huis-van-het-kind-zonnewijzer-demo',
    needs: ['PAR'],
    forms: ['exchange', 'referral'],
    evidence: 'peer_reviewed',
    text: `Opvoedingswinkel op school (demo)

Ouders kunnen met vragen over opvoeding terecht bij een opvoedingsondersteuner die maandelijks op school zit.

Categorie

Opvoedingsondersteuning

Doelen

 • Ouders vinden laagdrempelig antwoord op opvoedingsvragen.
 • Kleine zorgen worden geen grote problemen.

Doelgroep

 • Ouders van kinderen van 0 tot 12 jaar

Beschrijving

Een medewerker van het Huis van het Kind houdt maandelijks een open spreekuur in de school. Thema's zijn slapen, schermtijd, ruzies tussen broers en zussen, en omgaan met driftbuien. Wie meer nodig heeft, krijgt een afspraak bij de gezinsondersteuning.

Succesfactoren

 • Een bekende plek: de school.
 • Geen dossier, geen wachtlijst.

Uitdagingen

 • Ouders weten niet altijd dat dit er is.

Deze praktijk in

Hasselt en Genk

Opvoedpunt: maandelijks spreekuur in vier basisscholen.

Beleidsdomeinen

 • Gezin
 • Welzijn
`,
  },
  {
    owner: 'bs-de-regenboog-demo',
    needs: ['FIN', 'POV'],
    forms: ['mediation'],
    text: `Tweedehands turnkledij en schoolgerief (demo)

Een ruilkast op school maakt turnkledij, boekentassen en schoolgerief gratis beschikbaar.

Categorie

Schoolkosten

Doelen

 • Geen kind zonder turnkledij of schoolgerief.
 • De schoolkosten voor alle gezinnen verlagen.

Doelgroep

 • Alle gezinnen van de school

Beschrijving

Ouders brengen wat hun kinderen niet meer gebruiken. Een ouderwerkgroep sorteert en zet het in een ruilkast aan de ingang. Iedereen neemt wat nodig is, zonder te vragen. Bij de start van het schooljaar is er een ruilmarkt.

Succesfactoren

 • Iedereen mag nemen, niet alleen wie het moeilijk heeft.
 • Een ouderwerkgroep die het beheert.

Uitdagingen

 • Plaats op school.

Deze praktijk in

Ninove

Ruilkast: in twee basisscholen, met ruilmarkt in augustus.

Beleidsdomeinen

 • Onderwijs
 • Armoedebestrijding
`,
  },
  {
    owner: 'clb-de-vaart-demo',
    needs: ['EDU', 'ADM'],
    forms: ['referral', 'mediation'],
    evidence: 'described',
    text: `Inschrijven zonder drempels (demo)

Ouders krijgen hulp bij het digitaal aanmelden en inschrijven in de basisschool en het secundair onderwijs.

Categorie

Inschrijven

Doelen

 • Alle ouders melden hun kind op tijd aan.
 • Minder kinderen zonder school in september.

Doelgroep

 • Ouders van kinderen die naar het eerste leerjaar of het secundair gaan

Beschrijving

Tijdens de aanmeldperiode houden het LOP, het CLB en de bibliotheek samen aanmeldmomenten. Ouders krijgen uitleg in eenvoudige taal, met tolken, en vullen het formulier samen met een medewerker in. Wie geen plaats krijgt, wordt opgebeld.

Succesfactoren

 • Aanmelden samen met de ouder, niet in hun plaats.
 • Tolken op vaste momenten.

Uitdagingen

 • Ouders die de aanmeldperiode niet kennen.

Deze praktijk in

Antwerpen

Aanmeldhulp: in bibliotheken en buurthuizen tijdens de aanmeldperiode.

Beleidsdomeinen

 • Onderwijs
`,
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['HOUS', 'FIN'],
    forms: ['referral'],
    text: `Energiescan voor gezinnen (demo)

Energiesnoeiers komen langs bij gezinnen met hoge energiefacturen en plaatsen gratis kleine besparende maatregelen.

Categorie

Wonen

Doelen

 • Energiearmoede verminderen.
 • Gezinnen kennen hun recht op het sociaal tarief.

Doelgroep

 • Gezinnen met een laag inkomen, huurders

Beschrijving

De school geeft een folder mee aan alle gezinnen. Wie wil, krijgt een energiescan aan huis: de energiesnoeier plaatst tochtstrips, een spaardouchekop en ledlampen, en bekijkt samen met het gezin de energiefactuur.

Succesfactoren

 • Aan huis, op een moment dat past.

Uitdagingen

 • Huisbazen die grote werken niet uitvoeren.

Deze praktijk in

Beringen

Warme thuis: energiescans via vijf basisscholen.

Beleidsdomeinen

 • Wonen
 • Energie
 • Armoedebestrijding
`,
  },
  {
    owner: 'caw-noordoever-demo',
    needs: ['POV', 'PAR'],
    forms: ['exchange', 'professionalisation'],
    evidence: 'peer_reviewed',
    text: `Armoedebril voor leerkrachten (demo)

Een vorming waarin ervaringsdeskundigen leerkrachten laten zien hoe armoede het schoolleven van kinderen raakt.

Categorie

Professionalisering

Doelen

 • Leerkrachten begrijpen hoe armoede werkt.
 • Schoolafspraken worden armoedetoets-proof.

Doelgroep

 • Schoolteams van basis- en secundair onderwijs

Beschrijving

Twee ervaringsdeskundigen in armoede en een lerarenopleider geven een vorming van een halve dag. Daarna overloopt het team samen de schoolreglementen en brieven met een armoedebril: wat kost dit voor gezinnen, wie valt hierdoor uit de boot?

Succesfactoren

 • Verhalen van ervaringsdeskundigen.
 • Meteen aan de slag met de eigen schoolafspraken.

Uitdagingen

 • Tijd vinden voor een volledig team.

Deze praktijk in

Leuven en Tienen

Armoedebril: vormingen in twaalf scholen.

Beleidsdomeinen

 • Onderwijs
 • Armoedebestrijding
`,
  },
  {
    owner: 'huis-van-het-kind-zonnewijzer-demo',
    needs: ['HEALTH', 'PAR'],
    forms: ['referral'],
    text: `Zwemles voor elk kind (demo)

Kinderen die nog niet kunnen zwemmen krijgen gratis zwemles in kleine groepjes, met vervoer vanuit school.

Categorie

Sport en gezondheid

Doelen

 • Elk kind kan zwemmen op het einde van de lagere school.

Doelgroep

 • Kinderen van het derde en vierde leerjaar die nog niet zwemmen

Beschrijving

Op zaterdagochtend haalt een bus de kinderen op aan school. In het zwembad krijgen ze les in groepjes van vijf. Ouders mogen mee en krijgen zelf een gratis beurt.

Succesfactoren

 • Vervoer vanuit school.
 • Kleine groepen.

Uitdagingen

 • Badmutsen en zwemkledij blijven een kost.

Deze praktijk in

Maasmechelen

Zwemfit: zaterdaglessen voor vijf scholen.

Beleidsdomeinen

 • Sport
 • Gezondheid
`,
  },
  {
    owner: 'clb-de-vaart-demo',
    needs: ['EDU'],
    forms: ['exchange', 'referral'],
    evidence: 'peer_reviewed',
    text: `Overstap naar het secundair (demo)

Leerlingen van het zesde leerjaar en hun ouders worden begeleid bij de keuze en de overstap naar het secundair onderwijs.

Categorie

Schoolloopbaan

Doelen

 • Een studiekeuze die past bij het kind.
 • Minder schooluitval in het eerste jaar secundair.

Doelgroep

 • Leerlingen van het zesde leerjaar
 • Ouders

Beschrijving

Het CLB en de brugfiguur houden groepsgesprekken met de leerlingen en een ouderavond in meerdere talen. In het eerste trimester van het secundair belt een CLB-medewerker elk gezin op om te horen hoe de start verliep.

Succesfactoren

 • Terugbellen na de overstap.

Uitdagingen

 • Ouders die de studierichtingen niet kennen.

Deze praktijk in

Hasselt

Stap voor stap: in acht basisscholen en drie secundaire scholen.

Beleidsdomeinen

 • Onderwijs
`,
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['POV', 'FIN'],
    forms: ['mediation', 'exchange'],
    text: `Schoolmaaltijden aan sociaal tarief (demo)

Het lokaal bestuur betaalt een deel van de warme maaltijd op school voor gezinnen met een laag inkomen, zonder apart loket.

Categorie

Voeding

Doelen

 • Elk kind eet 's middags warm.
 • Geen aparte aanvraag voor gezinnen.

Doelgroep

 • Kinderen uit gezinnen met recht op verhoogde tegemoetkoming

Beschrijving

De school kent via de schooltoeslag welke gezinnen recht hebben op het sociaal tarief en past het automatisch toe op de schoolrekening. Het lokaal bestuur betaalt het verschil.

Succesfactoren

 • Automatisch toekennen, zonder aanvraag.

Uitdagingen

 • Gegevens delen met respect voor privacy.

Deze praktijk in

Dendermonde

Soep op school: sociaal tarief in alle basisscholen.

Beleidsdomeinen

 • Armoedebestrijding
 • Onderwijs
`,
  },
  {
    owner: 'bs-de-regenboog-demo',
    needs: ['LANG', 'PAR'],
    forms: ['exchange'],
    text: `Taalcafé voor ouders (demo)

Ouders die Nederlands leren oefenen wekelijks in een taalcafé op school, met kinderopvang erbij.

Categorie

Taal en lezen

Doelen

 • Ouders durven Nederlands te spreken met de leerkracht.
 • Ouders leren elkaar kennen.

Doelgroep

 • Anderstalige ouders

Beschrijving

Elke donderdagvoormiddag praten ouders met vrijwilligers over alledaagse dingen: de agenda van hun kind, een briefje van school, de dokter. Kleine kinderen worden opgevangen in de kleuterklas.

Succesfactoren

 • Kinderopvang tijdens het taalcafé.
 • Thema's die uit de school komen.

Uitdagingen

 • Vrijwilligers vinden voor elke week.

Deze praktijk in

Lokeren

Praatcafé: wekelijks in twee basisscholen.

Beleidsdomeinen

 • Integratie
 • Onderwijs
`,
  },
  {
    owner: 'caw-noordoever-demo',
    needs: ['ADM', 'HOUS'],
    forms: ['referral', 'exchange'],
    text: `Schuldhulp via de school (demo)

De schoolmaatschappelijk werker brengt gezinnen met betalingsproblemen in contact met schuldhulpverlening.

Categorie

Rechten en administratie

Doelen

 • Gezinnen met schulden vroeg bereiken.

Doelgroep

 • Ouders met betalingsachterstand

Beschrijving

Wanneer een schoolrekening langer dan drie maanden openstaat, nodigt de school de ouders uit voor een gesprek, niet om te innen maar om te helpen. De maatschappelijk werker van het CAW sluit aan en biedt budgetbegeleiding aan.

Succesfactoren

 • Het gesprek gaat over hulp, niet over de rekening.

Uitdagingen

 • Ouders die niet op de uitnodiging ingaan.

Deze praktijk in

Halle

Budgetbrug: samenwerking tussen vier scholen en het CAW.

Beleidsdomeinen

 • Welzijn
`,
  },
  {
    owner: 'huis-van-het-kind-zonnewijzer-demo',
    needs: ['LEIS', 'LANG'],
    forms: ['mediation'],
    text: `Kunstatelier na school (demo)

Kinderen maken na school kunst met kunstenaars uit de buurt, gratis en in hun eigen wijk.

Categorie

Cultuur

Doelen

 • Kinderen ontdekken wat ze graag doen.
 • Taal groeit door samen te maken en te vertellen.

Doelgroep

 • Kinderen van 6 tot 12 jaar

Beschrijving

Op dinsdag en donderdag werken kinderen in een leeg klaslokaal met klei, verf en theater. Aan het einde van elk trimester is er een tentoonstelling voor ouders en buren.

Succesfactoren

 • Kunstenaars uit de eigen buurt.

Uitdagingen

 • Materiaalkosten.

Deze praktijk in

Menen

Atelier Kleur: twee namiddagen per week.

Beleidsdomeinen

 • Cultuur
 • Jeugd
`,
  },
  {
    owner: 'clb-de-vaart-demo',
    needs: ['HEALTH', 'EDU'],
    forms: ['professionalisation', 'exchange'],
    text: `Zorgoverleg met de huisarts (demo)

Het CLB, de school en huisartsen uit de wijk overleggen driemaandelijks over gezondheid en afwezigheden van leerlingen.

Categorie

Gezondheid en hygiëne

Doelen

 • Langdurige afwezigheid om gezondheidsredenen sneller aanpakken.
 • Huisartsen en scholen leren elkaars werk kennen.

Doelgroep

 • Huisartsen, CLB-artsen en zorgcoördinatoren

Beschrijving

Drie keer per jaar komen huisartsen uit de wijkgezondheidscentra, de CLB-arts en de zorgcoördinatoren samen. Ze bespreken anoniem situaties, spreken af wie wat opneemt en wisselen informatie uit over het aanbod in de buurt.

Succesfactoren

 • Anonieme bespreking.

Uitdagingen

 • Tijd van huisartsen.

Deze praktijk in

Brugge

Zorgrond: driemaandelijks overleg in de wijkgezondheidscentra.

Beleidsdomeinen

 • Gezondheid
 • Onderwijs
`,
  },
  {
    owner: 'welzijnsregie-kanaalzone-demo',
    needs: ['POV', 'EDU', 'PAR'],
    forms: ['exchange', 'mediation'],
    evidence: 'peer_reviewed',
    text: `Lokaal netwerk kinderarmoede (demo)

School, OCMW, CAW, Huis van het Kind en armoedeorganisaties komen samen om gezinnen in armoede sneller en beter te helpen.

Categorie

Netwerken

Doelen

 • Elk gezin in armoede heeft één aanspreekpunt.
 • Structurele problemen worden samen gesignaleerd aan het beleid.

Doelgroep

 • Lokale partners uit onderwijs en welzijn

Beschrijving

Het netwerk komt drie keer per jaar samen, met werkgroepen rond schoolkosten, wonen en gezondheid. Elke partner brengt signalen mee; de regisseur bundelt ze en bezorgt ze aan het schepencollege.

Succesfactoren

 • Een regisseur van het lokaal bestuur die de tijd krijgt.
 • Ervaringsdeskundigen in het netwerk.

Uitdagingen

 • Partners die afhaken wanneer er weinig verandert.

Deze praktijk in

Gent en Merelbeke-Melle

Netwerk Kinderkansen: drie keer per jaar, met werkgroepen.

Beleidsdomeinen

 • Armoedebestrijding
 • Welzijn
 • Onderwijs
`,
  },
];
