import { type Actor, type Deps } from '../../platform/deps.ts';
import { importIndicatorCsv, type IndicatorDefinition } from './indicators.service.ts';
import { saveRegionGroup } from './region-groups.service.ts';
import * as repo from './regions.repository.ts';

// DEMO DATA: an invented learning network around the canal zone north of Gent, and three invented
// indicators for every municipality of Flanders and Brussels. The figures are made up (a fixed
// formula on the NIS code, a little higher in the larger cities) so the region picture has
// something to compare; they describe no real municipality and say so in their source.

const DEMO_SOURCE = 'Demogegevens: verzonnen cijfers voor de demo, geen echte statistiek';
const CITIES = new Set(['11002', '44021', '71016', '21004', '31005', '24062']);

/** A made-up value between low and high, always the same for the same municipality. */
function demoValue(nis: string, salt: number, low: number, high: number): number {
  const spread = ((Number(nis) * 7919 + salt * 104729) % 1000) / 1000;
  const value = low + spread * (high - low) + (CITIES.has(nis) ? (high - low) * 0.4 : 0);
  return Math.round(value * 10) / 10;
}

const indicators: { definition: IndicatorDefinition; salt: number; low: number; high: number }[] = [
  {
    definition: {
      code: 'demo-kansarmoede',
      nameNl: 'Kansarmoede-index bij geboorte (demo)',
      nameFr: 'Indice de défavorisation à la naissance (démo)',
      unit: '%',
      combine: 'mean',
      higherMeansMoreNeed: true,
      ageGroup: 'under12',
      needs: ['POV', 'FIN', 'PAR'],
    },
    salt: 1,
    low: 3,
    high: 22,
  },
  {
    definition: {
      code: 'demo-schoolse-vertraging',
      nameNl: 'Leerlingen met schoolse vertraging in het secundair (demo)',
      nameFr: 'Élèves en retard scolaire dans le secondaire (démo)',
      unit: '%',
      combine: 'mean',
      higherMeansMoreNeed: true,
      ageGroup: '12plus',
      needs: ['EDU', 'LANG'],
    },
    salt: 2,
    low: 10,
    high: 30,
  },
  {
    definition: {
      code: 'demo-thuistaal',
      nameNl: 'Leerlingen met een andere thuistaal dan Nederlands (demo)',
      nameFr: 'Élèves dont la langue familiale n’est pas le néerlandais (démo)',
      unit: '%',
      combine: 'mean',
      higherMeansMoreNeed: true,
      ageGroup: 'all',
      needs: ['LANG', 'EDU'],
    },
    salt: 3,
    low: 4,
    high: 35,
  },
];

export async function loadDemoRegions(deps: Deps, actor: Actor): Promise<void> {
  await saveRegionGroup(deps, actor, null, {
    name: 'Lerend netwerk Kanaalzone (demo)',
    kind: 'learning_network',
    description:
      'Verzonnen lerend netwerk voor de demo: scholen, CLB en welzijnspartners rond de kanaalzone ten noorden van Gent.',
    municipalities: ['44021', '44019', '43018', '44087', '44013'],
  });
  const municipalities = await repo.findMunicipalities(deps.db, { regions: ['VLG', 'BRU'] });
  for (const i of indicators) {
    const csv = [
      'nis;waarde',
      ...municipalities.map((m) => `${m.nis_code};${demoValue(m.nis_code, i.salt, i.low, i.high)}`),
    ].join('\n');
    await importIndicatorCsv(deps, actor, { indicator: i.definition, year: 2025, source: DEMO_SOURCE, csv });
  }
}
