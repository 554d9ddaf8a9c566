import { sql } from 'kysely';
import { brusselsDay } from '../../platform/clock.ts';
import type { Deps } from '../../platform/deps.ts';
import { publicCount } from '../../platform/small-counts.ts';
import { type AgeGroup, ageGroupOf, ageGroups, needCodes } from '../../platform/vocabularies.ts';
import { caseCountsIn } from '../cases/cases.statistics.ts';
import { contactPointsIn, servicesPerMunicipality, servicesReaching } from '../directory/directory.supply.ts';
import { publishedPracticesIn } from '../practices/practices.service.ts';
import { signalCountsIn } from '../signals/signals.service.ts';
import { assessCells, type IndicatorFigure, needRatioOf, type SupplyFigure } from './region-gaps.ts';
import type { Region } from './region-groups.service.ts';
import * as repo from './regions.repository.ts';

// The picture of a region (issue: supply, demand, gaps and strengths, compared with Flanders),
// gathered through each module's own service and published with small counts suppressed.

const round = (n: number | null, digits = 2) => (n === null ? null : Number(n.toFixed(digits)));

const combined = (values: number[], combine: 'sum' | 'mean') =>
  values.length === 0
    ? null
    : combine === 'sum'
      ? values.reduce((a, v) => a + v, 0)
      : values.reduce((a, v) => a + v, 0) / values.length;

/** Each indicator at its latest year: the region's figure, the Flemish figure and each municipality's value. */
async function indicatorFigures(deps: Deps, municipalities: string[], flemish: Set<string>) {
  const [definitions, values] = await Promise.all([
    deps.db.selectFrom('region_indicators').selectAll().orderBy('name_nl').execute(),
    deps.db
      .selectFrom('region_indicator_values as v')
      .select(['v.indicator_code', 'v.year', 'v.nis_code', 'v.value', 'v.source'])
      .where(
        'v.year',
        '=',
        sql<number>`(SELECT max(w.year) FROM region_indicator_values w WHERE w.indicator_code = v.indicator_code)`,
      )
      .execute(),
  ]);
  const inRegion = new Set(municipalities);
  return definitions.flatMap((d) => {
    const own = values.filter((v) => v.indicator_code === d.code);
    if (own.length === 0) return [];
    const regionValues = own.filter((v) => inRegion.has(v.nis_code));
    const figure: IndicatorFigure = {
      code: d.code,
      combine: d.combine,
      higherMeansMoreNeed: d.higher_means_more_need,
      ageGroup: d.age_group,
      needs: d.needs,
      region: combined(
        regionValues.map((v) => v.value),
        d.combine,
      ),
      flanders: combined(
        own.filter((v) => flemish.has(v.nis_code)).map((v) => v.value),
        d.combine,
      ),
    };
    const byNis = new Map(regionValues.map((v) => [v.nis_code, v.value]));
    return [
      {
        ...figure,
        nameNl: d.name_nl,
        nameFr: d.name_fr,
        unit: d.unit,
        year: own[0]!.year,
        sources: [...new Set(own.map((v) => v.source))],
        covered: regionValues.length,
        ratio: needRatioOf(figure),
        perMunicipality: municipalities.map((nis) => ({ nis, value: byNis.get(nis) ?? null })),
      },
    ];
  });
}

/** Mean services per municipality, per need and age group, for the region and for Flanders. */
async function supplyFigures(deps: Deps, municipalities: string[], flemish: Set<string>) {
  const perMunicipality = await servicesPerMunicipality(deps);
  const inRegion = new Set(municipalities);
  const mean = (need: string, ageGroup: AgeGroup, within: Set<string>) =>
    within.size === 0
      ? 0
      : perMunicipality
          .filter((r) => r.need === need && r.ageGroup === ageGroup && within.has(r.nis))
          .reduce((a, r) => a + r.services, 0) / within.size;
  const figures: SupplyFigure[] = needCodes.flatMap((need) =>
    ageGroups.map((ageGroup) => ({
      need,
      ageGroup,
      regionMean: mean(need, ageGroup, inRegion),
      flandersMean: mean(need, ageGroup, flemish),
    })),
  );
  const layer = (need: string, ageGroup: AgeGroup) =>
    municipalities.map((nis) => ({
      nis,
      value:
        perMunicipality.find((r) => r.nis === nis && r.need === need && r.ageGroup === ageGroup)?.services ??
        0,
    }));
  return { figures, layer };
}

/** The first day of the month a year before this one: case and signal counts cover the time since. */
export function countingSince(now: Date): string {
  const [year, month] = brusselsDay(now).split('-').map(Number) as [number, number];
  return `${year - 1}-${String(month).padStart(2, '0')}-01`;
}

/** Everything the region page, its report and its open data show. */
export async function regionPicture(deps: Deps, region: Region) {
  const nis = region.municipalities.map((m) => m.nisCode);
  const flemish = new Set(
    (await repo.findMunicipalities(deps.db, { regions: ['VLG'] })).map((m) => m.nis_code),
  );
  const since = countingSince(deps.clock.now());
  const [indicators, supply, reaching, contactPoints, practices, cases, signals] = await Promise.all([
    indicatorFigures(deps, nis, flemish),
    supplyFigures(deps, nis, flemish),
    servicesReaching(deps, nis),
    contactPointsIn(deps, nis),
    publishedPracticesIn(deps, nis),
    caseCountsIn(deps, nis, since),
    signalCountsIn(
      deps,
      { municipalities: nis, workRegion: region.kind === 'work_region' ? region.slug : null },
      since,
    ),
  ]);
  const cells = assessCells(indicators, supply.figures).map((cell) => {
    const s = supply.figures.find((f) => f.need === cell.need && f.ageGroup === cell.ageGroup)!;
    const r = reaching.find((f) => f.need === cell.need && f.ageGroup === cell.ageGroup);
    return {
      ...cell,
      needRatio: round(cell.needRatio),
      supplyRatio: round(cell.supplyRatio),
      services: r?.services ?? 0,
      waitingList: r?.waitingList ?? 0,
      full: r?.full ?? 0,
      servicesPerMunicipality: round(s.regionMean),
      flemishServicesPerMunicipality: round(s.flandersMean),
    };
  });
  const caseCount = (kind: string, need: string, group: AgeGroup | null) =>
    cases
      .filter(
        (c) => c.kind === kind && c.need === need && (group === null || ageGroupOf(c.ageBand) === group),
      )
      .reduce((a, c) => a + c.count, 0);
  return {
    region,
    since,
    until: brusselsDay(deps.clock.now()),
    cells,
    indicators: indicators.map(({ perMunicipality: _, ...i }) => ({
      ...i,
      region: round(i.region),
      flanders: round(i.flanders),
      ratio: round(i.ratio),
    })),
    demand: needCodes.map((need) => ({
      need,
      referrals: publicCount(caseCount('referral', need, null)),
      consultationsUnder12: publicCount(caseCount('consultation', need, 'under12')),
      consultations12plus: publicCount(caseCount('consultation', need, '12plus')),
      signals: publicCount(signals.get(need) ?? 0),
    })),
    contactPoints,
    practices,
    /** Map layers: each indicator, and the services per municipality of each need and age group. */
    layers: {
      indicators: new Map(indicators.map((i) => [i.code, i.perMunicipality])),
      supply: supply.layer,
    },
  };
}
export type RegionPicture = Awaited<ReturnType<typeof regionPicture>>;
