import type { PageContext } from '../../../platform/views/page-context.ts';
import { type DimensionChange, SCALE, type StatementResult } from '../reflection.results.ts';

// The charts of a session's results, drawn by the server as SVG. Each sits beside a table with the
// same figures (the accessible reading), so the drawings are hidden from screen readers.

const SIZE = { width: 560, height: 400 };
const CENTRE = { x: SIZE.width / 2, y: SIZE.height / 2 };
const RADIUS = 130;

export const formatMean = (ctx: PageContext, n: number | null) =>
  n === null
    ? '–'
    : n.toLocaleString(`${ctx.locale}-BE`, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

const signed = (ctx: PageContext, n: number | null) =>
  n === null ? '–' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${formatMean(ctx, Math.abs(n))}`;

/** One axis per dimension, 1 (centre) to 5 (edge); the earlier session dashed when compared. */
function RadarDrawing(props: { axes: { title: string; value: number | null; before?: number | null }[] }) {
  const n = props.axes.length;
  const angle = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const point = (i: number, value: number) => {
    const r = (RADIUS * (value - 1)) / 4;
    return [CENTRE.x + r * Math.cos(angle(i)), CENTRE.y + r * Math.sin(angle(i))] as const;
  };
  const polygon = (values: (number | null | undefined)[]) =>
    values
      .map((v, i) =>
        point(i, v ?? 1)
          .map((c) => c.toFixed(1))
          .join(','),
      )
      .join(' ');
  const compared = props.axes.some((a) => a.before !== undefined);
  return (
    <svg
      class="radar"
      viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
      width={SIZE.width}
      height={SIZE.height}
      aria-hidden="true"
      focusable="false"
    >
      {SCALE.slice(1).map((level) => (
        <polygon key={level} class="radar__ring" points={polygon(props.axes.map(() => level))} />
      ))}
      {props.axes.map((a, i) => {
        const [x, y] = point(i, 5);
        const [lx, ly] = point(i, 5.9);
        const anchor = Math.abs(lx - CENTRE.x) < 10 ? 'middle' : lx < CENTRE.x ? 'end' : 'start';
        return (
          <g key={a.title}>
            <line class="radar__axis" x1={CENTRE.x} y1={CENTRE.y} x2={x} y2={y} />
            <text x={lx} y={ly + 4} text-anchor={anchor}>
              {a.title}
            </text>
          </g>
        );
      })}
      {compared ? <polygon class="radar__before" points={polygon(props.axes.map((a) => a.before))} /> : null}
      <polygon class="radar__now" points={polygon(props.axes.map((a) => a.value))} />
      {props.axes.map((a, i) => {
        if (a.value === null) return null;
        const [x, y] = point(i, a.value);
        return <circle key={a.title} class="radar__dot" cx={x} cy={y} r={4} />;
      })}
    </svg>
  );
}

/** The spinnenweb: mean per dimension, with its table; with the earlier session when compared. */
export function Radar(props: {
  ctx: PageContext;
  caption: string;
  dimensions: { title: string; mean: number | null }[];
  comparison?: { changes: DimensionChange[]; beforeLabel: string; afterLabel: string };
}) {
  const { ctx } = props;
  const { t } = ctx;
  const changes = props.comparison?.changes;
  const axes = changes
    ? changes.map((c) => ({ title: c.title, value: c.after, before: c.before }))
    : props.dimensions.map((d) => ({ title: d.title, value: d.mean }));
  return (
    <figure class="radar-figure">
      <RadarDrawing axes={axes} />
      {changes ? (
        <p class="radar-legend" aria-hidden="true">
          <span class="legend legend--now">{props.comparison!.afterLabel}</span>{' '}
          <span class="legend legend--before">{props.comparison!.beforeLabel}</span>
        </p>
      ) : null}
      <figcaption class="table-scroll">
        <table>
          <caption>{props.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reflection.results.dimension')}</th>
              {changes ? (
                <>
                  <th scope="col">{props.comparison!.beforeLabel}</th>
                  <th scope="col">{props.comparison!.afterLabel}</th>
                  <th scope="col">{t('reflection.compare.change')}</th>
                </>
              ) : (
                <th scope="col">{t('reflection.results.mean')}</th>
              )}
            </tr>
          </thead>
          <tbody>
            {changes
              ? changes.map((c) => (
                  <tr key={c.code}>
                    <th scope="row">{c.title}</th>
                    <td>{formatMean(ctx, c.before)}</td>
                    <td>{formatMean(ctx, c.after)}</td>
                    <td>{signed(ctx, c.change)}</td>
                  </tr>
                ))
              : props.dimensions.map((d) => (
                  <tr key={d.title}>
                    <th scope="row">{d.title}</th>
                    <td>{formatMean(ctx, d.mean)}</td>
                  </tr>
                ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

/** The spread of one statement's answers as a stacked bar: one part per value, 1 to 5. */
export function SpreadBar({ statement }: { statement: StatementResult }) {
  const width = 200;
  let x = 0;
  return (
    <svg
      class="spread"
      viewBox={`0 0 ${width} 16`}
      width={width}
      height={16}
      aria-hidden="true"
      focusable="false"
    >
      <rect class="spread__empty" x={0} y={0} width={width} height={16} />
      {statement.counts.map((count, i) => {
        if (!statement.answered || !count) return null;
        const w = (width * count) / statement.answered;
        const part = <rect key={i} class={`spread__${i + 1}`} x={x} y={0} width={w} height={16} />;
        x += w;
        return part;
      })}
    </svg>
  );
}
