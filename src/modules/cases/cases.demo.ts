import { loadCurrentUser } from '../accounts/authenticate.ts';
import { assignRole } from '../collaboration/coordinator-roles.service.ts';
import { days, ManualClock } from '../../platform/clock.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import { addCaseMember } from './cases.service.ts';
import {
  addCaseAction,
  giveAdvice,
  recordRoundTable,
  requestConsultation,
  setCaseActionDone,
} from './consultations.service.ts';
import { addReferralUpdate, assignHandler, createReferral, type NewReferral } from './referrals.service.ts';

// DEMO DATA: a care coordinator's week at an invented school. Every family, pupil and text below is
// invented; pseudonyms carry "(demo)". The cases are made through the services, at the moments they
// would have happened (a clock set back), so statuses, reminders and audit trails read naturally.

export interface DemoCasePeople {
  /** The school's care coordinator (admin of the demo school). */
  careCoordinator: string;
  teacher: string;
  /** The CAW's admin, who routes and handles referrals. */
  welfareWorker: string;
  /** The CLB's anchor, ROTS coordinator of the region. */
  clbAnchor: string;
  schoolOrganisationId: string;
  clbOrganisationId: string;
  /** A service of the CAW that works in Brugwerk, and one of an organisation that does not. */
  cawServiceId: string;
  otherServiceId: string;
}

const EAST_FLANDERS = '40000';

export async function loadDemoCases(deps: Deps, p: DemoCasePeople): Promise<void> {
  const now = deps.clock.now().getTime();
  /** The services as they ran `daysAgo` days ago. */
  const at = (daysAgo: number): Deps => ({ ...deps, clock: new ManualClock(new Date(now - days(daysAgo))) });
  const as = async (userId: string) => ({
    actor: { userId, correlationId: null } satisfies Actor,
    user: (await loadCurrentUser(deps, userId, 'session'))!,
  });
  const lies = await as(p.careCoordinator);
  const karim = await as(p.teacher);
  const tom = await as(p.welfareWorker);
  const joke = await as(p.clbAnchor);
  await assignRole(deps, joke.actor, {
    code: 'rots',
    regionCode: EAST_FLANDERS,
    userId: p.clbAnchor,
    organisationId: p.clbOrganisationId,
    deputy: false,
  });
  const referral = (over: Partial<NewReferral> & Pick<NewReferral, 'pseudonym' | 'needs'>): NewReferral => ({
    organisationId: p.schoolOrganisationId,
    serviceId: p.cawServiceId,
    intensity: 3,
    identity: null,
    note: null,
    consentGivenBy: 'parent',
    consentInformation: ['needs', 'contact'],
    consentPurpose: 'intake',
    consentFeedbackText: false,
    consentMethod: 'conversation',
    consentLocale: 'nl',
    checkBackDays: 14,
    ...over,
  });
  const ids: string[] = [];

  // Twelve days ago: a warm referral to the CAW, answered with statuses; the check-back is due.
  const zonnebloem = await createReferral(
    at(12),
    lies.actor,
    lies.user,
    referral({
      pseudonym: 'Gezin Zonnebloem (demo)',
      needs: ['FIN', 'ADM'],
      intensity: 4,
      identity: { parentName: 'Sara Demo', childName: 'Noor', phone: '0470 00 00 01', email: '' },
      note: 'Mama werkt in ploegen; bellen na 14 uur. De school ging mee naar het eerste gesprek.',
      consentFeedbackText: true,
      checkBackDays: 10,
    }),
  );
  ids.push(zonnebloem.caseId);
  await assignHandler(at(11), tom.actor, tom.user, zonnebloem.caseId, tom.user.email);
  for (const [daysAgo, status, waitWeeks] of [
    [11, 'received', null],
    [9, 'waiting_list', 4],
  ] as const)
    await addReferralUpdate(at(daysAgo), tom.actor, tom.user, zonnebloem.caseId, {
      status,
      waitWeeks,
      reasonCode: null,
      message: status === 'waiting_list' ? 'Er is een plek voor budgetbegeleiding vanaf januari.' : null,
    });

  // Three days ago: the family answers through a link; nothing is shared until they do.
  const madelief = await createReferral(
    at(3),
    lies.actor,
    lies.user,
    referral({ pseudonym: 'Gezin Madelief (demo)', needs: ['HOUS'], consentMethod: 'link', intensity: 2 }),
  );
  ids.push(madelief.caseId);

  // Five days ago: to a service that does not work in Brugwerk (no statuses will come).
  const klaproos = await createReferral(
    at(5),
    lies.actor,
    lies.user,
    referral({
      pseudonym: 'Gezin Klaproos (demo)',
      needs: ['PAR'],
      serviceId: p.otherServiceId,
      intensity: 1,
    }),
  );
  ids.push(klaproos.caseId);

  // Yesterday: the teacher's referral waits in the CAW's intake.
  const korenbloem = await createReferral(
    at(1),
    karim.actor,
    karim.user,
    referral({ pseudonym: 'Gezin Korenbloem (demo)', needs: ['LEIS', 'FIN'], intensity: 2 }),
  );
  ids.push(korenbloem.caseId);

  // Twenty days ago: a consult on a pupil who stopped coming; advice, then a round table next week.
  const consult = await requestConsultation(at(20), lies.actor, lies.user, {
    organisationId: p.schoolOrganisationId,
    regionCode: EAST_FLANDERS,
    ageBand: '6-11',
    schoolLevel: 'lager',
    needs: ['EDU', 'HEALTH'],
    tried: 'Gesprekken met de ouders, een aangepast lesrooster, begeleiding door het CLB.',
    question: 'Hoe krijgen we een leerling met schoolangst weer elke dag op school?',
    schoolName: null,
  });
  ids.push(consult);
  await giveAdvice(
    at(18),
    joke.actor,
    joke.user,
    consult,
    'Vraag toestemming aan de ouders voor een rondetafel met de thuisbegeleiding en het CLB.',
  );
  const nextWeek = new Date(now + days(5)).toISOString().slice(0, 10);
  await recordRoundTable(at(10), joke.actor, joke.user, consult, {
    basis: 'consent_parents',
    legalGround: null,
    meetingOn: nextWeek,
    participants: 'De ouders, de zorgcoördinator, het CLB-anker, de thuisbegeleider.',
    identity: null,
  });
  await addCaseMember(at(10), joke.actor, joke.user, consult, 'consultation', karim.user.email);
  for (const [description, owner, done] of [
    ['Dagelijks onthaal door de klasleerkracht om 8.20 uur', 'School', true],
    ['Aanmelding bij de thuisbegeleiding', 'CLB', false],
  ] as const) {
    await addCaseAction(at(9), joke.actor, joke.user, consult, { description, owner, dueOn: nextWeek });
    if (done) {
      const action = await deps.db
        .selectFrom('case_actions')
        .select('id')
        .where('case_id', '=', consult)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
      await setCaseActionDone(at(4), joke.actor, joke.user, consult, action.id, true);
    }
  }

  // Six days ago: the teacher's consult, to which the care coordinator was added.
  const teacherConsult = await requestConsultation(at(6), karim.actor, karim.user, {
    organisationId: p.schoolOrganisationId,
    regionCode: EAST_FLANDERS,
    ageBand: '12-17',
    schoolLevel: 'secundair',
    needs: ['LANG', 'EDU'],
    tried: 'Taalondersteuning in de klas en huiswerkbegeleiding.',
    question: 'Welke hulp is er voor een nieuwkomer die na de onthaalklas vastloopt?',
    schoolName: null,
  });
  ids.push(teacherConsult);
  await addCaseMember(at(6), karim.actor, karim.user, teacherConsult, 'consultation', lies.user.email);

  await deps.db.updateTable('cases').set({ is_demo: true }).where('id', 'in', ids).execute();
}
