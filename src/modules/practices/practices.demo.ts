import { type Deps, systemActor } from '../../platform/deps.ts';
import { demoFiches1, type DemoFiche } from './demo/fiches-1.ts';
import { demoFiches2 } from './demo/fiches-2.ts';
import { contentFromText, type FicheContent } from './fiche.ts';
import { parseFicheText } from './fiche-text.ts';
import { municipalityNames, publishNewFiche } from './practices.service.ts';

// DEMO DATA: 30 invented practice fiches across the need codes, published and owned by the demo
// organisations. See demo/ for the texts.

export const demoFiches: DemoFiche[] = [...demoFiches1, ...demoFiches2];

/** A demo fiche as Brugwerk keeps it: its text read as an import would, plus what only Brugwerk keeps. */
export function demoContent(demo: DemoFiche, municipalities: Map<string, string>): FicheContent {
  const content = contentFromText(parseFicheText(demo.text, municipalities));
  return {
    ...content,
    needCodes: demo.needs,
    cooperationForms: demo.forms,
    evidenceStep: demo.evidence ?? 'described',
    buildingBlocks: (demo.blocks ?? []).map(([name, description]) => ({ name, description })),
    sites: (demo.sites ?? []).map(([name, municipality, since, blocks]) => ({
      name,
      municipality,
      nis: municipalities.get(municipality.toLowerCase()) ?? null,
      since,
      blocks,
    })),
    figures: (demo.figures ?? []).map(([schoolYear, indicator, value]) => ({ schoolYear, indicator, value })),
    ratings: (demo.ratings ?? []).map(([source, url, summary]) => ({ source, url, summary })),
    contact: { name: 'Demo-contact', email: 'praktijken@demo.brugwerk.invalid', phone: '' },
  };
}

/** Publishes the demo fiches; `owners` maps demo organisation slugs to their ids. */
export async function loadDemoPractices(deps: Deps, owners: Map<string, string>) {
  const municipalities = await municipalityNames(deps);
  const actor = systemActor('demo:load');
  for (const demo of demoFiches) {
    await publishNewFiche(deps, actor, {
      content: demoContent(demo, municipalities),
      ownerOrganisationId: owners.get(demo.owner) ?? null,
      isDemo: true,
    });
  }
}
