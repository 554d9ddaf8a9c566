import { loadCurrentUser } from '../accounts/authenticate.ts';
import { assignRole } from '../collaboration/coordinator-roles.service.ts';
import { brusselsDay, days, ManualClock } from '../../platform/clock.ts';
import type { Actor, Deps } from '../../platform/deps.ts';
import {
  bundleSignal,
  raiseSignal,
  recordEndorsement,
  recordRecommendation,
  type SignalInput,
} from './signals.service.ts';

// DEMO DATA: the signals of an invented school, CLB, CAW and Huis van het Kind, handled by the
// invented local government's coordinator. Every text below is written for the demo; nothing
// describes a real organisation. Made through the services with the clock set back, so the
// follow-up log and the senders' mails read as they would have happened.

export interface DemoSignalPeople {
  /** The local government's regisseur: signal coordinator of East Flanders. */
  coordinator: string;
  coordinatorOrganisationId: string;
  careCoordinator: string;
  teacher: string;
  clbAnchor: string;
  welfareWorker: string;
  /** In Limburg, where no coordinator works yet: her signal stays new. */
  familyCentre: string;
}

const EAST_FLANDERS = '40000';

export async function loadDemoSignals(deps: Deps, p: DemoSignalPeople): Promise<void> {
  const now = deps.clock.now().getTime();
  const at = (daysAgo: number): Deps => ({ ...deps, clock: new ManualClock(new Date(now - days(daysAgo))) });
  const day = (daysAgo: number) => brusselsDay(new Date(now - days(daysAgo)));
  const as = async (userId: string) => ({
    actor: { userId, correlationId: null } satisfies Actor,
    user: (await loadCurrentUser(deps, userId, 'session'))!,
  });
  const coordinator = await as(p.coordinator);
  await assignRole(deps, coordinator.actor, {
    code: 'signal',
    regionCode: EAST_FLANDERS,
    userId: p.coordinator,
    organisationId: p.coordinatorOrganisationId,
    deputy: false,
  });
  const signal = async (
    daysAgo: number,
    userId: string,
    input: Pick<SignalInput, 'title' | 'description' | 'needs' | 'sector' | 'frequency' | 'sourceType'> &
      Partial<SignalInput>,
  ) => {
    const sender = await as(userId);
    return raiseSignal(at(daysAgo), sender.actor, sender.user, {
      place: { municipality: '44021' },
      seenSince: null,
      mayBeNamed: false,
      organisationId: sender.user.memberships[0]?.organisationId ?? null,
      ...input,
    });
  };

  const trips = await signal(62, p.careCoordinator, {
    title: 'Facturen voor uitstappen stapelen zich op (demo)',
    description:
      'Sinds september krijgen meer ouders een herinnering voor de schoolrekening. Vooral de meerdaagse uitstappen in het vijfde en zesde leerjaar wegen: sommige kinderen blijven thuis. (demo)',
    needs: ['FIN', 'EDU'],
    sector: 'education',
    frequency: 'often',
    sourceType: 'school',
    seenSince: '2025-09-01',
    mayBeNamed: true,
  });
  const secondary = await signal(48, p.clbAnchor, {
    title: 'Schoolkosten in het eerste jaar secundair te hoog voor gezinnen (demo)',
    description:
      'In gesprekken op het CLB horen we vaak dat ouders de laptop en het werkmateriaal voor het eerste jaar niet kunnen betalen. Het schoolfonds is op voor het jaar om is. (demo)',
    needs: ['FIN', 'EDU', 'POV'],
    sector: 'education',
    frequency: 'structural',
    sourceType: 'school',
  });
  const breakfast = await signal(35, p.teacher, {
    title: 'Kinderen komen zonder ontbijt naar school (demo)',
    description:
      'Elke ochtend zitten er in mijn klas een paar kinderen die nog niet gegeten hebben. Ze kunnen zich slecht concentreren tot de middag. (demo)',
    needs: ['POV', 'HEALTH'],
    sector: 'welfare',
    frequency: 'structural',
    sourceType: 'school',
  });
  await signal(9, p.welfareWorker, {
    title: 'Wachttijd voor budgetbegeleiding loopt op tot vier maanden (demo)',
    description:
      'Gezinnen die we toeleiden naar budgetbegeleiding wachten drie tot vier maanden op een eerste gesprek. Intussen lopen de schulden op. (demo)',
    needs: ['FIN', 'ADM'],
    sector: 'welfare',
    frequency: 'often',
    sourceType: 'welfare',
    mayBeNamed: true,
  });
  await signal(5, p.familyCentre, {
    title: 'Geen kinderopvang voor ouders die een opleiding starten (demo)',
    description:
      'Ouders die een taal- of beroepsopleiding willen volgen, vinden geen opvang voor hun jongste kind en haken af. (demo)',
    needs: ['PAR', 'LANG'],
    sector: 'welfare',
    frequency: 'sometimes',
    sourceType: 'welfare',
    place: { municipality: '71016' },
  });

  // The coordinator bundles the two school-cost signals, the working group endorses them and a
  // recommendation goes to the alderman; the breakfast signal is being looked into.
  const costs = await bundleSignal(at(45), coordinator.actor, coordinator.user, trips, {
    title: 'Schoolkosten die gezinnen niet kunnen dragen (demo)',
  });
  await bundleSignal(at(44), coordinator.actor, coordinator.user, secondary, { bundleId: costs });
  await recordEndorsement(at(30), coordinator.actor, coordinator.user, costs, {
    endorsed: true,
    workingGroup: 'Werkgroep kinderarmoede Kanaalzone (demo)',
    date: day(30),
    note: 'De werkgroep herkent het probleem in meerdere scholen en neemt het mee. (demo)',
  });
  await recordRecommendation(at(12), coordinator.actor, coordinator.user, costs, {
    level: 'local',
    addressee: 'Schepen van onderwijs (demo)',
    recommendation:
      'Maak met de scholen afspraken over een maximumfactuur voor uitstappen en een gedeeld fonds voor het eerste jaar secundair, met een eenvoudige, discrete aanvraag. (demo)',
    date: day(12),
    note: 'De aanbeveling ligt bij de schepen; een antwoord verwachten we na de gemeenteraad. (demo)',
  });
  await bundleSignal(at(20), coordinator.actor, coordinator.user, breakfast, {
    title: 'Kinderen zonder ontbijt (demo)',
  });

  await deps.db.updateTable('signals').set({ is_demo: true }).execute();
  await deps.db.updateTable('signal_bundles').set({ is_demo: true }).execute();
}
