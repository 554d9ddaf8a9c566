import { scaleBand, scaleLinear } from 'd3-scale';
import { formatNumber } from '../../../platform/views/components.tsx';
import type { PageContext } from '../../../platform/views/page-context.ts';
import type { YearFigure } from '../fiche.ts';

const WIDTH = 240;
const HEIGHT = 110;
const MARGIN = { top: 16, right: 4, bottom: 20, left: 4 };

/**
 * The figures per school year: a table (the accessible reading) and, per indicator, a small bar
 * chart drawn as SVG, since indicators differ too much in size to share one axis.
 */
export function YearFigures({ ctx, figures }: { ctx: PageContext; figures: YearFigure[] }) {
  const { t } = ctx;
  if (figures.length === 0) return null;
  const years = [...new Set(figures.map((f) => f.schoolYear))].sort();
  const indicators = [...new Set(figures.map((f) => f.indicator))];
  const value = (year: string, indicator: string) =>
    figures.find((f) => f.schoolYear === year && f.indicator === indicator)?.value;
  return (
    <section class="practice-figures" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('practices.fiche.figures')}</h2>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t('practices.fiche.figuresCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('practices.fiche.indicator')}</th>
              {years.map((y) => (
                <th scope="col" key={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {indicators.map((i) => (
              <tr key={i}>
                <th scope="row">{i}</th>
                {years.map((y) => {
                  const v = value(y, i);
                  return <td key={y}>{v === undefined ? '–' : formatNumber(ctx, v, 3)}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="figure-charts" aria-hidden="true">
        {indicators.map((indicator) => {
          const x = scaleBand<string>()
            .domain(years)
            .range([MARGIN.left, WIDTH - MARGIN.right])
            .padding(0.25);
          const max = Math.max(...figures.filter((f) => f.indicator === indicator).map((f) => f.value), 1);
          const y = scaleLinear()
            .domain([0, max])
            .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
          return (
            <figure key={indicator}>
              <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} focusable="false">
                {years.map((year) => {
                  const v = value(year, indicator);
                  if (v === undefined) return null;
                  const left = x(year)!;
                  return (
                    <g key={year}>
                      <rect
                        class="bar"
                        x={left}
                        y={y(v)}
                        width={x.bandwidth()}
                        height={HEIGHT - MARGIN.bottom - y(v)}
                      />
                      <text x={left + x.bandwidth() / 2} y={y(v) - 3} text-anchor="middle">
                        {formatNumber(ctx, v, 3)}
                      </text>
                      <text x={left + x.bandwidth() / 2} y={HEIGHT - 6} text-anchor="middle">
                        {year.slice(2, 4)}-{year.slice(7)}
                      </text>
                    </g>
                  );
                })}
              </svg>
              <figcaption>{indicator}</figcaption>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
