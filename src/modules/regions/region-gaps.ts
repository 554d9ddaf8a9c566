import { type AgeGroup, ageGroups, type NeedCode, needCodes } from '../../platform/vocabularies.ts';

// The gap analysis of a region, as plain arithmetic so it can be checked by hand (the tests do).
// For every need × age group (under 12, 12 plus):
// - need ratio: the mean, over the region's rate indicators for that need and age group (an
//   indicator for all ages counts in both groups), of region ÷ Flanders (Flanders ÷ region where a
//   lower value means more need). Counts (indicators that add up) are shown but not compared: a
//   region's total says nothing about need without its size.
// - supply ratio: the services an average municipality of the region can count on ÷ the same for an
//   average Flemish municipality.
// - a gap where the need ratio is at least 1 + MARGIN and the supply ratio at most 1 − MARGIN; a
//   strength where the supply ratio is at least 1 + MARGIN and the need ratio below 1 + MARGIN;
//   otherwise balanced; unknown without an indicator or without Flemish supply to compare with.

export const MARGIN = 0.1;
export type Verdict = 'gap' | 'strength' | 'balanced' | 'unknown';

export interface IndicatorFigure {
  code: string;
  combine: 'sum' | 'mean';
  higherMeansMoreNeed: boolean;
  ageGroup: AgeGroup | 'all';
  needs: string[];
  /** The region's figure and the Flemish figure; null where no municipality has a value. */
  region: number | null;
  flanders: number | null;
}

export interface SupplyFigure {
  need: string;
  ageGroup: AgeGroup;
  /** Mean number of services reaching a municipality of the region, and of Flanders. */
  regionMean: number;
  flandersMean: number;
}

export interface Cell {
  need: NeedCode;
  ageGroup: AgeGroup;
  /** The indicators that entered the need ratio. */
  indicators: string[];
  needRatio: number | null;
  supplyRatio: number | null;
  verdict: Verdict;
}

/** An indicator's region ÷ Flanders, turned so that above 1 always means more need; null when not comparable. */
export function needRatioOf(i: IndicatorFigure): number | null {
  if (i.combine !== 'mean' || i.region === null || i.flanders === null) return null;
  const [top, bottom] = i.higherMeansMoreNeed ? [i.region, i.flanders] : [i.flanders, i.region];
  return bottom > 0 ? top / bottom : null;
}

export function verdictOf(needRatio: number | null, supplyRatio: number | null): Verdict {
  if (needRatio === null || supplyRatio === null) return 'unknown';
  if (needRatio >= 1 + MARGIN && supplyRatio <= 1 - MARGIN) return 'gap';
  if (supplyRatio >= 1 + MARGIN && needRatio < 1 + MARGIN) return 'strength';
  return 'balanced';
}

export function assessCells(indicators: IndicatorFigure[], supply: SupplyFigure[]): Cell[] {
  return needCodes.flatMap((need) =>
    ageGroups.map((ageGroup): Cell => {
      const ratios = indicators
        .filter((i) => i.needs.includes(need) && (i.ageGroup === 'all' || i.ageGroup === ageGroup))
        .map((i) => ({ code: i.code, ratio: needRatioOf(i) }))
        .filter((r): r is { code: string; ratio: number } => r.ratio !== null);
      const needRatio = ratios.length ? ratios.reduce((a, r) => a + r.ratio, 0) / ratios.length : null;
      const s = supply.find((f) => f.need === need && f.ageGroup === ageGroup);
      const supplyRatio = s && s.flandersMean > 0 ? s.regionMean / s.flandersMean : null;
      return {
        need,
        ageGroup,
        indicators: ratios.map((r) => r.code),
        needRatio,
        supplyRatio,
        verdict: verdictOf(needRatio, supplyRatio),
      };
    }),
  );
}
