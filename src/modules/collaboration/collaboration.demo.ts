import { brusselsDay, brusselsMoment, days } from '../../platform/clock.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { schoolYearOf } from '../../platform/school-year.ts';
import { loadCurrentUser } from '../accounts/authenticate.ts';
import {
  acceptAgreement,
  agreementsOf,
  type CollaborationInput,
  findCollaboration,
  registerCollaboration,
  saveAgreement,
  setPublicConsent,
} from './collaborations.service.ts';
import { addWorkshop, createEvent, findEvent, publishEvent, register } from './events.service.ts';
import {
  actionsOf,
  addAction,
  addMember,
  createNetwork,
  findMeeting,
  planMeeting,
  recordDecision,
  saveMinutes,
  setActionStatus,
} from './networks.service.ts';
import { answerPulse, closePulseRound, openPulseRound } from './pulse.service.ts';

// DEMO DATA. Invented collaborations, two invented networks with their meetings, actions, an open
// event and two pulse rounds. Names carry "(demo)"; addresses end in .invalid.

export interface DemoCollaborationPeople {
  /** Admin of the school (Basisschool De Regenboog). */
  schoolAdmin: string;
  /** Admin of the CAW. */
  cawAdmin: string;
  /** Admin of the local government (welzijnsregie). */
  governmentAdmin: string;
  organisations: { school: string; clb: string; caw: string; familyCentre: string; government: string };
}

export async function loadDemoCollaboration(deps: Deps, actor: Actor, p: DemoCollaborationPeople) {
  const user = async (id: string) => (await loadCurrentUser(deps, id, 'session'))!;
  const [school, caw, government] = [
    await user(p.schoolAdmin),
    await user(p.cawAdmin),
    await user(p.governmentAdmin),
  ];
  const o = p.organisations;
  const now = deps.clock.now();
  const day = (offset: number) => brusselsDay(new Date(now.getTime() + days(offset)));
  const year = schoolYearOf(now);

  // ---- Collaborations, one with an accepted agreement ----------------------------------------------------
  const base = (over: Partial<CollaborationInput>): CollaborationInput => ({
    title: '',
    description: '',
    forms: ['exchange'],
    intensity: 'recurring',
    needs: ['FIN'],
    level: 'school_policy',
    municipalityNis: '44021',
    place: null,
    startsOn: day(-400),
    endsOn: null,
    status: 'active',
    partnerIds: [],
    initiatorOrganisationId: null,
    ...over,
  });
  const office = await registerCollaboration(
    deps,
    actor,
    school,
    o.school,
    base({
      title: 'Zitdag CAW op school (demo)',
      description:
        'Elke dinsdagvoormiddag houdt een welzijnswerker van het CAW zitdag in de school. Ouders lopen binnen zonder afspraak; leerkrachten verwijzen warm door.',
      forms: ['referral', 'exchange'],
      intensity: 'structural',
      needs: ['FIN', 'ADM', 'HOUS'],
      level: 'case',
      place: 'Lokaal naast het secretariaat',
      partnerIds: [o.caw],
      initiatorOrganisationId: o.school,
    }),
  );
  const costs = await registerCollaboration(
    deps,
    actor,
    government,
    o.government,
    base({
      title: 'Samen tegen schoolkosten (demo)',
      description:
        'Gemeente, school en CAW zoeken samen naar betaalbare uitstappen en een vangnet voor onbetaalde schoolrekeningen.',
      forms: ['mediation', 'exchange'],
      needs: ['FIN', 'EDU'],
      partnerIds: [o.school, o.caw],
      initiatorOrganisationId: o.government,
    }),
  );
  const training = await registerCollaboration(
    deps,
    actor,
    government,
    o.government,
    base({
      title: 'Vorming armoedebewust werken (demo)',
      description:
        'Drie vormingsavonden voor onthaalmedewerkers en CLB-medewerkers over armoede en drempels.',
      forms: ['professionalisation'],
      intensity: 'one_off',
      needs: ['POV'],
      level: 'network',
      partnerIds: [o.familyCentre, o.clb],
      startsOn: day(-120),
      endsOn: day(30),
    }),
  );
  for (const [id, admins] of [
    [
      office,
      [
        [school, o.school],
        [caw, o.caw],
      ],
    ],
    [
      costs,
      [
        [government, o.government],
        [school, o.school],
        [caw, o.caw],
      ],
    ],
  ] as const) {
    for (const [who, organisation] of admins)
      await setPublicConsent(deps, actor, who, (await findCollaboration(deps, id))!, organisation, true);
  }
  const collaboration = (await findCollaboration(deps, office))!;
  await saveAgreement(deps, actor, school, collaboration, {
    schoolYear: year,
    kind: 'agreement_note',
    reviewOn: day(150),
    commitments: [
      {
        topic: 'tasks',
        text: 'Het CAW houdt elke dinsdag van 8.30 tot 12 uur zitdag op school.',
        responsible: o.caw,
      },
      {
        topic: 'tasks',
        text: 'De school zorgt voor een rustig lokaal en vermeldt de zitdag in de nieuwsbrief.',
        responsible: o.school,
      },
      {
        topic: 'contact',
        text: 'De zorgcoördinator en de welzijnswerker spreken elkaar elke maand kort.',
        responsible: null,
      },
      { topic: 'taken_up', text: 'Vragen over geld, papieren, wonen en schoolkosten.', responsible: null },
      {
        topic: 'not_taken_up',
        text: 'Dringende hulp bij geweld: daarvoor verwijzen we meteen door.',
        responsible: null,
      },
      {
        topic: 'feedback',
        text: 'Het CAW laat binnen twee weken weten of een doorverwezen gezin is aangekomen, met toestemming van het gezin.',
        responsible: o.caw,
      },
      {
        topic: 'information',
        text: 'We delen alleen wat het gezin goedvindt; niets zonder toestemming.',
        responsible: null,
      },
    ],
  });
  const agreements = await agreementsOf(deps, office);
  for (const [who, organisation] of [
    [school, o.school],
    [caw, o.caw],
  ] as const)
    await acceptAgreement(deps, actor, who, collaboration, agreements[0]!, agreements, organisation);

  // ---- A local network against child poverty: meetings, actions (one carried over), an event, a pulse -----
  const poverty = await createNetwork(deps, actor, government, o.government, {
    name: 'Lokaal netwerk kinderarmoede Kanaalzone (demo)',
    kind: 'child_poverty',
    purpose:
      'Scholen, welzijn en gemeente werken samen zodat geen kind uit de boot valt door armoede: we delen signalen, pakken schoolkosten aan en maken de weg naar hulp korter.',
    municipalityNis: '44021',
    isPublic: true,
  });
  for (const [organisationId, representativeEmail] of [
    [o.school, 'zorg@regenboog.demo.invalid'],
    [o.clb, null],
    [o.caw, 'welzijn@noordoever.demo.invalid'],
    [o.familyCentre, null],
  ] as const)
    await addMember(deps, actor, poverty, { kind: 'organisation', organisationId, representativeEmail });
  await addMember(deps, actor, poverty, {
    kind: 'individual',
    name: 'Mira Janssens (demo), ervaringsdeskundige',
    email: 'mira@demo.brugwerk.invalid',
    showPublicly: true,
  });
  const moment = (offset: number, time: string) => brusselsMoment(day(offset), time);
  const autumn = await planMeeting(deps, actor, poverty, {
    title: 'Netwerkoverleg najaar (demo)',
    startsAt: moment(-40, '13:30'),
    endsAt: moment(-40, '15:30'),
    location: 'Sociaal Huis, zaal 2',
    description: 'Tweede overleg van het schooljaar.',
    agenda: [
      'Welkom en stand van zaken',
      'Schoolkosten: wat leren de cijfers?',
      'Voorbereiding ontmoetingsdag',
    ],
  });
  const held = (await findMeeting(deps, poverty.id, autumn))!;
  await recordDecision(
    deps,
    actor,
    held,
    'We houden in het voorjaar een ontmoetingsdag met workshops voor leerkrachten en welzijnswerkers.',
  );
  for (const action of [
    {
      description: 'Overzicht van schoolkosten per leerjaar opvragen bij de scholen',
      owner: 'Basisschool De Regenboog (demo)',
      dueOn: day(-10),
    },
    {
      description: 'Folder over de zitdag vertalen naar het Arabisch en het Roemeens',
      owner: 'CAW Noordoever (demo)',
      dueOn: day(20),
    },
  ])
    await addAction(deps, actor, held, action);
  const [first] = await actionsOf(deps, autumn);
  await setActionStatus(deps, actor, poverty, first!.id, 'done');
  await saveMinutes(deps, actor, held, {
    minutes:
      'Aanwezig: gemeente, school, CLB, CAW, Huis van het Kind, Mira.\n\nDe scholen zien meer onbetaalde rekeningen dan vorig jaar. We bundelen de cijfers voor het volgende overleg.',
    held: true,
  });
  await planMeeting(deps, actor, poverty, {
    title: 'Netwerkoverleg winter (demo)',
    startsAt: moment(45, '13:30'),
    endsAt: moment(45, '15:30'),
    location: 'Basisschool De Regenboog, refter',
    description: 'Het open actiepunt over de folder staat automatisch op de agenda.',
    agenda: ['Welkom', 'Ontmoetingsdag: laatste afspraken'],
  });

  const event = await createEvent(deps, actor, poverty, {
    title: 'Ontmoetingsdag gelijke kansen (demo)',
    description:
      'Een dag voor leerkrachten, CLB-medewerkers en welzijnswerkers: leren van elkaar over armoede en school.',
    startsAt: moment(60, '09:00'),
    endsAt: moment(60, '16:00'),
    location: 'Cultuurcentrum De Brug (demo), Kanaalzone',
  });
  for (const workshop of [
    {
      title: 'Schoolkosten: wat werkt?',
      description: 'Voorbeelden van scholen die kosten lager maakten.',
      capacity: 2,
    },
    {
      title: 'Praten met ouders over geld',
      description: 'Oefenen in een eerlijk en warm gesprek.',
      capacity: 20,
    },
  ])
    await addWorkshop(deps, actor, event, workshop);
  await publishEvent(deps, actor, event);
  const [costsWorkshop, talkWorkshop] = await deps.db
    .selectFrom('event_workshops')
    .select('id')
    .where('event_id', '=', event.id)
    .orderBy('position')
    .execute();
  for (const [name, workshopIds] of [
    ['Sara Wouters (demo)', [costsWorkshop!.id, talkWorkshop!.id]],
    ['Jonas Maes (demo)', [costsWorkshop!.id]],
    ['Els Van Damme (demo)', [costsWorkshop!.id]],
  ] as const)
    await register(deps, actor, (await findEvent(deps, event.slug))!, {
      name,
      email: `${name.split(' ')[0]!.toLowerCase()}@deelnemer.demo.invalid`,
      organisation: 'Basisschool De Regenboog (demo)',
      workshopIds: [...workshopIds],
      locale: 'nl',
    });

  // Two pulse rounds, half a year apart: the network grew closer.
  const rate = async (
    round: Awaited<ReturnType<typeof openPulseRound>>,
    rows: [string, string, number, number][],
  ) => {
    const raters = new Map<string, Awaited<ReturnType<typeof user>>>([
      [o.government, government],
      [o.school, school],
      [o.caw, caw],
    ]);
    for (const rater of new Set(rows.map((r) => r[0])))
      await answerPulse(
        deps,
        actor,
        raters.get(rater)!,
        round,
        rater,
        rows.filter((r) => r[0] === rater).map(([, rated, trust, value]) => ({ rated, trust, value })),
      );
  };
  const spring = await openPulseRound(deps, actor, poverty, 'Puls voorjaar (demo)');
  await rate(spring, [
    [o.government, o.school, 3, 3],
    [o.school, o.caw, 2, 3],
    [o.caw, o.school, 3, 2],
  ]);
  await closePulseRound(deps, actor, spring);
  await deps.db
    .updateTable('pulse_rounds')
    .set({ opened_at: new Date(now.getTime() - days(190)), closed_at: new Date(now.getTime() - days(170)) })
    .where('id', '=', spring.id)
    .execute();
  const autumnRound = await openPulseRound(deps, actor, poverty, 'Puls najaar (demo)');
  await rate(autumnRound, [
    [o.government, o.school, 4, 3],
    [o.government, o.caw, 3, 3],
    [o.government, o.familyCentre, 3, 2],
    [o.school, o.caw, 4, 4],
    [o.school, o.clb, 3, 3],
    [o.caw, o.school, 4, 3],
  ]);

  // ---- A learning network run by the CAW, members only ----------------------------------------------
  const learning = await createNetwork(deps, actor, caw, o.caw, {
    name: 'Lerend netwerk brede school Noordoever (demo)',
    kind: 'learning_network',
    purpose: 'Welzijnswerkers en zorgteams leren van elkaars aanpak van vragen van gezinnen op school.',
    municipalityNis: '11002',
    isPublic: false,
  });
  for (const organisationId of [o.school, o.familyCentre])
    await addMember(deps, actor, learning, {
      kind: 'organisation',
      organisationId,
      representativeEmail: null,
    });
  await planMeeting(deps, actor, learning, {
    title: 'Intervisie: de eerste vraag van een ouder (demo)',
    startsAt: moment(21, '15:45'),
    endsAt: moment(21, '17:15'),
    location: 'CAW Noordoever, onthaalruimte',
    description: 'Elk lid brengt één situatie mee, anoniem.',
    agenda: ['Casus 1', 'Casus 2', 'Wat nemen we mee?'],
  });

  await deps.db
    .updateTable('networks')
    .set({ is_demo: true })
    .where('id', 'in', [poverty.id, learning.id])
    .execute();
  await deps.db
    .updateTable('collaborations')
    .set({ is_demo: true })
    .where('id', 'in', [office, costs, training])
    .execute();
}
