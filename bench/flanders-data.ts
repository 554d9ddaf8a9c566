// The whole of Flanders and Brussels for the load, crash and restore drills (BENCH DATA, invented):
// the sociale kaart and the practice library (bench/directory-data.ts, bench/practice-data.ts), then
// professionals of schools, CLBs and welfare organisations who pass on signals and refer families,
// through the services themselves so every case has its members, sealed texts and audit rows.
// Case dates are spread over the past year with the clock set back; most referrals are closed.
import type { Kysely } from 'kysely';
import * as accounts from '../src/modules/accounts/accounts.service.ts';
import { loadCurrentUser } from '../src/modules/accounts/authenticate.ts';
import { createReferral, recordOutcome } from '../src/modules/cases/referrals.service.ts';
import { referralOutcomes } from '../src/modules/cases/cases.table.ts';
import { refreshSimilarPractices } from '../src/modules/practices/practices.search.ts';
import { raiseSignal } from '../src/modules/signals/signals.service.ts';
import { signalFrequencies } from '../src/modules/signals/signals.table.ts';
import { turnOnSecondFactor } from '../src/demo.ts';
import { days, ManualClock } from '../src/platform/clock.ts';
import { type Actor, type Deps, systemActor } from '../src/platform/deps.ts';
import type { DB } from '../src/platform/db/schema.ts';
import type { CurrentUser } from '../src/platform/http/principal.ts';
import { type NeedCode, needCodes, type OrganisationType } from '../src/platform/vocabularies.ts';
import { generateDirectory, random } from './directory-data.ts';
import { generatePractices } from './practice-data.ts';

export const flandersSize = {
  schools: 3500,
  organisations: 5000,
  services: 20_000,
  practices: 10_000,
  signals: 5000,
  referrals: 20_000,
  /** Organisations working in Brugwerk, one professional each (the first is the zorgcoördinator). */
  professionals: 250,
};
export type FlandersSize = typeof flandersSize;

/** Flanders at a fraction (`--scale 0.05` for a quick try), at least 5 of everything. */
export const scaledSize = (scale: number) =>
  Object.fromEntries(
    Object.entries(flandersSize).map(([k, v]) => [k, Math.max(5, Math.round(v * scale))]),
  ) as FlandersSize;

/** The secrets of the bench's servers and writers (a generated case must be readable by the app). */
export const benchSecrets = {
  SESSION_SECRET: 'bench-session-secret-bench-session-secret-0000',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
};

/** The zorgcoördinator whose day overview the load test opens; 40 open referrals are theirs. */
export const benchCoordinator = { email: 'zorgcoordinator@bench.invalid', password: 'bench-wachtwoord-2026' };
const COORDINATOR_OPEN_REFERRALS = 40;

export interface FlandersData {
  coordinatorTotpSecret: string;
  /** Services a referral can go to, for the "record a referral" scenario. */
  serviceIds: string[];
  /** Practice pages (/praktijken/ID), for the "practice page" scenario. */
  practiceIds: string[];
  /** Schools of the sociale kaart, for "search near a school". */
  schoolIds: string[];
  /** The zorgcoördinator's school in Brugwerk, which refers. */
  coordinatorOrganisationId: string;
}

const signalTexts: {
  title: string;
  description: string;
  needs: NeedCode[];
  sector: 'education' | 'welfare';
}[] = [
  {
    title: 'Schoolrekeningen blijven onbetaald',
    description:
      'Meer gezinnen krijgen een tweede herinnering voor de schoolrekening. Uitstappen en werkmateriaal wegen het zwaarst.',
    needs: ['FIN', 'EDU'],
    sector: 'education',
  },
  {
    title: 'Lange wachttijd voor een eerste gesprek bij het CAW',
    description:
      'Gezinnen die we doorverwijzen wachten weken op een eerste gesprek. Intussen stapelen de problemen zich op.',
    needs: ['FIN', 'ADM'],
    sector: 'welfare',
  },
  {
    title: 'Kinderen komen zonder boterhammen naar school',
    description:
      'Elke week zien leerkrachten kinderen zonder middagmaal. Ze durven het niet te zeggen en vallen stil in de namiddag.',
    needs: ['POV', 'HEALTH'],
    sector: 'education',
  },
  {
    title: 'Geen opvang voor ouders die een taalcursus volgen',
    description:
      'Ouders die Nederlands willen leren vinden geen opvang voor hun jongste kind en stoppen met de les.',
    needs: ['PAR', 'LANG'],
    sector: 'welfare',
  },
  {
    title: 'Gezinnen vinden de weg niet naar de schooltoeslag',
    description:
      'Het aanvragen loopt vast op papieren en digitale formulieren. Ouders haken af voor ze hun recht krijgen.',
    needs: ['ADM', 'FIN'],
    sector: 'education',
  },
  {
    title: 'Jongeren zonder laptop voor het huiswerk',
    description:
      'In het eerste jaar secundair moet alles online, maar niet elk gezin heeft een toestel of internet.',
    needs: ['EDU', 'POV'],
    sector: 'education',
  },
  {
    title: 'Huisvesting: gezinnen wonen te klein en vochtig',
    description:
      'Kinderen slapen met meerdere op één kamer en zijn vaak ziek. Het huiswerk maken lukt thuis niet.',
    needs: ['HOUS', 'HEALTH'],
    sector: 'welfare',
  },
  {
    title: 'Vrijetijdsaanbod te duur voor veel gezinnen',
    description:
      'Sportclubs en jeugdwerk vragen lidgeld en materiaal; kinderen uit arme gezinnen blijven na school thuis.',
    needs: ['LEIS', 'FIN'],
    sector: 'welfare',
  },
];
const places = ['in de wijk', 'in onze school', 'in de gemeente', 'bij nieuwkomers', 'in het secundair', ''];
const pseudonyms = ['Gezin', 'Leerling', 'Kind', 'Jongere'];

export async function generateFlanders(deps: Deps, size: FlandersSize = flandersSize): Promise<FlandersData> {
  const { db } = deps;
  const rnd = random(2026);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number): Deps => ({ ...deps, clock: new ManualClock(new Date(now - days(daysAgo))) });
  const actorFor = (userId: string): Actor => ({ userId, label: 'bench', correlationId: null });

  await generateDirectory(db, size);
  await generatePractices(db, size.practices);
  // Every fiche's "vergelijkbare praktijken", kept as the hourly job keeps them on a running platform.
  await refreshSimilarPractices(deps, 2);
  const municipalities = await db
    .selectFrom('municipalities')
    .select('nis_code')
    .where('region', '!=', 'WAL')
    .execute();

  // Professionals: mostly schools, then CLBs and welfare organisations.
  const types: OrganisationType[] = ['school', 'school', 'school', 'school', 'clb', 'caw', 'ocmw'];
  const people: CurrentUser[] = [];
  let coordinatorTotpSecret = '';
  for (let i = 0; i < size.professionals; i++) {
    const type = i === 0 ? 'school' : pick(types);
    const organisation = await accounts.createOrganisation(deps, systemActor('bench'), {
      slug: `bench-${type}-${i + 1}`,
      name: `${type === 'school' ? 'Basisschool' : type.toUpperCase()} Bench ${i + 1} (benchdata)`,
      type,
      municipalityNis: pick(municipalities).nis_code,
    });
    const email = i === 0 ? benchCoordinator.email : `professional-${i + 1}@bench.invalid`;
    const user = await accounts.createUser(deps, systemActor('bench'), {
      email,
      name: i === 0 ? 'Zorgcoördinator (benchdata)' : `Professional ${i + 1} (benchdata)`,
      ...(i === 0 ? { password: benchCoordinator.password } : {}),
    });
    await accounts.setMembership(deps, actorFor(user.id), {
      userId: user.id,
      organisationId: organisation.id,
      role: 'admin',
    });
    if (i === 0) coordinatorTotpSecret = await turnOnSecondFactor(deps, user.id, email);
    people.push((await loadCurrentUser(deps, user.id, 'session'))!);
  }
  // A few busy professionals and a long tail (Zipf-like weights).
  const weights = people.map((_, i) => 1 / (i + 1) ** 0.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const someone = () => {
    let r = rnd() * total;
    for (let i = 1; i < people.length; i++) if ((r -= weights[i]!) <= 0) return people[i]!;
    return people[people.length - 1]!;
  };

  for (let i = 0; i < size.signals; i++) {
    const text = pick(signalTexts);
    const sender = someone();
    await raiseSignal(at(Math.floor(rnd() * 730)), actorFor(sender.id), sender, {
      title: `${text.title} ${pick(places)}`.trim(),
      description: text.description,
      needs: text.needs,
      sector: text.sector,
      place: { municipality: pick(municipalities).nis_code },
      frequency: pick(signalFrequencies),
      seenSince: null,
      sourceType: text.sector === 'education' ? 'school' : 'welfare',
      mayBeNamed: rnd() < 0.5,
      organisationId: sender.memberships[0]!.organisationId,
    });
  }

  const services = await db.selectFrom('directory_services').select('id').execute();
  const serviceIds = services.map((s) => s.id);
  for (let i = 0; i < size.referrals; i++) {
    // The zorgcoördinator's own: the first ones, all open; of everyone else's, about 70 % are closed.
    const mine = i < COORDINATOR_OPEN_REFERRALS;
    const referrer = mine ? people[0]! : someone();
    const daysAgo = mine ? Math.floor(rnd() * 60) : Math.floor(rnd() * 365);
    const needs = [...new Set([pick(needCodes), pick(needCodes)])];
    const { caseId } = await createReferral(at(daysAgo), actorFor(referrer.id), referrer, {
      organisationId: referrer.memberships[0]!.organisationId,
      serviceId: pick(serviceIds),
      needs,
      intensity: 1 + Math.floor(rnd() * 5),
      pseudonym: `${pick(pseudonyms)} ${String.fromCharCode(65 + Math.floor(rnd() * 26))}.${i}`,
      identity: null,
      note: rnd() < 0.3 ? 'Ouders vragen hulp bij de schoolrekening en willen iemand die meegaat.' : null,
      consentGivenBy: 'parents',
      consentInformation: ['needs', 'contact'],
      consentPurpose: 'intake',
      consentFeedbackText: rnd() < 0.5,
      consentMethod: 'conversation',
      consentLocale: 'nl',
      checkBackDays: 14,
    });
    if (!mine && rnd() < 0.7)
      await recordOutcome(at(Math.max(0, daysAgo - 20)), actorFor(referrer.id), referrer, caseId, {
        outcome: pick(referralOutcomes),
        note: null,
        close: true,
      });
  }

  const practices = await db.selectFrom('practices').select('id').where('status', '=', 'published').execute();
  const schools = await db
    .selectFrom('directory_organizations')
    .select('id')
    .where('kind', '=', 'school')
    .orderBy('id')
    .limit(100)
    .execute();
  return {
    coordinatorTotpSecret,
    coordinatorOrganisationId: people[0]!.memberships[0]!.organisationId,
    serviceIds: serviceIds.slice(0, 200),
    practiceIds: practices.slice(0, 500).map((p) => p.id),
    schoolIds: schools.map((s) => s.id),
  };
}

/** Row counts of the generated tables, for the report. */
export async function countRows(db: Kysely<DB>) {
  const count = async (table: keyof DB) =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    schools: Number(
      (
        await db
          .selectFrom('directory_organizations')
          .select(db.fn.countAll().as('n'))
          .where('kind', '=', 'school')
          .executeTakeFirstOrThrow()
      ).n,
    ),
    organisations: Number(
      (
        await db
          .selectFrom('directory_organizations')
          .select(db.fn.countAll().as('n'))
          .where('kind', '!=', 'school')
          .executeTakeFirstOrThrow()
      ).n,
    ),
    services: await count('directory_services'),
    practices: await count('practices'),
    signals: await count('signals'),
    referrals: await count('referrals'),
    caseAudit: await count('case_audit'),
  };
}
