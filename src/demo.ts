import { randomBytes } from 'node:crypto';
import * as accounts from './modules/accounts/accounts.service.ts';
import { loadDemoDirectory } from './modules/directory/directory.demo.ts';
import { loadDemoPractices } from './modules/practices/practices.demo.ts';
import { loadDemoReflection } from './modules/reflection/reflection.demo.ts';
import { loadDemoCases } from './modules/cases/cases.demo.ts';
import { loadDemoSignals } from './modules/signals/signals.demo.ts';
import { loadDemoRegions } from './modules/regions/regions.demo.ts';
import { loadDemoCollaboration } from './modules/collaboration/collaboration.demo.ts';
import { confirmTotpEnrolment, currentTotpCode, startTotpEnrolment } from './modules/accounts/mfa.service.ts';
import type { OrganisationRole, PlatformRole } from './modules/accounts/accounts.table.ts';
import { systemActor, type Deps } from './platform/deps.ts';
import type { OrganisationType } from './platform/vocabularies.ts';

// DEMO DATA. Every organisation and person below is invented for demonstration; any likeness to a
// real organisation or person is unintended. Names carry "(demo)" so nobody mistakes them for real.

const organisations: { slug: string; name: string; type: OrganisationType; nis: string }[] = [
  { slug: 'bs-de-regenboog-demo', name: 'Basisschool De Regenboog (demo)', type: 'school', nis: '44021' },
  { slug: 'clb-de-vaart-demo', name: 'CLB De Vaart (demo)', type: 'clb', nis: '44021' },
  { slug: 'caw-noordoever-demo', name: 'CAW Noordoever (demo)', type: 'caw', nis: '11002' },
  {
    slug: 'huis-van-het-kind-zonnewijzer-demo',
    name: 'Huis van het Kind Zonnewijzer (demo)',
    type: 'huis_van_het_kind',
    nis: '71016',
  },
  {
    slug: 'welzijnsregie-kanaalzone-demo',
    name: 'Welzijnsregie Kanaalzone (demo)',
    type: 'lokaal_bestuur',
    nis: '44021',
  },
];

const people: {
  email: string;
  name: string;
  description: string;
  platformRoles?: PlatformRole[];
  membership?: { slug: string; role: OrganisationRole };
  /** Works on cases, so has a second factor (its key is printed with the password). */
  secondFactor?: boolean;
}[] = [
  {
    email: 'beheer@demo.brugwerk.invalid',
    name: 'Platformbeheer (demo)',
    description: 'platformbeheerder',
    platformRoles: ['platform-admin'],
  },
  {
    email: 'curator@demo.brugwerk.invalid',
    name: 'Ines Curator (demo)',
    description: 'curator',
    platformRoles: ['curator'],
  },
  {
    email: 'zorg@regenboog.demo.invalid',
    name: 'Lies Vermeulen (demo)',
    description: 'zorgcoördinator, beheerder De Regenboog',
    membership: { slug: 'bs-de-regenboog-demo', role: 'admin' },
    secondFactor: true,
  },
  {
    email: 'leerkracht@regenboog.demo.invalid',
    name: 'Karim El Amrani (demo)',
    description: 'leerkracht, lid De Regenboog',
    membership: { slug: 'bs-de-regenboog-demo', role: 'member' },
    secondFactor: true,
  },
  {
    email: 'anker@devaart.demo.invalid',
    name: 'Joke Peeters (demo)',
    description: 'CLB-anker, redacteur CLB De Vaart',
    membership: { slug: 'clb-de-vaart-demo', role: 'editor' },
    secondFactor: true,
  },
  {
    email: 'welzijn@noordoever.demo.invalid',
    name: 'Tom Claes (demo)',
    description: 'welzijnswerker op school, beheerder CAW',
    membership: { slug: 'caw-noordoever-demo', role: 'admin' },
    secondFactor: true,
  },
  {
    email: 'onthaal@zonnewijzer.demo.invalid',
    name: 'Nadia Bouzid (demo)',
    description: 'onthaal, lid Huis van het Kind',
    membership: { slug: 'huis-van-het-kind-zonnewijzer-demo', role: 'member' },
  },
  {
    email: 'regie@kanaalzone.demo.invalid',
    name: 'Pieter De Smet (demo)',
    description: 'regisseur, beheerder lokaal bestuur, signaalcoördinator Oost-Vlaanderen',
    membership: { slug: 'welzijnsregie-kanaalzone-demo', role: 'admin' },
  },
];

export interface DemoAccount {
  email: string;
  password: string;
  description: string;
  /** The TOTP key for an authenticator app, for accounts that work on cases. */
  secondFactorKey: string | null;
}

/**
 * Turns on the second factor of an account without its owner's app, by computing the first code
 * here: only for demo accounts and tests, where nobody is there to scan the QR code.
 */
export async function turnOnSecondFactor(deps: Deps, userId: string, email: string): Promise<string> {
  const { secret } = await startTotpEnrolment(deps, userId);
  const code = await currentTotpCode(secret, email, deps.clock.now());
  if (!(await confirmTotpEnrolment(deps, systemActor('demo:load'), userId, code)))
    throw new Error(`second factor not turned on for ${email}`);
  return secret;
}

/** Fills an empty database with demo data; returns the accounts with their (random) passwords. */
export async function loadDemoDataIfEmpty(deps: Deps): Promise<DemoAccount[] | null> {
  const any = await deps.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const actor = systemActor('demo:load');
  const ids = new Map<string, string>();
  for (const o of organisations) {
    const created = await accounts.createOrganisation(deps, actor, {
      slug: o.slug,
      name: o.name,
      type: o.type,
      municipalityNis: o.nis,
      isDemo: true,
    });
    ids.set(o.slug, created.id);
  }
  await loadDemoDirectory(deps.db, deps.clock.now());
  // The demo school and CAW manage their own entries in the sociale kaart (Ken je buurt, editing).
  for (const [slug, kind] of [
    ['bs-de-regenboog-demo', 'school'],
    ['caw-noordoever-demo', 'caw'],
  ] as const) {
    const entry = await deps.db
      .selectFrom('directory_organizations')
      .select('id')
      .where('kind', '=', kind)
      .orderBy('name')
      .limit(1)
      .executeTakeFirstOrThrow();
    await deps.db
      .updateTable('directory_organizations')
      .set({ owner_organisation_id: ids.get(slug)! })
      .where('id', '=', entry.id)
      .execute();
  }
  // Before the people exist, so publishing the demo fiches mails nobody.
  await loadDemoPractices(deps, ids);
  const result: DemoAccount[] = [];
  for (const p of people) {
    const password = randomBytes(9).toString('base64url');
    const user = await accounts.createUser(deps, actor, {
      email: p.email,
      name: p.name,
      password,
      platformRoles: p.platformRoles ?? [],
      isDemo: true,
    });
    if (p.membership) {
      await accounts.setMembership(deps, actor, {
        userId: user.id,
        organisationId: ids.get(p.membership.slug)!,
        role: p.membership.role,
      });
    }
    const secondFactorKey = p.secondFactor ? await turnOnSecondFactor(deps, user.id, p.email) : null;
    result.push({ email: p.email, password, description: p.description, secondFactorKey });
  }
  // The school's care coordinator ran a reflection with her team last year and this year.
  const facilitator = await deps.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'zorg@regenboog.demo.invalid')
    .executeTakeFirstOrThrow();
  const school = await deps.db
    .selectFrom('directory_organizations as d')
    .innerJoin('directory_locations as l', 'l.organization_id', 'd.id')
    .select(['d.id', 'l.latitude', 'l.longitude'])
    .where('d.owner_organisation_id', '=', ids.get('bs-de-regenboog-demo')!)
    .where('d.kind', '=', 'school')
    .where('l.latitude', 'is not', null)
    .executeTakeFirstOrThrow();
  await loadDemoReflection(
    deps,
    { userId: facilitator.id, correlationId: null },
    {
      organisationId: ids.get('bs-de-regenboog-demo')!,
      school: { id: school.id, latitude: school.latitude!, longitude: school.longitude! },
    },
  );
  // Her week in Toeleiding en casusoverleg: referrals, a consult with a round table, an intake.
  const userId = async (email: string) =>
    (await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const cawEntry = await deps.db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select('s.id')
    .where('o.owner_organisation_id', '=', ids.get('caw-noordoever-demo')!)
    .orderBy('s.name')
    .executeTakeFirstOrThrow();
  const elsewhere = await deps.db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select('s.id')
    .where('o.owner_organisation_id', 'is', null)
    .where('o.kind', '=', 'huis_van_het_kind')
    .orderBy('s.name')
    .executeTakeFirstOrThrow();
  await loadDemoCases(deps, {
    careCoordinator: facilitator.id,
    teacher: await userId('leerkracht@regenboog.demo.invalid'),
    welfareWorker: await userId('welzijn@noordoever.demo.invalid'),
    clbAnchor: await userId('anker@devaart.demo.invalid'),
    schoolOrganisationId: ids.get('bs-de-regenboog-demo')!,
    clbOrganisationId: ids.get('clb-de-vaart-demo')!,
    cawServiceId: cawEntry.id,
    otherServiceId: elsewhere.id,
  });
  // Signals from the school, the CLB, the CAW and the Huis van het Kind, and the regisseur handling them.
  await loadDemoSignals(deps, {
    coordinator: await userId('regie@kanaalzone.demo.invalid'),
    coordinatorOrganisationId: ids.get('welzijnsregie-kanaalzone-demo')!,
    careCoordinator: facilitator.id,
    teacher: await userId('leerkracht@regenboog.demo.invalid'),
    clbAnchor: await userId('anker@devaart.demo.invalid'),
    welfareWorker: await userId('welzijn@noordoever.demo.invalid'),
    familyCentre: await userId('onthaal@zonnewijzer.demo.invalid'),
  });
  // A learning network's region and invented indicators, so the region picture has something to show.
  await loadDemoRegions(deps, actor);
  // Collaborations with an agreement, a network against child poverty (meetings, an open action carried
  // over, an open event, two pulse rounds) and a members-only learning network.
  await loadDemoCollaboration(deps, actor, {
    schoolAdmin: facilitator.id,
    cawAdmin: await userId('welzijn@noordoever.demo.invalid'),
    governmentAdmin: await userId('regie@kanaalzone.demo.invalid'),
    organisations: {
      school: ids.get('bs-de-regenboog-demo')!,
      clb: ids.get('clb-de-vaart-demo')!,
      caw: ids.get('caw-noordoever-demo')!,
      familyCentre: ids.get('huis-van-het-kind-zonnewijzer-demo')!,
      government: ids.get('welzijnsregie-kanaalzone-demo')!,
    },
  });
  return result;
}
