import type { Actor, Deps } from '../../platform/deps.ts';
import type { Point } from '../../platform/search/geo.ts';
import * as repo from './reflection.repository.ts';
import {
  addAction,
  type AnswerRow,
  recordAnswers,
  repeatSession,
  saveNotes,
  setSessionStatus,
  startSession,
} from './reflection.service.ts';

// DEMO DATA: a school team's reflection in two school years, with invented answers, notes and
// action points, so the results, the comparison and the next steps can be seen without a team.

// Per dimension, the team's typical answer in the first and the second year (1–5).
const typical: Record<string, [number, number]> = {
  noden: [4, 4],
  positie: [3, 4],
  toegankelijkheid: [2, 3],
  werelden: [3, 3],
  afstemming: [2, 4],
  middelen: [2, 2],
  hefbomen: [3, 4],
  rollen: [3, 3],
  ouders: [3, 4],
};

const openAnswers = [
  'Omdat we zien dat zorgen thuis het leren in de klas in de weg zitten.',
  'We willen ouders sneller bij de juiste partner krijgen, niet alleen een folder meegeven.',
  'Een vaste contactpersoon bij het CAW zou veel schelen.',
  'Vaker samen met de ouder bellen in plaats van een nummer doorgeven.',
  'Ouders mee laten beslissen wat we doorgeven aan het CLB.',
  'Tijd op de personeelsvergadering om casussen samen te bekijken.',
];

export async function loadDemoReflection(
  deps: Deps,
  actor: Actor,
  team: { organisationId: string; school: { id: string } & Point },
) {
  const set = (await repo.findSets(deps.db)).find((s) => s.audience === 'school')!;
  const firstId = await startSession(deps, actor, {
    setId: set.id,
    organisationId: team.organisationId,
    team: 'Schoolteam lager (demo)',
    schoolYear: '2025-2026',
    dimensions: [],
    location: team.school,
  });
  const first = (await repo.findSessionById(deps.db, firstId))!;
  await answerAsTeam(deps, first, 7, 0);
  await setSessionStatus(deps, actor, firstId, 'closed');
  await saveNotes(
    deps,
    firstId,
    'We zijn het eens dat ouders met veel vragen bij ons komen, maar we verschillen sterk over wat we daarna doen. Terugkoppeling na een doorverwijzing ontbreekt bijna altijd.',
  );
  await addAction(deps, firstId, {
    description: 'Afspraak met het CAW over een vast aanspreekpunt voor de school',
    owner: 'zorgcoördinator',
    dueOn: '2025-12-19',
  });
  await addAction(deps, firstId, {
    description: 'Op het oudercontact samen met de brugfiguur de weg naar het Huis van het Kind tonen',
    owner: 'brugfiguur',
    dueOn: '2026-02-27',
  });
  const secondId = await repeatSession(deps, actor, first);
  const second = (await repo.findSessionById(deps.db, secondId))!;
  await answerAsTeam(deps, second, 8, 1);
  await setSessionStatus(deps, actor, secondId, 'closed');
  await deps.db
    .updateTable('reflection_sessions')
    .set({ is_demo: true })
    .where('id', 'in', [firstId, secondId])
    .execute();
}

/** Invented answers of `people` team members, around the typical answer of the year. */
async function answerAsTeam(deps: Deps, session: repo.SessionRow, people: number, year: 0 | 1) {
  const version = await repo.findSetVersion(deps.db, session.set_version_id);
  for (let person = 0; person < people; person++) {
    const answers: AnswerRow[] = [];
    for (const d of version.content.dimensions)
      for (const [i, e] of d.exercises.entries()) {
        const spread = ((person + i) % 3) - 1;
        if (e.type === 'scale')
          answers.push({
            exerciseId: e.id,
            scale: Math.min(5, Math.max(1, typical[d.code]![year] + spread)),
          });
        if (e.type === 'endings')
          for (const ending of [1, 2 + ((person + year) % 6)])
            answers.push({ exerciseId: e.id, choice: String(ending) });
        if (e.type === 'open' && person % 2 === 0)
          answers.push({ exerciseId: e.id, text: openAnswers[(person + i) % openAnswers.length]! });
        if (e.type === 'neighbourhood')
          for (const [k, partner] of session.partners.entries())
            answers.push({
              exerciseId: e.id,
              choice: k % 3 === 0 || (year === 1 && k % 3 === 1) ? 'working_together' : 'not_yet',
              partnerId: partner.id,
            });
      }
    await recordAnswers(deps, session, `demo-${session.id}-${person}`, answers);
  }
}
